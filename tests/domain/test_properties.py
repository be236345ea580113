"""Property-based tests: no parser lets anything but InputError escape; round trips hold.

The key order of thai_sort_key is a strict total order consistent with text equality:
keys are equal exactly when texts are equal (level 3 is the text itself). Texts that tie
on letters and marks (they differ only in spaces, punctuation, ฯ ๆ, case or digit
script) are still ordered, by code point.
"""

from datetime import date

from hypothesis import example, given, settings
from hypothesis import strategies as st
from tests.work_helpers import TODAY

from asr_desktop.domain.errors import InputError
from asr_desktop.domain.national_id import (
    check_digit,
    format_national_id,
    is_valid_national_id,
    normalize_national_id,
)
from asr_desktop.domain.phone import format_phone, normalize_phone
from asr_desktop.domain.thai_dates import (
    format_thai_date,
    format_thai_month,
    parse_month,
    parse_thai_date,
)
from asr_desktop.domain.thai_digits import to_arabic_digits, to_thai_digits
from asr_desktop.domain.thai_sort import thai_sort_key

THAI_AND_ASCII = st.characters(min_codepoint=0x20, max_codepoint=0x0E7F)
# Text that looks like what people type: Thai, digits of both scripts, separators.
TYPED = st.text(st.sampled_from("0123456789๐๑๒๓๔๕๖๗๘๙ /-.+()กขพศคมยนตเแโใไาะั่้๊๋็์ำิีุูอวรลหสบ"), max_size=25)
ANY_TEXT = st.one_of(st.text(max_size=30), st.text(THAI_AND_ASCII, max_size=30), TYPED)


def only_input_error(parse: object, text: str) -> None:
    try:
        parse(text)  # type: ignore[operator]
    except InputError as error:
        assert error.message.strip()


@given(ANY_TEXT)
@example("31/2/2563")
@example("๓๑ ก.พ. ๖๓")
@example("12 ก.พ. 99999")
@example("1/1/0000")
def test_parse_thai_date_raises_only_input_error(text: str) -> None:
    only_input_error(lambda t: parse_thai_date(t, today=TODAY), text)


@given(ANY_TEXT)
def test_parse_month_raises_only_input_error(text: str) -> None:
    only_input_error(lambda t: parse_month(t, today=TODAY), text)


@given(ANY_TEXT)
@example("1.23456789012E+12")
def test_normalize_national_id_raises_only_input_error(text: str) -> None:
    only_input_error(normalize_national_id, text)


@given(ANY_TEXT)
@example("+66")
@example("0066")
def test_normalize_phone_raises_only_input_error(text: str) -> None:
    only_input_error(normalize_phone, text)


@given(
    st.dates(min_value=date(1857, 1, 1), max_value=date(2299, 12, 31)),
    st.sampled_from(["numeric", "short", "long"]),
    st.booleans(),
)
def test_date_round_trip(d: date, style: str, thai: bool) -> None:
    assert parse_thai_date(format_thai_date(d, style, thai_digits=thai), today=TODAY) == d


@given(st.integers(1857, 2299), st.integers(1, 12), st.booleans())
def test_month_round_trip(year: int, month: int, thai: bool) -> None:
    assert parse_month(format_thai_month(year, month, thai_digits=thai)) == (year, month)


@given(st.text())
def test_thai_digits_round_trip(text: str) -> None:
    assert to_arabic_digits(to_thai_digits(text)) == to_arabic_digits(text)
    assert to_thai_digits(to_arabic_digits(text)) == to_thai_digits(text)


VALID_IDS = st.builds(
    lambda first, rest: first + rest + str(check_digit(first + rest)),
    st.sampled_from("12345678"),
    st.text(st.sampled_from("0123456789"), min_size=11, max_size=11),
)


@given(VALID_IDS, st.booleans())
def test_national_id_round_trip(nid: str, thai: bool) -> None:
    shown = format_national_id(nid)
    assert normalize_national_id(to_thai_digits(shown) if thai else shown) == nid


def _remainder(nid: str) -> int:
    return sum(int(d) * w for d, w in zip(nid[:12], range(13, 1, -1), strict=True)) % 11


@given(VALID_IDS, st.integers(0, 12), st.integers(1, 9))
def test_single_digit_change_rejected_except_known_blind_spots(
    nid: str, position: int, shift: int
) -> None:
    changed_digit = str((int(nid[position]) + shift) % 10)
    changed = nid[:position] + changed_digit + nid[position + 1 :]
    if position == 2:  # weight 11: invisible to the mod-11 check
        return
    if position != 12 and {_remainder(nid), _remainder(changed)} == {0, 10}:
        return  # remainders 0 and 10 share check digit 1
    assert not is_valid_national_id(changed)


MOBILE = st.builds(
    lambda prefix, rest: prefix + rest,
    st.sampled_from(["06", "08", "09"]),
    st.text(st.sampled_from("0123456789"), min_size=8, max_size=8),
)
FIXED = st.builds(
    lambda prefix, rest: prefix + rest,
    st.sampled_from(["02", "03", "04", "05", "07"]),
    st.text(st.sampled_from("0123456789"), min_size=7, max_size=7),
)


@given(st.one_of(MOBILE, FIXED), st.booleans())
def test_phone_round_trip(digits: str, thai: bool) -> None:
    shown = format_phone(digits)
    assert normalize_phone(to_thai_digits(shown) if thai else shown) == digits
    assert normalize_phone("+66" + digits[1:]) == digits


SORTABLE = st.one_of(st.text(THAI_AND_ASCII, max_size=12), st.text(max_size=12))


@settings(max_examples=300)
@given(SORTABLE, SORTABLE)
def test_sort_key_equal_exactly_for_equal_text(a: str, b: str) -> None:
    assert (thai_sort_key(a) == thai_sort_key(b)) == (a == b)


@settings(max_examples=300)
@given(st.lists(SORTABLE, min_size=3, max_size=3))
def test_sort_key_order_is_transitive_and_total(words: list[str]) -> None:
    a, b, c = sorted(words, key=thai_sort_key)
    ka, kb, kc = (thai_sort_key(w) for w in (a, b, c))
    assert ka <= kb <= kc
    assert (ka < kb) == (a != b)


# Words as the dictionary has them: never ending in a leading vowel, which would take the
# next consonant as its own.
WORDS = st.text(st.sampled_from("กขคงจนมรลสอะาิีุูเแโใไ"), min_size=1, max_size=8).filter(
    lambda w: w[-1] not in "เแโใไ"
)


@given(WORDS, SORTABLE)
def test_word_sorts_before_its_extensions(word: str, tail: str) -> None:
    extension = word + tail
    if extension != word and thai_sort_key(tail).split("\x01")[0]:
        assert thai_sort_key(word) < thai_sort_key(extension)


@given(WORDS)
def test_marks_decide_only_when_letters_tie(word: str) -> None:
    marked = word[0] + "\u0e48" + word[1:]
    bigger = word + "ก"
    assert thai_sort_key(word) < thai_sort_key(marked) < thai_sort_key(bigger)
