"""Volunteer ID cards (บัตรประจำตัวอาสาสมัครแรงงาน): credit-card size, ten to an A4 sheet.

The cards sit edge to edge in a 2 × 5 grid so that one straight cut separates two cards;
the cut marks stand in the page margin on the extension of every grid line, where they
are never on a card. A hairline outline helps those who cut with scissors.

Card numbers print in Arabic digits even when the office asks for Thai digits: the number
is an identifier typed into other systems. The QR code holds it in ASCII only (see
:func:`qr_payload`), so every phone scanner reads it the same way.

Each code is encoded once (segno, which picks the mask by the standard's penalty rules
several times faster than reportlab's pure-Python encoder) and drawn as one filled path
in module units: reportlab's ``QrCodeWidget`` encoded it twice and drew each module as
its own rectangle (~45 ms a card).
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

import segno
from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from asr_desktop.domain.progress import ProgressFn
from asr_desktop.domain.thai_dates import format_thai_date
from asr_desktop.reports.pdf.fonts import BOLD, REGULAR, register_fonts
from asr_desktop.reports.pdf.layout import (
    Digits,
    digits_for,
    fit_lines,
    new_canvas,
    write_atomically,
)
from asr_desktop.reports.pdf.thai_text import draw_thai_line

CARD_WIDTH = 85.6 * mm  # ISO/IEC 7810 ID-1, the size of a credit card
CARD_HEIGHT = 54.0 * mm
COLUMNS = 2
ROWS = 5
CARDS_PER_PAGE = COLUMNS * ROWS

MINISTRY = "กระทรวงแรงงาน"
CARD_TITLE = "บัตรประจำตัวอาสาสมัครแรงงาน"
NO_PHOTO = "ไม่มีรูปถ่าย"

BAND_COLOUR = Color(0.09, 0.24, 0.49)
ACCENT_COLOUR = Color(0.85, 0.65, 0.13)
OUTLINE_COLOUR = Color(0.78, 0.78, 0.78)
LABEL_COLOUR = Color(0.35, 0.35, 0.35)

PAD = 3.5 * mm
BAND_HEIGHT = 11.5 * mm
PHOTO_WIDTH = 20.0 * mm
PHOTO_HEIGHT = 25.0 * mm
QR_SIZE = 16.5 * mm
CUT_MARK_GAP = 2.0 * mm
CUT_MARK_LENGTH = 6.0 * mm


@dataclass(frozen=True, slots=True)
class CardData:
    """What one card shows; ``photo`` is JPEG or PNG bytes, or None for the placeholder."""

    name: str
    tier_label: str
    area: str
    card_no: str
    issued: date | None
    expires: date | None
    photo: bytes | None = None


def build_id_cards(
    out: str | os.PathLike[str] | BinaryIO,
    cards: Sequence[CardData],
    *,
    office_name: str,
    province_code: str = "",
    thai_digits: bool = False,
    progress: ProgressFn | None = None,
) -> int:
    """Write the cards as A4 sheets of ten; returns the page count.

    ``province_code`` (DOPA, 2 digits) goes into each QR code with the card number.

    ``progress(done, total)`` is called after each card; an exception it raises (the
    GUI's ``Cancelled``) stops the run and leaves no file at ``out``.
    """
    register_fonts()
    digits = digits_for(thai_digits)
    pages = max(1, -(-len(cards) // CARDS_PER_PAGE))

    def render(stream: BinaryIO) -> None:
        canvas = new_canvas(stream, A4, CARD_TITLE, office_name)
        for page in range(pages):
            batch = cards[page * CARDS_PER_PAGE : (page + 1) * CARDS_PER_PAGE]
            _draw_sheet_frame(canvas, digits(f"{CARD_TITLE}  หน้า {page + 1}/{pages}"))
            for index, card in enumerate(batch):
                x, y = card_origin(index)
                _draw_card(canvas, x, y, card, office_name, digits, thai_digits, province_code)
                if progress is not None:
                    progress(page * CARDS_PER_PAGE + index + 1, len(cards))
            canvas.showPage()
        canvas.save()

    write_atomically(out, render)
    return pages


def grid_origin() -> tuple[float, float]:
    """The bottom-left corner of the grid of cards, centred on the A4 page."""
    page_width, page_height = A4
    return (page_width - COLUMNS * CARD_WIDTH) / 2, (page_height - ROWS * CARD_HEIGHT) / 2


def card_origin(index: int) -> tuple[float, float]:
    """The bottom-left corner of the ``index``-th card of a page (row by row, from the top)."""
    left, bottom = grid_origin()
    row, column = divmod(index, COLUMNS)
    return left + column * CARD_WIDTH, bottom + (ROWS - 1 - row) * CARD_HEIGHT


def _draw_sheet_frame(canvas: Canvas, footer: str) -> None:
    """Cut marks on the extension of every grid line, and a line saying which page."""
    left, bottom = grid_origin()
    right, top = left + COLUMNS * CARD_WIDTH, bottom + ROWS * CARD_HEIGHT
    canvas.saveState()
    canvas.setStrokeColor(black)
    canvas.setLineWidth(0.3)
    near, far = CUT_MARK_GAP, CUT_MARK_GAP + CUT_MARK_LENGTH
    for column in range(COLUMNS + 1):
        x = left + column * CARD_WIDTH
        canvas.line(x, top + near, x, top + far)
        canvas.line(x, bottom - near, x, bottom - far)
    for row in range(ROWS + 1):
        y = bottom + row * CARD_HEIGHT
        canvas.line(left - near, y, left - far, y)
        canvas.line(right + near, y, right + far, y)
    canvas.setFillColor(LABEL_COLOUR)
    draw_thai_line(canvas, left + CARD_WIDTH / 2, bottom - far, footer, REGULAR, 7, "center")
    canvas.restoreState()


def _draw_card(
    canvas: Canvas,
    x: float,
    y: float,
    card: CardData,
    office_name: str,
    digits: Digits,
    thai_digits: bool,
    province_code: str = "",
) -> None:
    canvas.saveState()
    canvas.translate(x, y)
    _draw_band(canvas, office_name, digits)
    photo_top = CARD_HEIGHT - BAND_HEIGHT - 2.2 * mm
    _draw_photo(canvas, PAD, photo_top - PHOTO_HEIGHT, card.photo)
    _draw_details(canvas, photo_top, card, digits)
    _draw_validity(canvas, card, thai_digits)
    if card.card_no:
        payload = qr_payload(province_code, card.card_no)
        draw_qr(canvas, payload, CARD_WIDTH - PAD - QR_SIZE, 2.5 * mm, QR_SIZE)
    canvas.setStrokeColor(OUTLINE_COLOUR)
    canvas.setLineWidth(0.25)
    canvas.rect(0, 0, CARD_WIDTH, CARD_HEIGHT, stroke=1, fill=0)
    canvas.restoreState()


def _draw_band(canvas: Canvas, office_name: str, digits: Digits) -> None:
    """The coloured header: the card's title, the ministry and the office."""
    canvas.setFillColor(BAND_COLOUR)
    canvas.rect(0, CARD_HEIGHT - BAND_HEIGHT, CARD_WIDTH, BAND_HEIGHT, stroke=0, fill=1)
    canvas.setFillColor(ACCENT_COLOUR)
    canvas.rect(0, CARD_HEIGHT - BAND_HEIGHT - 0.8 * mm, CARD_WIDTH, 0.8 * mm, stroke=0, fill=1)
    canvas.setFillColor(white)
    width = CARD_WIDTH - 2 * PAD
    title = fit_lines(CARD_TITLE, BOLD, width, size=9.5, min_size=6)
    centre = CARD_WIDTH / 2
    draw_thai_line(
        canvas, centre, CARD_HEIGHT - 5.0 * mm, title.lines[0], BOLD, title.size, "center"
    )
    second = digits(f"{MINISTRY}  {office_name}".strip())
    fitted = fit_lines(second, REGULAR, width, size=7, min_size=4.5)
    draw_thai_line(
        canvas, centre, CARD_HEIGHT - 9.3 * mm, fitted.lines[0], REGULAR, fitted.size, "center"
    )


def _draw_photo(canvas: Canvas, x: float, y: float, photo: bytes | None) -> None:
    """The photo cropped to fill the box, or a silhouette with "ไม่มีรูปถ่าย"."""
    image = _image(photo)
    canvas.saveState()
    box = canvas.beginPath()
    box.rect(x, y, PHOTO_WIDTH, PHOTO_HEIGHT)
    canvas.clipPath(box, stroke=0, fill=0)
    if image is not None:
        width, height = image.getSize()
        scale = max(PHOTO_WIDTH / width, PHOTO_HEIGHT / height)
        drawn_width, drawn_height = width * scale, height * scale
        canvas.drawImage(
            image,
            x + (PHOTO_WIDTH - drawn_width) / 2,
            y + (PHOTO_HEIGHT - drawn_height) / 2,
            drawn_width,
            drawn_height,
        )
    else:
        _draw_silhouette(canvas, x, y)
    canvas.restoreState()
    canvas.setStrokeColor(OUTLINE_COLOUR if image is not None else LABEL_COLOUR)
    canvas.setLineWidth(0.4)
    canvas.rect(x, y, PHOTO_WIDTH, PHOTO_HEIGHT, stroke=1, fill=0)


def _image(photo: bytes | None) -> ImageReader | None:
    """The photo as reportlab reads it, or None when there is none or it is unreadable."""
    if not photo:
        return None
    try:
        image = ImageReader(io.BytesIO(photo))
        width, height = image.getSize()
    except Exception:
        return None
    return image if width > 0 and height > 0 else None


def _draw_silhouette(canvas: Canvas, x: float, y: float) -> None:
    canvas.setFillColor(Color(0.93, 0.93, 0.93))
    canvas.rect(x, y, PHOTO_WIDTH, PHOTO_HEIGHT, stroke=0, fill=1)
    canvas.setFillColor(Color(0.78, 0.78, 0.78))
    centre = x + PHOTO_WIDTH / 2
    canvas.circle(centre, y + PHOTO_HEIGHT * 0.64, PHOTO_WIDTH * 0.2, stroke=0, fill=1)
    canvas.ellipse(
        centre - PHOTO_WIDTH * 0.4,
        y - PHOTO_HEIGHT * 0.28,
        centre + PHOTO_WIDTH * 0.4,
        y + PHOTO_HEIGHT * 0.4,
        stroke=0,
        fill=1,
    )
    canvas.setFillColor(LABEL_COLOUR)
    draw_thai_line(canvas, centre, y + 2.2 * mm, NO_PHOTO, REGULAR, 6.5, "center")


def _draw_details(canvas: Canvas, top: float, card: CardData, digits: Digits) -> None:
    """Name (shrunk, then on two lines if long), tier, area and card number."""
    left = PAD + PHOTO_WIDTH + 3.0 * mm
    width = CARD_WIDTH - PAD - left
    canvas.setFillColor(black)
    name = fit_lines(card.name, BOLD, width, size=11, min_size=8.5, max_lines=2)
    y = top - name.size * 0.95
    for line in name.lines:
        draw_thai_line(canvas, left, y, line, BOLD, name.size)
        y -= name.size * 1.25
    y -= 0.6 * mm
    for text, font in ((card.tier_label, REGULAR), (card.area, REGULAR)):
        fitted = fit_lines(digits(text), font, width, size=7.5, min_size=5)
        draw_thai_line(canvas, left, y, fitted.lines[0], font, fitted.size)
        y -= 7.5 * 1.35
    # The number stays left of the QR code, whose top is well below this line.
    label_width = draw_thai_line(canvas, left, y, digits("เลขที่บัตร "), REGULAR, 7.5)
    number = card.card_no or "-"
    fitted = fit_lines(number, BOLD, width - label_width, size=8.5, min_size=5)
    draw_thai_line(canvas, left + label_width, y, fitted.lines[0], BOLD, fitted.size)


def _draw_validity(canvas: Canvas, card: CardData, thai_digits: bool) -> None:
    """Issue and expiry dates (พ.ศ.) under the photo, left of the QR code."""
    width = CARD_WIDTH - 2 * PAD - QR_SIZE - 2 * mm
    lines = (
        ("วันออกบัตร", card.issued),
        ("วันหมดอายุ", card.expires),
    )
    y = 10.0 * mm
    for label, when in lines:
        text = f"{label}  {_date(when, thai_digits)}"
        fitted = fit_lines(text, REGULAR, width, size=7.5, min_size=5)
        canvas.setFillColor(black)
        draw_thai_line(canvas, PAD, y, fitted.lines[0], REGULAR, fitted.size)
        y -= 7.5 * 1.35


def _date(when: date | None, thai_digits: bool) -> str:
    return format_thai_date(when, "short", thai_digits=thai_digits) if when else "-"


def qr_payload(province_code: str, card_no: str) -> str:
    """What a card's QR code holds: "47-2568-00001" for card สน-2568-00001 of province 47.

    ASCII only: the province code, then the card number without its Thai letters (the
    province abbreviation, which the code already says). A number with no ASCII in it at
    all is written in punycode, still ASCII and still reversible.
    """
    ascii_part = "".join(ch for ch in card_no if ch.isascii()).strip(" -/")
    if not ascii_part:
        ascii_part = "xn--" + card_no.encode("punycode").decode("ascii")
    return f"{province_code}-{ascii_part}" if province_code else ascii_part


def qr_modules(value: str) -> list[list[bool]]:
    """The dark (True) and light modules of a QR code for ``value``, error level M."""
    code = segno.make_qr(value, error="m", boost_error=False)
    return [[bool(module) for module in row] for row in code.matrix]


def draw_qr(canvas: Canvas, value: str, x: float, y: float, size: float) -> None:
    """Draw a QR code holding ``value`` in a ``size`` square at (x, y), with a quiet zone
    of one module, as one filled path of the runs of dark modules.

    The path is written in module units (whole numbers) under one scaling, so a code is
    one short string of ``re`` operators rather than hundreds of formatted rectangles.
    """
    modules = qr_modules(value)
    count = len(modules)
    box = size / (count + 2)
    runs: list[str] = []
    for row_number, row in enumerate(modules):
        bottom = count - row_number  # module rows counted up from the quiet zone
        column = 0
        while column < count:
            if not row[column]:
                column += 1
                continue
            start = column
            while column < count and row[column]:
                column += 1
            runs.append(f"{start + 1} {bottom} {column - start} 1 re")
    canvas.saveState()
    canvas.setFillColor(black)
    canvas.transform(box, 0, 0, box, x, y)
    canvas.addLiteral("\n".join(runs) + "\nf")
    canvas.restoreState()
