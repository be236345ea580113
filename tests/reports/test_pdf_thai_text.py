"""ThaiParagraph, draw_thai_line and the PDF they make: marks, text layer, fonts."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate
from tests.reports.pdf_helpers import extractions
from tests.reports.thai_samples import NAMES, SENTENCES

from asr_desktop.reports.pdf.fonts import BOLD, FAMILY, REGULAR, register_fonts
from asr_desktop.reports.pdf.line_breaking import break_lines
from asr_desktop.reports.pdf.shaping import shape
from asr_desktop.reports.pdf.thai_text import (
    ThaiParagraph,
    ThaiStyle,
    _justified,
    draw_thai_line,
)

register_fonts()


def test_register_fonts_is_idempotent() -> None:
    assert register_fonts() == FAMILY
    assert register_fonts() == FAMILY


def test_wrap_is_idempotent_and_exactly_lines_times_leading() -> None:
    style = ThaiStyle(size=14)
    paragraph = ThaiParagraph(" ".join(SENTENCES[:4]), style)
    first = paragraph.wrap(200, 1000)
    assert paragraph.wrap(200, 1000) == first
    assert paragraph.wrap(200, 50) == first  # the height available does not matter
    assert first[1] == pytest.approx(len(paragraph.lines) * style.line_height)
    assert len(paragraph.lines) > 3
    wider = paragraph.wrap(400, 1000)
    assert wider[1] < first[1]
    assert paragraph.wrap(200, 1000) == first


def test_split_hands_over_whole_lines_and_heights_add_up() -> None:
    style = ThaiStyle(size=12, leading=17)
    paragraph = ThaiParagraph("\n".join(SENTENCES), style)
    height = paragraph.wrap(180, 10_000)[1]
    top, rest = paragraph.split(180, 5.5 * 17)
    assert top.wrap(180, 10_000)[1] == 5 * 17
    assert top.wrap(180, 10_000)[1] + rest.wrap(180, 10_000)[1] == pytest.approx(height)
    assert top.lines + rest.lines == paragraph.lines
    assert paragraph.split(180, 10) == []  # not even one line fits
    assert paragraph.split(180, height) == [paragraph]


def test_split_part_set_at_another_width_keeps_its_text() -> None:
    paragraph = ThaiParagraph(SENTENCES[0] + " " + SENTENCES[1], ThaiStyle(size=12))
    paragraph.wrap(120, 10_000)
    top, rest = paragraph.split(120, 40)
    rest.wrap(300, 10_000)
    assert "".join(top.lines + rest.lines).replace(" ", "") == (
        (SENTENCES[0] + SENTENCES[1]).replace(" ", "")
    )


def test_shaping_places_tone_marks_above_upper_vowels() -> None:
    # ที่: the tone mark over SARA II is moved (a different glyph or a raised position),
    # unlike reportlab's unshaped drawing which stacks it on the vowel.
    glyphs = shape("ที่", REGULAR).glyphs
    records = glyphs.__shapeData__  # type: ignore[attr-defined]
    assert len(records) == 3
    assert glyphs[2] != "่" or records[2].y_offset != 0


def test_paragraphs_extract_exactly_and_fonts_are_embedded(tmp_path: Path) -> None:
    path = tmp_path / "paragraphs.pdf"
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    story = [ThaiParagraph(name, ThaiStyle(size=16)) for name in NAMES]
    story += [ThaiParagraph(sentence, ThaiStyle(BOLD, 14)) for sentence in SENTENCES[:6]]
    doc.build(story)
    for extractor, pages in extractions(path).items():
        text = "".join(pages)
        for name in NAMES:
            assert name in text, (extractor, name)
        flat = text.replace("\n", "").replace(" ", "")
        for sentence in SENTENCES[:6]:
            assert sentence.replace(" ", "") in flat, (extractor, sentence)
    fonts = pypdf.PdfReader(path).pages[0]["/Resources"]["/Font"]
    embedded = {
        str(font.get_object()["/BaseFont"]): "/FontFile2" in font.get_object()["/FontDescriptor"]
        for font in fonts.values()
        if "/FontDescriptor" in font.get_object()
    }
    assert any("Sarabun-Regular" in name for name in embedded)
    assert any("Sarabun-Bold" in name for name in embedded)
    assert all(embedded.values())


@pytest.mark.parametrize("align", ["left", "center", "right"])
def test_draw_thai_line_aligns_and_extracts(tmp_path: Path, align: str) -> None:
    path = tmp_path / "line.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    text = "หน้า 12/345 นายต๋อง ศักดิ์สิทธิ์ น้ำใจ"
    width = draw_thai_line(canvas, 300, 400, text, REGULAR, 14, align)  # type: ignore[arg-type]
    assert width == pytest.approx(shape(text, REGULAR).width(14))
    canvas.save()
    for extractor, pages in extractions(path).items():
        assert pages[0].strip() == text, extractor


def test_justified_paragraph_keeps_text(tmp_path: Path) -> None:
    path = tmp_path / "justify.pdf"
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    text = " ".join(SENTENCES[:5])
    doc.build([ThaiParagraph(text, ThaiStyle(size=14, alignment="justify"))])
    flat = "".join(extractions(path)["pypdf"]).replace("\n", "").replace(" ", "")
    assert flat == text.replace(" ", "")


def test_justifying_opens_the_spaces_alike_and_never_a_word() -> None:
    register_fonts()
    style = ThaiStyle(size=14, alignment="justify")
    line = "ชี้เป้า คัดกรอง และส่งต่อ 17 ราย และมีกิจกรรม"
    natural = shape(line, REGULAR).width(14)
    plan = _justified(line, style, natural + 12)
    assert plan is not None
    pieces, advances = plan
    assert sum(advances) == pytest.approx(natural + 12)
    gaps = [a - p.width(14) for p, a in zip(pieces, advances, strict=True)]
    spaces = [g for p, g in zip(pieces, gaps, strict=True) if p.text.isspace()]
    assert len(spaces) == 4 and max(spaces) == pytest.approx(min(spaces)) == 3.0
    assert "17 ราย" in [p.text for p in pieces]  # a number keeps its unit, unstretched
    assert all(g == 0 for p, g in zip(pieces, gaps, strict=True) if not p.text.isspace())


def test_a_line_that_would_show_holes_is_not_justified() -> None:
    register_fonts()
    style = ThaiStyle(size=14, alignment="justify")
    line = "มีอาสาสมัครแรงงานที่ปฏิบัติหน้าที่"  # no space: only word breaks, 0.1 em each
    natural = shape(line, REGULAR).width(14)
    assert _justified(line, style, natural + 2) is not None
    assert _justified(line, style, natural + 40) is None


def test_split_keeps_the_lines_of_the_last_wrap() -> None:
    # reportlab's Table wraps a cell at the column width less padding but splits it at
    # the full column width: the parts must keep the lines measured for the cell.
    paragraph = ThaiParagraph(" ".join(SENTENCES[:6]), ThaiStyle(size=12))
    paragraph.wrap(150, 10_000)
    top, rest = paragraph.split(162, 60)
    assert top.lines + rest.lines == paragraph.lines


def test_a_split_part_set_at_another_width_is_broken_afresh() -> None:
    text = " ".join(SENTENCES[:6])
    paragraph = ThaiParagraph(text, ThaiStyle(size=12))
    paragraph.wrap(150, 10_000)
    top, rest = paragraph.split(150, 60)
    rest.wrap(300, 10_000)
    # the rest is the text after the top lines, broken as a whole (no short fragments)
    consumed = sum(len(line.replace(" ", "")) for line in top.lines)
    position = 0
    while consumed:
        consumed -= text[position] != " "
        position += 1
    remainder = text[position:].strip()
    assert rest.lines == break_lines(remainder, 300, REGULAR, 12)


def test_in_a_reportlab_table_with_split_rows(tmp_path: Path) -> None:
    from reportlab.platypus import Table, TableStyle

    style = ThaiStyle(size=12)
    header = [ThaiParagraph(h, ThaiStyle(BOLD, 12)) for h in ("ที่", "ชื่อ", "หมายเหตุ")]
    data = [header]
    for number in range(1, 31):
        note = " ".join(SENTENCES * 3) if number == 13 else SENTENCES[number % 20]
        data.append(
            [
                ThaiParagraph(str(number), style.derive(alignment="right")),
                ThaiParagraph(NAMES[number % len(NAMES)], style),
                ThaiParagraph(note, style),
            ]
        )
    table = Table(data, colWidths=[30, 120, 300], repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    path = tmp_path / "table.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([table])
    pages = extractions(path)["pypdf"]
    assert len(pages) > 2
    assert all("หมายเหตุ" in page for page in pages)  # the header repeats
    flat = "".join(pages).replace("\n", "").replace(" ", "")
    for sentence in SENTENCES:
        assert sentence.replace(" ", "") in flat
