"""The reporting status grid (สถานะการส่งรายงาน): provinces × months of a fiscal year.

When a report counts as sent: the time the office signed it (the manifest's creation time,
Thai time), but never later than when headquarters received it. Packages travel by e-mail
and USB and arrive whenever someone opens the mail; the signed time is the office's
statement of when it sent, and the signature makes it the office's responsibility.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from asr_desktop.domain import areas
from asr_desktop.domain.hq.reporting import (
    Rates,
    ReportState,
    deadline_of,
    fiscal_months,
    rates_of,
    state_of,
)
from asr_desktop.domain.month import Month
from asr_desktop.services.hq.headquarters import Headquarters
from asr_desktop.services.hq.package_reader import THAI_TIME
from asr_desktop.store.hq import queries


@dataclass(frozen=True, slots=True)
class StatusCell:
    province_code: str
    period: str
    state: ReportState
    sent_at: str | None
    """When the office signed its first package for the month (Thai time, ISO)."""
    received_at: str | None
    """When headquarters first received a package for the month (Thai time, ISO)."""
    replaced: bool
    """A later package replaced the first one."""

    def as_json(self) -> dict[str, object]:
        return {
            "province_code": self.province_code,
            "period": self.period,
            "state": self.state.value,
            "received_at": self.received_at,
            "sent_at": self.sent_at,
            "replaced": self.replaced,
        }


@dataclass(frozen=True, slots=True)
class StatusGrid:
    fiscal_year: int
    periods: tuple[str, ...]
    provinces: tuple[str, ...]
    cells: tuple[StatusCell, ...]
    """By province, then period."""
    rates: Rates
    chase: tuple[StatusCell, ...]
    """The missing reports whose deadline passed, newest month first: who to call."""

    def cell(self, province_code: str, period: str) -> StatusCell:
        i = self.provinces.index(province_code) * len(self.periods) + self.periods.index(period)
        return self.cells[i]

    def province_rates(self, province_code: str) -> Rates:
        i = self.provinces.index(province_code) * len(self.periods)
        return rates_of([c.state for c in self.cells[i : i + len(self.periods)]])

    def period_rates(self, period: str) -> Rates:
        j = self.periods.index(period)
        return rates_of(
            [self.cells[j + i * len(self.periods)].state for i in range(len(self.provinces))]
        )


def _thai(iso_utc: str) -> datetime:
    return datetime.fromisoformat(iso_utc).astimezone(THAI_TIME)


def reporting_status(hq: Headquarters, fiscal_year: int, *, today: date) -> StatusGrid:
    months = fiscal_months(fiscal_year)
    periods = tuple(month.iso for month in months)
    found = {(r.province_code, r.period): r for r in queries.receipts(hq.db, periods)}
    deadline_day = hq.deadline_day
    provinces = tuple(code for code, _ in areas.provinces())
    cells = []
    for code in provinces:
        for month, period in zip(months, periods, strict=True):
            receipt = found.get((code, period))
            if receipt is None:
                state = state_of(month, None, today, deadline_day)
                cells.append(StatusCell(code, period, state, None, None, False))
                continue
            received = _thai(receipt.first_received)
            sent = min(_thai(receipt.first_created), received)
            state = state_of(month, sent.date(), today, deadline_day)
            cells.append(
                StatusCell(
                    code,
                    period,
                    state,
                    sent.isoformat(timespec="seconds"),
                    received.isoformat(timespec="seconds"),
                    receipt.packages > 1,
                )
            )
    chase = sorted(
        (c for c in cells if c.state is ReportState.MISSING),
        key=lambda c: (-int(c.period.replace("-", "")), c.province_code),
    )
    return StatusGrid(
        fiscal_year,
        periods,
        provinces,
        tuple(cells),
        rates_of([c.state for c in cells]),
        tuple(chase),
    )


def deadline_text(period: str, deadline_day: int) -> date:
    return deadline_of(Month.parse(period), deadline_day)
