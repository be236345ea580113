"""The look of a Thai government workbook: the Thai font, Buddhist-Era dates, column widths.

Dates are real Excel dates shown in พ.ศ. through the number format ``[$-107041E]``: locale
041E is Thai and the ``107`` in front selects the Thai Buddhist calendar (calendar type 07).
Excel and LibreOffice both show 5 Oct 2025 as 05/10/2568 with it, and the cell still sorts
and calculates as a date. (``[$-th-TH,107]`` is not understood by LibreOffice, and ``bbbb``
only by Excel.) With the office setting ``excel_dates_as_text`` dates become Thai text.
"""

from __future__ import annotations

import unicodedata
from copy import copy
from datetime import date, datetime

from openpyxl.styles import Font

from asr_desktop.domain.settings import OfficeSettings
from asr_desktop.domain.thai_dates import format_thai_date

BE_DATE_FORMAT = "[$-107041E]dd/mm/yyyy"
"""Excel number format that shows a date in the Buddhist Era: 05/10/2568."""

SARABUN_FAMILY = frozenset({"Sarabun", "TH SarabunPSK", "TH Sarabun New", "TH SarabunIT๙"})
"""Fonts the templates may use that the office's ``report_font`` setting replaces."""

# Sarabun is drawn larger than the TH Sarabun fonts at the same point size: Sarabun 14 pt
# looks like TH SarabunPSK 16 pt, the size of official Thai print. Templates are drawn in
# Sarabun; sizes are scaled by this ratio when the office picks a TH Sarabun font.
_TH_SARABUN_SCALE = 16 / 14

BASE_SIZE = 14
"""Point size of table text in Sarabun."""

ROW_HEIGHT = 24.0
"""Row height in points that fits a line of Thai at the table size, marks included."""

_MIN_WIDTH = 4.0
_MAX_WIDTH = 60.0


def report_font_name(settings: OfficeSettings) -> str:
    return settings.report_font.strip() or "Sarabun"


def scaled_size(size: float, font_name: str) -> float:
    """A Sarabun point size in the office's font."""
    if font_name == "Sarabun":
        return size
    return float(round(size * _TH_SARABUN_SCALE))


def office_font(font: Font, settings: OfficeSettings) -> Font:
    """The template's font, in the office's report font when it is of the Sarabun family."""
    name = report_font_name(settings)
    if font.name not in SARABUN_FAMILY or font.name == name:
        return font
    copied = copy(font)
    copied.name = name
    if font.sz:
        copied.sz = scaled_size(float(font.sz), name)
    return copied


def default_font(settings: OfficeSettings) -> Font:
    name = report_font_name(settings)
    return Font(name=name, sz=scaled_size(BASE_SIZE, name))


def text_width(text: str) -> int:
    """Character cells of a string: Thai vowel and tone marks above and below take none."""
    return sum(0 if unicodedata.category(ch) in ("Mn", "Me") else 1 for ch in text)


def cell_text(value: object, dates_as_text: bool = False) -> str:
    """What a value looks like in its cell, for measuring the column."""
    if value is None:
        return ""
    if isinstance(value, date):
        return format_thai_date(
            value if not isinstance(value, datetime) else value.date(),
            "short" if dates_as_text else "numeric",
        )
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def column_width(texts: list[str], minimum: float = 0.0) -> float:
    """An Excel column width (in widths of '0' of the default font) that fits every text.

    Thai letters in Sarabun are a little wider than digits, hence the factor; the margin
    leaves room for the auto-filter button on header cells.
    """
    longest = max((max(text_width(line) for line in t.split("\n")) for t in texts if t), default=0)
    width = longest * 1.15 + 2.5
    return max(_MIN_WIDTH, minimum, min(width, _MAX_WIDTH))


MIN_PRINT_SCALE = 0.6
"""Below this a printed sheet is too small to read; it goes two pages wide instead."""
_A4_POINTS = (595.0, 842.0)
_SIDE_MARGINS = 72.0  # 0.5 in each side, as the templates set


def printable_width(landscape: bool) -> float:
    """Points across an A4 page inside the templates' side margins."""
    return (_A4_POINTS[1] if landscape else _A4_POINTS[0]) - _SIDE_MARGINS


def unit_points(font: Font) -> float:
    """Points of one unit of Excel column width: the width of "0" in the sheet's default
    font (Sarabun's digits are 0.55 em) plus a little padding."""
    return float(font.sz or 14) * 0.55 + 1.0
