"""Reporting status of a province for a month (DHIS2's expected vs. received reports).

A month's report is due by the ``deadline_day`` of the following month (a setting,
default the 10th). A cell of the status grid is:

- ``on_time``: the first accepted package arrived on or before the deadline;
- ``late``: it arrived after the deadline;
- ``missing``: nothing yet and the deadline has passed;
- ``not_due``: nothing yet and the deadline has not passed.

A later package that replaced the first one does not change the state (the first receipt
is what was on time or not); the grid shows "replaced" as a mark beside the state.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from asr_desktop.domain.month import Month

DEFAULT_DEADLINE_DAY = 10


class ReportState(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    NOT_DUE = "not_due"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    ReportState.ON_TIME: "ส่งตรงเวลา",
    ReportState.LATE: "ส่งล่าช้า",
    ReportState.MISSING: "ยังไม่ส่ง (เลยกำหนด)",
    ReportState.NOT_DUE: "ยังไม่ถึงกำหนด",
}


def deadline_of(month: Month, deadline_day: int = DEFAULT_DEADLINE_DAY) -> date:
    """The last day a month's report is on time: ``deadline_day`` of the next month
    (the month's last day when the next month is shorter)."""
    return month.next().day(deadline_day)


def state_of(
    month: Month,
    first_received: date | None,
    today: date,
    deadline_day: int = DEFAULT_DEADLINE_DAY,
) -> ReportState:
    deadline = deadline_of(month, deadline_day)
    if first_received is None:
        return ReportState.MISSING if today > deadline else ReportState.NOT_DUE
    return ReportState.ON_TIME if first_received <= deadline else ReportState.LATE


def fiscal_months(fiscal_year_be: int) -> list[Month]:
    """The twelve months of a fiscal year (พ.ศ.), October first."""
    october = Month(fiscal_year_be - 543 - 1, 10)
    return [october.shift(n) for n in range(12)]


@dataclass(frozen=True, slots=True)
class Rates:
    """DHIS2's reporting rate and reporting rate on time, over the reports that are due."""

    expected: int
    received: int
    on_time: int

    @property
    def reporting_rate(self) -> float:
        return 100.0 * self.received / self.expected if self.expected else 0.0

    @property
    def on_time_rate(self) -> float:
        return 100.0 * self.on_time / self.expected if self.expected else 0.0


def rates_of(states: list[ReportState]) -> Rates:
    """Expected are the reports whose deadline passed or that arrived anyway."""
    due = [s for s in states if s is not ReportState.NOT_DUE]
    received = [s for s in due if s in (ReportState.ON_TIME, ReportState.LATE)]
    return Rates(len(due), len(received), sum(s is ReportState.ON_TIME for s in due))
