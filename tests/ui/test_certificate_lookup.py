"""The events page looks a certificate up by the serial printed on it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.work_helpers import TODAY, add_volunteer, make_office

from asr_desktop.domain.thai_digits import to_thai_digits
from asr_desktop.domain.work import Attendee, AttendeeRole, Event
from asr_desktop.services.events import EventService
from asr_desktop.services.office import Office
from asr_desktop.services.privacy import anonymise
from asr_desktop.store.database import memory_database
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.events_page import ERASED_STYLE, FOUND_STYLE, NOT_FOUND_STYLE, EventsPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def page(qtbot):
    """An older training with three volunteers (the third erased) and a newer meeting."""
    db = memory_database()
    make_office(db)
    ids = [add_volunteer(db, n, "470101") for n in (1, 2, 3)]
    events = EventService(db)
    training = events.save(
        Event(
            "อบรมอาสาสมัครแรงงาน", date(2025, 11, 3), end_date=date(2025, 11, 4), venue="ศาลากลาง"
        ),
        [Attendee(AttendeeRole.LEAD, volunteer_id=vid) for vid in ids]
        + [Attendee(AttendeeRole.STAFF, guest_name="นางสาวอรทัย ใจดี")],
    )
    events.save(
        Event("ประชุมประจำเดือน", date(2025, 12, 1)),
        [Attendee(AttendeeRole.LEAD, volunteer_id=ids[0])],
    )
    anonymise(db, ids[2])
    page = EventsPage(AppContext(Office.adopt(db, Path("test.db"), today=lambda: TODAY)))
    qtbot.addWidget(page)
    assert page.selected_event().title == "ประชุมประจำเดือน"  # the newest comes first
    return page, ids, training


def look_up(page: EventsPage, typed: str) -> str:
    page.serial_search.setText(typed)
    page.serial_search.returnPressed.emit()
    assert page.certificate_result.isVisibleTo(page)
    return page.certificate_result.text().replace("\u200b", "")


def selected_name(page: EventsPage) -> str:
    rows = page.attendees.selectionModel().selectedRows()
    return page.attendee_model.row_object(rows[0].row()).name if rows else ""


def test_found_selects_the_event_and_the_person(page) -> None:
    page, ids, training = page
    serial = f"47-{training:04d}-V{ids[1]:05d}"
    text = look_up(page, f"  เลขที่ {serial} ")
    assert page.selected_event().id == training
    name = selected_name(page)
    assert name and "ลบข้อมูล" not in name
    assert text == (
        f"เกียรติบัตรเลขที่ {serial} ออกให้ {name} (แกนนำ) กิจกรรม อบรมอาสาสมัครแรงงาน "
        "วันที่ 3 พ.ย. 2568 – 4 พ.ย. 2568"
    )
    assert page.certificate_result.styleSheet() == FOUND_STYLE
    text = look_up(page, f"47-{training:04d}-G001")  # a guest typed in by name
    assert "ออกให้ นางสาวอรทัย ใจดี (เจ้าหน้าที่)" in text
    assert selected_name(page) == "นางสาวอรทัย ใจดี"


def test_thai_digits_as_printed_in_letters(page) -> None:
    page, ids, training = page
    serial = f"47-{training:04d}-V{ids[0]:05d}"
    text = look_up(page, "เลขที่ " + to_thai_digits(serial))
    assert text.startswith(f"เกียรติบัตรเลขที่ {serial} ออกให้ ")
    assert page.selected_event().id == training


def test_not_found_says_why_and_keeps_the_selection(page) -> None:
    page, _ids, training = page
    before = page.selected_event().id
    text = look_up(page, f"47-{training:04d}-V09999")
    assert text.startswith(f"ไม่พบเกียรติบัตรเลขที่ 47-{training:04d}-V09999")
    assert page.certificate_result.styleSheet() == NOT_FOUND_STYLE
    assert page.selected_event().id == before
    assert look_up(page, "สมชาย").startswith("สมชาย ไม่ใช่เลขที่เกียรติบัตร")
    assert "ไม่มีกิจกรรมรหัส 99" in look_up(page, "47-0099-V00001")
    page.reload()  # after a change to the events, an old answer is not left standing
    assert not page.certificate_result.isVisibleTo(page)


def test_erased_person_certificate_is_valid_but_unnamed(page) -> None:
    page, ids, training = page
    serial = f"47-{training:04d}-V{ids[2]:05d}"
    text = look_up(page, serial)
    assert page.selected_event().id == training
    assert text.startswith(f"เกียรติบัตรเลขที่ {serial} ถูกต้อง ออกในกิจกรรม") and "ถูกลบ" in text
    assert page.certificate_result.styleSheet() == ERASED_STYLE
    assert selected_name(page) == ""  # the erased are on no list
    names = [r.name for r in page.attendee_model.rows]
    assert not any(n and n in text for n in names)


def test_ctrl_f_goes_to_the_serial_box(page, qtbot) -> None:
    page, _ids, _training = page
    page.show()
    page.activateWindow()
    qtbot.waitActive(page)
    page.focus_search()
    qtbot.waitUntil(page.serial_search.hasFocus)
