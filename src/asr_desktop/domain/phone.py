"""Thai phone numbers: keep the digits only, show them the usual way.

Numbering plan (กสทช.): mobile numbers have 10 digits and start 06, 08 or 09; fixed lines
have 9 digits and start 02 (Bangkok area), 03, 04, 05 or 07 (provinces). Excel drops the
leading 0 of a number typed into a number cell, so a 9-digit mobile or 8-digit fixed line
that fits the plan once a 0 is put back is restored.
"""

from __future__ import annotations

import re

from asr_desktop.domain.errors import InputError
from asr_desktop.domain.thai_digits import to_arabic_digits

FIELD = "phone"

_MOBILE_PREFIXES = ("06", "08", "09")
_FIXED_PREFIXES = ("02", "03", "04", "05", "07")
# Characters people put between digits: spaces, dashes, dots, brackets, slashes.
_DECORATION = re.compile(r"[\s\-\u2010-\u2015\u2212.()/]")
# +66, 66 or 0066 in front, optionally with the trunk 0 kept: "+66 (0)81 ...".
_COUNTRY_CODE = re.compile(r"(?:\+|00)?66(0?)(\d{8,9})")


def _kind(digits: str) -> str | None:
    """ "mobile" or "fixed" for a complete number that fits the numbering plan."""
    if len(digits) == 10 and digits.startswith(_MOBILE_PREFIXES):
        return "mobile"
    if len(digits) == 9 and digits.startswith(_FIXED_PREFIXES):
        return "fixed"
    return None


def normalize_phone(text: str) -> str:
    """Return the digits of one Thai phone number: ``"0812345678"`` or ``"042712345"``.

    Raises:
        InputError: with the reason in Thai.
    """
    stripped = to_arabic_digits(text).strip()
    if not stripped:
        raise InputError("กรุณาใส่หมายเลขโทรศัพท์", FIELD)
    if "," in stripped or ";" in stripped:
        raise InputError(f"ใส่ได้หมายเลขเดียว (ได้รับ '{text.strip()}')", FIELD)
    if re.fullmatch(r"\d+\.0+", stripped):  # a number cell read back as a float
        stripped = stripped.split(".")[0]
    compact = _DECORATION.sub("", stripped)
    foreign = compact.startswith(("+", "00")) and not compact.startswith(("+66", "0066"))
    if foreign:
        raise InputError(f"รับเฉพาะหมายเลขในประเทศไทย (+66) (ได้รับ '{text.strip()}')", FIELD)
    bad = sorted({ch for ch in compact if not ("0" <= ch <= "9") and ch != "+"})
    if bad or "+" in compact[1:]:
        shown = " ".join(f"'{ch}'" for ch in bad) or "'+'"
        raise InputError(f"หมายเลขโทรศัพท์ '{text.strip()}' มีอักขระที่ไม่ใช่ตัวเลข ({shown})", FIELD)
    international = _COUNTRY_CODE.fullmatch(compact)
    if international and (compact.startswith(("+", "00")) or not _kind(compact)):
        compact = "0" + international.group(2)
    compact = compact.lstrip("+")
    if _kind(compact):
        return compact
    if not compact.startswith("0") and _kind("0" + compact):
        return "0" + compact
    return _refuse(compact, text.strip())


def _refuse(digits: str, shown: str) -> str:
    if digits.startswith(_MOBILE_PREFIXES):
        reason = f"เบอร์มือถือต้องมี 10 หลัก (พบ {len(digits)} หลัก)"
    elif digits.startswith(_FIXED_PREFIXES):
        reason = f"เบอร์โทรศัพท์บ้าน/สำนักงานต้องมี 9 หลัก (พบ {len(digits)} หลัก)"
    elif digits.startswith("01"):
        reason = "ไม่มีหมายเลขที่ขึ้นต้นด้วย 01 แล้ว (เบอร์มือถือปัจจุบันขึ้นต้นด้วย 06 08 หรือ 09)"
    else:
        reason = "ต้องเป็นเบอร์มือถือ 10 หลัก (06 08 09) หรือเบอร์บ้าน 9 หลัก (02 03 04 05 07)"
    raise InputError(f"หมายเลขโทรศัพท์ '{shown}' ไม่ถูกต้อง: {reason}", FIELD)


def format_phone(digits: str) -> str:
    """Show a number the usual Thai way: ``081-234-5678``, ``02-123-4567``, ``042-712345``.

    Accepts anything ``normalize_phone`` accepts.
    """
    d = normalize_phone(digits)
    if len(d) == 10:
        return f"{d[:3]}-{d[3:6]}-{d[6:]}"
    if d.startswith("02"):
        return f"{d[:2]}-{d[2:5]}-{d[5:]}"
    return f"{d[:3]}-{d[3:]}"
