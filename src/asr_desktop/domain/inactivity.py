"""The one rule for "no work reported for 3 months" (ไม่มีรายงานผล 3 เดือน).

A volunteer counts as inactive on ``today`` when no work of theirs is dated on or after the
first day of the month three months back: on any day of December 2569 that is 1 ก.ย. 2569.
Whole months, not a rolling 90 days, because the month grid dates each month's counts the
1st of that month: a rolling window would drop a month's work part-way through it. The
dashboard card, its list, the CLI and the mentors' attention list all use this function.
"""

from __future__ import annotations

from datetime import date

from asr_desktop.domain.thai_dates import format_thai_date

INACTIVE_MONTHS = 3


def inactive_since(today: date, months: int = INACTIVE_MONTHS) -> date:
    """Work dated before this day counts as old: the 1st of the month ``months`` back."""
    index = today.year * 12 + today.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def is_inactive(last_activity: date | None, today: date) -> bool:
    return last_activity is None or last_activity < inactive_since(today)


def inactive_label(today: date) -> str:
    """ "ไม่มีรายงานผลตั้งแต่ 1 ก.ย. 2569": what the figure means, on its card."""
    return f"ไม่มีรายงานผลตั้งแต่ {format_thai_date(inactive_since(today))}"
