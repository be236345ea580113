from datetime import date

import pytest

from asr_desktop.domain.errors import InputError
from asr_desktop.domain.thai_dates import (
    THAI_MONTHS,
    THAI_MONTHS_SHORT,
    be_year,
    fiscal_quarter,
    fiscal_year,
    fiscal_year_range,
    format_thai_date,
    format_thai_month,
    parse_month,
    parse_thai_date,
)

TODAY = date(2026, 11, 15)  # พ.ศ. 2569
FEB_12_2020 = date(2020, 2, 12)


@pytest.mark.parametrize(
    "text",
    [
        "12/2/2563",
        "12/02/2563",
        "12-02-2563",
        "12.2.63",
        "12/2/63",
        "12 ก.พ. 63",
        "12 ก.พ.2563",
        "12ก.พ.63",
        "12 กพ 2563",
        "12 ก.พ. 2563",
        "12 กุมภาพันธ์ 2563",
        "12 กุมภาพันธ์ พ.ศ. 2563",
        "วันที่ 12 เดือนกุมภาพันธ์ พ.ศ. 2563",
        "วันพุธที่ 12 กุมภาพันธ์ 2563",
        "2563-02-12",
        "2563/2/12",
        "2020-02-12",
        "12/2/2020",
        "12 ก.พ. ค.ศ. 2020",
        "12 ก.พ. ค.ศ. 20",
        "๑๒/๒/๒๕๖๓",
        "๑๒ ก.พ. ๖๓",
        "วันที่ ๑๒ เดือนกุมภาพันธ์ พ.ศ. ๒๕๖๓",
        "  12 / 2 / 2563  ",
    ],
)
def test_accepted_forms(text: str) -> None:
    assert parse_thai_date(text, today=TODAY) == FEB_12_2020


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1/1/69", date(2026, 1, 1)),  # this year
        ("1/1/79", date(2036, 1, 1)),  # 2579: exactly 10 years ahead, kept
        ("1/1/80", date(1937, 1, 1)),  # 2580 would be 11 years ahead: 2480
        ("1/1/99", date(1956, 1, 1)),  # 2499: a 70-year-old's birth year
        ("1/1/00", date(1957, 1, 1)),  # 2500
        ("1/1/20", date(1977, 1, 1)),  # 2520
    ],
)
def test_two_digit_years_are_be_within_ten_years_ahead(text: str, expected: date) -> None:
    assert parse_thai_date(text, today=TODAY) == expected


def test_two_digit_year_rule_moves_with_today() -> None:
    assert parse_thai_date("1/1/80", today=date(2027, 1, 1)) == date(2037, 1, 1)


def test_four_digit_years_choose_era_by_size() -> None:
    assert parse_thai_date("1/1/2400", today=TODAY) == date(1857, 1, 1)
    assert parse_thai_date("1/1/2299", today=TODAY) == date(2299, 1, 1)
    assert parse_thai_date("1/1/1950", today=TODAY) == date(1950, 1, 1)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "กรุณาใส่วันที่"),
        ("   ", "กรุณาใส่วันที่"),
        ("31/2/2563", "วันที่ 31 ไม่มีในเดือนกุมภาพันธ์ 2563"),
        ("29/2/2564", "วันที่ 29 ไม่มีในเดือนกุมภาพันธ์ 2564"),
        ("31 เม.ย. 2563", "วันที่ 31 ไม่มีในเดือนเมษายน 2563"),
        ("31/4/2020", "วันที่ 31 ไม่มีในเดือนเมษายน 2563"),
        ("0/1/2563", "ไม่มีวันที่ 0"),
        ("12/13/2563", "ไม่มีเดือนที่ 13"),
        ("12 กุมภา 2563", "ไม่รู้จักชื่อเดือน 'กุมภา'"),
        ("1/1/2350", "ไม่ใช่ทั้ง พ.ศ."),
        ("1/1/1700", "ไม่ใช่ทั้ง พ.ศ."),
        ("1/1/พ.ศ. 2020", "ปี พ.ศ. 2020"),
        ("1 ม.ค. ค.ศ. 2563", "ปี ค.ศ. 2563"),
        ("43873", "อ่านวันที่ '43873' ไม่ได้"),
        ("พรุ่งนี้", "อ่านวันที่ 'พรุ่งนี้' ไม่ได้"),
        ("12/2", "ไม่ได้"),
        ("2563-02-12T00:00", "ไม่ได้"),
    ],
)
def test_rejected_with_thai_reason(text: str, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_thai_date(text, today=TODAY)
    assert reason in caught.value.message
    assert caught.value.field == "date"


def test_leap_day_is_accepted_in_a_leap_year() -> None:
    assert parse_thai_date("29/2/2563") == date(2020, 2, 29)


def test_format_styles() -> None:
    assert format_thai_date(FEB_12_2020, "numeric") == "12/02/2563"
    assert format_thai_date(FEB_12_2020) == "12 ก.พ. 2563"
    assert format_thai_date(FEB_12_2020, "long") == "12 กุมภาพันธ์ 2563"
    assert format_thai_date(FEB_12_2020, "long", thai_digits=True) == "๑๒ กุมภาพันธ์ ๒๕๖๓"


def test_format_unknown_style_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown date style"):
        format_thai_date(FEB_12_2020, "fancy")


@pytest.mark.parametrize("style", ["numeric", "short", "long"])
def test_every_month_round_trips(style: str) -> None:
    for month in range(1, 13):
        d = date(2025, month, 28)
        assert parse_thai_date(format_thai_date(d, style), today=TODAY) == d
        shown = format_thai_date(d, style, thai_digits=True)
        assert parse_thai_date(shown, today=TODAY) == d


def test_month_name_tables() -> None:
    assert len(THAI_MONTHS) == len(THAI_MONTHS_SHORT) == 12
    assert THAI_MONTHS[9] == "ตุลาคม"
    assert THAI_MONTHS_SHORT[9] == "ต.ค."


def test_be_year() -> None:
    assert be_year(date(2025, 10, 1)) == 2568


@pytest.mark.parametrize(
    ("d", "fy", "quarter"),
    [
        (date(2025, 9, 30), 2568, 4),
        (date(2025, 10, 1), 2569, 1),
        (date(2025, 12, 31), 2569, 1),
        (date(2026, 1, 1), 2569, 2),
        (date(2026, 3, 31), 2569, 2),
        (date(2026, 4, 1), 2569, 3),
        (date(2026, 7, 1), 2569, 4),
        (date(2026, 9, 30), 2569, 4),
    ],
)
def test_fiscal_year_and_quarter(d: date, fy: int, quarter: int) -> None:
    assert fiscal_year(d) == fy
    assert fiscal_quarter(d) == quarter


def test_fiscal_year_range() -> None:
    assert fiscal_year_range(2569) == (date(2025, 10, 1), date(2026, 9, 30))
    start, end = fiscal_year_range(2569)
    assert fiscal_year(start) == fiscal_year(end) == 2569


def test_fiscal_year_range_needs_a_be_year() -> None:
    with pytest.raises(InputError, match=r"พ\.ศ\."):
        fiscal_year_range(2025)


@pytest.mark.parametrize(
    "text",
    ["2568-10", "10/2568", "10-2568", "ต.ค. 68", "ต.ค.2568", "ตุลาคม 2568", "2025-10", "๑๐/๒๕๖๘"],
)
def test_parse_month(text: str) -> None:
    assert parse_month(text, today=TODAY) == (2025, 10)


@pytest.mark.parametrize(
    ("text", "reason"),
    [("", "กรุณาใส่"), ("13/2568", "ไม่มีเดือนที่ 13"), ("ตุลา 2568", "ไม่รู้จักชื่อเดือน"), ("x", "ไม่ได้")],
)
def test_parse_month_rejects(text: str, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_month(text, today=TODAY)
    assert reason in caught.value.message


def test_format_thai_month() -> None:
    assert format_thai_month(2025, 10) == "ตุลาคม 2568"
    assert format_thai_month(2025, 10, thai_digits=True) == "ตุลาคม ๒๕๖๘"
    assert parse_month(format_thai_month(2025, 10)) == (2025, 10)
