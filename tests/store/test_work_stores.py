"""Stores of the volunteers' work: categories, activities, referrals, events, checklists."""

from datetime import date

import pytest
from tests.work_helpers import TODAY, add_mentor, add_volunteer

from asr_desktop.domain.errors import InputError
from asr_desktop.domain.month import Month
from asr_desktop.domain.work import (
    Activity,
    Attendee,
    AttendeeRole,
    CategoryKind,
    Checklist,
    ChecklistItem,
    Event,
    EventKind,
    Referral,
    ReferralStatus,
)
from asr_desktop.store.activities import ActivityStore
from asr_desktop.store.categories import CategoryStore
from asr_desktop.store.checklists import ChecklistStore
from asr_desktop.store.events import EventStore
from asr_desktop.store.referrals import ReferralFilter, ReferralStore


def audit_actions(db, record_type):
    return [
        r[0]
        for r in db.execute(
            "SELECT action FROM audit_log WHERE record_type = ? ORDER BY id", [record_type]
        )
    ]


def mission(db, code="job_referral"):
    return next(c.id for c in CategoryStore(db).all(CategoryKind.MISSION) if c.code == code)


def test_categories_can_be_extended_renamed_and_hidden(db) -> None:
    store = CategoryStore(db)
    added = store.add(CategoryKind.MISSION, "ส่งเสริมการออมของแรงงาน")
    assert added.code == f"office_{added.id}"
    assert store.all(CategoryKind.MISSION)[-1].label == "ส่งเสริมการออมของแรงงาน"
    with pytest.raises(InputError):
        store.add(CategoryKind.MISSION, "ส่งเสริมการออมของแรงงาน")
    store.rename(added.id, "ส่งเสริมการออม")
    store.set_active(added.id, False)
    assert added.id not in [c.id for c in store.all(CategoryKind.MISSION)]
    assert store.labels()[added.id] == "ส่งเสริมการออม"  # old records still show it
    assert audit_actions(db, "category") == ["create", "update", "update"]


def test_grid_cell_and_detailed_entries_add_up(db) -> None:
    vid = add_volunteer(db, 1, "470101")
    store = ActivityStore(db)
    job = mission(db)
    store.add(Activity(vid, date(2025, 10, 5), job, agency="doe", people_male=2))
    store.add(Activity(vid, date(2025, 10, 9), job, agency="doe", people_female=3))
    assert store.month_counts(Month(2025, 10)) == {(vid, job): 2}
    store.set_cell(vid, Month(2025, 10), job, 5)
    assert store.month_counts(Month(2025, 10)) == {(vid, job): 5}
    with pytest.raises(InputError):
        store.set_cell(vid, Month(2025, 10), job, 1)  # below the two detailed entries
    store.set_cell(vid, Month(2025, 10), job, 2)  # the grid part goes back to nothing
    assert db.execute("SELECT count(*) FROM activities WHERE from_grid = 1").fetchone()[0] == 0
    assert store.month_counts(Month(2025, 10)) == {(vid, job): 2}
    assert store.last_activity(vid) == date(2025, 10, 9)
    assert audit_actions(db, "activity_grid") == ["update", "update"]


def test_month_totals_group_by_district_mission_and_agency(db) -> None:
    a = add_volunteer(db, 1, "470101")
    b = add_volunteer(db, 2, "470201")
    store = ActivityStore(db)
    job = mission(db)
    store.add(Activity(a, date(2025, 10, 5), job, agency="doe", people_male=2, people_female=1))
    store.add(Activity(b, date(2025, 10, 6), job, agency="doe", people_male=1))
    store.set_cell(b, Month(2025, 10), job, 4)
    store.add(Activity(b, date(2025, 11, 1), job, agency="doe"))  # another month
    totals = store.month_totals(Month(2025, 10))
    assert [(t.district_code, t.agency, t.activities) for t in totals] == [
        ("4701", "doe", 1),
        ("4702", "", 3),
        ("4702", "doe", 1),
    ]
    assert store.totals_between(date(2025, 10, 1), date(2025, 11, 1)) == (5, 4)


def test_referrals_overdue_and_counts(db) -> None:
    vid = add_volunteer(db, 1, "470101")
    store = ReferralStore(db)
    late = Referral(
        date(2025, 9, 1), "นายสมพร ดีใจ", "doe", volunteer_id=vid, follow_up_date=date(2025, 10, 1)
    )
    done = Referral(
        date(2025, 9, 1),
        "นางมาลี ดีงาม",
        "sso",
        volunteer_id=vid,
        status=ReferralStatus.SERVED,
        outcome="สมัคร ม.40 แล้ว",
        follow_up_date=date(2025, 10, 1),
    )
    store.add(late)
    store.add(done)
    assert late.is_overdue(TODAY) and not done.is_overdue(TODAY)
    assert store.overdue_count(TODAY) == 1
    rows = store.rows(ReferralFilter(overdue_only=True), today=TODAY)
    assert [r.person_name for r in rows] == ["นายสมพร ดีใจ"]
    assert rows[0].volunteer_name.endswith("ศรีสุข")
    assert [r.id for r in store.rows(ReferralFilter(search="ดีงาม"), today=TODAY)] == [done.id]
    assert store.counts(date(2025, 9, 1), date(2025, 10, 1)) == {
        ("doe", "referred"): 1,
        ("sso", "served"): 1,
    }
    assert store.by_volunteer(vid) == (1, 2)
    late.status = ReferralStatus.IN_PROGRESS
    store.update(late)
    store.delete(done.id)
    assert audit_actions(db, "referral") == ["create", "create", "update", "delete"]


def test_event_with_attendees_counts_roles_and_shows_on_the_volunteer(db) -> None:
    lead = add_volunteer(db, 1, "470101")
    mentor = add_mentor(db)
    store = EventStore(db)
    event = Event(
        "อบรม อสร. รุ่น 1",
        date(2025, 10, 10),
        EventKind.TRAINING,
        end_date=date(2025, 10, 11),
        fiscal_year=2569,
    )
    attendees = [
        Attendee(AttendeeRole.LEAD, volunteer_id=lead),
        Attendee(AttendeeRole.MENTOR, mentor_id=mentor),
        Attendee(AttendeeRole.OTHER, guest_name="นายวิทยา พูลสวัสดิ์", guest_organisation="วิทยากร"),
        Attendee(AttendeeRole.STAFF, guest_name="นางสาวอรทัย ใจดี", attended=False),
    ]
    event_id = store.save(event, attendees)
    counts = store.role_counts(event_id)
    assert counts[AttendeeRole.LEAD] == 1 and counts[AttendeeRole.MENTOR] == 1
    assert counts[AttendeeRole.STAFF] == 0 and counts[AttendeeRole.OTHER] == 1
    names = [row.name for row in store.attendees(event_id)]
    assert names[2] == "นายวิทยา พูลสวัสดิ์" and names[1].startswith("นายประเสริฐ")
    attendance = store.attendance_of(lead)
    assert [(a.title, a.role) for a in attendance] == [("อบรม อสร. รุ่น 1", AttendeeRole.LEAD)]
    assert store.attended_counts(lead, date(2025, 10, 1), date(2026, 10, 1)) == (1, 1)
    store.save(event, attendees[1:])  # the lead removed from the list
    assert store.attendance_of(lead) == []
    store.delete(event_id)
    assert audit_actions(db, "event") == ["create", "update", "delete"]
    assert db.execute("SELECT count(*) FROM event_attendees").fetchone()[0] == 0


def test_checklist_is_one_per_volunteer_and_quarter(db) -> None:
    vid = add_volunteer(db, 1, "470101")
    store = ChecklistStore(db)
    checklist = Checklist(
        vid,
        2569,
        1,
        scores={ChecklistItem.AUTHORITY: 3},
        notes={ChecklistItem.AUTHORITY: "มีบัตรแล้ว"},
    )
    store.save(checklist)
    again = Checklist(vid, 2569, 1, scores={ChecklistItem.AUTHORITY: 2, ChecklistItem.UNITY: 1})
    store.save(again)
    loaded = store.get(vid, 2569, 1)
    assert loaded.scores[ChecklistItem.AUTHORITY] == 2
    assert loaded.scores[ChecklistItem.UNITY] == 1
    assert loaded.scores[ChecklistItem.RETENTION] is None
    assert loaded.total == 3 and not loaded.complete
    assert store.get(vid, 2569, 2) is None
    assert list(store.for_quarter([vid], 2569, 1)) == [vid]
    assert audit_actions(db, "checklist") == ["create", "update"]
