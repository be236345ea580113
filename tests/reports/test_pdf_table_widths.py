"""Column widths from content when the page is narrow, and the portrait register."""

from __future__ import annotations

import math
from pathlib import Path

import pypdf
from reportlab.lib.pagesizes import A4
from tests.reports.pdf_helpers import extractions

from asr_desktop.reports.pdf.document import TABLE_LEADING, TABLE_SIZE, Margins
from asr_desktop.reports.pdf.fonts import BOLD, REGULAR, register_fonts
from asr_desktop.reports.pdf.roster_register import COLUMNS, RegisterEntry, write_roster_register
from asr_desktop.reports.pdf.sections import Imprint
from asr_desktop.reports.pdf.shaping import text_width
from asr_desktop.reports.pdf.table import (
    PAD_BOTTOM,
    PAD_LEFT,
    PAD_RIGHT,
    PAD_TOP,
    Column,
    fit_widths,
)
from asr_desktop.reports.pdf.thai_text import ThaiParagraph, ThaiStyle

BODY = ThaiStyle(REGULAR, TABLE_SIZE, leading=TABLE_LEADING)
PAD = PAD_LEFT + PAD_RIGHT
SERVING = "ปฏิบัติหน้าที่"
FIRST = ["สมชาย", "ปิ่นแก้ว", "ญาณี", "น้ำผึ้ง", "เรืองศักดิ์", "กาญจนา", "ธีรวัฒน์", "ศิริพร"]
LAST = ["ใจดี", "ศักดิ์สิทธิ์", "กาญจนแก้วไพศาล", "ฐิติวัฒน์", "ปัญญาพลสิงห์", "บุญประทุม"]


def _names(count: int) -> list[str]:
    titles = ["นาย", "นาง", "นางสาว"]
    return [
        f"{titles[n % 3]}{FIRST[n % len(FIRST)]} {LAST[(n // len(FIRST)) % len(LAST)]}"
        for n in range(count)
    ]


def _width(text: str, font: str = REGULAR) -> float:
    register_fonts()
    return text_width(text, font, TABLE_SIZE)


def test_a_value_given_exactly_its_width_stays_on_one_line() -> None:
    columns = [Column("ชื่อ - สกุล", 45, kind="name"), Column("สถานะ", 24)]
    rows = [(name, SERVING) for name in _names(48)]
    # Too narrow for every name: the status column gets just the room of its widest word.
    total = max(_width(name) for name in _names(48)) + _width(SERVING) + PAD
    _, status = fit_widths(columns, rows, total, BODY)
    style = BODY.derive(breaks="words")
    cell = ThaiParagraph(SERVING, style)
    assert cell.wrap(status - PAD, 1000)[1] == TABLE_LEADING  # one line, not two


def test_an_id_header_gets_one_line_only_when_the_names_have_their_room() -> None:
    header = "เลขประจำตัวประชาชน"
    columns = [Column("ชื่อ - สกุล", 45, kind="name"), Column(header, 39, "center", "fit")]
    rows = [(name, "x-xxxx-xxxxx-12-3") for name in _names(40)]
    names = max(_width(name) for name in _names(40)) + PAD
    whole_header = _width(header, BOLD) + PAD
    assert whole_header > _width("x-xxxx-xxxxx-12-3") + PAD  # the header is the wider
    _, roomy = fit_widths(columns, rows, names + whole_header + 1, BODY)
    assert roomy >= whole_header
    _, narrow = fit_widths(columns, rows, names + whole_header - 20, BODY)
    assert narrow < whole_header  # two header lines rather than wrapped names


def test_the_register_is_portrait_one_line_a_person_and_keeps_names_whole(tmp_path: Path) -> None:
    # Names of usual length (up to 130 points; 19 in 20 of the 8,000-volunteer demo's are
    # no wider than 137), so that each person takes one line.
    usual = [name for name in _names(48) if _width(name) <= 130]
    names = [usual[n % len(usual)] for n in range(1200)]
    entries = [
        RegisterEntry(name, f"x-xxxx-xxxxx-{n % 90 + 10}-{n % 10}", "ธาตุเชิงชุม", "เครือข่าย", SERVING)
        for n, name in enumerate(names)
    ]
    out = tmp_path / "register.pdf"
    pages = write_roster_register(
        out,
        [("อำเภอเมืองสกลนคร", entries)],
        imprint=Imprint("สำนักงานแรงงานจังหวัดสกลนคร"),
        as_of_text="ข้อมูล ณ วันที่ 2 ธันวาคม 2569",
    )
    reader = pypdf.PdfReader(out)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (round(A4[0]), round(A4[1]))
    assert len(COLUMNS) == 6
    # Every person on one line: the pages the portrait frame gives for 1,200 one-line rows
    # (a two-line header row on each page, a heading and two totals, the title block).
    margins = Margins()
    frame = A4[1] - margins.top - margins.bottom
    row = TABLE_LEADING + PAD_TOP + PAD_BOTTOM
    per_page = math.floor((frame - (2 * TABLE_LEADING + PAD_TOP + PAD_BOTTOM)) / row)
    assert per_page == 33
    assert pages <= math.ceil((1200 + 3) / per_page) + 1
    for extractor, texts in extractions(out).items():
        text = " ".join(" ".join(texts).split())
        assert all(name in text for name in set(names)), extractor
        assert "1200 " in text.replace(",", "") or "1,200" in text, extractor
