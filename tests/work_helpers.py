"""The tests' one clock and one builder of test people: valid national IDs, real tambons.

Small offices with volunteers for the tests (the demo generator lives elsewhere). Every
test module takes ``TODAY`` and ``national_id`` from here, and the ``db`` fixture from
tests/conftest.py.
"""

from __future__ import annotations

import random
from datetime import date

from sqlite_utils import Database

from asr_desktop.domain import areas
from asr_desktop.domain.model import Mentor, Volunteer
from asr_desktop.domain.national_id import check_digit
from asr_desktop.domain.vocabulary import Tier
from asr_desktop.services.office import init_office
from asr_desktop.services.roster import RosterService
from asr_desktop.store.mentors import MentorStore

TODAY = date(2025, 11, 20)
FIRST = ("สมชาย", "มาลี", "บุญมี", "คำพอง", "สุภาพร", "ทองใบ", "จันทร์เพ็ญ", "วีระ", "อรุณี", "ประยูร")
LAST = ("ศรีสุข", "พลเยี่ยม", "ภูมิภักดี", "แสนทวีสุข", "ไชยวงศ์", "โพธิ์ศรี", "บุตรดี", "คำภูเวียง")


def national_id(n: int, prefix: str = "3") -> str:
    """A valid 13-digit national ID: ``prefix``, running number ``n``, check digit."""
    first12 = f"{prefix}{n:0{12 - len(prefix)}d}"
    return first12 + str(check_digit(first12))


def make_office(db: Database, province: str = "47") -> None:
    init_office(db, province)


def add_volunteer(
    db: Database,
    n: int,
    subdistrict: str,
    *,
    tier: Tier = Tier.LEAD,
    start: date = date(2024, 10, 1),
    end: date | None = None,
    card: bool = True,
    mentor_id: int | None = None,
) -> int:
    service = RosterService(db, today=lambda: TODAY)
    volunteer = Volunteer(
        national_id=national_id(n),
        first_name=FIRST[n % len(FIRST)],
        last_name=LAST[(n // len(FIRST)) % len(LAST)],
        title="นาย" if n % 2 else "นาง",
        subdistrict_code=subdistrict,
        mentor_id=mentor_id,
    )
    vid = service.register(volunteer)
    service.appoint(
        vid,
        tier=tier,
        start_date=start,
        end_date=end,
        card_no=f"47-{n:05d}" if card else "",
        card_issue_date=start if card else None,
    )
    return vid


def add_mentor(db: Database, first: str = "ประเสริฐ", agency: str = "ops") -> int:
    return MentorStore(db).add(
        Mentor(
            first_name=first,
            last_name="ศรีสกล",
            title="นาย",
            position="นักวิชาการแรงงาน",
            agency=agency,
            phone="042711111",
        )
    )


def populate(db: Database, volunteers: int = 60, *, seed: int = 1) -> list[int]:
    """An office in สกลนคร with leads in most tambons of the first districts and some network."""
    make_office(db)
    rng = random.Random(seed)
    tambons = [c for d, _ in areas.districts("47") for c, _ in areas.subdistricts(d)]
    ids = []
    for n in range(volunteers):
        tambon = tambons[n % len(tambons)] if n < len(tambons) else rng.choice(tambons)
        tier = Tier.LEAD if n < len(tambons) * 0.8 else Tier.NETWORK
        start = date(2022, 12, 15) if n % 9 == 0 else date(2024, 10, 1)
        ids.append(add_volunteer(db, n + 1, tambon, tier=tier, start=start))
    return ids


def bulk_volunteers(db: Database, n: int, district: str = "4701") -> list[int]:
    """n active volunteers in one district by plain SQL (fast; for size tests only)."""
    tambons = [c for c, _ in areas.subdistricts(district)]
    rows = [
        (
            national_id(10000 + i),
            "นาย",
            FIRST[i % len(FIRST)],
            f"ทดสอบ{i:03d}",
            tambons[i % len(tambons)],
            district,
            f"{i:05d}",
            "network",
            "2024-10-01",
            "2027-09-30",
            "x",
            "x",
        )
        for i in range(n)
    ]
    with db.atomic():
        db.conn.executemany(
            "INSERT INTO volunteers (national_id, title, first_name, last_name, subdistrict_code, "
            "district_code, name_sort_key, tier, term_start, term_end, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    return [
        r[0] for r in db.execute("SELECT id FROM volunteers WHERE district_code = ?", [district])
    ]
