"""Demo data for the volunteers' work, added to a demo database that already has volunteers.

``build_demo`` (services/demo/province.py) calls :func:`add_demo_work` after the roster is built, so
every screen of the demo shows something real: mentors with their volunteers and quarterly
checklists, six months of activities, referrals in every status (some overdue) and a
handful of trainings and meetings with attendees. Deterministic for a seed.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from sqlite_utils import Database

from asr_desktop.domain.month import Month, months_back
from asr_desktop.domain.progress import ProgressFn, no_progress
from asr_desktop.domain.thai_dates import fiscal_quarter, fiscal_year
from asr_desktop.domain.vocabulary import Agency
from asr_desktop.domain.work import ChecklistItem, ReferralStatus
from asr_desktop.store import audit
from asr_desktop.store import demo as demo_store
from asr_desktop.store.demo import ActiveRow

DEMO_MONTHS = 6
REPORTING_SHARE = 0.72
"""Share of active volunteers who report work in a given month."""

_Active = ActiveRow

_DEMO_MENTORS = (
    ("นาย", "ประเสริฐ", "ศรีสกล", "นักวิชาการแรงงานชำนาญการ", "ops"),
    ("นางสาว", "วิไลวรรณ", "พรหมสาขา", "นักวิชาการแรงงานปฏิบัติการ", "ops"),
    ("นาง", "สุดารัตน์", "ไชยคำ", "นักวิชาการแรงงานชำนาญการ", "doe"),
    ("นาย", "ธนากร", "แก้วมณี", "นักวิชาการแรงงาน", "doe"),
    ("นาง", "กาญจนา", "บุญเรือง", "นักวิชาการพัฒนาฝีมือแรงงานชำนาญการ", "dsd"),
    ("นาย", "อนุชา", "สุวรรณไตร", "นักวิชาการแรงงานชำนาญการ", "dlpw"),
    ("นางสาว", "พัชรินทร์", "ทองดี", "นักวิชาการประกันสังคมชำนาญการ", "sso"),
    ("นาย", "สมศักดิ์", "วงศ์ภักดี", "เจ้าพนักงานแรงงานชำนาญงาน", "ops"),
)
_NEEDS = (
    ("หางานทำใกล้บ้าน", "doe"),
    ("ต้องการฝึกอาชีพช่างซ่อมรถจักรยานยนต์", "dsd"),
    ("ต้องการฝึกอาชีพทำขนม", "dsd"),
    ("สมัครประกันสังคม มาตรา 40", "sso"),
    ("ถูกเลิกจ้างไม่ได้รับค่าชดเชย", "dlpw"),
    ("ไม่ได้รับค่าจ้างตามกำหนด", "dlpw"),
    ("ขอรับเงินทดแทนการขาดรายได้", "sso"),
    ("ต้องการไปทำงานต่างประเทศอย่างถูกกฎหมาย", "doe"),
    ("ขึ้นทะเบียนแรงงานนอกระบบ", "ops"),
    ("ผู้สูงอายุต้องการงานที่บ้าน", "ops"),
)
_OUTCOMES = {
    "served": ("ได้งานแล้ว", "เข้ารับการฝึกอบรมแล้ว", "สมัครสมาชิกเรียบร้อย", "ได้รับเงินชดเชยแล้ว"),
    "not_served": ("ติดต่อไม่ได้", "ขาดคุณสมบัติ", "ไม่ประสงค์รับบริการ"),
    "in_progress": ("รอผลการพิจารณา", "นัดสัมภาษณ์งาน"),
}
_MALE_NAMES = ("สมชาย", "บุญมี", "คำพอง", "วีระ", "ประยูร", "สุริยา", "ทองดี", "อำนาจ")
_FEMALE_NAMES = ("มาลี", "สุภาพร", "จันทร์เพ็ญ", "อรุณี", "บัวผัน", "ลำดวน", "พิมพ์ใจ", "ทองม้วน")
_LAST_NAMES = ("ศรีสุข", "พลเยี่ยม", "ภูมิภักดี", "แสนทวีสุข", "ไชยวงศ์", "โพธิ์ศรี", "บุตรดี")
_EVENTS = (
    (
        "อบรมเพิ่มศักยภาพอาสาสมัครแรงงาน รุ่นที่ 1",
        "training",
        "โครงการพัฒนาศักยภาพอาสาสมัครแรงงาน",
        "โรงแรมในเมืองสกลนคร",
        "บทบาทหน้าที่ อสร.; การชี้เป้า คัดกรอง ส่งต่อ",
    ),
    (
        "ประชุมชี้แจงแนวทางการดำเนินงาน อสร.",
        "meeting",
        "",
        "ห้องประชุมศาลากลางจังหวัด",
        "แนวทางการรายงานผลรายเดือน",
    ),
    (
        "อบรมความรู้ประกันสังคม มาตรา 40",
        "training",
        "โครงการขยายความคุ้มครองแรงงานนอกระบบ",
        "ที่ว่าการอำเภอ",
        "สิทธิประโยชน์ ม.40; การสมัครผ่านแอป",
    ),
    (
        "สัมมนาเครือข่ายอาสาสมัครแรงงานระดับจังหวัด",
        "seminar",
        "โครงการเครือข่ายแรงงานจังหวัด",
        "หอประชุมจังหวัด",
        "แลกเปลี่ยนประสบการณ์; มอบเกียรติบัตร",
    ),
    (
        "อบรมการป้องกันการค้ามนุษย์ด้านแรงงาน",
        "training",
        "โครงการคุ้มครองแรงงาน",
        "สำนักงานแรงงานจังหวัด",
        "สัญญาณเตือนการค้ามนุษย์; ช่องทางแจ้งเหตุ",
    ),
    (
        "ประชุมประจำไตรมาสพี่เลี้ยงและแกนนำ",
        "meeting",
        "",
        "สำนักงานแรงงานจังหวัด",
        "ผลการดำเนินงานไตรมาส; หลัก 3อ 2ส 1ร",
    ),
)


@dataclass(frozen=True, slots=True)
class DemoWorkSummary:
    mentors: int
    activities: int
    referrals: int
    events: int
    checklists: int


def add_demo_work(
    db: Database, *, seed: int, today: date, progress: ProgressFn | None = None
) -> DemoWorkSummary:
    """Adds the work records to a demo database (one transaction, one audit entry)."""
    report = progress or no_progress
    rng = random.Random(seed)
    with db.atomic():
        mentor_ids = _mentors(db)
        active = demo_store.active_rows(db, today.isoformat())
        assigned = _assign(db, rng, mentor_ids)
        report(1, 5)
        categories = {
            kind: demo_store.active_category_ids(db, kind)
            for kind in ("duty", "mission", "target_group")
        }
        n_activities = _activities(db, rng, active, categories, today)
        report(2, 5)
        n_referrals = _referrals(db, rng, active, today)
        report(3, 5)
        n_events = _events(db, rng, active, mentor_ids, today)
        report(4, 5)
        n_checklists = _checklists(db, rng, active, today)
        summary = DemoWorkSummary(
            len(mentor_ids), n_activities, n_referrals, n_events, n_checklists
        )
        audit.record(
            db,
            "demo",
            "work",
            None,
            after={**asdict(summary), "assigned": assigned},
            summary="สร้างข้อมูลตัวอย่างผลการปฏิบัติงาน",
        )
        report(5, 5)
    return summary


def _mentors(db: Database) -> list[int]:
    ids = demo_store.active_mentor_ids(db)
    if ids:
        return ids
    demo_store.add_mentors(
        db,
        (
            (t, f, last, pos, agency, f"042-71{i:04d}")
            for i, (t, f, last, pos, agency) in enumerate(_DEMO_MENTORS)
        ),
    )
    return demo_store.active_mentor_ids(db)


def _assign(db: Database, rng: random.Random, mentor_ids: list[int]) -> int:
    """Gives every district where nobody has a mentor one of the mentors, in turn.

    A district the roster demo already gave a mentor keeps it (its candidates stay without
    one, as new applicants are).
    """
    districts = demo_store.districts_without_mentor(db)
    order = mentor_ids[:]
    rng.shuffle(order)
    assigned = 0
    for i, district in enumerate(districts):
        assigned += demo_store.assign_district(db, order[i % len(order)], district)
    return assigned


def _activities(
    db: Database,
    rng: random.Random,
    active: list[_Active],
    categories: dict[str, list[int]],
    today: date,
) -> int:
    missions, duties, groups = categories["mission"], categories["duty"], categories["target_group"]
    agencies = [a.value for a in Agency]
    # Some volunteers never report, so "no activity for 3 months" shows real names.
    silent = {vid for vid, *_ in active if rng.random() < 0.08}
    rows: list[tuple[Any, ...]] = []
    for back in range(DEMO_MONTHS):
        first, following = Month.of(today).shift(-back).range
        last_day = min(today, following - timedelta(days=1))
        share = REPORTING_SHARE * (0.5 if back == 0 else 1.0)  # this month is still coming in
        for vid, _tier, sub, _district, _mentor in active:
            if vid in silent or rng.random() > share:
                continue
            for mission in rng.sample(missions[:8], rng.randint(1, 3)):
                if rng.random() < 0.7:  # typed into the month grid
                    rows.append(
                        (
                            vid,
                            first.isoformat(),
                            mission,
                            None,
                            None,
                            "",
                            sub,
                            "",
                            rng.randint(1, 6),
                            0,
                            0,
                            "",
                            1,
                        )
                    )
                else:  # from the detailed form
                    day = first + timedelta(days=rng.randint(0, (last_day - first).days))
                    rows.append(
                        (
                            vid,
                            day.isoformat(),
                            mission,
                            rng.choice(duties),
                            rng.choice(groups),
                            rng.choice(agencies),
                            sub,
                            str(rng.randint(1, 15)),
                            1,
                            rng.randint(0, 12),
                            rng.randint(0, 15),
                            "",
                            0,
                        )
                    )
    demo_store.insert_activities(db, rows)
    return len(rows)


def _referrals(
    db: Database,
    rng: random.Random,
    active: list[_Active],
    today: date,
) -> int:
    if not active:
        return 0
    count = max(40, min(len(active) // 6, 5000))
    statuses = [s.value for s in ReferralStatus]
    rows: list[tuple[Any, ...]] = []
    for i in range(count):
        vid, _tier, sub, *_ = rng.choice(active)
        need, agency = rng.choice(_NEEDS)
        made = today - timedelta(days=rng.randint(0, 180))
        status = statuses[i % len(statuses)] if i < 8 else rng.choice(statuses)
        follow_up = made + timedelta(days=rng.choice((14, 30, 45)))
        outcome = rng.choice(_OUTCOMES[status]) if status in _OUTCOMES else ""
        gender = rng.choice(("male", "female"))
        first = rng.choice(_MALE_NAMES if gender == "male" else _FEMALE_NAMES)
        title = "นาย" if gender == "male" else rng.choice(("นาง", "นางสาว"))
        rows.append(
            (
                made.isoformat(),
                vid,
                f"{title}{first} {rng.choice(_LAST_NAMES)}",
                f"08{rng.randint(10000000, 99999999)}",
                gender,
                sub,
                need,
                agency,
                status,
                outcome,
                follow_up.isoformat(),
            )
        )
    demo_store.insert_referrals(db, rows)
    return len(rows)


def _events(
    db: Database,
    rng: random.Random,
    active: list[_Active],
    mentor_ids: list[int],
    today: date,
) -> int:
    for i, (title, kind, project, venue, topics) in enumerate(_EVENTS):
        start = today - timedelta(days=20 + i * 31 + rng.randint(0, 10))
        end = start + timedelta(days=1 if kind == "training" else 0)
        event_id = demo_store.add_event(
            db,
            {
                "title": title,
                "kind": kind,
                "project": project,
                "fiscal_year": fiscal_year(start),
                "start_date": start.isoformat(),
                "end_date": end.isoformat(),
                "venue": venue,
                "organiser": "สำนักงานแรงงานจังหวัด",
                "topics": topics,
            },
        )
        people = rng.sample(active, min(len(active), rng.randint(25, 60)))
        rows: list[tuple[Any, ...]] = [
            (event_id, tier or "network", vid, None, "", "", int(rng.random() > 0.08))
            for vid, tier, *_ in people
        ]
        rows += [(event_id, "mentor", None, m, "", "", 1) for m in rng.sample(mentor_ids, 2)]
        rows += [
            (event_id, "staff", None, None, "นางสาวอรทัย ใจดี", "สำนักงานแรงงานจังหวัด", 1),
            (event_id, "other", None, None, "นายวิทยา พูลสวัสดิ์", "วิทยากรจากส่วนกลาง", 1),
        ]
        demo_store.insert_attendees(db, rows)
    return len(_EVENTS)


def _checklists(
    db: Database,
    rng: random.Random,
    active: list[_Active],
    today: date,
) -> int:
    fy, quarter = fiscal_year(today), fiscal_quarter(today)
    prev = months_back(today, 3)
    periods = [(fiscal_year(prev), fiscal_quarter(prev), prev, 0.85), (fy, quarter, today, 0.4)]
    mentors = demo_store.mentor_by_volunteer(db)
    items = [i.value for i in ChecklistItem]
    rows: list[tuple[Any, ...]] = []
    for year, q, assessed, share in periods:
        for vid, *_ in active:
            if vid not in mentors or rng.random() > share:
                continue
            scores = [rng.choices((0, 1, 2, 3), weights=(1, 3, 8, 8))[0] for _ in items]
            rows.append((vid, year, q, mentors[vid], assessed.isoformat(), *scores))
    demo_store.insert_checklists(db, items, rows)
    return len(rows)
