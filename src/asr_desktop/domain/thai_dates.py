"""Dates as Thai offices type and print them: Buddhist Era (พ.ศ.), Thai month names.

Year rules for ``parse_thai_date`` and ``parse_month``:

* A 4-digit year of 2400 or more is พ.ศ. (BE); a 4-digit year from 1800 to 2299 is ค.ศ.
  (CE). Years 2300–2399 fit neither and are refused rather than guessed.
* "พ.ศ." or "ค.ศ." written in the text decides the era outright.
* A 2-digit year is พ.ศ. 25yy (63 → 2563), unless that is more than 10 years after
  ``today``'s year, then it is 24yy: in 2569 (2026), "79" is 2579 but "80" is 2480. Birth
  dates of people up to about 90 and term ends up to 10 years ahead both come out right.
  With "ค.ศ." a 2-digit year is 20yy under the same 10-year rule.

An Excel serial number ("43873") is not a date here; importers convert those themselves.
"""

from __future__ import annotations

import re
from datetime import date

from asr_desktop.domain.errors import InputError
from asr_desktop.domain.thai_digits import to_arabic_digits, to_thai_digits

FIELD = "date"
BE_OFFSET = 543

THAI_MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
THAI_MONTHS_SHORT = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)

# Month names with dots and spaces removed ("ก.พ." → "กพ") → month number.
_MONTH_BY_NAME = {
    name.replace(".", ""): number
    for names in (THAI_MONTHS, THAI_MONTHS_SHORT)
    for number, name in enumerate(names, start=1)
}
_EXAMPLES = "เช่น 12/2/2563, 12 ก.พ. 63, 12 กุมภาพันธ์ 2563 หรือ 2563-02-12"
_WEEKDAY = r"วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)"
# Words that carry no value: "วันพุธที่", "วันที่", "เดือน", "ปี".
_NOISE = re.compile(rf"(?:{_WEEKDAY}|วัน)?ที่|วัน(?=\s*\d)|เดือน|ปี(?=\s*(?:พ|ค|\d))")
_BE_MARK = re.compile(r"พ\.\s*ศ\.?|พศ\.?(?=\s*\d)")
_CE_MARK = re.compile(r"ค\.\s*ศ\.?|คศ\.?(?=\s*\d)")
_SEP = r"\s*[-/.]\s*"
_YMD = re.compile(rf"(\d{{4}}){_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}})")
_DMY = re.compile(rf"(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{4}}|\d{{2}})")
_D_NAME_Y = re.compile(r"(\d{1,2})\s*[-/]?\s*([ก-์.\s]+?)\s*[-/]?\s*(\d{4}|\d{2})")
_YM = re.compile(rf"(\d{{4}}){_SEP}(\d{{1,2}})")
_MY = re.compile(rf"(\d{{1,2}}){_SEP}(\d{{4}}|\d{{2}})")
_NAME_Y = re.compile(r"([ก-์.\s]+?)\s*[-/]?\s*(\d{4}|\d{2})")


def be_year(d: date) -> int:
    """The Buddhist Era year of a date (2020 → 2563)."""
    return d.year + BE_OFFSET


def _today(today: date | None) -> date:
    return today if today is not None else date.today()


def _year_ce(digits: str, era: str | None, today: date) -> int:
    """Turn the year as written into a CE year, following the module's year rules."""
    value = int(digits)
    if len(digits) == 2:
        if era == "ce":
            year = 2000 + value
            return year - 100 if year > today.year + 10 else year
        year_be = 2500 + value
        if year_be > be_year(today) + 10:
            year_be -= 100
        return year_be - BE_OFFSET
    if era == "ce" or (era is None and 1800 <= value <= 2299):
        if not 1800 <= value <= 2299:
            raise InputError(f"ปี ค.ศ. {value} อยู่นอกช่วงที่รับได้ (1800–2299)", FIELD)
        return value
    if value >= 2400:
        return value - BE_OFFSET
    if era == "be":
        raise InputError(f"ปี พ.ศ. {value} อยู่นอกช่วงที่รับได้ (ตั้งแต่ 2400)", FIELD)
    raise InputError(f"ปี {value} ไม่ใช่ทั้ง พ.ศ. (ตั้งแต่ 2400) และ ค.ศ. (1800–2299) กรุณาตรวจสอบปี", FIELD)


def _month_from_name(name: str) -> int | None:
    return _MONTH_BY_NAME.get(re.sub(r"[.\s]", "", name))


def _clean(text: str) -> tuple[str, str | None]:
    """Arabic digits, no filler words, single spaces; and the era if one is written."""
    cleaned = to_arabic_digits(text).strip()
    era: str | None = None
    if _BE_MARK.search(cleaned):
        era = "be"
        cleaned = _BE_MARK.sub(" ", cleaned)
    if _CE_MARK.search(cleaned):
        if era:
            raise InputError(f"'{text.strip()}' มีทั้ง พ.ศ. และ ค.ศ.", FIELD)
        era = "ce"
        cleaned = _CE_MARK.sub(" ", cleaned)
    cleaned = _NOISE.sub(" ", cleaned)
    return " ".join(cleaned.split()), era


def _checked_date(year_ce: int, month: int, day: int, era: str | None) -> date:
    if not 1 <= month <= 12:
        raise InputError(f"ไม่มีเดือนที่ {month} (เดือนต้องอยู่ระหว่าง 1–12)", FIELD)
    month_name = THAI_MONTHS[month - 1]
    shown_year = f"ค.ศ. {year_ce}" if era == "ce" else str(year_ce + BE_OFFSET)
    if day < 1:
        raise InputError(f"ไม่มีวันที่ {day} ในเดือน{month_name} {shown_year}", FIELD)
    try:
        return date(year_ce, month, day)
    except ValueError:
        raise InputError(f"วันที่ {day} ไม่มีในเดือน{month_name} {shown_year}", FIELD) from None


def parse_thai_date(text: str, *, today: date | None = None) -> date:
    """Read a date typed the way Thai offices write it.

    Accepts 12/2/2563, 12-02-2563, 12.2.63, 12 ก.พ. 63, 12 ก.พ.2563, 12 กุมภาพันธ์ 2563,
    วันที่ 12 เดือนกุมภาพันธ์ พ.ศ. 2563, 2563-02-12, 2020-02-12, 12/2/2020, in Thai or Arabic
    digits. Day comes before month unless the year comes first. ``today`` (default: the
    real today) settles 2-digit years, see the module docstring.

    Raises:
        InputError: empty, unreadable or impossible dates, with the reason in Thai.
    """
    if not text or not text.strip():
        raise InputError("กรุณาใส่วันที่", FIELD)
    cleaned, era = _clean(text)
    now = _today(today)
    if match := _YMD.fullmatch(cleaned):
        year, month, day = match.groups()
    elif match := _DMY.fullmatch(cleaned):
        day, month, year = match.groups()
    elif match := _D_NAME_Y.fullmatch(cleaned):
        day, name, year = match.groups()
        number = _month_from_name(name)
        if number is None:
            raise InputError(f"ไม่รู้จักชื่อเดือน '{name.strip()}' ใน '{text.strip()}'", FIELD)
        month = str(number)
    else:
        raise InputError(f"อ่านวันที่ '{text.strip()}' ไม่ได้ {_EXAMPLES}", FIELD)
    return _checked_date(_year_ce(year, era, now), int(month), int(day), era)


def parse_month(text: str, *, today: date | None = None) -> tuple[int, int]:
    """Read a month of a year: "2568-10", "10/2568", "ต.ค. 68", "ตุลาคม 2568", "2025-10".

    Returns:
        (CE year, month).

    Raises:
        InputError: with the reason in Thai.
    """
    if not text or not text.strip():
        raise InputError("กรุณาใส่เดือนและปี", FIELD)
    cleaned, era = _clean(text)
    now = _today(today)
    if match := _YM.fullmatch(cleaned):
        year, month_text = match.groups()
        month = int(month_text)
    elif match := _MY.fullmatch(cleaned):
        month_text, year = match.groups()
        month = int(month_text)
    elif match := _NAME_Y.fullmatch(cleaned):
        name, year = match.groups()
        found = _month_from_name(name)
        if found is None:
            raise InputError(f"ไม่รู้จักชื่อเดือน '{name.strip()}' ใน '{text.strip()}'", FIELD)
        month = found
    else:
        raise InputError(
            f"อ่านเดือน '{text.strip()}' ไม่ได้ เช่น 10/2568, ต.ค. 68, ตุลาคม 2568 หรือ 2568-10",
            FIELD,
        )
    if not 1 <= month <= 12:
        raise InputError(f"ไม่มีเดือนที่ {month} (เดือนต้องอยู่ระหว่าง 1–12)", FIELD)
    return _year_ce(year, era, now), month


def format_thai_date(d: date, style: str = "short", *, thai_digits: bool = False) -> str:
    """Show a date in พ.ศ.: "numeric" 12/02/2563, "short" 12 ก.พ. 2563, "long" 12 กุมภาพันธ์ 2563.

    Raises:
        ValueError: for an unknown style (a programming error, not user input).
    """
    year = be_year(d)
    if style == "numeric":
        text = f"{d.day:02d}/{d.month:02d}/{year}"
    elif style == "short":
        text = f"{d.day} {THAI_MONTHS_SHORT[d.month - 1]} {year}"
    elif style == "long":
        text = f"{d.day} {THAI_MONTHS[d.month - 1]} {year}"
    else:
        raise ValueError(f"unknown date style {style!r}: use numeric, short or long")
    return to_thai_digits(text) if thai_digits else text


def format_thai_month(year_ce: int, month: int, *, thai_digits: bool = False) -> str:
    """ "ตุลาคม 2568" for (2025, 10)."""
    text = f"{THAI_MONTHS[month - 1]} {year_ce + BE_OFFSET}"
    return to_thai_digits(text) if thai_digits else text


def fiscal_year(d: date) -> int:
    """The government fiscal year (ปีงบประมาณ, พ.ศ.): 1 Oct 2025 – 30 Sep 2026 is 2569."""
    return be_year(d) + (1 if d.month >= 10 else 0)


def fiscal_quarter(d: date) -> int:
    """Quarter 1–4 of the fiscal year: Q1 is October–December."""
    return (d.month - 10) % 12 // 3 + 1


def fiscal_year_range(fy_be: int) -> tuple[date, date]:
    """First and last day of a fiscal year given in พ.ศ.: 2569 → (2025-10-01, 2026-09-30).

    Raises:
        InputError: the year is not a plausible พ.ศ. year.
    """
    if not 2400 <= fy_be <= 9999:
        raise InputError(f"ปีงบประมาณต้องเป็นปี พ.ศ. (ได้รับ {fy_be})", "fiscal_year")
    year_ce = fy_be - BE_OFFSET
    return date(year_ce - 1, 10, 1), date(year_ce, 9, 30)
