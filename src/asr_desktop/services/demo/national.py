"""A demo of the whole country for headquarters mode (``asr-cli demo-national``).

Every province gets its own demo office database (services/demo/province.py, sized in proportion
to its tambons, about 8,000 volunteers in all), its own signing key and its own monthly
packages, made through the real provincial pipeline (services/reporting/package.py) and sealed to
the app's DEMO headquarters key. What headquarters should find in it, all drawn from the
seed:

- most packages made before the deadline, a few (about 1 in 12) after it;
- one province that never sent one of the months;
- a few people serving in two provinces at once (the same national ID and name);
- one province whose roster shrinks by about a third in the last month, and one district
  of another whose volunteers all leave at the end of the last month after reporting
  their work (two rule findings).

Layout under ``out``: ``packages/`` (every .zip), ``offices/<code>/asr.db`` (each office's
database and key), and ``hq.db``, an empty national database on the DEMO key.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from sqlite_utils import Database

from asr_desktop.domain import areas
from asr_desktop.domain.errors import InputError
from asr_desktop.domain.hq.reporting import deadline_of
from asr_desktop.domain.month import Month
from asr_desktop.domain.vocabulary import ExitReason
from asr_desktop.services.demo.province import build_demo
from asr_desktop.services.hq.headquarters import Headquarters
from asr_desktop.services.hq.package_reader import THAI_TIME
from asr_desktop.services.reporting.package import build_package
from asr_desktop.services.roster import RosterService
from asr_desktop.store.activities import ActivityStore
from asr_desktop.store.database import open_database
from asr_desktop.store.hq.demo import active_volunteers
from asr_desktop.store.volunteers import VolunteerStore

NATIONAL_VOLUNTEERS = 8000
NATIONAL_TAMBONS = 7436
LATE_SHARE = 1 / 12
DUPLICATES = 4
SHRINK_SHARE = 0.35


@dataclass(frozen=True, slots=True)
class DemoNational:
    out: Path
    packages: tuple[Path, ...]
    volunteers: int
    late: tuple[tuple[str, str], ...]
    missing: tuple[str, str] | None
    duplicates: tuple[tuple[str, str, str], ...]
    """(national ID, first province, second province)."""
    shrinking: str | None
    emptied: str | None
    """A province one of whose districts lost every volunteer in the last month."""
    hq_database: Path


def demo_months(today: date, count: int) -> list[Month]:
    """The ``count`` months before today's month, oldest first."""
    this = Month.of(today)
    return [this.shift(-back) for back in range(count, 0, -1)]


def province_sizes(codes: Sequence[str], total: int) -> dict[str, int]:
    return {
        code: max(12, round(total * areas.subdistrict_count(code) / NATIONAL_TAMBONS))
        for code in codes
    }


def build_demo_national(
    out: Path,
    *,
    seed: int = 2568,
    months: int = 3,
    provinces: Sequence[str] | None = None,
    volunteers: int = NATIONAL_VOLUNTEERS,
    today: date | None = None,
    now: datetime | None = None,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DemoNational:
    """Builds the demo under ``out`` (which must be empty or new)."""
    today = today or date.today()
    now = (now or datetime.now(THAI_TIME)).astimezone(THAI_TIME)
    codes = list(provinces or [code for code, _ in areas.provinces()])
    if not 1 <= months <= 24:
        raise InputError("จำนวนเดือนต้องอยู่ระหว่าง 1 ถึง 24")
    for code in codes:
        if not areas.province_name(code):
            raise InputError(f"ไม่รู้จักรหัสจังหวัด {code}")
    if out.exists() and any(out.iterdir()):
        raise InputError(f"โฟลเดอร์ {out} มีไฟล์อยู่แล้ว ข้อมูลตัวอย่างต้องสร้างในโฟลเดอร์ใหม่หรือว่าง")
    rng = random.Random(seed)
    sizes = province_sizes(codes, volunteers)
    periods = demo_months(today, months)
    late_plan = {
        (code, period) for code in codes for period in periods if rng.random() < LATE_SHARE
    }
    missing = (rng.choice(codes), periods[len(periods) // 2]) if len(codes) > 1 else None
    # The shrinking roster is seen against the month before, so not in the province that
    # skipped a month.
    others = [code for code in codes if not missing or code != missing[0]]
    shrinking = rng.choice(others) if len(codes) > 2 and months > 1 else None
    # A district whose volunteers all leave in the last month, after that month's work.
    emptied = rng.choice([c for c in codes if c != shrinking]) if len(codes) > 1 else None
    package_dir = out / "packages"
    package_dir.mkdir(parents=True)
    databases = {code: out / "offices" / code / "asr.db" for code in codes}
    total_steps = 2 * len(codes) + 1
    done = 0

    def advance() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total_steps)

    # Each province's work depends only on its own seed, so the provinces can be built in
    # separate processes (one per core) and the result is the same in any order.
    jobs = max(1, min(jobs or os.cpu_count() or 1, 4, len(codes)))
    office_jobs = [
        _OfficeJob(code, databases[code], seed * 100 + i, sizes[code], today)
        for i, code in enumerate(codes)
    ]
    for _ in _run(_build_office, office_jobs, jobs):
        advance()
    duplicates = _plant_duplicates(rng, databases, codes, today)
    package_jobs = [
        _PackageJob(
            code,
            databases[code],
            package_dir,
            f"{seed}-{code}",
            tuple(periods),
            tuple(p for p in periods if (code, p) in late_plan),
            missing[1] if missing and missing[0] == code else None,
            code == shrinking,
            code == emptied,
            now,
        )
        for code in codes
    ]
    packages: list[Path] = []
    late: list[tuple[str, str]] = []
    for made, was_late in _run(_build_packages, package_jobs, jobs):
        packages += made
        late += was_late
        advance()
    hq_path = out / "hq.db"
    Headquarters.create(hq_path, demo_key=True)[0].close()
    advance()
    miss = (missing[0], missing[1].iso) if missing else None
    return DemoNational(
        out,
        tuple(sorted(packages)),
        sum(sizes.values()),
        tuple(sorted(late)),
        miss,
        tuple(duplicates),
        shrinking,
        emptied,
        hq_path,
    )


T = TypeVar("T")
R = TypeVar("R")


def _run(work: Callable[[T], R], items: list[T], jobs: int) -> Iterator[R]:
    if jobs == 1:
        yield from map(work, items)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(work, items)


@dataclass(frozen=True, slots=True)
class _OfficeJob:
    code: str
    database: Path
    seed: int
    volunteers: int
    today: date


def _build_office(job: _OfficeJob) -> str:
    job.database.parent.mkdir(parents=True)
    db = open_database(job.database)
    try:
        build_demo(
            db, province_code=job.code, seed=job.seed, volunteers=job.volunteers, today=job.today
        )
    finally:
        db.close()
    return job.code


@dataclass(frozen=True, slots=True)
class _PackageJob:
    code: str
    database: Path
    package_dir: Path
    seed: str
    periods: tuple[Month, ...]
    late: tuple[Month, ...]
    missing: Month | None
    shrinking: bool
    emptied: bool
    now: datetime


def _build_packages(job: _PackageJob) -> tuple[list[Path], list[tuple[str, str]]]:
    """The office's packages, month by month, as the office would have made them."""
    rng = random.Random(job.seed)
    made: list[Path] = []
    late: list[tuple[str, str]] = []
    db = open_database(job.database)
    try:
        for n, month in enumerate(job.periods):
            if job.shrinking and n == len(job.periods) - 1:
                _shrink(db, rng, month.day(15))
            if job.emptied and n == len(job.periods) - 1:
                _empty_a_district(db, rng, month)
            day = _made_at(rng, month, month in job.late, job.now)
            at = datetime.combine(day, datetime.min.time(), THAI_TIME)
            at = min(at + timedelta(hours=rng.randint(8, 16)), job.now)
            if month == job.missing:
                continue
            if day > deadline_of(month):
                late.append((job.code, month.iso))
            result = build_package(
                db,
                month=month,
                out_dir=job.package_dir,
                data_dir=job.database.parent,
                today=day,
                now=at,
            )
            made.append(result.package)
    finally:
        db.close()
    return made, late


def _made_at(rng: random.Random, month: Month, late: bool, now: datetime) -> date:
    """The day an office makes its package: before the 10th, or (late) a few days after."""
    deadline = deadline_of(month)
    day = (
        deadline + timedelta(days=rng.randint(2, 15))
        if late
        else deadline - timedelta(days=rng.randint(0, 8))
    )
    return min(day, now.date())


def _plant_duplicates(
    rng: random.Random, databases: dict[str, Path], codes: Sequence[str], today: date
) -> list[tuple[str, str, str]]:
    """Gives a serving volunteer of one province the identity (national ID and name) of a
    serving volunteer of another: the same person registered in two provinces."""
    if len(codes) < 2:
        return []
    planted = []
    for _ in range(DUPLICATES):
        first, second = rng.sample(list(codes), 2)
        source = open_database(databases[first])
        target = open_database(databases[second])
        try:
            original = VolunteerStore(source).get(rng.choice(active_volunteers(source, today)))
            store = VolunteerStore(target)
            if store.id_by_national_id(original.national_id) is not None:
                continue
            twin = store.get(rng.choice(active_volunteers(target, today)))
            store.update(
                replace(
                    twin,
                    national_id=original.national_id,
                    title=original.title,
                    first_name=original.first_name,
                    last_name=original.last_name,
                )
            )
            planted.append((original.national_id, first, second))
        finally:
            source.close()
            target.close()
    return planted


def _empty_a_district(db: Database, rng: random.Random, month: Month) -> None:
    """Every serving volunteer of one district that worked this month leaves on its last
    day: the month's activities stand with no one serving (a rule finding)."""
    worked = sorted({t.district_code for t in ActivityStore(db).month_totals(month)})
    if not worked:
        return
    last = month.last_day
    roster = RosterService(db, today=lambda: last)
    for volunteer_id in active_volunteers(db, last, district_code=rng.choice(worked)):
        roster.record_exit(volunteer_id, on=last, reason=ExitReason.RESIGNED)


def _shrink(db: Database, rng: random.Random, on: date) -> None:
    roster = RosterService(db, today=lambda: on)
    active = active_volunteers(db, on)
    for volunteer_id in rng.sample(active, int(len(active) * SHRINK_SHARE)):
        roster.record_exit(volunteer_id, on=on, reason=ExitReason.MOVED)
