"""Write a shaped line into a page's content stream.

The operators are the ones reportlab's text object writes for a ``ShapedStr`` (each glyph
moved by its HarfBuzz offset with TJ adjustments, raised marks with Ts), built here once
per line and document instead of once per glyph and call: reportlab formats every number
of every line again, which made it most of the time of a long table.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfgen.canvas import Canvas

from asr_desktop.reports.pdf.fonts import thai_font
from asr_desktop.reports.pdf.shaping import ShapedLine

_CACHE_ATTRIBUTE = "_asr_shaped_operators"


def draw_shaped(
    canvas: Canvas, x: float, y: float, line: ShapedLine, font: str, size: float
) -> None:
    """Draw ``line`` with its baseline starting at (``x``, ``y``) in the current fill colour."""
    if not line.glyphs:
        return
    canvas.addLiteral(_span_start(line.text))
    draw_glyphs(canvas, x, y, line, font, size)
    canvas.addLiteral("EMC")


def draw_glyphs(
    canvas: Canvas, x: float, y: float, line: ShapedLine, font: str, size: float
) -> None:
    """Draw ``line`` without its own ActualText span (the caller wraps several runs)."""
    if not line.glyphs:
        return
    # Subset codes are per document, so the cache lives on the canvas (and its copies).
    cache: dict[tuple[str, str, float], str] = canvas.__dict__.setdefault(_CACHE_ATTRIBUTE, {})
    key = (line.text, font, size)
    operators = cache.get(key)
    if operators is None:
        operators = cache[key] = _text_operators(canvas, line, font, size)
    canvas.addLiteral(f"BT 1 0 0 1 {_num(x)} {_num(y)} Tm {operators} ET")


@contextmanager
def actual_text(canvas: Canvas, text: str) -> Iterator[None]:
    """Mark what is drawn inside as reading ``text``.

    Viewers that order glyphs by position (poppler, pdf.js) take a line's text from the
    span, as written; the ToUnicode map serves those that read glyph by glyph.
    """
    canvas.addLiteral(_span_start(text))
    yield
    canvas.addLiteral("EMC")


def _span_start(text: str) -> str:
    return f"/Span <</ActualText <FEFF{text.encode('utf-16-be').hex().upper()}>>> BDC"


def _text_operators(canvas: Canvas, line: ShapedLine, font_name: str, size: float) -> str:
    font = thai_font(font_name)
    doc: Any = canvas._doc
    records = line.glyphs.__shapeData__  # type: ignore[attr-defined]
    parts: list[str] = []  # operators
    array: list[str] = []  # the TJ array being built
    run = bytearray()  # glyph codes not yet written to ``array``
    adjust = 0.0  # TJ adjustment not yet written, in 1/1000 em (positive moves left)
    rise = 0.0
    index = 0

    def flush_run() -> None:
        if run:
            array.append(f"({escapePDF(bytes(run))})")
            run.clear()

    def close_array() -> None:
        nonlocal adjust
        flush_run()
        if round(adjust, 3):
            array.append(_num(adjust))
        adjust = 0.0
        if len(array) == 1 and array[0][0] == "(":
            parts.append(f"{array[0]} Tj")
        elif array:
            parts.append(f"[{' '.join(array)}] TJ")
        array.clear()

    for subset, codes in font.splitString(line.glyphs, doc):
        close_array()
        parts.append(f"{font.getSubsetInternalName(subset, doc)} {_num(size)} Tf")
        for code in codes:
            _cluster, x_advance, _y_advance, x_offset, y_offset, width = records[index]
            index += 1
            glyph_rise = size * y_offset / 1000
            if glyph_rise != rise:
                close_array()
                parts.append(f"{_num(glyph_rise)} Ts")
                rise = glyph_rise
            # As reportlab does: shift by the offset, draw, come back to the advance.
            adjust -= x_offset
            if round(adjust, 3):
                flush_run()
                array.append(_num(adjust))
            adjust = 0.0
            run.append(code)
            adjust += width - x_advance + x_offset
    close_array()
    if rise:
        parts.append("0 Ts")
    return " ".join(parts)


def _num(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text
