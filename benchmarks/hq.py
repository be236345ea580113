"""Headquarters benchmark (issue 10) on the demo country.

Targets on a 2-core machine: receiving 77 packages of one month ≤ 15 s in all; the
reporting status grid and the national dashboard ≤ 200 ms each with a full fiscal year
received (924 packages); national roster search ≤ 50 ms a keystroke; peak memory
≤ 500 MB; a package of a 2,000-volunteer province ≤ 10 MB.

    python benchmarks/hq.py [--demo DIR]

``--demo`` is the output of ``asr-cli demo-national --out DIR`` (made here when missing:
several minutes). The 77 packages of the demo's first month are received into a new
national database and timed. The fiscal year is then completed to 924 packages by storing
the demo's genuine, verified package data again under the other eleven months (through the
same store function the receiver uses), since making 924 real packages would take long.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import replace
from datetime import date
from pathlib import Path

os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from asr_desktop.domain.hq.reporting import fiscal_months
from asr_desktop.domain.month import Month
from asr_desktop.services.hq.headquarters import Headquarters
from asr_desktop.services.hq.national import national_month, search
from asr_desktop.services.hq.package_reader import read_package
from asr_desktop.services.hq.receive import expand_paths, receive_packages
from asr_desktop.services.hq.status import reporting_status
from asr_desktop.store.hq import packages as store

FISCAL_YEAR = 2570
TODAY = date(2027, 10, 20)  # the whole fiscal year is due


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _timed(fn, repeat: int = 7):  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), max(times)


def _big_province(work: Path) -> None:
    """The package of a province of 2,000 volunteers (target ≤ 10 MB, an e-mail attachment)."""
    from asr_desktop.services.demo.province import build_demo
    from asr_desktop.services.reporting.package import build_package
    from asr_desktop.store.database import open_database

    db = open_database(work / "big.db")
    try:
        build_demo(db, province_code="47", volunteers=2000, today=date(2025, 11, 20))
        started = time.perf_counter()
        result = build_package(db, month=Month(2025, 10), out_dir=work / "out", data_dir=work,
                               today=date(2025, 11, 5))  # fmt: skip
        elapsed = time.perf_counter() - started
    finally:
        db.close()
    size = result.package.stat().st_size
    print(f"package of 2,000 volunteers: {size / 1024:.0f} KB, made in {elapsed:.1f} s "
          "(target ≤ 10 MB)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--demo", type=Path, default=Path(tempfile.gettempdir()) / "asr-demo-national"
    )
    args = parser.parse_args()
    if not (args.demo / "packages").is_dir():
        from asr_desktop.services.demo.national import build_demo_national

        started = time.perf_counter()
        build_demo_national(args.demo)
        print(f"demo-national (77 provinces, 3 months): {time.perf_counter() - started:.1f} s")
    files = expand_paths([args.demo / "packages"])
    by_month: dict[str, list[Path]] = defaultdict(list)
    for path in files:
        by_month[path.stem[-7:]].append(path)
    month, first = max(by_month.items(), key=lambda kv: (len(kv[1]), -int(kv[0][:4])))
    work = Path(tempfile.mkdtemp(prefix="asr-hq-bench-"))
    try:
        hq, _ = Headquarters.create(work / "hq.db", demo_key=True)
        started = time.perf_counter()
        results = receive_packages(hq, first)
        elapsed = time.perf_counter() - started
        accepted = sum(r.accepted for r in results)
        print(
            f"receive {len(first)} packages of {month} (พ.ศ.): {elapsed:.2f} s "
            f"({accepted} accepted; target ≤ 15 s)"
        )
        largest = max(files, key=lambda p: p.stat().st_size)
        print(f"largest package: {largest.name} {largest.stat().st_size / 1024:.0f} KB")

        # Complete the fiscal year: the genuine data again under every month.
        key = hq.private_key()
        verified = [read_package(path, key) for path in first]
        periods = [month.iso for month in fiscal_months(FISCAL_YEAR)]
        with store.write_transaction(hq.db):
            hq.db.execute("DELETE FROM national_roster")
            hq.db.execute("DELETE FROM packages")
            for period in periods:
                for n, package in enumerate(verified):
                    record = store.PackageRecord(
                        package.manifest.province_code,
                        period,
                        f"{period}-05T02:00:00+00:00",
                        f"{period}-06T02:00:00+00:00",
                        f"{period}-{n}-{package.sha256}",
                        package.file_name,
                        package.size,
                        "bench",
                        "",
                        True,
                        {},
                    )
                    data = replace(package.data, period=period)
                    store.insert_package(hq.db, record, data, None)
        count = hq.db.execute("SELECT count(*) FROM packages").fetchone()[0]
        roster = hq.db.execute("SELECT count(*) FROM package_roster").fetchone()[0]
        print(
            f"national database: {count} packages, {roster:,} roster rows, "
            f"{(work / 'hq.db').stat().st_size / 1e6:.0f} MB"
        )

        median, worst = _timed(lambda: reporting_status(hq, FISCAL_YEAR, today=TODAY))
        print(f"status grid (77 × 12): median {_ms(median)}, worst {_ms(worst)} (target ≤ 200 ms)")
        median, worst = _timed(lambda: national_month(hq, periods[-1]))
        print(
            f"national dashboard figures: median {_ms(median)}, worst {_ms(worst)} "
            "(target ≤ 200 ms)"
        )

        from PySide6.QtWidgets import QApplication

        from asr_desktop.ui.hq.context import HQContext
        from asr_desktop.ui.hq.dashboard_page import NationalDashboardPage
        from asr_desktop.ui.hq.roster_page import NationalRosterPage
        from asr_desktop.ui.hq.status_page import StatusPage

        app = QApplication.instance() or QApplication([])
        context = HQContext(hq, today=lambda: TODAY)
        status_page = StatusPage(context)
        median, worst = _timed(status_page.refresh)
        print(f"status page refresh (grid of 924 cells): median {_ms(median)}, worst {_ms(worst)}")
        dashboard = NationalDashboardPage(context)
        median, worst = _timed(dashboard.refresh)
        print(f"dashboard page refresh: median {_ms(median)}, worst {_ms(worst)}")

        name = verified[0].data.roster[0].name.split()[0]
        typed = [name[: i + 1] for i in range(min(len(name), 6))] + ["3", "31", "310", "3100"]
        times = []
        for text in typed:
            started = time.perf_counter()
            search(hq, text)
            times.append(time.perf_counter() - started)
        print(
            f"roster search, {len(typed)} keystrokes: median {_ms(statistics.median(times))}, "
            f"worst {_ms(max(times))} (target ≤ 50 ms)"
        )
        page = NationalRosterPage(context)
        times = []
        for text in typed:
            page.search.setText(text)
            started = time.perf_counter()
            page.refresh()
            times.append(time.perf_counter() - started)
        print(
            f"roster page (search + 500 rows shown): median {_ms(statistics.median(times))}, "
            f"worst {_ms(max(times))}"
        )
        app.processEvents()
        hq.close()
        _big_province(work)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory: {peak:.0f} MB (target ≤ 500 MB)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
