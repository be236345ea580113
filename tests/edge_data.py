"""An office database full of the edge cases the demo never makes (issue 19).

Built through the services and stores, as the app writes, around November 2569
(2026-11) with the clock at ``TODAY`` (1 ธ.ค. 2569). Each volunteer is one case; the keys
of :class:`EdgeData.ids` say which. :func:`add_december_records` then adds what an
office might type in during December: records dated in December and records dated ahead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlite_utils import Database
from tests.work_helpers import national_id

from asr_desktop.domain.model import Volunteer
from asr_desktop.domain.month import Month
from asr_desktop.domain.vocabulary import ExitReason, Tier
from asr_desktop.domain.work import Activity, Attendee, AttendeeRole, Event, Referral
from asr_desktop.services.roster import RosterService
from asr_desktop.store.activities import ActivityStore
from asr_desktop.store.events import EventStore
from asr_desktop.store.referrals import ReferralStore

TODAY = date(2026, 12, 1)
NOVEMBER = (2026, 11)
NOV_LAST = date(2026, 11, 30)

# Home tambons in สกลนคร (47): เมืองสกลนคร 4701, กุสุมาลย์ 4702, กุดบาก 4703.
MUEANG_1, MUEANG_2, KUSUMAN_1, KUSUMAN_2, KUTBAK = (
    "470101", "470102", "470201", "470202", "470301",
)  # fmt: skip
ELSEWHERE = "480101"  # นครพนม: a tambon outside the office's province

CURRENT = (date(2024, 8, 1), date(2027, 7, 31))


@dataclass
class EdgeData:
    db: Database
    roster: RosterService
    ids: dict[str, int] = field(default_factory=dict)
    mission_id: int = 0


def _mission(db: Database) -> int:
    return int(
        db.execute(
            "SELECT id FROM work_categories WHERE kind = 'mission' ORDER BY position"
        ).fetchone()[0]
    )


def build_edge_data(db: Database, *, today: date = TODAY) -> EdgeData:
    roster = RosterService(db, today=lambda: today)
    data = EdgeData(db, roster, mission_id=_mission(db))
    n = 0

    def person(key: str, tambon: str, tier: Tier | None, start=CURRENT[0], end=CURRENT[1]):
        nonlocal n
        n += 1
        vid = roster.register(
            Volunteer(national_id(900 + n), "ทดสอบ", key, title="นาย", subdistrict_code=tambon)
        )
        if tier is not None:
            roster.appoint(vid, tier=tier, start_date=start, end_date=end)
        data.ids[key] = vid
        return vid

    # Plain serving people: one lead per tambon but KUTBAK, whose only lead exits ahead.
    person("lead_mueang_1", MUEANG_1, Tier.LEAD)
    renewed = person("lead_renewed_ahead", MUEANG_2, Tier.LEAD)
    roster.appoint(renewed, tier=Tier.LEAD, start_date=date(2027, 8, 1))
    person("lead_kusuman_1", KUSUMAN_1, Tier.LEAD)
    leaving = person("lead_exit_ahead", KUTBAK, Tier.LEAD)
    roster.record_exit(leaving, on=date(2026, 12, 20), reason=ExitReason.RESIGNED)
    suspended = person("lead_suspended_1_dec", KUSUMAN_2, Tier.LEAD)
    roster.suspend(suspended, on=date(2026, 12, 1))
    # A term closed early: it ends on the close date, 15 ม.ค. 2570 (45 days after TODAY).
    closed = person("network_closed_early", MUEANG_1, Tier.NETWORK)
    term = roster.store.terms(closed)[0]
    roster.end_term(term, date(2027, 1, 15))
    person("network_first_term_ahead", MUEANG_2, Tier.NETWORK, date(2027, 1, 1), date(2029, 12, 31))
    back = person("network_reinstated_ahead", KUSUMAN_1, Tier.NETWORK)
    roster.suspend(back, on=date(2026, 10, 1))
    roster.reinstate(back, on=date(2027, 1, 1))
    gone = person("lead_exit_in_november", MUEANG_1, Tier.LEAD)
    roster.record_exit(gone, on=date(2026, 11, 15), reason=ExitReason.MOVED)
    person("network_ends_30_nov", KUSUMAN_1, Tier.NETWORK, date(2023, 12, 1), NOV_LAST)
    person("network_starts_30_nov", KUSUMAN_2, Tier.NETWORK, NOV_LAST, date(2029, 11, 29))
    last_day = person("network_exit_30_nov", KUTBAK, Tier.NETWORK)
    roster.record_exit(last_day, on=NOV_LAST, reason=ExitReason.DEATH)
    promoted = person(
        "network_then_lead_ahead", KUTBAK, Tier.NETWORK, date(2024, 1, 1), date(2026, 12, 31)
    )
    roster.appoint(promoted, tier=Tier.LEAD, start_date=date(2027, 1, 1))
    person("candidate", MUEANG_1, None)
    person("term_ended_long_ago", MUEANG_2, Tier.NETWORK, date(2020, 1, 1), date(2022, 12, 31))
    idle = person("network_idle_since_august", KUSUMAN_1, Tier.NETWORK)

    # Work: in the home tambon, in another district, outside the province, a grid cell.
    acts = ActivityStore(db)
    m = data.mission_id
    lead = data.ids["lead_mueang_1"]
    acts.add(Activity(lead, date(2026, 11, 3), m, agency="doe", subdistrict_code=MUEANG_1,
                      people_male=2, people_female=3))  # fmt: skip
    acts.add(Activity(lead, date(2026, 11, 12), m, agency="sso", subdistrict_code=KUSUMAN_2,
                      people_male=4, people_female=1))  # fmt: skip
    acts.add(Activity(data.ids["lead_kusuman_1"], date(2026, 11, 20), m, agency="dsd",
                      subdistrict_code=ELSEWHERE, people_female=6))  # fmt: skip
    acts.set_cell(data.ids["lead_exit_ahead"], Month(2026, 11), m, 5)
    acts.add(Activity(data.ids["lead_suspended_1_dec"], date(2026, 9, 1), m))
    acts.add(Activity(idle, date(2026, 8, 31), m, subdistrict_code=KUSUMAN_1))
    acts.set_cell(renewed, Month(2026, 9), m, 2)

    refs = ReferralStore(db)
    refs.add(Referral(date(2026, 11, 5), "นายหนึ่ง ทดสอบ", "doe", volunteer_id=lead,
                      subdistrict_code=KUSUMAN_1))  # fmt: skip
    refs.add(Referral(date(2026, 11, 6), "นางสอง ทดสอบ", "sso", volunteer_id=lead))
    # An event that spans two months counts in the month it starts.
    EventStore(db).save(
        Event("อบรมต่อเนื่องข้ามเดือน", date(2026, 11, 29), end_date=date(2026, 12, 2)),
        [Attendee(AttendeeRole.LEAD, volunteer_id=lead)],
    )
    return data


def add_december_records(data: EdgeData) -> None:
    """What December brings: records dated in December and ahead, none in November."""
    roster, db, m = data.roster, data.db, data.mission_id
    ids = data.ids
    roster.record_exit(ids["lead_mueang_1"], on=date(2026, 12, 5), reason=ExitReason.RESIGNED)
    roster.suspend(ids["lead_kusuman_1"], on=date(2026, 12, 1))
    roster.appoint(ids["network_ends_30_nov"], tier=Tier.LEAD, start_date=date(2026, 12, 1))
    roster.appoint(ids["candidate"], tier=Tier.LEAD, start_date=date(2026, 12, 1))
    roster.end_term(roster.store.terms(ids["network_starts_30_nov"])[0], date(2026, 12, 1))
    roster.appoint(ids["lead_kusuman_1"], tier=Tier.LEAD, start_date=date(2027, 8, 1))
    ActivityStore(db).add(
        Activity(
            ids["lead_renewed_ahead"],
            date(2026, 12, 1),
            m,
            subdistrict_code=MUEANG_2,
            people_male=9,
        )
    )
    ActivityStore(db).set_cell(ids["network_reinstated_ahead"], Month(2026, 12), m, 3)
    ReferralStore(db).add(
        Referral(date(2026, 12, 1), "นายสาม ทดสอบ", "doe", volunteer_id=ids["candidate"])
    )
    EventStore(db).save(Event("ประชุมเดือนธันวาคม", date(2026, 12, 1)), [])
