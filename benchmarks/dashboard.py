"""Dashboard benchmark: the home page's figures on a 100,000-volunteer database.

Target (issue 3): ``compute_dashboard`` in ≤ 200 ms.

    python benchmarks/dashboard.py [--db PATH] [--volunteers 100000]

The database is built once and reused. With the demo generator (services/demo/province.py) present
it is ``asr-cli demo --volunteers N`` plus the demo work; until that branch lands, this
script fills the volunteers with its own quick bulk SQL (``_bulk_volunteers``: summary
columns only, no terms rows — enough for every dashboard query) and then adds the demo
work (activities, referrals, events, checklists) on top.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from asr_desktop.domain import areas
from asr_desktop.services.demo.work import add_demo_work
from asr_desktop.services.office import init_office
from asr_desktop.services.reporting.dashboard import compute_dashboard
from asr_desktop.store.database import open_database

TODAY = date(2025, 11, 20)
TARGET_MS = 200


def _bulk_volunteers(db, n: int, seed: int = 2568) -> None:
    """Quick stand-in for the demo generator: n volunteers spread over สกลนคร's tambons."""
    rng = random.Random(seed)
    tambons = [c for d, _ in areas.districts("47") for c, _ in areas.subdistricts(d)]
    rows = []
    for i in range(n):
        sub = tambons[i % len(tambons)]
        lead = i < len(tambons) * 3 and i % 5 != 0
        start = date(2022, 10, 1) + timedelta(days=rng.randint(0, 1100))
        end = start + timedelta(days=3 * 365 - 1)
        standing = "exited" if rng.random() < 0.05 else None
        rows.append(
            (
                f"{1000000000000 + i}",
                "นาย",
                f"อาสา{i}",
                "ทดสอบ",
                sub,
                sub[:4],
                f"{i:08d}",
                standing,
                "lead" if lead else "network",
                start.isoformat(),
                end.isoformat(),
                "x",
                "x",
            )
        )
    with db.atomic():
        db.conn.executemany(
            "INSERT INTO volunteers (national_id, title, first_name, last_name, subdistrict_code, "
            "district_code, name_sort_key, standing, tier, term_start, term_end, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


def build(path: Path, volunteers: int) -> None:
    try:
        from asr_desktop.services.demo.province import build_demo  # the demo branch
    except ImportError:
        build_demo = None
    db = open_database(path)
    started = time.perf_counter()
    if build_demo is not None:
        build_demo(db, province_code="47", seed=2568, volunteers=volunteers, today=TODAY)
    else:
        init_office(db, "47")
        _bulk_volunteers(db, volunteers)
    if not db.execute("SELECT count(*) FROM activities").fetchone()[0]:
        add_demo_work(db, seed=2568, today=TODAY)
    db.close()
    print(f"built {path} in {time.perf_counter() - started:.1f} s", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--db", type=Path, default=Path(tempfile.gettempdir()) / "asr-bench-work.db"
    )
    parser.add_argument("--volunteers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    if not args.db.exists():
        build(args.db, args.volunteers)
    db = open_database(args.db)
    counts = {
        t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("volunteers", "activities", "referrals", "event_attendees")
    }
    print("rows:", ", ".join(f"{t} {n:,}" for t, n in counts.items()))
    # The day the database is "as of": its newest activity (a reused database may have been
    # built on another day). Figures are as at a day, so asking another day is other work.
    newest = db.execute("SELECT max(date) FROM activities").fetchone()[0]
    today = date.fromisoformat(newest) if newest else TODAY
    median = 0.0
    for label, day in (("today", today), ("a year earlier", today - timedelta(days=365))):
        waiting = db.execute(
            "SELECT count(*) FROM volunteers WHERE settled_on > ?", [day.isoformat()]
        ).fetchone()[0]
        compute_dashboard(db, day)  # warm the page cache
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            figures = compute_dashboard(db, day)
            times.append((time.perf_counter() - started) * 1000)
        if label == "today":
            median = statistics.median(times)
        print(
            f"dashboard as at {label} ({day}, {waiting:,} with later records): "
            f"median {statistics.median(times):.0f} ms, max {max(times):.0f} ms over "
            f"{args.runs} runs (target ≤ {TARGET_MS} ms for today) — active "
            f"{figures.active_volunteers:,}, inactive {figures.inactive_3m:,}, "
            f"overdue {figures.referrals_overdue:,}"
        )
    return 0 if median <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
