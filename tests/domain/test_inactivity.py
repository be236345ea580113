"""The one "no work for 3 months" rule: whole months back to the 1st, not 90 days."""

from datetime import date

from asr_desktop.domain.inactivity import inactive_label, inactive_since, is_inactive


def test_since_is_the_first_of_the_month_three_months_back():
    assert inactive_since(date(2026, 12, 1)) == date(2026, 9, 1)
    assert inactive_since(date(2026, 12, 31)) == date(2026, 9, 1)
    assert inactive_since(date(2027, 2, 28)) == date(2026, 11, 1)
    assert inactive_since(date(2027, 1, 15), months=1) == date(2026, 12, 1)


def test_a_grid_month_dated_the_first_keeps_a_volunteer_active_the_whole_month():
    # 95 days before 5 Dec is 1 Sep: a rolling 90 days would call this volunteer inactive.
    assert not is_inactive(date(2026, 9, 1), date(2026, 12, 5))
    assert is_inactive(date(2026, 8, 31), date(2026, 12, 5))
    assert is_inactive(None, date(2026, 12, 5))


def test_label_names_the_day():
    assert inactive_label(date(2026, 12, 1)) == "ไม่มีรายงานผลตั้งแต่ 1 ก.ย. 2569"
