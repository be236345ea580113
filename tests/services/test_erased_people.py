"""An anonymised person leaves every list of people and every current count (issue 22).

Past periods keep them as a number only: an event they attended still counts them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.reports.pdf_helpers import pypdf_pages
from tests.work_helpers import TODAY, add_mentor, add_volunteer, make_office

from asr_desktop.domain.vocabulary import Status
from asr_desktop.domain.work import Attendee, AttendeeRole, Event
from asr_desktop.services.events import EventService
from asr_desktop.services.mentors import MentorService
from asr_desktop.services.privacy import anonymise
from asr_desktop.services.reporting.dashboard import compute_dashboard
from asr_desktop.services.reporting.documents import (
    attended_names,
    card_holders,
    signin_rows,
    write_certificates,
    write_id_cards,
    write_signin_sheet,
)
from asr_desktop.store.database import memory_database
from asr_desktop.store.events import EventStore
from asr_desktop.store.register import register_count, register_rows
from asr_desktop.store.roster import RosterFilter, count_by_status, roster_ids
from asr_desktop.store.volunteers import VolunteerStore


@pytest.fixture
def office():
    """Three serving volunteers with one mentor; all three attended one event; the second
    is then anonymised."""
    db = memory_database()
    make_office(db)
    mentor = add_mentor(db)
    ids = [add_volunteer(db, n, "470101", mentor_id=mentor) for n in (1, 2, 3)]
    event_id = EventService(db).save(
        Event("อบรมอาสาสมัครแรงงาน", date(2025, 11, 3), venue="ศาลากลาง"),
        [Attendee(AttendeeRole.LEAD, volunteer_id=vid) for vid in ids],
    )
    erased_name = VolunteerStore(db).get(ids[1]).full_name
    anonymise(db, ids[1])
    yield db, ids, event_id, mentor, erased_name
    db.close()


def test_no_card_for_an_erased_person_even_when_selected(office, tmp_path: Path) -> None:
    db, ids, _event, _mentor, _name = office
    assert len(card_holders(db, today=TODAY)) == 2
    selected = card_holders(db, volunteer_ids=ids, today=TODAY)
    assert [c.card_no for c in selected] == ["47-00001", "47-00003"]
    assert write_id_cards(db, tmp_path / "cards.pdf", volunteer_ids=ids, today=TODAY) == 2
    text = "\n".join(pypdf_pages(tmp_path / "cards.pdf"))
    assert "ลบข้อมูลแล้ว" not in text


def test_no_certificate_or_signin_row_for_an_erased_person(office, tmp_path: Path) -> None:
    db, _ids, event_id, _mentor, name = office
    assert len(signin_rows(db, event_id)) == 2
    assert "ลบข้อมูลแล้ว" not in attended_names(db, event_id)
    assert write_certificates(db, event_id, tmp_path / "cert.pdf") == 2
    assert len(pypdf_pages(tmp_path / "cert.pdf")) == 2
    write_signin_sheet(db, event_id, tmp_path / "signin.pdf", blank_rows=0)
    sheet = "\n".join(pypdf_pages(tmp_path / "signin.pdf"))
    assert "ลบข้อมูลแล้ว" not in sheet and name not in sheet
    # The past event still counts them, as a number.
    assert EventStore(db).role_counts(event_id)[AttendeeRole.LEAD] == 3


def test_erased_person_leaves_lists_and_current_counts(office) -> None:
    db, ids, _event, mentor, _name = office
    assert set(roster_ids(db, RosterFilter(), today=TODAY)) == {ids[0], ids[2]}
    assert ids[1] not in roster_ids(db, RosterFilter(search="ลบข้อมูล"), today=TODAY)
    assert sum(count_by_status(db, today=TODAY).values()) == 2
    assert count_by_status(db, today=TODAY)[Status.ACTIVE] == 2
    # Serving today: not counted. As at a day before the erasure: counted, as a number.
    assert compute_dashboard(db, date.today()).active_volunteers == 2
    assert compute_dashboard(db, TODAY).active_volunteers == 3
    assert register_count(db) == 2 and len(list(register_rows(db, today=TODAY))) == 2
    loads = {load.mentor.id: load for load in MentorService(db, today=lambda: TODAY).loads()}
    assert (loads[mentor].active_volunteers, loads[mentor].all_volunteers) == (2, 2)
    assert ids[1] not in MentorService(db, today=lambda: TODAY).volunteers_of(mentor)
