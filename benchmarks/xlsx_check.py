"""What checking an .xlsx sheet before calamine reads it costs, and what it spares.

    python benchmarks/xlsx_check.py [--workbook ROSTER.xlsx] [--rows 8000]

1. A normal roster workbook (``--workbook``, e.g. from ``asr-cli export roster``; else one
   of ``--rows`` rows × 34 columns written here with openpyxl): CPU seconds of
   ``extent.check_sheet`` and of calamine reading the sheet, best of three each.
2. A 5 KB workbook with one cell at GR200000 (within 200,000 rows × 200 columns, 40
   million cells from A1), each in a child process: wall seconds and peak RSS of
   calamine reading it as the import did before the cell bound, and of ``read_sheet``
   now (the check refuses it before calamine allocates anything).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
sys.path.insert(0, str(SRC))

import openpyxl
from python_calamine import CalamineWorkbook

from asr_desktop.services.roster_import.extent import check_sheet

COLUMNS = 34  # the app's own roster export

_CHILD = """
import resource, sys, time
sys.path.insert(0, {src!r})
from pathlib import Path
path = Path({path!r})
start = time.perf_counter()
if {before!r}:
    from python_calamine import CalamineWorkbook
    book = CalamineWorkbook.from_path(str(path))
    rows = [list(r) for r in book.get_sheet_by_index(0).to_python(skip_empty_area=False)]
    outcome = f"read {{len(rows):,}} rows × {{len(rows[0])}} columns"
else:
    from asr_desktop.services.roster_import.reading import ImportFileError, read_sheet
    try:
        read_sheet(path)
        outcome = "read"
    except ImportFileError as exc:
        outcome = f"refused: {{exc.message[:60]}}…"
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{{elapsed:6.2f}} s  {{peak:7,.0f}} MB peak  {{outcome}}")
"""


def write_roster(path: Path, rows: int) -> None:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("ทะเบียน อสร.")
    sheet.append([f"หัวคอลัมน์ {c + 1}" for c in range(COLUMNS)])
    for row in range(rows):
        sheet.append(
            [f"{3_4701_00000_00 + row}", f"สมชาย{row}", "ใจดี", "ธาตุเชิงชุม", "เมืองสกลนคร"]
            + [f"ข้อความ {row}" if c % 2 else row * c for c in range(COLUMNS - 5)]
        )
    book.save(path)


def cpu(fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def calamine_read(path: Path) -> None:
    book = CalamineWorkbook.from_path(str(path))
    [list(r) for r in book.get_sheet_by_index(0).to_python(skip_empty_area=False)]


def child(path: Path, *, before: bool) -> str:
    code = _CHILD.format(src=str(SRC), path=str(path), before=before)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    return (done.stdout or done.stderr).strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workbook", type=Path)
    parser.add_argument("--rows", type=int, default=8_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        roster = args.workbook or Path(folder) / "roster.xlsx"
        if args.workbook is None:
            write_roster(roster, args.rows)
        extent = check_sheet(roster, None)
        check = cpu(lambda: check_sheet(roster, None))
        reading = cpu(lambda: calamine_read(roster))
        print(
            f"{roster.name}: {extent.rows:,} rows × {extent.columns} columns, "
            f"{roster.stat().st_size / 1e6:.1f} MB"
        )
        print(f"  check_sheet    {check:6.2f} s CPU")
        print(f"  calamine read  {reading:6.2f} s CPU")
        print(f"  check / read   {check / reading:6.2f}")

        far = Path(folder) / "far-GR200000.xlsx"
        book = openpyxl.Workbook()
        book.active.append(["เลขประจำตัวประชาชน", "ชื่อ", "นามสกุล"])
        book.active["GR200000"] = "x"
        book.save(far)
        print(f"{far.name}: {far.stat().st_size / 1e3:.1f} KB")
        print(f"  before (calamine reads it)  {child(far, before=True)}")
        print(f"  now (read_sheet)            {child(far, before=False)}")


if __name__ == "__main__":
    main()
