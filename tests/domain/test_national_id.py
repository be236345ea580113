import random

import pytest

from asr_desktop.domain.errors import InputError
from asr_desktop.domain.national_id import (
    check_digit,
    format_national_id,
    ids_in_search,
    is_valid_national_id,
    mask_national_id,
    normalize_national_id,
    number_from_text,
    rounded_number_reason,
    scientific,
)

# Real-looking numbers published online and collected in python-stdnum's test suite
# (tests/test_th_pin.doctest); each passes the check digit.
PUBLISHED_VALID = [
    "1100900359657",
    "1-1002-00439-84-4",
    "3-1001-00818-95-5",
    "3100400648338",
    "4220100005137",
    "5100200233319",
]


def test_check_digit_worked_example() -> None:
    # 1·13 + 2·12 + 3·11 + 4·10 + 5·9 + 6·8 + 7·7 + 8·6 + 9·5 + 0·4 + 1·3 + 2·2 = 352
    # 352 mod 11 = 0, (11 - 0) mod 10 = 1
    assert check_digit("123456789012") == 1


def test_check_digit_when_remainder_is_one_gives_zero() -> None:
    # 1·13 + 1·12 + 0·11 + 1·10 + 7·9 + 0·8 + 0·7 + 2·6 + 0·5 + 7·4 + 0·3 + 3·2 = 144
    # 144 mod 11 = 1, (11 - 1) mod 10 = 0
    assert check_digit("110170020703") == 0


def test_check_digit_needs_twelve_digits() -> None:
    with pytest.raises(InputError):
        check_digit("12345")


@pytest.mark.parametrize("nid", PUBLISHED_VALID)
def test_published_numbers_are_valid(nid: str) -> None:
    assert is_valid_national_id(nid)


@pytest.mark.parametrize(
    "text",
    [
        "1234567890121",
        "1-2345-67890-12-1",
        "1 2345 67890 12 1",
        " 1234567890121 ",
        "๑๒๓๔๕๖๗๘๙๐๑๒๑",
        "๑-๒๓๔๕-๖๗๘๙๐-๑๒-๑",
        "1234567890121.0",
        "1234567890121.00",
        "1–2345–67890–12–1",  # en dashes from a word processor
    ],
)
def test_accepted_forms_normalise_to_digits(text: str) -> None:
    assert normalize_national_id(text) == "1234567890121"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "กรุณาใส่"),
        ("   ", "กรุณาใส่"),
        ("123456789012", "ต้องมี 13 หลัก (พบ 12 หลัก"),
        ("12345678901210", "ต้องมี 13 หลัก (พบ 14 หลัก"),
        ("1234567890122", "เลขตรวจสอบหลักสุดท้ายไม่ถูกต้อง ควรเป็น 1"),
        ("1-2345-67890-12-X", "ต้องเป็นตัวเลขเท่านั้น (พบ 'X')"),
        ("1234567890121.5", "ไม่ใช่จำนวนเต็ม ตัวเลขสูญหายไปแล้ว"),
        ("1.23456789012E+12", "เลขยกกำลัง"),
        ("0123456789016", "ขึ้นต้นด้วย 0"),
        ("9123456789011", "ขึ้นต้นด้วย 1–8"),
    ],
)
def test_rejected_with_thai_reason(text: str, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        normalize_national_id(text)
    assert reason in caught.value.message
    assert caught.value.field == "national_id"
    assert not is_valid_national_id(text)


def test_wrong_check_digit_message_shows_the_number_and_the_right_digit() -> None:
    with pytest.raises(InputError) as caught:
        normalize_national_id("3100400648330")
    assert "3-1004-00648-33-0" in caught.value.message
    assert "ควรเป็น 8" in caught.value.message


def test_swapped_neighbours_are_caught() -> None:
    # The mod-11 check catches every transposition of two adjacent different digits.
    digits = "3100400648338"
    for i in range(12):
        if digits[i] != digits[i + 1]:
            swapped = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :]
            assert not is_valid_national_id(swapped), swapped


def test_format_and_mask() -> None:
    assert format_national_id("1234567890121") == "1-2345-67890-12-1"
    assert mask_national_id("1234567890121") == "x-xxxx-xxxxx-12-1"
    assert mask_national_id("1-2345-67890-12-1") == "x-xxxx-xxxxx-12-1"


def test_format_needs_thirteen_digits() -> None:
    with pytest.raises(InputError):
        format_national_id("12345")
    with pytest.raises(InputError):
        mask_national_id("")


# -- numbers Excel rounded (issue 18) -------------------------------------------------------


def _random_valid_ids(rng: random.Random, count: int) -> list[str]:
    out = []
    for _ in range(count):
        first12 = str(rng.randint(1, 8)) + f"{rng.randrange(10**11):011d}"
        out.append(first12 + str(check_digit(first12)))
    return out


def test_no_valid_id_read_from_a_number_cell_is_refused() -> None:
    rng = random.Random(18)
    ids = _random_valid_ids(rng, 100_000)
    # Real IDs end in zeros too; make sure the sample holds plenty of them.
    ids += [i for i in (_with_zeros(rng, k) for k in range(1, 6) for _ in range(200)) if i]
    assert len(ids) > 100_500  # ending in 1 to 5 zeros
    refused = [i for i in ids if rounded_number_reason(float(i)) is not None]
    assert refused == []
    assert all(normalize_national_id(f"{i}.0") == i for i in ids[:2000])


def _with_zeros(rng: random.Random, zeros: int) -> str | None:
    """A valid ID ending in exactly ``zeros`` zeros (check digit included), if the random
    prefix allows one."""
    for _ in range(50):
        middle = f"{rng.randrange(10 ** (12 - zeros)):0{12 - zeros}d}"
        head = str(rng.randint(1, 8)) + middle[:-1] + str(rng.randint(1, 9))
        first12 = head + "0" * (zeros - 1)
        if check_digit(first12) == 0:
            return first12 + "0"
    return None


def test_every_rounded_id_is_refused_with_what_excel_did() -> None:
    rng = random.Random(1818)
    refused = 0
    for nid in _random_valid_ids(rng, 100_000):
        significant = rng.randint(1, 6)
        rounded = float(f"{float(nid):.{significant - 1}E}")
        reason = rounded_number_reason(rounded)
        assert reason is not None, nid
        refused += 1
    assert refused == 100_000
    reason = rounded_number_reason(1470780000000.0) or ""
    assert "ตัวเลขถูก Excel ปัดเป็น 1.47078E+12 — ให้จัดรูปแบบเซลล์เป็นข้อความแล้วพิมพ์เลขใหม่" in reason


@pytest.mark.parametrize(
    "text",
    ["1470780000000.0", "1.47078E+12", "1,470,780,000,000", "1478400000000", "1476760000000"],
)
def test_rounded_ids_as_number_cells_and_number_shaped_text(text: str) -> None:
    if "." in text or "," in text or "E" in text:
        with pytest.raises(InputError, match="Excel ปัดเป็น"):
            normalize_national_id(text)
    number = number_from_text(text)
    assert rounded_number_reason(number if number is not None else float(text)) is not None


def test_thirteen_digits_typed_as_text_are_taken_as_typed() -> None:
    # A person whose real ID has this shape can always enter it as text.
    assert normalize_national_id("1470780000000") == "1470780000000"
    assert normalize_national_id("1,234,567,890,121") == "1234567890121"
    assert scientific(1470780000000.0) == "1.47078E+12"
    assert scientific(1000000000000.0) == "1E+12"


def test_ids_in_search_text() -> None:
    assert ids_in_search("สมชาย 1234567890121.0") == ("สมชาย 1234567890121", "")
    assert ids_in_search("1,234,567,890,121") == ("1234567890121", "")
    text, reason = ids_in_search("1.47078E+12")
    assert text == "1.47078E+12"  # left as typed: it must match nobody
    assert "ตัวเลขถูก Excel ปัดเป็น 1.47078E+12" in reason
    assert ids_in_search("081") == ("081", "")
