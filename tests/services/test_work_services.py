"""Use cases: mentors and checklists, activities and the grid, referrals, events, dashboard."""

from datetime import date

import pytest
from tests.work_helpers import TODAY, add_mentor, add_volunteer, populate

from asr_desktop.domain.errors import InputError
from asr_desktop.domain.model import Mentor
from asr_desktop.domain.month import Month
from asr_desktop.domain.vocabulary import Tier
from asr_desktop.domain.work import (
    Activity,
    Attendee,
    AttendeeRole,
    CategoryKind,
    ChecklistItem,
    Event,
    Referral,
    ReferralStatus,
)
from asr_desktop.services.activities import ActivityService
from asr_desktop.services.demo.work import add_demo_work
from asr_desktop.services.events import EventService
from asr_desktop.services.mentors import MentorService
from asr_desktop.services.referrals import ReferralService
from asr_desktop.services.reporting import dashboard
from asr_desktop.services.roster import RosterService
from asr_desktop.services.work import attendance_of, work_summary
from asr_desktop.store.categories import CategoryStore
from asr_desktop.store.database import memory_database


def today():
    return TODAY


def missions(db):
    return {c.code: c.id for c in CategoryStore(db).all(CategoryKind.MISSION)}


# -- mentors ------------------------------------------------------------------------------


def test_mentor_is_checked_and_saved(db) -> None:
    service = MentorService(db, today=today)
    with pytest.raises(InputError):
        service.save(Mentor(first_name="", last_name="ศรีสกล"))
    mentor = Mentor(first_name="วิไล", last_name="พรหม", agency="sso")
    mentor_id = service.save(mentor)
    mentor.position = "นักวิชาการประกันสังคม"
    service.save(mentor)
    assert service.store.get(mentor_id).position == "นักวิชาการประกันสังคม"


def test_assign_one_by_one_and_a_whole_district(db) -> None:
    a = add_volunteer(db, 1, "470101")
    b = add_volunteer(db, 2, "470102", tier=Tier.NETWORK)
    c = add_volunteer(db, 3, "470201")
    gone = add_volunteer(db, 4, "470103", start=date(2020, 1, 1))  # term ended in 2022
    service = MentorService(db, today=today)
    first, second = add_mentor(db, "ประเสริฐ"), add_mentor(db, "วิไล")
    assert service.assign([c], first) == 1
    assert service.assign_district("4701", second) == 2
    assert set(service.volunteers_of(second)) == {a, b}
    assert gone not in service.volunteers_of(second)
    loads = {load.mentor.id: load for load in service.loads()}
    assert (loads[first].active_volunteers, loads[second].active_volunteers) == (1, 2)
    assert service.assign_district("4702", second, only_unassigned=True) == 0


def test_suggestions_and_summary_show_who_needs_attention(db) -> None:
    mentor = add_mentor(db)
    keen = add_volunteer(db, 1, "470101", mentor_id=mentor)
    idle = add_volunteer(
        db, 2, "470102", mentor_id=mentor, card=False, start=date(2022, 12, 15)
    )  # term ends 14 Dec 2025
    ActivityService(db, today=today).save(
        Activity(keen, date(2025, 11, 3), missions(db)["job_referral"])
    )
    EventService(db, today=today).save(
        Event("อบรม", date(2025, 10, 15)), [Attendee(AttendeeRole.LEAD, volunteer_id=keen)]
    )
    service = MentorService(db, today=today)
    suggested = service.suggestions(keen)
    assert suggested[ChecklistItem.AUTHORITY].score == 3
    assert suggested[ChecklistItem.OPPORTUNITY].score == 3
    assert suggested[ChecklistItem.CAPACITY].score == 2
    idle_suggested = service.suggestions(idle)
    assert idle_suggested[ChecklistItem.AUTHORITY].score == 1
    assert "บัตร" in idle_suggested[ChecklistItem.AUTHORITY].reason
    assert idle_suggested[ChecklistItem.RETENTION].score == 1
    checklist = service.checklist(keen, 2569, 1)
    checklist.scores = {item: max(s.score, 2) for item, s in suggested.items()}
    service.save_checklist(checklist)
    summary = service.summary(mentor, 2569, 1)
    assert [row.volunteer_id for row in summary] == [idle, keen]
    assert any("วาระสิ้นสุด" in r for r in summary[0].reasons)
    assert any("ยังไม่ได้ประเมิน" in r for r in summary[0].reasons)
    assert summary[1].reasons == () and summary[1].checklist.complete
    bad = service.checklist(idle, 2569, 1)
    bad.scores = {ChecklistItem.UNITY: 4}
    with pytest.raises(InputError):
        service.save_checklist(bad)


# -- activities ---------------------------------------------------------------------------


def test_month_grid_rows_columns_and_last_months_structure(db) -> None:
    a = add_volunteer(db, 1, "470101")
    b = add_volunteer(db, 2, "470102")
    add_volunteer(db, 3, "470201")
    service = ActivityService(db, today=today)
    m = missions(db)
    grid = service.grid(Month(2025, 11), district_code="4701")
    assert [r.volunteer_id for r in grid.rows] == [a, b]
    assert len(grid.missions) == 9
    service.set_count(a, Month(2025, 10), m["skill_training"], 2)
    service.set_count(a, Month(2025, 11), m["job_referral"], 3)
    assert service.grid(Month(2025, 11), district_code="4701").counts == {(a, m["job_referral"]): 3}
    following = service.grid(Month(2025, 11), district_code="4701", follow_previous=True)
    assert [r.volunteer_id for r in following.rows] == [a]
    assert [c.id for c in following.missions] == [m["skill_training"]]
    assert following.previous == {(a, m["skill_training"]): 2}
    with pytest.raises(InputError):
        service.set_count(a, Month(2026, 1), m["job_referral"], 1)  # a month still to come


def test_detailed_activity_is_checked(db) -> None:
    vid = add_volunteer(db, 1, "470101")
    service = ActivityService(db, today=today)
    with pytest.raises(InputError):
        service.save(Activity(vid, date(2025, 12, 1), missions(db)["other"]))
    with pytest.raises(InputError):
        service.save(Activity(vid, date(2025, 11, 1), missions(db)["other"], agency="xx"))
    assert service.save(Activity(vid, date(2025, 11, 1), missions(db)["other"], agency="dsd"))


def test_month_report_has_labels_and_be_month(db) -> None:
    vid = add_volunteer(db, 1, "470101")
    service = ActivityService(db, today=today)
    service.save(
        Activity(
            vid,
            date(2025, 10, 2),
            missions(db)["social_security_40"],
            agency="sso",
            people_male=3,
            people_female=4,
        )
    )
    (row,) = service.month_report(Month(2025, 10))
    assert row["month"] == "2568-10"
    assert row["district_name"] == "เมืองสกลนคร"
    assert row["mission"] == "social_security_40"
    assert row["agency_label"] == "สปส."
    assert row["people_total"] == 7


# -- referrals and events -----------------------------------------------------------------


def test_referral_rules_and_status_change(db) -> None:
    service = ReferralService(db, today=today)
    with pytest.raises(InputError):
        service.save(Referral(date(2025, 11, 1), "", "doe"))
    with pytest.raises(InputError):  # follow-up before the referral
        service.save(Referral(date(2025, 11, 1), "นายก", "doe", follow_up_date=date(2025, 10, 1)))
    ref_id = service.save(
        Referral(date(2025, 10, 1), "นายก", "doe", follow_up_date=date(2025, 10, 15))
    )
    assert [r.id for r in service.overdue()] == [ref_id]
    with pytest.raises(InputError):  # served needs an outcome
        service.set_status(ref_id, ReferralStatus.SERVED)
    service.set_status(ref_id, ReferralStatus.SERVED, "ได้งานแล้ว")
    assert service.overdue() == []
    counts = service.month_counts(Month(2025, 10))
    assert counts["doe"]["served"] == 1 and counts["sso"]["referred"] == 0


def test_event_attendance_shows_on_the_volunteers_record(db) -> None:
    lead = add_volunteer(db, 1, "470101")
    net = add_volunteer(db, 2, "470102", tier=Tier.NETWORK)
    service = EventService(db, today=today)
    held = date(2025, 10, 1)
    attendees = [service.volunteer_attendee(v, on=held) for v in (lead, net)]
    assert [a.role for a in attendees] == [AttendeeRole.LEAD, AttendeeRole.NETWORK]
    with pytest.raises(InputError):
        service.save(Event("ซ้ำ", date(2025, 10, 1)), [attendees[0], attendees[0]])
    event = Event("สัมมนาเครือข่าย", date(2025, 10, 1), end_date=date(2025, 10, 2))
    service.save(event, attendees)
    assert event.fiscal_year == 2569
    (line,) = attendance_of(db, lead)
    assert line.title == "สัมมนาเครือข่าย"
    assert line.dates == "1 ต.ค. 2568 – 2 ต.ค. 2568"
    assert line.role_label == "แกนนำ"
    assert work_summary(db, lead).events_attended == 1


def test_an_attendee_takes_the_tier_in_force_on_the_event_day(db) -> None:
    """A renewal recorded ahead with another tier gives the new role only from its start:
    before, the role came from the latest term, so last month's training listed a network
    volunteer as a tambon lead because of next year's appointment."""
    vid = add_volunteer(db, 3, "470101", tier=Tier.NETWORK, end=date(2026, 9, 30))
    RosterService(db, today=today).appoint(vid, tier=Tier.LEAD, start_date=date(2026, 10, 1))
    service = EventService(db, today=today)
    assert service.volunteer_attendee(vid, on=date(2025, 10, 20)).role is AttendeeRole.NETWORK
    assert service.volunteer_attendee(vid, on=date(2026, 9, 30)).role is AttendeeRole.NETWORK
    assert service.volunteer_attendee(vid, on=date(2026, 10, 1)).role is AttendeeRole.LEAD
    candidate = add_volunteer(db, 4, "470102", tier=Tier.LEAD, start=date(2026, 1, 1))
    # Before the first term starts there is no tier yet: a network volunteer's place.
    assert service.volunteer_attendee(candidate, on=date(2025, 12, 1)).role is AttendeeRole.NETWORK
    with pytest.raises(InputError):
        service.volunteer_attendee(9_999, on=date(2025, 10, 20))


# -- dashboard and demo -------------------------------------------------------------------


def test_dashboard_figures_match_their_lists() -> None:
    db = memory_database()
    populate(db, 160)
    add_demo_work(db, seed=3, today=TODAY)
    figures = dashboard.compute_dashboard(db, TODAY)
    assert figures.active_volunteers == figures.active_leads + figures.active_network
    assert figures.tambons_total == 125  # สกลนคร's DOPA tambons
    assert figures.tambons_covered == 125 - len(dashboard.uncovered_tambons(db, TODAY))
    assert figures.terms_ending_90d == len(dashboard.terms_ending_ids(db, TODAY, 90)) > 0
    assert figures.terms_ending_30d == len(dashboard.terms_ending_ids(db, TODAY, 30))
    assert figures.inactive_3m == len(dashboard.inactive_ids(db, TODAY)) > 0
    assert figures.referrals_overdue == len(ReferralService(db, today=today).overdue()) > 0
    assert figures.activities_last_month > 0
    assert len(figures.activity_by_month) == 12
    assert figures.activity_by_month[-1][0] == "2025-11"
    data = figures.as_json()
    for key in (
        "active_volunteers",
        "tambons_total",
        "tambons_covered",
        "terms_ending_90d",
        "inactive_3m",
        "referrals_overdue",
    ):
        assert isinstance(data[key], int)


def test_demo_work_is_deterministic_and_covers_every_referral_status() -> None:
    counts = []
    for _ in range(2):
        db = memory_database()
        populate(db, 80)
        summary = add_demo_work(db, seed=7, today=TODAY)
        statuses = {r[0] for r in db.execute("SELECT DISTINCT status FROM referrals")}
        assert statuses == {s.value for s in ReferralStatus}
        assert summary.events >= 5 and summary.checklists > 0
        assert (
            db.execute("SELECT count(*) FROM volunteers WHERE mentor_id IS NULL").fetchone()[0] < 80
        )
        counts.append(db.execute("SELECT sum(count), sum(people_male) FROM activities").fetchone())
    assert counts[0] == counts[1]


def test_dashboard_active_rule_agrees_with_the_roster_status() -> None:
    from asr_desktop.domain.vocabulary import ExitReason, Status
    from asr_desktop.services.roster import RosterService
    from asr_desktop.store.roster import count_by_status

    db = memory_database()
    ids = populate(db, 40)
    service = RosterService(db, today=today)
    service.suspend(ids[0], on=date(2025, 1, 1))
    service.record_exit(ids[1], on=date(2025, 2, 1), reason=ExitReason.RESIGNED)
    add_volunteer(db, 900, "470101", start=date(2026, 1, 1))  # a candidate
    figures = dashboard.compute_dashboard(db, TODAY)
    assert figures.active_volunteers == count_by_status(db, today=TODAY)[Status.ACTIVE] == 38
