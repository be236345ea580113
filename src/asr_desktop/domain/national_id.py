"""The 13-digit Thai national ID (เลขประจำตัวประชาชน): normalise, check, format, mask.

The 13th digit is a check digit over the first twelve (mod 11, weights 13 down to 2).
It is weaker than it looks, so a passing number can still be mistyped: the third digit
has weight 11 ≡ 0 (mod 11), so a wrong third digit is never caught, and remainders 0 and
10 both give check digit 1, so about 1 in 55 other single-digit errors slips through.
Every swap of two adjacent different digits is caught, and so is a wrong 13th digit.
The first digit is the person's category in the civil register (ประเภทบุคคล), 1–8:

    1, 2  Thai nationals born from 1984 on (registered in time / late)
    3     Thai nationals and foreigners with a house registration before 1984
    4     people moved into a house registration before 1984 without an ID number
    5     people added to the register afterwards (e.g. found to have been left out)
    6     people entering illegally or living here temporarily
    7     children of category 6 born in Thailand
    8     foreigners with permanent residence and people naturalised after 1984

Numbers starting with 0 exist too, but they belong to people without Thai civil
registration status and to migrant workers (ท.ร.38/1, บัตรสีชมพู); a labour volunteer must
hold Thai nationality, so the roster refuses them with that reason. No number starts
with 9.

**Numbers Excel rounded.** A 13-digit ID typed into a cell formatted as a number is kept
as a number and shown in the General format as ``1.47078E+12``: the display keeps at most
six significant digits (11 characters: "1." + five decimals + "E+12"), and a file saved
through a tool that writes what is displayed holds 1470780000000. Every such value has six
or fewer significant digits, so it ends in at least seven zeros, and the last of those
zeros sits where the check digit should be. The rounded number passes the check digit
about 1 time in 11, so the check digit alone lets one rounded ID in eleven through, as
someone else's ID.

The rule (:func:`rounded_number_reason`): an ID that arrives *as a number* (a number
cell, or text in a number's shape: ``1470780000000.0``, ``1.47078E+12``,
``1,470,780,000,000``) is refused when it is not an exact integer or ends in seven or more
zeros. A real ID of that shape would need digits 7–12 all zero (an empty group and person
number) and a check digit of 0: for IDs spread evenly that is one in about 11 million
(10⁻⁶ × 1/11), and even then the person is not locked out, since the same digits typed as
text are accepted. Fewer zeros are not refused: a real ID ends in 0 one time in eleven, in
00 about one in a hundred, and no Excel display leaves seven to twelve significant digits.
"""

from __future__ import annotations

import math
import operator
import re

from asr_desktop.domain.errors import InputError
from asr_desktop.domain.thai_digits import to_arabic_digits

FIELD = "national_id"

# Separators people type or paste: spaces (incl. no-break) and dashes of every kind. Not dots:
# "1234567890121.5" is a number Excel rounded, not an ID with a separator.
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212]")
# Excel and calamine hand over a 13-digit number as a float: "1234567890123.0".
_EXCEL_FLOAT = re.compile(r"(\d{13})\.0+")
# Text in the shape a number takes when it is copied or saved: "1.47078E+12",
# "1,470,780,000,000", "1470780000000.0".
_NUMBER_TEXT = re.compile(r"[+]?(?:\d+(?:\.\d*)?[eE][+]?\d+|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)")
_WEIGHTS = tuple(range(13, 1, -1))
ROUNDED_ZEROS = 7
"""Trailing zeros that mark a number rounded to six or fewer significant digits."""


def scientific(value: float) -> str:
    """A number as Excel's General format shows it: ``1.47078E+12``, ``1E+12``."""
    digits = f"{value:.0f}".rstrip("0") or "0"
    return f"{value:.{max(len(digits) - 1, 0)}E}".replace("E+0", "E+")


def rounded_number_reason(value: float) -> str | None:
    """Why an ID that arrived as a number has lost digits, or None when it is exact.

    See the module docstring for why a real ID cannot look like this.
    """
    if isinstance(value, float) and not math.isfinite(value):
        return "เลขประจำตัวประชาชนไม่ใช่ตัวเลข"
    if isinstance(value, float) and (not value.is_integer() or abs(value) >= 2**53):
        return (
            f"เลขประจำตัวประชาชน {value!r} ไม่ใช่จำนวนเต็ม ตัวเลขสูญหายไปแล้ว "
            "— ให้จัดรูปแบบเซลล์เป็นข้อความแล้วพิมพ์เลขใหม่"
        )
    number = int(value)
    if number >= 10**12 and number % 10**ROUNDED_ZEROS == 0:
        return (
            f"เลขประจำตัวประชาชน {number}: ตัวเลขถูก Excel ปัดเป็น {scientific(float(number))} "
            "— ให้จัดรูปแบบเซลล์เป็นข้อความแล้วพิมพ์เลขใหม่"
        )
    return None


def number_from_text(text: str) -> float | None:
    """The number a text in a number's shape stands for (from a copied or saved number
    cell), or None when the text is not shaped like one."""
    stripped = to_arabic_digits(text).strip()
    if not _NUMBER_TEXT.fullmatch(stripped):
        return None
    try:
        return float(stripped.replace(",", ""))
    except ValueError:
        return None


def check_digit(first12: str) -> int:
    """The check digit for the first twelve digits of a national ID.

    Raises:
        InputError: ``first12`` is not exactly twelve digits (Thai digits are accepted).
    """
    digits = first12 if first12.isascii() else to_arabic_digits(first12)
    if len(digits) != 12 or not digits.isascii() or not digits.isdigit():
        raise InputError(f"ต้องเป็นตัวเลข 12 หลักจึงจะคำนวณเลขตรวจสอบได้ (ได้รับ '{first12}')", FIELD)
    total: int = sum(map(operator.mul, map(int, digits), _WEIGHTS))
    return (11 - total % 11) % 10


def normalize_national_id(text: str) -> str:
    """Return the 13 digits of a national ID typed, pasted or imported in any usual form.

    Accepts dashes, spaces, Thai digits and an exact Excel float ("1234567890123.0").
    Text in a number's shape is held to :func:`rounded_number_reason`.

    Raises:
        InputError: with the reason in Thai (length, non-digits, category, check digit).
    """
    clean = len(text) == 13 and text.isascii() and text.isdigit() and text[0] in "12345678"
    if clean and int(text[12]) == check_digit(text[:12]):
        return text  # the common case, read from a clean cell: no cleaning needed
    stripped = to_arabic_digits(text).strip()
    if not stripped:
        raise InputError("กรุณาใส่เลขประจำตัวประชาชน 13 หลัก", FIELD)
    number = number_from_text(stripped)
    if number is not None:
        reason = rounded_number_reason(number)
        if reason is not None and "e" in stripped.lower():
            reason = reason.replace(scientific(number), stripped)  # as the file shows it
        if reason is None and number.is_integer() and "e" in stripped.lower():
            reason = (
                f"เลขประจำตัวประชาชน '{text.strip()}': ตัวเลขถูก Excel แปลงเป็นเลขยกกำลัง "
                "— ให้จัดรูปแบบเซลล์เป็นข้อความแล้วพิมพ์เลขใหม่"
            )
        if reason is not None:
            raise InputError(reason, FIELD)
        stripped = f"{number:.0f}"
    excel = _EXCEL_FLOAT.fullmatch(stripped)
    digits = excel.group(1) if excel else _SEPARATORS.sub("", stripped)
    if "e" in digits.lower() and any(ch.isdigit() for ch in digits):
        raise InputError(
            f"เลขประจำตัวประชาชน '{text.strip()}' ถูกแปลงเป็นเลขยกกำลังโดย Excel ตัวเลขสูญหายแล้ว "
            "— ให้จัดรูปแบบเซลล์เป็นข้อความแล้วพิมพ์เลขใหม่",
            FIELD,
        )
    bad = sorted({ch for ch in digits if not ("0" <= ch <= "9")})
    if bad:
        shown = " ".join(f"'{ch}'" for ch in bad)
        raise InputError(f"เลขประจำตัวประชาชน '{text.strip()}' ต้องเป็นตัวเลขเท่านั้น (พบ {shown})", FIELD)
    if len(digits) != 13:
        raise InputError(
            f"เลขประจำตัวประชาชนต้องมี 13 หลัก (พบ {len(digits)} หลัก: '{text.strip()}')", FIELD
        )
    if digits[0] == "0":
        raise InputError(
            f"เลข {format_national_id(digits)} ขึ้นต้นด้วย 0 ซึ่งเป็นเลขของบุคคลที่ไม่มีสถานะทางทะเบียน"
            "หรือแรงงานต่างด้าว ไม่ใช่เลขประจำตัวประชาชนของผู้มีสัญชาติไทย",
            FIELD,
        )
    if digits[0] == "9":
        raise InputError(
            f"เลข {format_national_id(digits)} ไม่ถูกต้อง: เลขประจำตัวประชาชนขึ้นต้นด้วย 1–8 เท่านั้น",
            FIELD,
        )
    expected = check_digit(digits[:12])
    if int(digits[12]) != expected:
        raise InputError(
            f"เลข {format_national_id(digits)}: เลขตรวจสอบหลักสุดท้ายไม่ถูกต้อง ควรเป็น {expected} "
            "(อาจพิมพ์ตัวเลขผิดหรือสลับตำแหน่ง)",
            FIELD,
        )
    return digits


def ids_in_search(text: str) -> tuple[str, str]:
    """Search text with an ID pasted in a number's shape (1470781234567.0,
    1,470,781,234,567) turned into its 13 digits, and the reason when such an ID lost its
    digits to Excel ("" when none). A rounded ID is left as typed, so that it matches
    nobody rather than someone else."""
    words = []
    reason = ""
    for word in text.split():
        number = number_from_text(word)
        if number is not None and number >= 10**12:
            problem = rounded_number_reason(number)
            if problem is None:
                word = f"{number:.0f}"
            else:
                reason = reason or problem.replace(scientific(number), word)
        words.append(word)
    return " ".join(words), reason


def is_valid_national_id(text: str) -> bool:
    """True when ``normalize_national_id`` would accept ``text``."""
    try:
        normalize_national_id(text)
    except InputError:
        return False
    return True


def _thirteen_digits(nid: str) -> str:
    digits = _SEPARATORS.sub("", to_arabic_digits(nid))
    if len(digits) != 13 or not digits.isascii() or not digits.isdigit():
        raise InputError(f"เลขประจำตัวประชาชนต้องมี 13 หลัก (ได้รับ '{nid}')", FIELD)
    return digits


def format_national_id(nid: str) -> str:
    """Lay 13 digits out the way the ID card prints them: ``1-2345-67890-12-1``.

    Only the layout is checked, not the check digit, so that a stored number can always
    be shown.
    """
    d = _thirteen_digits(nid)
    return f"{d[0]}-{d[1:5]}-{d[5:10]}-{d[10:12]}-{d[12]}"


def mask_national_id(nid: str) -> str:
    """Hide all but the last three digits for printed output (PDPA): ``x-xxxx-xxxxx-12-1``."""
    d = _thirteen_digits(nid)
    return f"x-xxxx-xxxxx-{d[10:12]}-{d[12]}"


def shown_national_id(nid: str, *, full: bool) -> str:
    """What a human-facing output shows: the ID as stored when ``full`` was asked for,
    else masked (``x-xxxx-xxxxx-12-1``, PDPA); a malformed value is masked blank."""
    if full:
        return nid
    try:
        return mask_national_id(nid)
    except InputError:
        return "x-xxxx-xxxxx-xx-x"
