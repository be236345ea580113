# TEMPORARY: replaced by the domain-text branch.
from asr_desktop.domain.errors import InputError


def check_digit(first12: str) -> int:
    return (11 - sum(int(d) * (13 - i) for i, d in enumerate(first12)) % 11) % 10


def normalize_national_id(text: str) -> str:
    digits = "".join(c for c in text if c.isdigit())
    if len(digits) != 13 or check_digit(digits[:12]) != int(digits[12]):
        raise InputError("เลขประจำตัวประชาชนไม่ถูกต้อง", "national_id")
    return digits


def format_national_id(nid: str) -> str:
    return f"{nid[0]}-{nid[1:5]}-{nid[5:10]}-{nid[10:12]}-{nid[12]}"


def mask_national_id(nid: str) -> str:
    return f"x-xxxx-xxxxx-{nid[10:12]}-{nid[12]}"
