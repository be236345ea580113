"""What the user asked a report for: the period, the district, how IDs are printed.

Apart from the catalogue so that the PDF writers can take a request without importing
the catalogue that lists them (which would be an import cycle).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from asr_desktop.domain.month import Month
from asr_desktop.domain.thai_dates import fiscal_year


class Period(StrEnum):
    NONE = "none"
    MONTH = "month"
    FISCAL_YEAR = "fiscal_year"


@dataclass(frozen=True, slots=True)
class ReportRequest:
    """What the user asked for. Unused fields are ignored by a report that needs none."""

    today: date
    month: Month | None = None
    """The month of monthly reports (this month when None)."""
    fiscal_year: int | None = None
    """Buddhist Era fiscal year (ปีงบประมาณ), e.g. 2569."""
    district_code: str = ""
    """Only this district ("" for the whole province), where the report supports it."""
    full_national_ids: bool = False
    """Print national IDs in full; masked (x-xxxx-xxxxx-12-3) by default."""
    days: int = 90
    """The window of the terms-ending list."""

    @property
    def month_or_current(self) -> Month:
        return self.month or Month.of(self.today)

    @property
    def fiscal_year_or_current(self) -> int:
        return self.fiscal_year or fiscal_year(self.today)

    def period_text(self, period: Period) -> str:
        """The period as printed under a report's title, in พ.ศ."""
        if period is Period.MONTH:
            return "ประจำเดือน" + self.month_or_current.thai()
        if period is Period.FISCAL_YEAR:
            return f"ปีงบประมาณ พ.ศ. {self.fiscal_year_or_current}"
        return ""
