"""Roster speed at national scale: 100,000 volunteers built by the demo generator.

Prints: time to open the database and show the first page, median and 95th-percentile
time per search keystroke (query + first page), time to sort by name, and peak memory.
Targets (issue 2): first page <= 1 s, search <= 50 ms median, memory <= 400 MB.

    python benchmarks/roster.py [--volunteers 100000] [--db PATH]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
SRC = Path(__file__).resolve().parent.parent / "src"
sys.path.insert(0, str(SRC))

from PySide6.QtWidgets import QApplication

from asr_desktop.services.office import Office
from asr_desktop.store.database import open_database
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.fonts import install_fonts
from asr_desktop.ui.roster_page import RosterPage

KEYSTROKES = [
    "ส",
    "สม",
    "สมศ",
    "สมศร",
    "สมศรี",
    "",
    "บุญ",
    "บุญม",
    "บุญมา",
    "",
    "3",
    "34",
    "347",
    "3470",
    "",
    "08",
    "081",
    "0812",
    "",
    "ธาตุ",
    "ธาตุเชิง",
    "",
]


def first_page(page: RosterPage, rows: int = 30) -> None:
    """Makes the model produce what the view would draw for one screen."""
    model = page.model
    for row in range(min(rows, model.rowCount())):
        for column in range(model.columnCount()):
            model.index(row, column).data()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--volunteers", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    path = args.db or Path(tempfile.gettempdir()) / f"asr-bench-{args.volunteers}.db"
    if not path.exists():
        # Built in a child process, so the building does not count in this one's memory.
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "asr_desktop.cli", "--db", str(path), "demo",
             "--volunteers", str(args.volunteers)],
            check=True, env={**os.environ, "PYTHONPATH": str(SRC)},
        )  # fmt: skip
        print(f"built {args.volunteers:,} volunteers in {time.perf_counter() - started:.1f} s")

    app = QApplication.instance() or QApplication([])
    install_fonts(app)  # type: ignore[arg-type]
    started = time.perf_counter()
    db = open_database(path)
    context = AppContext(Office.adopt(db, path, today=date.today))
    page = RosterPage(context)
    page.resize(1200, 800)
    page.show()
    first_page(page)
    app.processEvents()
    opened = time.perf_counter() - started
    count = page.model.rowCount()

    timings = []
    for text in KEYSTROKES * 3:
        started = time.perf_counter()
        page.search.setText(text)
        page.apply_filter()  # what the debounce timer calls
        first_page(page)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()

    started = time.perf_counter()
    page.table.sortByColumn(0, page.table.horizontalHeader().sortIndicatorOrder().__class__(1))
    first_page(page)
    sorted_in = time.perf_counter() - started

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"volunteers in roster        {count:,}")
    print(f"open + first page           {opened * 1000:.0f} ms   (target <= 1000 ms)")
    print(f"search keystroke median     {statistics.median(timings):.1f} ms   (target <= 50 ms)")
    print(f"search keystroke p95        {timings[int(len(timings) * 0.95) - 1]:.1f} ms")
    print(f"sort by name (descending)   {sorted_in * 1000:.0f} ms")
    print(f"peak memory                 {peak_mb:.0f} MB   (target <= 400 MB)")


if __name__ == "__main__":
    main()
