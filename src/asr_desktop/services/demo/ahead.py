"""What a real office types in ahead of time, added to the demo (issue 19).

Offices record changes before they take effect: a resignation letter for the end of next
month, a suspension from a given day, the renewal order for a batch whose terms end soon.
This step makes the demo show them, and the rest of what the figures' rules are about:

- three exits (one of them a tambon lead) and two suspensions dated 9–40 days ahead;
- a suspended volunteer whose reinstatement is dated two weeks ahead;
- a quarter of the batch whose terms end within 90 days renewed ahead (a new term from
  the day after the old one ends): they leave the "terms ending" lists;
- one term closed early from 45 days ahead (by order, without an exit);
- about one detailed activity in seven done in another tambon of the province than the
  volunteer's own (counted where it was done);
- a three-day training that starts in the last days of last month and ends this month
  (it counts in the month it starts).

Drawn from a ``random.Random`` of its own, after everything else, so the rest of the demo
is the same as without this step.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from sqlite_utils import Database

from asr_desktop.domain import areas
from asr_desktop.domain.model import Term
from asr_desktop.domain.status import term_at
from asr_desktop.domain.thai_dates import fiscal_year
from asr_desktop.domain.vocabulary import ExitReason, Tier
from asr_desktop.services.roster import RosterService
from asr_desktop.store import demo as demo_store

SEED_SALT = 19
EXIT_DAYS = (12, 20, 40)
SUSPENSION_DAYS = (9, 23)
REINSTATEMENT_DAYS = 14
EARLY_CLOSE_DAYS = 45
RENEWED_SHARE = 0.25
ELSEWHERE_EVERY = 7


@dataclass(frozen=True, slots=True)
class AheadSummary:
    exits: int
    suspensions: int
    reinstatements: int
    renewals: int
    early_closes: int
    activities_elsewhere: int
    events_spanning_months: int


def add_records_ahead(db: Database, *, seed: int, today: date, province_code: str) -> AheadSummary:
    rng = random.Random(seed * 1_000 + SEED_SALT)
    roster = RosterService(db, today=lambda: today)
    day = today.isoformat()
    soon = (today + timedelta(days=90)).isoformat()
    ending = demo_store.settled_active(db, day, province_code, term_end_by=soon)
    renewed = sorted(rng.sample(ending, round(len(ending) * RENEWED_SHARE)))
    for vid, tier in renewed:
        term = _in_force(roster, vid, today)
        start = term.last_day + timedelta(days=1)
        roster.appoint(
            vid,
            tier=Tier(tier),
            start_date=start,
            batch=term.batch.split("/")[0] + f"/{start.year + 543}",
            order_no=f"ที่ {rng.randint(40, 900)}/{today.year + 543}",
            order_date=today - timedelta(days=rng.randint(2, 10)),
        )
    touched = {vid for vid, _ in renewed} | {vid for vid, _ in ending}
    network = [
        vid
        for vid, _ in demo_store.settled_active(db, day, province_code, tier="network")
        if vid not in touched
    ]
    leads = [
        vid
        for vid, _ in demo_store.settled_active(db, day, province_code, tier="lead")
        if vid not in touched
    ]
    chosen = rng.sample(network, min(len(network), 5))
    leaving = [*chosen[:2], *rng.sample(leads, min(len(leads), 1))]
    reasons = (ExitReason.RESIGNED, ExitReason.MOVED, ExitReason.RESIGNED)
    for vid, days, reason in zip(leaving, EXIT_DAYS, reasons, strict=False):
        roster.record_exit(
            vid, on=today + timedelta(days=days), reason=reason, reference="หนังสือแจ้งล่วงหน้า"
        )
    for vid, days in zip(chosen[2:4], SUSPENSION_DAYS, strict=False):
        roster.suspend(vid, on=today + timedelta(days=days), reference="คำสั่งพักการปฏิบัติหน้าที่")
    early = chosen[4:5]
    for vid in early:
        roster.end_term(_in_force(roster, vid, today), today + timedelta(days=EARLY_CLOSE_DAYS))
    suspended = demo_store.first_settled_suspended(db, day)
    for vid in suspended:
        roster.reinstate(vid, on=today + timedelta(days=REINSTATEMENT_DAYS), reference="คำสั่งให้กลับ")
    return AheadSummary(
        exits=len(leaving),
        suspensions=len(chosen[2:4]),
        reinstatements=len(suspended),
        renewals=len(renewed),
        early_closes=len(early),
        activities_elsewhere=_work_elsewhere(db, rng, province_code),
        events_spanning_months=_event_across_months(db, rng, today, province_code),
    )


def _in_force(roster: RosterService, volunteer_id: int, today: date) -> Term:
    term = term_at(roster.store.terms(volunteer_id), today)
    assert term is not None  # chosen among those serving today
    return term


def _work_elsewhere(db: Database, rng: random.Random, province_code: str) -> int:
    """Moves about one detailed activity in seven to another tambon of the province."""
    tambons = [
        code
        for district, _ in areas.districts(province_code)
        for code, _ in areas.subdistricts(district)
    ]
    rows = demo_store.detailed_activity_places(db, province_code)
    moved = []
    for i, (aid, home) in enumerate(rows):
        if i % ELSEWHERE_EVERY:
            continue
        place = rng.choice([t for t in tambons if t != home] or [home])
        moved.append((place, aid))
    demo_store.move_activities(db, moved)
    return len(moved)


def _event_across_months(db: Database, rng: random.Random, today: date, province_code: str) -> int:
    """A three-day training from the second-last day of last month into this month."""
    start = today.replace(day=1) - timedelta(days=2)
    people = demo_store.active_in_province(db, start.isoformat(), province_code)
    attendees = rng.sample(people, min(len(people), 30))
    with db.atomic():
        event_id = demo_store.add_event(
            db,
            {
                "title": "อบรมหลักสูตรต่อเนื่องแกนนำอาสาสมัครแรงงาน (3 วัน)",
                "kind": "training",
                "project": "โครงการพัฒนาศักยภาพอาสาสมัครแรงงาน",
                "fiscal_year": fiscal_year(start),
                "start_date": start.isoformat(),
                "end_date": (start + timedelta(days=2)).isoformat(),
                "venue": "ศูนย์ฝึกอบรมจังหวัด",
                "organiser": "สำนักงานแรงงานจังหวัด",
                "topics": "การชี้เป้า คัดกรอง ส่งต่อ; การรายงานผลรายเดือน",
            },
        )
        demo_store.insert_volunteer_attendees(db, event_id, start.isoformat(), attendees)
    return 1
