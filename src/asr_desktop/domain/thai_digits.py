"""Thai digits (๐–๙) and Arabic digits (0–9), one for one.

Offices type either kind, and official letters print Thai digits, so every parser of a
number first calls ``to_arabic_digits`` and every printer may call ``to_thai_digits``.
"""

from __future__ import annotations

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"

_TO_ARABIC = str.maketrans(THAI_DIGITS, ARABIC_DIGITS)
_TO_THAI = str.maketrans(ARABIC_DIGITS, THAI_DIGITS)


def to_arabic_digits(text: str) -> str:
    """Replace ๐–๙ by 0–9; every other character is left as it is."""
    return text.translate(_TO_ARABIC)


def to_thai_digits(text: str) -> str:
    """Replace 0–9 by ๐–๙; every other character is left as it is."""
    return text.translate(_TO_THAI)
