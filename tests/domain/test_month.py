"""The Month value type: parsing, arithmetic, fiscal year, ordering."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from asr_desktop.domain.errors import InputError
from asr_desktop.domain.month import Month, months_back
from asr_desktop.domain.thai_dates import fiscal_quarter, fiscal_year

months = st.builds(Month, st.integers(1900, 2200), st.integers(1, 12))


def test_parse_reads_buddhist_and_common_era_text() -> None:
    assert Month.parse("2568-10") == Month(2025, 10)
    assert Month.parse("2025-10") == Month(2025, 10)
    assert Month.parse("ตุลาคม 2568") == Month(2025, 10)


@pytest.mark.parametrize("text", ["2568-13", "2568-00", "ตุลา", ""])
def test_parse_refuses_nonsense_in_thai(text: str) -> None:
    with pytest.raises(InputError):
        Month.parse(text)


def test_a_month_number_out_of_range_is_refused() -> None:
    with pytest.raises(InputError, match="เดือน"):
        Month(2025, 13)


def test_text_forms() -> None:
    m = Month(2025, 10)
    assert (m.be_text, m.iso, m.thai(), str(m)) == ("2568-10", "2025-10", "ตุลาคม 2568", "2568-10")


def test_days_and_ranges() -> None:
    assert Month(2024, 2).last_day == date(2024, 2, 29)
    assert Month(2025, 12).range == (date(2025, 12, 1), date(2026, 1, 1))
    assert Month(2025, 2).day(31) == date(2025, 2, 28)
    assert months_back(date(2025, 5, 31), 3) == date(2025, 2, 28)
    assert date(2025, 10, 31) in Month(2025, 10)
    assert date(2025, 11, 1) not in Month(2025, 10)


def test_fiscal_year_runs_october_to_september() -> None:
    assert Month(2025, 10).fiscal_year == 2569
    assert Month(2025, 9).fiscal_year == 2568
    assert [Month(2025, m).fiscal_quarter for m in (10, 12, 1, 3, 4, 7, 9)] == [1, 1, 2, 2, 3, 4, 4]


def test_recent_is_newest_first_across_the_year_end() -> None:
    assert Month.recent(date(2026, 2, 10), 4) == [
        Month(2026, 2),
        Month(2026, 1),
        Month(2025, 12),
        Month(2025, 11),
    ]


@given(months, st.integers(-600, 600))
def test_shift_round_trips_and_orders(m: Month, n: int) -> None:
    shifted = m.shift(n)
    assert shifted.shift(-n) == m
    assert m.months_until(shifted) == n
    assert (shifted > m) == (n > 0)
    assert m.next().previous() == m


@given(months)
def test_next_starts_the_day_after_the_last_day(m: Month) -> None:
    assert m.next().first_day == m.last_day + timedelta(days=1) == m.end
    assert Month.of(m.last_day) == m == Month.of(m.first_day)


@given(months)
def test_text_round_trips_through_parse(m: Month) -> None:
    assert Month.parse(m.be_text) == m
    if m.year < 2400:
        assert Month.parse(m.iso) == m


@given(st.dates(date(1900, 1, 1), date(2200, 12, 31)))
def test_fiscal_figures_agree_with_the_date_functions(d: date) -> None:
    assert Month.of(d).fiscal_year == fiscal_year(d)
    assert Month.of(d).fiscal_quarter == fiscal_quarter(d)
