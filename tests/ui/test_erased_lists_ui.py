"""The screens that list people show no erased person, and say past counts as a number."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.work_helpers import TODAY, add_volunteer, make_office

from asr_desktop.domain.month import Month
from asr_desktop.domain.work import Activity, Attendee, AttendeeRole, CategoryKind, Event
from asr_desktop.services.activities import ActivityService
from asr_desktop.services.events import EventService
from asr_desktop.services.office import Office
from asr_desktop.services.privacy import anonymise
from asr_desktop.store.categories import CategoryStore
from asr_desktop.store.database import memory_database
from asr_desktop.store.events import EventStore
from asr_desktop.ui.context import AppContext

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

ERASED = "ลบข้อมูลแล้ว"


@pytest.fixture
def erased(qtbot):
    """Three volunteers at one event, with work in November 2568; the second is erased."""
    db = memory_database()
    make_office(db)
    ids = [add_volunteer(db, n, "470101") for n in (1, 2, 3)]
    mission = CategoryStore(db).all(CategoryKind.MISSION)[0].id
    assert mission is not None
    for vid in ids:
        ActivityService(db, today=lambda: TODAY).save(Activity(vid, date(2025, 11, 4), mission))
    event_id = EventService(db).save(
        Event("อบรมอาสาสมัครแรงงาน", date(2025, 11, 3), venue="ศาลากลาง"),
        [Attendee(AttendeeRole.LEAD, volunteer_id=vid) for vid in ids],
    )
    anonymise(db, ids[1])
    context = AppContext(Office.adopt(db, Path("test.db"), today=lambda: TODAY))
    return context, ids, event_id


def test_event_dialog_lists_no_erased_attendee_and_counts_them(erased, qtbot) -> None:
    from asr_desktop.ui.event_dialog import EventDialog

    context, ids, event_id = erased
    store = EventStore(context.office.db)
    dialog = EventDialog(context, store.get(event_id))
    qtbot.addWidget(dialog)
    names = [dialog.lines.index(r, 0).data() for r in range(dialog.lines.rowCount())]
    assert len(names) == 2 and not any(ERASED in n for n in names)
    assert dialog.summary.text().startswith("เข้าร่วม 3 คน (ลบข้อมูลแล้ว 1 คน): แกนนำ 3")
    # Taking someone off the shown list leaves the erased person counted and kept.
    dialog.table.selectRow(0)
    dialog.remove_selected()
    assert dialog.summary.text().startswith("เข้าร่วม 2 คน (ลบข้อมูลแล้ว 1 คน)")
    dialog.save()
    assert dialog.saved_id == event_id
    kept = [r.attendee.volunteer_id for r in store.attendees(event_id)]
    assert sorted(kept) == [ids[1], ids[2]]


def test_events_page_lists_no_erased_attendee(erased, qtbot) -> None:
    from asr_desktop.ui.events_page import EventsPage

    context, _ids, _event_id = erased
    page = EventsPage(context)
    qtbot.addWidget(page)
    page.reload()
    model = page.attendee_model
    assert model.rowCount() == 2
    assert all(ERASED not in r.name for r in model.rows)
    assert page.attendee_label.text().startswith("ผู้เข้าร่วม อบรมอาสาสมัครแรงงาน: มา 3 คน")
    assert page.attendee_label.text().endswith("จากรายชื่อ 3 คน (ลบข้อมูลแล้ว 1 คน)")


def test_month_page_says_the_erased_work_as_a_number(erased, qtbot) -> None:
    from asr_desktop.ui.activities_page import ActivitiesPage

    context, ids, _event_id = erased
    page = ActivitiesPage(context)
    qtbot.addWidget(page)
    page.set_month(Month(2025, 11))
    assert page.grid_model.volunteer_rows == 2
    assert sorted(a.volunteer_id for a in page.entries_model.rows) == [ids[0], ids[2]]
    assert "ไม่แสดงผู้ที่ลบข้อมูลแล้ว 1 คน (1 ครั้ง)" in page.summary.text()


def test_picker_finds_no_erased_person_and_does_not_name_one(erased, qtbot) -> None:
    from asr_desktop.ui.pickers import ERASED_VOLUNTEER, VolunteerPicker

    context, ids, _event_id = erased
    picker = VolunteerPicker(context)
    qtbot.addWidget(picker)
    picker.search.setText("ลบข้อมูล")
    picker.find_matches()
    assert picker.matches.count() == 0
    picker.set_volunteer(ids[1])  # an old activity of theirs, opened to be corrected
    assert picker.matches.currentText() == ERASED_VOLUNTEER
    assert picker.volunteer_id() == ids[1]
