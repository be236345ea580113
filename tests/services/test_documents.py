"""Documents for people from the database: who gets a card, who is on the sheet, who attended."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from tests.reports.pdf_helpers import pypdf_pages
from tests.reports.test_pdf_documents import jpeg
from tests.work_helpers import TODAY, add_mentor, add_volunteer, make_office

from asr_desktop.domain.errors import InputError, NotFoundError
from asr_desktop.domain.progress import Cancelled
from asr_desktop.domain.thai_digits import to_thai_digits
from asr_desktop.domain.work import Attendee, AttendeeRole, Event
from asr_desktop.services.certificates import (
    certificate_holder,
    certificate_serials,
    find_certificate,
    read_serial,
)
from asr_desktop.services.events import EventService
from asr_desktop.services.reporting.documents import (
    WithheldCard,
    attended_names,
    card_holders,
    card_plan,
    signin_rows,
    write_certificates,
    write_id_cards,
    write_signin_sheet,
)
from asr_desktop.services.roster import RosterService
from asr_desktop.store.database import memory_database
from asr_desktop.store.photos import save_photo
from asr_desktop.store.settings import load_settings, save_settings
from asr_desktop.store.volunteers import VolunteerStore


@pytest.fixture
def office():
    """Four active volunteers in two districts, one whose term ended, one suspended."""
    db = memory_database()
    make_office(db)
    ids = [
        add_volunteer(db, 1, "470101"),
        add_volunteer(db, 2, "470102"),
        add_volunteer(db, 3, "470201"),
        add_volunteer(db, 4, "470103", card=False),
        add_volunteer(db, 5, "470107", start=date(2019, 10, 1), end=date(2022, 9, 30)),
        add_volunteer(db, 6, "470106"),
    ]
    RosterService(db, today=lambda: TODAY).suspend(ids[5], on=date(2025, 6, 1))
    save_photo(db, ids[0], jpeg(), "image/jpeg")
    yield db, ids
    db.close()


def test_cards_for_active_volunteers_with_a_current_term(office) -> None:
    db, _ids = office
    cards = card_holders(db, today=TODAY)
    assert len(cards) == 3
    by_number = {c.card_no: c for c in cards}
    assert set(by_number) == {"47-00001", "47-00002", "47-00003"}
    first = by_number["47-00001"]
    assert first.photo is not None and first.area.startswith("ต.") and " อ." in first.area
    assert first.issued == date(2024, 10, 1) and first.expires == date(2027, 9, 30)
    assert first.tier_label == "แกนนำอาสาสมัครแรงงานระดับตำบล"
    assert by_number["47-00002"].photo is None


def test_cards_of_one_district_or_a_selection(office) -> None:
    db, ids = office
    assert {c.card_no for c in card_holders(db, district_code="4702", today=TODAY)} == {"47-00003"}
    chosen = card_holders(db, volunteer_ids=[ids[2], ids[4], ids[5], ids[0]], today=TODAY)
    assert [c.card_no for c in chosen] == ["47-00003", "47-00001"]  # order kept, others out


def test_no_card_without_a_number_and_an_issue_date_and_the_reason_is_said(office) -> None:
    db, ids = office
    store = VolunteerStore(db)
    term = store.terms(ids[1])[-1]
    term.card_issue_date = None  # a number but no issue date: no date is made up
    store.update_term(term)
    plan = card_plan(db, today=TODAY)
    assert {c.card_no for c in plan.cards} == {"47-00001", "47-00003"}
    reasons = {w.volunteer_id: w.reason for w in plan.withheld}
    assert reasons == {
        ids[1]: "ยังไม่มีวันออกบัตร",
        ids[3]: "ยังไม่มีเลขที่บัตร และยังไม่มีวันออกบัตร",
    }


def test_card_validity_comes_from_the_card_fields_first(office) -> None:
    db, ids = office
    store = VolunteerStore(db)
    term = store.terms(ids[0])[-1]
    term.card_issue_date, term.card_expiry_date = date(2024, 11, 1), date(2026, 10, 31)
    store.update_term(term)
    (card,) = card_holders(db, volunteer_ids=[ids[0]], today=TODAY)
    assert (card.issued, card.expires) == (date(2024, 11, 1), date(2026, 10, 31))


def test_write_cards_and_refuse_when_nobody_qualifies(office, tmp_path: Path) -> None:
    db, _ids = office
    out = tmp_path / "cards.pdf"
    withheld: list[WithheldCard] = []
    assert write_id_cards(db, out, today=TODAY, withheld=withheld) == 3
    assert "47-00002" in "".join(pypdf_pages(out))
    assert [w.reason for w in withheld] == ["ยังไม่มีเลขที่บัตร และยังไม่มีวันออกบัตร"]
    with pytest.raises(InputError, match="ในอำเภอ"):
        write_id_cards(db, tmp_path / "none.pdf", district_code="4718", today=TODAY)
    assert not (tmp_path / "none.pdf").exists()


def test_a_cancelled_card_run_leaves_no_file(office, tmp_path: Path) -> None:
    db, _ids = office

    def cancel(done: int, total: int) -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        write_id_cards(db, tmp_path / "cards.pdf", progress=cancel, today=TODAY)
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def event(office):
    db, ids = office
    mentor = add_mentor(db)
    attendees = [
        Attendee(AttendeeRole.LEAD, volunteer_id=ids[0]),
        Attendee(AttendeeRole.NETWORK, volunteer_id=ids[1], attended=False),
        Attendee(AttendeeRole.MENTOR, mentor_id=mentor),
        Attendee(AttendeeRole.OTHER, guest_name="นางสาวแขก รับเชิญ", guest_organisation="อบต.ท่าแร่"),
    ]
    event = Event("ประชุมชี้แจงแนวทางการดำเนินงาน อสร.", date(2025, 11, 3), venue="ศาลากลาง")
    return db, EventService(db).save(event, attendees)


def test_signin_rows_carry_role_place_and_phone(event) -> None:
    db, event_id = event
    rows = signin_rows(db, event_id)
    assert [r.role for r in rows] == ["แกนนำ", "เครือข่าย", "พี่เลี้ยง", "อื่น ๆ"]
    assert rows[0].place.startswith("ต.")
    assert rows[2].place == "นักวิชาการแรงงาน" and rows[2].phone == "042-711111"
    assert rows[3].name == "นางสาวแขก รับเชิญ" and rows[3].place == "อบต.ท่าแร่"


def test_signin_sheet_and_certificates_for_an_event(event, tmp_path: Path) -> None:
    db, event_id = event
    assert write_signin_sheet(db, event_id, tmp_path / "signin.pdf", blank_rows=5) == 1
    names = attended_names(db, event_id)
    assert len(names) == 3  # the one not marked attended gets no certificate
    assert write_certificates(db, event_id, tmp_path / "cert.pdf") == 3
    pages = pypdf_pages(tmp_path / "cert.pdf")
    assert len(pages) == 3
    serials = certificate_serials(db, event_id)
    assert serials[1] == ""  # not attended: no certificate
    assert serials[0] == f"47-{event_id:04d}-V{1:05d}" and serials[3].endswith("-G001")
    for page, serial in zip(pages, [s for s in serials if s], strict=True):
        assert serial in page
    assert find_certificate(db, serials[2]) == (event_id, names[1])
    assert find_certificate(db, f"47-{event_id:04d}-V99999") is None
    assert find_certificate(db, "ไม่ใช่เลขที่") is None


def test_unknown_event_and_nobody_attended(office, tmp_path: Path) -> None:
    db, ids = office
    with pytest.raises(NotFoundError):
        write_signin_sheet(db, 999, tmp_path / "s.pdf")
    event_id = EventService(db).save(
        Event("อบรม", date(2025, 11, 3)),
        [Attendee(AttendeeRole.LEAD, volunteer_id=ids[0], attended=False)],
    )
    with pytest.raises(InputError):
        write_certificates(db, event_id, tmp_path / "c.pdf")
    assert list(tmp_path.iterdir()) == []


def test_cards_write_titles_in_the_form_the_office_chose(office) -> None:
    db, _ids = office
    first = card_holders(db, today=TODAY)[0]
    volunteer_id = db.execute(
        "SELECT volunteer_id FROM terms WHERE card_no = '47-00001'"
    ).fetchone()[0]
    db.execute("UPDATE volunteers SET title = 'ร้อยตำรวจเอกหญิง' WHERE id = ?", [volunteer_id])
    full = next(c for c in card_holders(db, today=TODAY) if c.card_no == "47-00001")
    assert full.name.startswith("ร้อยตำรวจเอกหญิง") and full.name != first.name
    settings = dataclasses.replace(load_settings(db), short_titles_in_print=True)
    save_settings(db, settings)
    short = next(c for c in card_holders(db, today=TODAY) if c.card_no == "47-00001")
    assert short.name == full.name.replace("ร้อยตำรวจเอกหญิง", "ร.ต.อ.หญิง", 1)


@pytest.mark.parametrize(
    ("typed", "serial"),
    [
        ("47-0012-V00345", "47-0012-V00345"),
        ("  เลขที่ 47-0012-V00345 ", "47-0012-V00345"),
        ("เลขที่๔๗-๐๐๑๒-V๐๐๓๔๕", "47-0012-V00345"),
        ("47 - 12 - v345", "47-0012-V00345"),
        ("47–0012–M0007", "47-0012-M0007"),
        ("47-0012-G001", "47-0012-G001"),
        ("47-12345-V123456", "47-12345-V123456"),
        ("47-0012", None),
        ("47-0012-X00345", None),
        ("ไม่ใช่เลขที่", None),
        ("", None),
    ],
)
def test_serial_read_as_a_clerk_types_it(typed: str, serial: str | None) -> None:
    assert read_serial(typed) == serial


def test_certificate_holder_and_the_reasons_for_none(event) -> None:
    db, event_id = event
    serials = certificate_serials(db, event_id)
    holder = certificate_holder(db, "เลขที่ " + to_thai_digits(serials[0]))
    assert holder.serial == serials[0] and holder.event.id == event_id and not holder.erased
    assert holder.name == attended_names(db, event_id)[0]
    assert holder.attendee.role == AttendeeRole.LEAD
    assert holder.describe().startswith(f"เกียรติบัตรเลขที่ {serials[0]} ออกให้ {holder.name} (แกนนำ)")
    absent = EventService(db).people(event_id).rows[1].attendee  # on the list, not attended
    assert not absent.attended and absent.volunteer_id is not None
    not_attended = f"47-{event_id:04d}-V{absent.volunteer_id:05d}"
    with pytest.raises(NotFoundError, match="ยังไม่ได้บันทึกว่าเข้าร่วม"):
        certificate_holder(db, not_attended)
    with pytest.raises(NotFoundError, match="ไม่มีกิจกรรมรหัส 999"):
        certificate_holder(db, "47-0999-V00001")
    with pytest.raises(NotFoundError, match="ไม่ได้ออกโดยสำนักงานนี้"):
        certificate_holder(db, f"10-{event_id:04d}-V00001")
    with pytest.raises(InputError, match="ไม่ใช่เลขที่เกียรติบัตร"):
        certificate_holder(db, "สมชาย")
