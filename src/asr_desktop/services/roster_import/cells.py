"""Reading one cell's value the way people type it in Excel.

Each ``read_*`` function takes the raw value from the reader (str, float, int, bool,
date, datetime or None) and returns the clean value, or raises :class:`InputError` with a
Thai reason. Numbers arrive as floats (python-calamine), so digits are recovered from
them exactly; text that Excel already rounded (scientific notation) is refused.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

from asr_desktop.assets import title_table
from asr_desktop.domain.errors import InputError
from asr_desktop.domain.national_id import normalize_national_id, rounded_number_reason
from asr_desktop.domain.phone import normalize_phone
from asr_desktop.domain.thai_dates import BE_OFFSET, parse_thai_date
from asr_desktop.domain.thai_digits import to_arabic_digits
from asr_desktop.domain.titles import TitleSplit
from asr_desktop.domain.vocabulary import ExitReason, Gender, Status, Tier

_EXCEL_EPOCH = date(1899, 12, 30)
_SERIAL_RANGE = (1, 80_000)  # 1900 … 2119
_SPACES = re.compile(r"\s+")


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_text(value: Any) -> str:
    """Trimmed text with runs of spaces made one; a whole float loses its ".0"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        value = value.date()
    return _SPACES.sub(" ", str(value)).strip()


def digits_of_number(value: float) -> str:
    """The digits of a number cell; ``repr`` would give "1.234e+12" for big floats."""
    return f"{value:.0f}" if value.is_integer() else repr(value)


def read_national_id(value: Any) -> str:
    """13 digits from an ID cell; a number cell that lost digits (Excel rounded it to
    1.47078E+12 = 1470780000000) is refused, see ``rounded_number_reason``."""
    if isinstance(value, bool):
        raise InputError("เลขประจำตัวประชาชนไม่ถูกต้อง", "national_id")
    if isinstance(value, (int, float)):
        reason = rounded_number_reason(value)
        if reason is not None:
            raise InputError(reason, "national_id")
        value = digits_of_number(float(value))
    return normalize_national_id(read_text(value))


def read_phone(value: Any) -> tuple[str, str]:
    """(the first phone number, any further numbers in the cell as text for the notes)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return normalize_phone(digits_of_number(float(value))), ""
    text = to_arabic_digits(read_text(value))
    parts = [p.strip() for p in re.split(r"[,;]|\s{2,}|\s*/\s*(?=0)|\s+หรือ\s+", text) if p.strip()]
    if not parts:
        return "", ""
    return normalize_phone(parts[0]), ", ".join(parts[1:])


def read_date(value: Any, *, today: date) -> date:
    """Dates as cells hold them: real dates (CE or BE typed into Excel), serial numbers,
    text in any form ``parse_thai_date`` reads."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        if value.year > 2400:  # 12/2/2563 typed into a date cell: Excel keeps year 2563
            try:
                return value.replace(year=value.year - BE_OFFSET)
            except ValueError as exc:
                raise InputError(f"ไม่มีวันที่ {value.day}/{value.month}/{value.year}") from exc
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_serial(float(value))
    text = to_arabic_digits(read_text(value))
    if re.fullmatch(r"\d{5}(\.0+)?", text):
        return _from_serial(float(text))
    return parse_thai_date(text, today=today)


def _from_serial(number: float) -> date:
    low, high = _SERIAL_RANGE
    if not number.is_integer() and number > high:
        raise InputError(f"อ่านวันที่จากตัวเลข {number} ไม่ได้")
    if not low <= number <= high:
        raise InputError(f"อ่านวันที่จากตัวเลข {number:g} ไม่ได้ (ควรเป็นวันที่ เช่น 12/2/2563)")
    return _EXCEL_EPOCH + timedelta(days=int(number))


def read_gender(value: Any) -> Gender | None:
    text = read_text(value).lower().rstrip(".")
    if not text:
        return None
    if text in ("ชาย", "ช", "male", "m", "ผู้ชาย"):
        return Gender.MALE
    if text in ("หญิง", "ญ", "female", "f", "ผู้หญิง"):
        return Gender.FEMALE
    if text in ("อื่น ๆ", "อื่นๆ", "other", "อื่น"):
        return Gender.OTHER
    raise InputError(f"ไม่รู้จักเพศ '{read_text(value)}' (ใช้ ชาย หรือ หญิง)")


def gender_from_title(title: str) -> Gender | None:
    """The gender a title implies (นาย, ร.ต.อ.หญิง, แพทย์หญิง), None for ดร., ศ., ม.ร.ว. …"""
    return title_table().gender_of(title)


def read_title(value: Any) -> str:
    """A title cell in any written form, stored as the table's canonical form."""
    return title_table().canonical(read_text(value))


def split_title(name: str) -> TitleSplit:
    """The longest title at the start of ``name`` (นายแพทย์ธนา → นายแพทย์ + ธนา), or a
    leading word that looks like a title but is not one (``unknown``)."""
    return title_table().split(name)


def split_full_name(value: Any) -> tuple[TitleSplit, str, str]:
    """(title split, first name, last name) from one "ชื่อ-สกุล" cell."""
    split = split_title(read_text(value))
    first, _, last = split.rest.partition(" ")
    return split, first.strip(), last.strip()


def read_tier(value: Any) -> Tier | None:
    text = read_text(value).replace(" ", "")
    if not text:
        return None
    if "แกนนำ" in text or text.lower() == "lead":
        return Tier.LEAD
    if "เครือข่าย" in text or text.lower() == "network":
        return Tier.NETWORK
    raise InputError(f"ไม่รู้จักระดับ '{read_text(value)}' (ใช้ แกนนำ หรือ เครือข่าย)")


def read_status(value: Any) -> tuple[Status | None, ExitReason | None]:
    """The status written in the file, and the exit reason when the cell names one."""
    text = read_text(value)
    if not text:
        return None, None
    for status in Status:
        if text in (status.label, status.value):
            return status, None
    for reason in ExitReason:
        if text in (reason.label, reason.value) and reason is not ExitReason.TERM_ENDED:
            return Status.EXITED, reason
    if text.startswith("พ้น"):
        return Status.EXITED, None
    raise InputError(f"ไม่รู้จักสถานะ '{text}'")


def read_exit_reason(value: Any) -> ExitReason | None:
    text = read_text(value)
    if not text:
        return None
    for reason in ExitReason:
        if text in (reason.label, reason.value) or (
            len(text) >= 4 and reason.label.startswith(text)
        ):
            return reason
    raise InputError(f"ไม่รู้จักเหตุที่พ้นสภาพ '{text}'")


def read_number_text(value: Any) -> str:
    """หมู่ที่, รุ่น: digits as text, Thai digits made Arabic, "หมู่ 4"/"ม.4" → "4"."""
    text = to_arabic_digits(read_text(value))
    return re.sub(r"^(หมู่ที่|หมู่|ม\.|รุ่นที่|รุ่น)\s*", "", text)


def is_total_row(values: list[Any]) -> bool:
    """A subtotal or total line (รวม …, ยอดรวม, รวมทั้งสิ้น, Total)."""
    for value in values:
        if is_blank(value):
            continue
        text = read_text(value).replace(" ", "")
        return bool(re.match(r"(รวม|ยอดรวม|total|สรุป)", text, re.IGNORECASE))
    return False
