"""The demo province's batches of appointments (รุ่น), each made by a provincial order."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from asr_desktop.domain.terms import default_term_end
from asr_desktop.domain.vocabulary import Tier

BE_OFFSET = 543


@dataclass(frozen=True, slots=True)
class Batch:
    """One round of appointments (รุ่น) by a provincial order."""

    name: str
    start: date
    end: date
    order_date: date
    order_numbers: tuple[str, str]
    """Order numbers (ที่ …/พ.ศ.) for leads and for network members."""
    index: int
    """Batches are six months apart; index 0 is the one whose terms end within 90 days."""

    def order_no(self, tier: Tier) -> str:
        return self.order_numbers[0 if tier is Tier.LEAD else 1]


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    return day.replace(year=day.year + month // 12, month=month % 12 + 1)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return date(day.year - years, 2, 28)


def make_batches(today: date, term_years: int, rng: random.Random) -> list[Batch]:
    """Batches every six months on the 1st, placed so that one ends 30–60 days from today.

    A term of the batch ``2 * term_years`` later starts the day after one of this batch
    ends, so renewals follow on without a gap.
    """
    target_end = today + timedelta(days=45)
    start_guess = _years_before(target_end, term_years) + timedelta(days=1)
    anchor = start_guess.replace(day=1)
    if start_guess.day > 15:
        anchor = _add_months(anchor, 1)
    starts = [
        (k, _add_months(anchor, 6 * k))
        for k in range(-(2 * term_years + 3), 2 * term_years + 1)
        if _add_months(anchor, 6 * k) <= today - timedelta(days=20)
    ]
    batches = []
    per_year: dict[int, int] = {}
    for k, start in starts:
        be_year = start.year + BE_OFFSET
        per_year[be_year] = per_year.get(be_year, 0) + 1
        order_date = start - timedelta(days=rng.randint(3, 20))
        number = rng.randint(40, 900)
        order_year = order_date.year + BE_OFFSET
        batches.append(
            Batch(
                name=f"รุ่นที่ {per_year[be_year]}/{be_year}",
                start=start,
                end=default_term_end(start, term_years),
                order_date=order_date,
                order_numbers=(f"ที่ {number}/{order_year}", f"ที่ {number + 1}/{order_year}"),
                index=k,
            )
        )
    return batches
