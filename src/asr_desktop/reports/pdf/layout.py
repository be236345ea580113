"""Small pieces shared by the documents for people: fitting text, digits, safe writing.

Cards and certificates place their text themselves (no platypus), so a name of any length
must be made to fit a box: :func:`fit_lines` shrinks the size, then breaks at Thai word
boundaries, and never returns lines wider than the box.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.pdfgen.canvas import Canvas

from asr_desktop.domain.thai_dates import THAI_MONTHS, be_year
from asr_desktop.domain.thai_digits import to_thai_digits
from asr_desktop.reports.pdf.fonts import REGULAR
from asr_desktop.reports.pdf.line_breaking import break_lines
from asr_desktop.reports.pdf.pdfa import make_pdfa
from asr_desktop.reports.pdf.shaping import text_width

Digits = Callable[[str], str]


def digits_for(thai_digits: bool) -> Digits:
    """The conversion every printed text goes through: 0-9 → ๐-๙, or nothing."""
    if thai_digits:
        return to_thai_digits
    return lambda text: text


@dataclass(frozen=True, slots=True)
class FittedText:
    """Lines of text and the size they were set at (every line no wider than asked)."""

    lines: tuple[str, ...]
    size: float


def fit_lines(
    text: str,
    font: str,
    width: float,
    *,
    size: float,
    min_size: float,
    max_lines: int = 1,
    step: float = 0.25,
) -> FittedText:
    """The largest size from ``size`` down to ``min_size`` at which ``text`` fits.

    One line is tried first at every size down to ``min_size``; only then are lines
    broken (at word boundaries), up to ``max_lines``, again from ``size`` down. If nothing
    fits, the text is set at ``min_size`` in as many lines as the box allows, the last
    line shrunk to the width: it never overflows.
    """
    current = size
    while current >= min_size - 1e-9:
        if text_width(text, font, current) <= width:
            return FittedText((text,), current)
        current -= step
    for lines_allowed in range(2, max_lines + 1):
        current = size
        while current >= min_size - 1e-9:
            lines = break_lines(text, width, font, current)
            if len(lines) <= lines_allowed:
                return FittedText(tuple(lines), current)
            current -= step
    kept = break_lines(text, width, font, min_size)[: max_lines - 1]
    consumed = 0
    for line in kept:
        consumed = text.find(line, consumed) + len(line)
    lines = [*kept, text[consumed:].strip()]
    last = lines[-1]
    shrunk = min_size * width / max(text_width(last, font, min_size), 1e-6)
    return FittedText(tuple(lines), min(min_size, shrunk))


def write_atomically(
    out: str | os.PathLike[str] | BinaryIO, render: Callable[[BinaryIO], None]
) -> None:
    """Render into a temporary file beside ``out`` and rename it there once it is whole.

    A cancelled or failed run (any exception from ``render``) leaves no file and keeps
    an older file at ``out`` as it was. A stream is written to directly.
    """
    if not isinstance(out, (str, os.PathLike)):
        render(out)
        return
    target = Path(out)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            render(stream)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def new_canvas(stream: BinaryIO, size: tuple[float, float], title: str, author: str) -> Canvas:
    """A canvas with the document information offices see in a viewer's properties."""
    # The initial font: reportlab's default, Helvetica, would be listed unembedded.
    canvas = Canvas(stream, pagesize=size, pageCompression=1, initialFontName=REGULAR)
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setCreator("อสร. Desktop")
    make_pdfa(canvas)
    return canvas


@dataclass(frozen=True, slots=True)
class EventHeading:
    """What the sign-in sheet and the certificates say about the event."""

    title: str
    start: date
    end: date | None = None
    venue: str = ""

    def dates_text(self, *, thai_digits: bool = False) -> str:
        """ "วันที่ 5 ตุลาคม พ.ศ. 2569", or "ระหว่างวันที่ 1–2 ..." for several days."""
        start, end = self.start, self.end
        if end is None or end == start:
            text = f"วันที่ {_long(start)}"
        elif (start.year, start.month) == (end.year, end.month):
            text = f"ระหว่างวันที่ {start.day}–{_long(end)}"
        elif start.year == end.year:
            text = f"ระหว่างวันที่ {start.day} {THAI_MONTHS[start.month - 1]} – {_long(end)}"
        else:
            text = f"ระหว่างวันที่ {_long(start)} – {_long(end)}"
        return to_thai_digits(text) if thai_digits else text


def _long(day: date) -> str:
    return f"{day.day} {THAI_MONTHS[day.month - 1]} พ.ศ. {be_year(day)}"
