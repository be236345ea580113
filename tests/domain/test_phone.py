import pytest

from asr_desktop.domain.errors import InputError
from asr_desktop.domain.phone import format_phone, normalize_phone


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("0812345678", "0812345678"),
        ("081-234-5678", "0812345678"),
        ("081 234 5678", "0812345678"),
        ("(081) 234-5678", "0812345678"),
        ("๐๘๑-๒๓๔-๕๖๗๘", "0812345678"),
        ("812345678", "0812345678"),  # Excel dropped the 0
        ("812345678.0", "0812345678"),  # ... and read back as a float
        ("+66812345678", "0812345678"),
        ("+66 81 234 5678", "0812345678"),
        ("+66 (0)81 234 5678", "0812345678"),
        ("66812345678", "0812345678"),
        ("0066812345678", "0812345678"),
        ("0612345678", "0612345678"),
        ("0912345678", "0912345678"),
        ("042-712345", "042712345"),
        ("042712345", "042712345"),
        ("42712345", "042712345"),  # Excel dropped the 0
        ("02-123-4567", "021234567"),
        ("+66 2 123 4567", "021234567"),
        ("6642712345", "042712345"),
    ],
)
def test_accepted_forms(text: str, digits: str) -> None:
    assert normalize_phone(text) == digits


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "กรุณาใส่"),
        ("081234567", "ต้องมี 10 หลัก (พบ 9 หลัก)"),
        ("08123456789", "ต้องมี 10 หลัก (พบ 11 หลัก)"),
        ("04271234", "ต้องมี 9 หลัก (พบ 8 หลัก)"),
        ("0112345678", "01"),
        ("1669", "ต้องเป็นเบอร์มือถือ 10 หลัก"),
        ("081-234-567x", "'x'"),
        ("โทร 0812345678", "ไม่ใช่ตัวเลข"),
        ("0812345678, 042712345", "หมายเลขเดียว"),
        ("+1 415 555 0100", "+66"),
        ("+66", "ไม่ถูกต้อง"),
    ],
)
def test_rejected_with_thai_reason(text: str, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        normalize_phone(text)
    assert reason in caught.value.message
    assert caught.value.field == "phone"


@pytest.mark.parametrize(
    ("digits", "shown"),
    [
        ("0812345678", "081-234-5678"),
        ("042712345", "042-712345"),
        ("021234567", "02-123-4567"),
        ("+66812345678", "081-234-5678"),
    ],
)
def test_format(digits: str, shown: str) -> None:
    assert format_phone(digits) == shown
    assert normalize_phone(shown) == normalize_phone(digits)
