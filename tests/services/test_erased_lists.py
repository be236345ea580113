"""An erased person leaves the lists that name people beyond the roster (issue 22): an
event's list, the month's activity entries and grid, the referral list's volunteer, the
package's roster, the dashboard's lists. Past figures keep them as a number only."""

from __future__ import annotations

from datetime import date

import pytest
from tests.work_helpers import TODAY, add_volunteer, make_office

from asr_desktop.domain.month import Month
from asr_desktop.domain.work import Activity, Attendee, AttendeeRole, CategoryKind, Event, Referral
from asr_desktop.services.activities import ActivityService
from asr_desktop.services.certificates import (
    certificate_holder,
    certificate_serials,
    find_certificate,
    listed_serials,
)
from asr_desktop.services.events import EventService, erased_words
from asr_desktop.services.privacy import anonymise
from asr_desktop.store.categories import CategoryStore
from asr_desktop.store.database import memory_database
from asr_desktop.store.events import EventStore
from asr_desktop.store.hq.package_roster import package_roster
from asr_desktop.store.referrals import ReferralFilter, ReferralStore
from asr_desktop.store.reporting import inactive_ids, terms_ending_ids

ERASED = "ลบข้อมูลแล้ว"


@pytest.fixture
def office():
    """Three volunteers with work in November 2568 and one event; the second is erased."""
    db = memory_database()
    make_office(db)
    ids = [add_volunteer(db, n, "470101") for n in (1, 2, 3)]
    mission = CategoryStore(db).all(CategoryKind.MISSION)[0].id
    assert mission is not None
    activities = ActivityService(db, today=lambda: TODAY)
    for vid in ids:
        activities.save(Activity(vid, date(2025, 11, 4), mission, note=f"งานของ {vid}"))
    activities.set_count(ids[1], Month(2025, 11), mission, 5)  # 1 entry + 4 in the grid
    referrals = ReferralStore(db)
    for vid in ids:
        referrals.add(Referral(date(2025, 11, 5), f"ผู้รับบริการ {vid}", "doe", volunteer_id=vid))
    events = EventService(db)
    event_id = events.save(
        Event("อบรมอาสาสมัครแรงงาน", date(2025, 11, 3), venue="ศาลากลาง"),
        [
            Attendee(AttendeeRole.LEAD, volunteer_id=ids[0]),
            Attendee(AttendeeRole.LEAD, volunteer_id=ids[1]),
            Attendee(AttendeeRole.STAFF, guest_name="นางสาวอรทัย ใจดี"),
            Attendee(AttendeeRole.LEAD, volunteer_id=ids[2], attended=False),
        ],
    )
    anonymise(db, ids[1])
    yield db, ids, event_id, mission
    db.close()


def test_event_list_leaves_the_erased_out_and_counts_them(office) -> None:
    db, ids, event_id, _mission = office
    people = EventService(db).people(event_id)
    assert [r.attendee.volunteer_id for r in people.rows] == [ids[0], None, ids[2]]
    assert all(ERASED not in r.name for r in people.rows)
    assert [a.volunteer_id for a in people.erased] == [ids[1]]
    assert people.erased_attended == 1
    assert erased_words(1) == " (ลบข้อมูลแล้ว 1 คน)" and erased_words(0) == ""
    # The serials shown beside the rows are those of the same people.
    assert len(listed_serials(db, event_id)) == 3
    assert listed_serials(db, event_id)[0] == certificate_serials(db, event_id)[0]


def test_saving_the_shown_list_keeps_the_erased_attendee(office) -> None:
    db, ids, event_id, _mission = office
    service = EventService(db)
    event = service.store.get(event_id)
    shown = [r.attendee for r in service.people(event_id).rows]
    shown[2].attended = True
    service.save(event, shown)
    assert EventStore(db).role_counts(event_id)[AttendeeRole.LEAD] == 3
    assert [a.volunteer_id for a in service.people(event_id).erased] == [ids[1]]
    # Handing the whole list back (the erased too) does not put them on it twice.
    every = [r.attendee for r in EventStore(db).attendees(event_id)]
    service.save(event, every)
    assert len(EventStore(db).attendees(event_id)) == 4
    assert EventStore(db).role_counts(event_id)[AttendeeRole.LEAD] == 3


def test_month_entries_and_grid_leave_the_erased_out(office) -> None:
    db, ids, _event, _mission = office
    service = ActivityService(db, today=lambda: TODAY)
    entries = service.in_month(Month(2025, 11))
    assert sorted(a.volunteer_id for a in entries) == [ids[0], ids[2]]
    grid = service.grid(Month(2025, 11))
    assert sorted(r.volunteer_id for r in grid.rows) == [ids[0], ids[2]]
    assert grid.erased == (1, 5)  # one person, five times: a number, no name
    assert service.grid(Month(2025, 11), district_code="4702").erased == (0, 0)
    # The month's totals (the monthly report) still count their work.
    totals = service.store.totals_between(*Month(2025, 11).range)
    assert totals[0] == 7


def test_referral_list_does_not_name_the_erased_volunteer(office) -> None:
    db, ids, _event, _mission = office
    store = ReferralStore(db)
    rows = store.rows(ReferralFilter(), today=TODAY)
    assert len(rows) == 3  # the referred person's case stays on the list
    by_person = {r.person_name: r.volunteer_name for r in rows}
    assert by_person[f"ผู้รับบริการ {ids[1]}"] is None
    assert by_person[f"ผู้รับบริการ {ids[0]}"]
    assert store.rows(ReferralFilter(search="ลบข้อมูล"), today=TODAY) == []


def test_package_roster_and_dashboard_lists_leave_the_erased_out(office) -> None:
    db, ids, _event, _mission = office
    sent = [r.national_id for r in package_roster(db, date(2025, 11, 30))]
    assert len(sent) == 2 and not any(nid.startswith("0") for nid in sent)
    # Days before the erasure read the history, yet these lists name no erased person.
    assert ids[1] not in terms_ending_ids(db, TODAY, date(2027, 12, 31))
    assert ids[1] not in inactive_ids(db, TODAY, date(2025, 12, 1))
    assert ids[0] in inactive_ids(db, TODAY, date(2025, 12, 1))


def test_an_erased_persons_certificate_is_valid_but_nameless(office) -> None:
    db, ids, event_id, _mission = office
    serial = f"47-{event_id:04d}-V{ids[1]:05d}"
    holder = certificate_holder(db, serial)
    assert holder.erased and holder.name == "" and holder.attendee.volunteer_id == ids[1]
    assert "ถูกต้อง ออกในกิจกรรม" in holder.describe() and "ถูกลบ" in holder.describe()
    assert find_certificate(db, serial) is None  # the CLI's old answer: no name to give
    # The guest after the erased person keeps the number printed before the erasure.
    assert certificate_holder(db, f"47-{event_id:04d}-G001").name == "นางสาวอรทัย ใจดี"
