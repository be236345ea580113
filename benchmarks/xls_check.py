"""What checking an .xls before calamine opens it costs.

    python benchmarks/xls_check.py [--rows 60000] [--columns 20]

Writes an .xls of that size with xlwt (a test dependency), then prints the CPU seconds
of ``xls_extent.check_xls`` (olefile reads the Workbook stream, the records are walked)
and of calamine opening the file (which builds every sheet), best of three each. The
check runs before every .xls import and every listing of its sheets, on a worker thread.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import xlwt
from python_calamine import CalamineWorkbook

from asr_desktop.services.roster_import.xls_extent import check_xls


def write_xls(path: Path, rows: int, columns: int) -> None:
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("ทะเบียน")
    for row in range(rows):
        for column in range(columns):
            sheet.write(row, column, f"ข้อความ {row}" if column % 2 else row * column)
    book.save(str(path))


def cpu(fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=60_000)
    parser.add_argument("--columns", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "roster.xls"
        write_xls(path, args.rows, args.columns)
        size = path.stat().st_size
        check = cpu(lambda: check_xls(path))
        opening = cpu(lambda: CalamineWorkbook.from_path(str(path)))
    print(f".xls {args.rows:,} rows × {args.columns} columns, {size / 1e6:.1f} MB")
    print(f"  check_xls      {check:6.2f} s CPU")
    print(f"  calamine open  {opening:6.2f} s CPU")
    print(f"  check / open   {check / opening:6.2f}")


if __name__ == "__main__":
    main()
