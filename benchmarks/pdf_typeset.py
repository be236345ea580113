"""Time the Thai PDF layer on long tables against reportlab's own shaping Paragraph.

    PYTHAINLP_READ_ONLY=1 python benchmarks/pdf_typeset.py [--rows 2000 8000] [--out DIR]

For each row count it builds the same roster-like table twice: with
``build_table_report`` (our layer) and with reportlab's ``Paragraph`` styled
``shaping=1`` in a ``LongTable`` with a repeated header. It prints seconds and the ratio.
The one-off cost of loading pythainlp's dictionaries is timed apart.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, TableStyle

from asr_desktop.reports.pdf.document import TABLE_SIZE, build_table_report
from asr_desktop.reports.pdf.fonts import REGULAR, register_fonts
from asr_desktop.reports.pdf.line_breaking import break_lines
from asr_desktop.reports.pdf.table import Column

COLUMNS = [
    Column("ที่", 9, "right"),
    Column("ชื่อ - สกุล", 38),
    Column("เลขประจำตัวประชาชน", 30, "center"),
    Column("ตำบล", 22),
    Column("อำเภอ", 24),
    Column("ประเภท", 30),
    Column("โทรศัพท์", 22, "center"),
]
TITLES = ["นาย", "นาง", "นางสาว"]
FIRST = ["สมชาย", "สมหญิง", "กิ๊ฟ", "น้ำผึ้ง", "ศักดิ์ชัย", "ปิ่นแก้ว", "ญาณี", "ต๋อง", "เรืองศักดิ์"]
LAST = ["ใจดี", "ศักดิ์สิทธิ์", "ร่ำรวย", "ปั้มน้ำมัน", "ก๋วยเตี๋ยว", "ฐิติวัฒน์", "ผู้ใหญ่บ้าน"]
TAMBONS = ["ท่าแร่", "ธาตุเชิงชุม", "งิ้วด่อน", "เชียงเครือ", "พังขว้าง", "ห้วยยาง", "ขมิ้น"]
DISTRICTS = ["เมืองสกลนคร", "พังโคน", "วานรนิวาส", "สว่างแดนดิน", "กุสุมาลย์"]
TIERS = ["แกนนำอาสาสมัครแรงงานระดับตำบล", "เครือข่ายอาสาสมัครแรงงาน"]


def roster(count: int) -> list[tuple[str, ...]]:
    pick = random.Random(2569).choice
    return [
        (
            str(number),
            f"{pick(TITLES)}{pick(FIRST)} {pick(LAST)}{number % 97}",
            f"x-xxxx-xxxxx-{number % 90 + 10}-{number % 10}",
            pick(TAMBONS),
            pick(DISTRICTS),
            pick(TIERS),
            f"08{number % 10}-{number % 1000:03d}-{number % 10000:04d}",
        )
        for number in range(1, count + 1)
    ]


def timed(build: Callable[[], int]) -> tuple[float, float, int]:
    """Wall-clock and CPU seconds of ``build()`` and what it returned.

    CPU time is printed too because the machine may be shared: wall time then counts
    waiting for a core.
    """
    wall, cpu = time.perf_counter(), time.process_time()
    result = build()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def ours(rows: list[tuple[str, ...]], out: io.BytesIO) -> int:
    pages = build_table_report(
        out,
        title="ทะเบียนอาสาสมัครแรงงาน",
        office_name="สำนักงานแรงงานจังหวัดสกลนคร",
        period_text="ข้อมูล ณ เดือนพฤศจิกายน พ.ศ. 2569",
        columns=COLUMNS,
        rows=rows,
    )
    return pages


def reportlab_plain(rows: list[tuple[str, ...]], out: io.BytesIO) -> int:
    style = ParagraphStyle(
        "cell", fontName=REGULAR, fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.4, shaping=1
    )
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=57, rightMargin=43)
    total = sum(c.width for c in COLUMNS)
    widths = [c.width * doc.width / total for c in COLUMNS]
    data = [[Paragraph(c.header, style) for c in COLUMNS]]
    data += [[Paragraph(cell, style) for cell in row] for row in rows]
    table = LongTable(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    doc.build([table])
    page: int = doc.page
    return page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[2000, 8000])
    parser.add_argument("--skip-reportlab", action="store_true")
    arguments = parser.parse_args()

    start = time.perf_counter()
    register_fonts()
    # Word and syllable dictionaries load on first use; a narrow width needs both.
    break_lines("อาสาสมัครแรงงานจังหวัดสกลนครประจำเดือน", 15, REGULAR, TABLE_SIZE)
    print(f"one-off start-up (fonts, pythainlp dictionaries): {time.perf_counter() - start:.2f} s")

    for count in arguments.rows:
        rows = roster(count)
        out = io.BytesIO()
        wall, cpu, pages = timed(lambda: ours(rows, out))  # noqa: B023 - called at once
        print(
            f"{count:>6} rows  ours:      {wall:6.2f} s wall {cpu:6.2f} s CPU "
            f"{pages:4d} pages {len(out.getvalue()) / 1e6:4.1f} MB"
        )
        if arguments.skip_reportlab:
            continue
        plain_out = io.BytesIO()
        plain_wall, plain_cpu, plain_pages = timed(lambda: reportlab_plain(rows, plain_out))  # noqa: B023
        print(
            f"{count:>6} rows  reportlab: {plain_wall:6.2f} s wall {plain_cpu:6.2f} s CPU "
            f"{plain_pages:4d} pages {len(plain_out.getvalue()) / 1e6:4.1f} MB "
            "(Paragraph shaping=1 in a LongTable)"
        )
        print(f"{count:>6} rows  reportlab / ours: {plain_cpu / cpu:.1f}x (CPU time)")


if __name__ == "__main__":
    main()
