"""Attendance certificates (เกียรติบัตร): one landscape A4 page per attendee.

Every line is centred and set to fit its width: a long name shrinks (then takes two
lines), the event title wraps at Thai word boundaries. The block of text is centred
between the top of the border and the signature, so short and long certificates both
look balanced.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from asr_desktop.domain.progress import ProgressFn
from asr_desktop.domain.thai_dates import THAI_MONTHS, be_year
from asr_desktop.reports.pdf.fonts import BOLD, REGULAR, register_fonts
from asr_desktop.reports.pdf.layout import (
    Digits,
    EventHeading,
    digits_for,
    fit_lines,
    new_canvas,
    write_atomically,
)
from asr_desktop.reports.pdf.thai_text import draw_thai_line

PAGE = landscape(A4)
TITLE = "เกียรติบัตร"
PRESENTS = "ขอมอบเกียรติบัตรฉบับนี้ไว้เพื่อแสดงว่า"
ATTENDED = "ได้เข้าร่วม"
MINISTRY = "กระทรวงแรงงาน"

BORDER_COLOUR = Color(0.09, 0.24, 0.49)
GOLD = Color(0.72, 0.55, 0.13)
TEXT_WIDTH = 220 * mm
LINE_RATIO = 1.45  # baseline to baseline, as a multiple of the size


@dataclass(frozen=True, slots=True)
class CertificateData:
    """Whom a certificate is for (title and name as they should be printed)."""

    name: str
    serial: str = ""
    """เลขที่เกียรติบัตร, printed small in the corner; the event's page can look it up."""


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    font: str
    size: float
    colour: Color = black
    space_before: float = 0.0


def build_certificates(
    out: str | os.PathLike[str] | BinaryIO,
    people: Sequence[CertificateData],
    event: EventHeading,
    *,
    office_name: str,
    signer_name: str = "",
    signer_position: str = "",
    thai_digits: bool = False,
    progress: ProgressFn | None = None,
) -> int:
    """Write one certificate per person; returns the page count (= ``len(people)``).

    ``progress(done, total)`` is called after each page; an exception it raises stops
    the run and no file is written.
    """
    register_fonts()
    digits = digits_for(thai_digits)

    def render(stream: BinaryIO) -> None:
        canvas = new_canvas(stream, PAGE, f"{TITLE} {event.title}", office_name)
        for number, person in enumerate(people, start=1):
            _draw_border(canvas)
            lines = _text_lines(person, event, office_name, digits, thai_digits)
            given = f"ให้ไว้ ณ {_long_date(event.end or event.start)}"
            lines.append(_Line(digits(given), REGULAR, 16, space_before=5 * mm))
            _draw_centred_block(canvas, lines)
            _draw_signature(canvas, digits(signer_name), digits(signer_position))
            if person.serial:
                _draw_serial(canvas, person.serial)
            canvas.showPage()
            if progress is not None:
                progress(number, len(people))
        canvas.save()

    write_atomically(out, render)
    return len(people)


def _text_lines(
    person: CertificateData,
    event: EventHeading,
    office_name: str,
    digits: Digits,
    thai_digits: bool,
) -> list[_Line]:
    lines = [
        _Line(digits(office_name or MINISTRY), BOLD, 22),
        _Line(TITLE, BOLD, 34, GOLD, space_before=4 * mm),
        _Line(PRESENTS, REGULAR, 18, space_before=3 * mm),
    ]
    name = fit_lines(person.name, BOLD, TEXT_WIDTH, size=30, min_size=20, max_lines=2)
    lines += [
        _Line(text, BOLD, name.size, BORDER_COLOUR, space_before=3 * mm if i == 0 else 0)
        for i, text in enumerate(name.lines)
    ]
    attended = fit_lines(
        digits(f"{ATTENDED}{event.title}"), REGULAR, TEXT_WIDTH, size=18, min_size=14, max_lines=3
    )
    lines += [
        _Line(text, REGULAR, attended.size, space_before=3 * mm if i == 0 else 0)
        for i, text in enumerate(attended.lines)
    ]
    lines.append(_Line(event.dates_text(thai_digits=thai_digits), REGULAR, 16))
    if event.venue:
        venue = fit_lines(digits(f"ณ {event.venue}"), REGULAR, TEXT_WIDTH, size=16, min_size=11)
        lines.append(_Line(venue.lines[0], REGULAR, venue.size))
    return lines


def _draw_centred_block(canvas: Canvas, lines: list[_Line]) -> None:
    """The lines centred on the page, the block centred between the border and signature.

    A block too tall for the space (a long name and a long title) is set tighter: no
    extra space between parts and lines closer together, down to 1.2 × the size.
    """
    width, height = PAGE
    top, bottom = height - 22 * mm, 58 * mm
    ratio, spaced = LINE_RATIO, True
    block = sum(line.size * ratio + line.space_before for line in lines)
    if block > top - bottom:
        spaced = False
        sizes = sum(line.size for line in lines)
        ratio = max(1.2, (top - bottom) / sizes)
        block = sizes * ratio
    y = top - max(0.0, (top - bottom - block) / 2)
    for line in lines:
        y -= (line.space_before if spaced else 0.0) + line.size * ratio
        canvas.setFillColor(line.colour)
        baseline = y + line.size * (ratio - 1.1)
        draw_thai_line(canvas, width / 2, baseline, line.text, line.font, line.size, "center")


def _draw_signature(canvas: Canvas, name: str, position: str) -> None:
    """A line to sign on, the signer's name in brackets and position, centred low."""
    width, _height = PAGE
    centre = width / 2
    canvas.setFillColor(black)
    draw_thai_line(canvas, centre, 47 * mm, "." * 50, REGULAR, 14, "center")
    shown = f"({name})" if name else "(" + "." * 44 + ")"
    draw_thai_line(canvas, centre, 38 * mm, shown, REGULAR, 16, "center")
    y = 30 * mm
    for line in position.splitlines() or [""]:
        fitted = fit_lines(line, REGULAR, TEXT_WIDTH, size=16, min_size=11)
        draw_thai_line(canvas, centre, y, fitted.lines[0], REGULAR, fitted.size, "center")
        y -= 16 * LINE_RATIO * 0.9


def _draw_serial(canvas: Canvas, serial: str) -> None:
    """ "เลขที่ 47-0012-V00345" inside the border, bottom right (Arabic digits: it is
    typed back into the app to look the certificate up)."""
    width, _height = PAGE
    canvas.setFillColor(black)
    draw_thai_line(canvas, width - 20 * mm, 18 * mm, f"เลขที่ {serial}", REGULAR, 11, "right")


def _long_date(day: date) -> str:
    return f"วันที่ {day.day} เดือน{THAI_MONTHS[day.month - 1]} พ.ศ. {be_year(day)}"


def _draw_border(canvas: Canvas) -> None:
    """A thick outer frame, a thin inner one, and small diamonds at the inner corners."""
    width, height = PAGE
    canvas.saveState()
    canvas.setStrokeColor(BORDER_COLOUR)
    canvas.setLineWidth(4)
    outer = 10 * mm
    canvas.rect(outer, outer, width - 2 * outer, height - 2 * outer, stroke=1, fill=0)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(1.2)
    inner = 14 * mm
    canvas.rect(inner, inner, width - 2 * inner, height - 2 * inner, stroke=1, fill=0)
    canvas.setFillColor(GOLD)
    for x in (inner, width - inner):
        for y in (inner, height - inner):
            _diamond(canvas, x, y, 3 * mm)
    canvas.restoreState()


def _diamond(canvas: Canvas, x: float, y: float, radius: float) -> None:
    path = canvas.beginPath()
    path.moveTo(x, y + radius)
    path.lineTo(x + radius, y)
    path.lineTo(x, y - radius)
    path.lineTo(x - radius, y)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)
