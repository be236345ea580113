"""Time the printed reports on a national-size roster.

    PYTHAINLP_READ_ONLY=1 python benchmarks/pdf.py [--volunteers 8000] [--skip-reportlab]

Builds a demo province of ``--volunteers`` volunteers into a temporary database file, then
times the roster register (target: ≤ 10 s and ≤ 300 pages for 8,000; it also counts the
names that pdftotext reads back broken inside a name, which must be 0) and the monthly
report through the catalogue's writers, the ID cards of every active card holder
(target: 5,919 cards ≤ 30 s) and reportlab's plain ``Paragraph(shaping=1)`` LongTable on
the same register rows for comparison (the code of benchmarks/pdf_typeset.py).
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from pdf_typeset import reportlab_plain, timed
from sqlite_utils import Database

from asr_desktop.domain.month import Month
from asr_desktop.domain.progress import no_progress
from asr_desktop.reports.pdf.document import TABLE_SIZE
from asr_desktop.reports.pdf.fonts import REGULAR, register_fonts
from asr_desktop.reports.pdf.line_breaking import break_lines
from asr_desktop.reports.pdf.roster_register import COLUMNS, RegisterEntry
from asr_desktop.services.demo.province import build_demo
from asr_desktop.services.reporting.catalogue import ReportRequest, report_spec
from asr_desktop.services.reporting.documents import WithheldCard, write_id_cards
from asr_desktop.services.reporting.pdf_reports import _register_groups
from asr_desktop.store import register
from asr_desktop.store.database import open_database
from asr_desktop.store.settings import load_settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--volunteers", type=int, default=8000)
    parser.add_argument("--skip-reportlab", action="store_true")
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.db")
        start = time.perf_counter()
        build_demo(db, volunteers=arguments.volunteers)
        print(f"demo database, {arguments.volunteers:,} volunteers: "
              f"{time.perf_counter() - start:.1f} s")  # fmt: skip
        start = time.perf_counter()
        register_fonts()
        break_lines("อาสาสมัครแรงงานจังหวัดสกลนครประจำเดือน", 15, REGULAR, TABLE_SIZE)
        print(f"one-off start-up (fonts, pythainlp dictionaries): "
              f"{time.perf_counter() - start:.2f} s")  # fmt: skip

        today = date.today()
        request = ReportRequest(today=today, month=Month.of(today).previous())
        for key in ("roster", "monthly"):
            writer = report_spec(key).write_pdf
            assert writer is not None
            out = Path(folder) / f"{key}.pdf"
            wall, cpu, pages = timed(lambda: writer(db, request, out, no_progress))  # noqa: B023
            size = out.stat().st_size / 1e6
            print(f"{key:>8}: {wall:6.2f} s wall {cpu:6.2f} s CPU {pages:4d} pages {size:4.1f} MB")
            if key == "roster":
                roster_cpu = cpu
                print(f"          names: {names_read_back(db, today, out)}")

        cards_out = Path(folder) / "cards.pdf"
        withheld: list[WithheldCard] = []
        wall, cpu, count = timed(
            lambda: write_id_cards(db, cards_out, today=today, withheld=withheld)
        )
        print(f"   cards: {wall:6.2f} s wall {cpu:6.2f} s CPU {count:,} cards "
              f"({count / wall:,.0f} a second wall, {count / cpu:,.0f} CPU); "
              f"{len(withheld):,} withheld (no card number or issue date)")  # fmt: skip

        if arguments.skip_reportlab:
            return
        rows: list[tuple[str, ...]] = [
            (str(n), e.name, e.national_id, e.subdistrict, e.tier, e.status)
            for n, e in enumerate(_entries(db, today), start=1)
        ]
        import pdf_typeset

        pdf_typeset.COLUMNS = list(COLUMNS)
        plain_out = io.BytesIO()
        wall, cpu, pages = timed(lambda: reportlab_plain(rows, plain_out))
        print(f"reportlab Paragraph(shaping=1) LongTable, same rows: {wall:6.2f} s wall "
              f"{cpu:6.2f} s CPU {pages:4d} pages")  # fmt: skip
        print(f"reportlab / ours (roster, CPU time): {cpu / roster_cpu:.1f}x")
        db.close()


def _entries(db: Database, today: date) -> list[RegisterEntry]:
    rows = register.register_rows(db, today=today)
    groups = _register_groups(rows, load_settings(db), full_ids=False)
    return [entry for _, entries in groups for entry in entries]


def names_read_back(db: Database, today: date, pdf: Path) -> str:
    """How the register's names come back from its text layer (pdftotext, as an office's
    search or copy would read it): on one line, wrapped between name and surname, or
    broken inside a name (a name whose text, spaces folded, is not in the page text)."""
    if shutil.which("pdftotext") is None:
        return "pdftotext not installed, not counted"
    raw = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"],
        check=True, capture_output=True, text=True, encoding="utf-8",
    ).stdout  # fmt: skip
    lines = {" ".join(line.split()) for line in raw.splitlines()}
    flat = " ".join(raw.split())
    names = {entry.name for entry in _entries(db, today)}
    whole = {name for name in names if name in flat}
    one_line = {name for name in whole if any(name in line for line in lines)}
    return (
        f"{len(names):,} distinct, {len(one_line):,} on one line, "
        f"{len(whole) - len(one_line):,} wrapped between name and surname, "
        f"{len(names) - len(whole):,} broken inside a name"
    )


if __name__ == "__main__":
    main()
