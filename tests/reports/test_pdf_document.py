"""build_table_report: pages, running header and footer, long cells, digits, progress."""

from __future__ import annotations

import io
import math
import re
from pathlib import Path

import pypdf
import pytest
from reportlab.lib.units import cm
from tests.reports.pdf_helpers import extractions, pypdf_pages
from tests.reports.thai_samples import NAMES, SENTENCES

from asr_desktop.reports.pdf.document import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    TABLE_SIZE,
    TITLE_SIZE,
    Cancelled,
    Signature,
    build_table_report,
)
from asr_desktop.reports.pdf.table import (
    PAD_BOTTOM,
    PAD_TOP,
    Column,
    GroupHeading,
    Subtotal,
)
from asr_desktop.reports.pdf.thai_text import DEFAULT_LEADING_RATIO

COLUMNS = [
    Column("ที่", 10, "right"),
    Column("ชื่อ - สกุล", 50),
    Column("ตำบล", 30),
    Column("หมายเหตุ", 60),
]
OFFICE = "สำนักงานแรงงานจังหวัดสกลนคร"
PERIOD = "เดือนพฤศจิกายน พ.ศ. 2569"


def report(out: Path | io.BytesIO, rows: list, **options: object) -> int:
    arguments: dict = {
        "title": "ทะเบียนอาสาสมัครแรงงาน",
        "office_name": OFFICE,
        "period_text": PERIOD,
        "columns": COLUMNS,
        "rows": rows,
    }
    arguments.update(options)
    return build_table_report(out, **arguments)


def one_line_rows(count: int) -> list[tuple[str, ...]]:
    return [(str(n), NAMES[n % len(NAMES)], "ท่าแร่", "") for n in range(1, count + 1)]


def test_300_rows_give_the_page_count_the_geometry_says(tmp_path: Path) -> None:
    path = tmp_path / "roster.pdf"
    pages = report(path, one_line_rows(300))

    row = TABLE_SIZE * DEFAULT_LEADING_RATIO + PAD_TOP + PAD_BOTTOM
    frame = 29.7 * cm - MARGIN_TOP - MARGIN_BOTTOM
    title = TITLE_SIZE * DEFAULT_LEADING_RATIO + 0.3 * cm
    first = math.floor((frame - title - row) / row)  # the header row repeats on every page
    per_page = math.floor((frame - row) / row)
    assert pages == 1 + math.ceil((300 - first) / per_page)

    texts = pypdf_pages(path)
    assert len(texts) == pages
    for number, text in enumerate(texts, start=1):
        assert f"หน้า {number}/{pages}" in text
        assert OFFICE in text and PERIOD in text
        assert "ชื่อ - สกุล" in text  # the header row on every page
    numbers = [int(n) for text in texts for n in re.findall(r"^(\d+) ", text, re.MULTILINE)]
    assert sorted(numbers) == list(range(1, 301))


def test_names_and_digits_extract_exactly(tmp_path: Path) -> None:
    path = tmp_path / "names.pdf"
    rows = [(str(n), name, "ต.ท่าแร่", "โทร. 081-234-5678") for n, name in enumerate(NAMES, 1)]
    report(path, rows, subtitle_lines=["ข้อมูล ณ วันที่ 24 พฤศจิกายน พ.ศ. 2569"])
    for extractor, pages in extractions(path).items():
        text = pages[0]
        for name in NAMES:
            assert name in text, (extractor, name)
        assert "โทร. 081-234-5678" in text, extractor
        assert "ข้อมูล ณ วันที่ 24 พฤศจิกายน พ.ศ. 2569" in text, extractor


def test_a_long_cell_crosses_pages_and_keeps_every_word(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    long_note = " ".join(SENTENCES * 4)
    rows = [*one_line_rows(20), ("21", NAMES[0], "ท่าแร่", long_note), *one_line_rows(2)]
    pages = report(path, rows)
    assert pages >= 2
    for extractor, texts in extractions(path).items():
        flat = "".join(texts).replace("\n", "").replace(" ", "")
        # the note appears whole and in order, split only between lines and pages
        for sentence in SENTENCES:
            assert sentence.replace(" ", "") in flat, extractor
        assert "หน้า 2/" in texts[1], extractor


def test_groups_subtotals_and_signatures(tmp_path: Path) -> None:
    path = tmp_path / "groups.pdf"
    rows: list = []
    for district in ["อำเภอเมืองสกลนคร", "อำเภอพังโคน"]:
        rows.append(GroupHeading(district))
        rows.extend(one_line_rows(5))
        rows.append(Subtotal(("", "รวม", "", "5 คน")))
    signatures = [Signature("นางสาวกิ๊ฟ ปิ่นแก้ว", "นักวิชาการแรงงานชำนาญการ")]
    report(path, rows, signatures=signatures)
    for extractor, texts in extractions(path).items():
        text = "".join(texts)
        assert "อำเภอเมืองสกลนคร" in text and "อำเภอพังโคน" in text, extractor
        assert text.count("5 คน") == 2, extractor
        assert "(นางสาวกิ๊ฟ ปิ่นแก้ว)" in text and "ลงชื่อ" in text, extractor


def test_signatures_are_never_alone_on_the_last_page(tmp_path: Path) -> None:
    signatures = [Signature("นายต๋อง ศักดิ์สิทธิ์", "แรงงานจังหวัดสกลนคร")]
    for count in range(28, 40):
        path = tmp_path / f"sign{count}.pdf"
        report(path, one_line_rows(count), signatures=signatures)
        last = pypdf_pages(path)[-1]
        assert "ลงชื่อ" in last
        assert re.search(r"^\d+ ", last, re.MULTILINE), (count, last)


def test_thai_digits_everywhere(tmp_path: Path) -> None:
    path = tmp_path / "digits.pdf"
    pages = report(path, one_line_rows(3), thai_digits=True)
    text = pypdf_pages(path)[0]
    assert f"หน้า ๑/{str(pages).translate(str.maketrans('0123456789', '๐๑๒๓๔๕๖๗๘๙'))}" in text
    assert "พ.ศ. ๒๕๖๙" in text
    assert not re.search(r"[0-9]", text)


def test_landscape_and_stream_output() -> None:
    stream = io.BytesIO()
    report(stream, one_line_rows(5), orientation="landscape")
    page = pypdf.PdfReader(io.BytesIO(stream.getvalue())).pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)


def test_progress_counts_rows_and_cancel_leaves_no_file(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    report(tmp_path / "p.pdf", one_line_rows(120), progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (120, 120)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert len(seen) > 2

    path = tmp_path / "cancelled.pdf"
    calls = []

    def cancel_after_first_page() -> bool:
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(Cancelled):
        report(path, one_line_rows(300), is_cancelled=cancel_after_first_page)
    assert not path.exists()
    assert list(tmp_path.glob("*.part")) == []
