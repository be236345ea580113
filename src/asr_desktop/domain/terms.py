"""Rules about terms of appointment (วาระการดำรงตำแหน่ง)."""

from __future__ import annotations

from datetime import date, timedelta


def default_term_end(start: date, years: int) -> date:
    """The last day of a term of ``years`` years that starts on ``start``.

    A 3-year term from 1 Oct 2025 ends on 30 Sep 2028. A start on 29 February counts from
    1 March in a year without one.
    """
    try:
        anniversary = start.replace(year=start.year + years)
    except ValueError:  # 29 February → no such day in the target year
        anniversary = date(start.year + years, 3, 1)
    return anniversary - timedelta(days=1)
