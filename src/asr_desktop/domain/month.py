"""A month of a year: the one type for "which month" everywhere (reports, grids, charts).

Held as the CE year and month number; shown in Buddhist Era (พ.ศ.) for people and in
ISO form ("2025-10") for SQLite keys. Fiscal year and quarter follow the Thai
government year, October to September, named by its พ.ศ. year.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from asr_desktop.domain.errors import InputError
from asr_desktop.domain.thai_dates import BE_OFFSET, format_thai_month, parse_month


@dataclass(frozen=True, order=True, slots=True)
class Month:
    """A calendar month; ``year`` is CE. Ordered by time."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise InputError(f"ไม่มีเดือนที่ {self.month} (เดือนต้องอยู่ระหว่าง 1–12)", "month")
        if not 1 <= self.year <= 9998:
            raise InputError(f"ปี {self.year} อยู่นอกช่วงที่ใช้ได้", "month")

    @classmethod
    def of(cls, day: date) -> Month:
        """The month ``day`` falls in."""
        return cls(day.year, day.month)

    @classmethod
    def parse(cls, text: str, *, today: date | None = None) -> Month:
        """Reads "2568-10", "10/2568", "ต.ค. 68", "ตุลาคม 2568" or "2025-10".

        A four-digit year below 2400 is CE, otherwise พ.ศ. (see ``thai_dates.parse_month``).

        Raises:
            InputError: with the reason in Thai.
        """
        return cls(*parse_month(text, today=today))

    @classmethod
    def recent(cls, today: date, count: int = 12) -> list[Month]:
        """The month of ``today`` and the ``count - 1`` before it, newest first."""
        this = cls.of(today)
        return [this.shift(-n) for n in range(count)]

    # --- arithmetic -----------------------------------------------------------------

    @property
    def index(self) -> int:
        """Months since year 0: consecutive months have consecutive indexes."""
        return self.year * 12 + self.month - 1

    @classmethod
    def from_index(cls, index: int) -> Month:
        return cls(index // 12, index % 12 + 1)

    def shift(self, months: int) -> Month:
        """The month ``months`` later (earlier when negative)."""
        return Month.from_index(self.index + months)

    def next(self) -> Month:
        return self.shift(1)

    def previous(self) -> Month:
        return self.shift(-1)

    def months_back(self, months: int) -> Month:
        return self.shift(-months)

    def months_until(self, other: Month) -> int:
        """How many months from this month to ``other`` (negative when earlier)."""
        return other.index - self.index

    # --- days -------------------------------------------------------------------------

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def end(self) -> date:
        """The first day of the next month: the exclusive end of this month."""
        return self.next().first_day

    @property
    def range(self) -> tuple[date, date]:
        """First day of the month and first day of the next (a half-open range)."""
        return self.first_day, self.end

    def day(self, day: int) -> date:
        """Day ``day`` of this month, clamped to the month's last day (31 → 28 in February)."""
        return date(self.year, self.month, min(max(day, 1), self.last_day.day))

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and (day.year, day.month) == (self.year, self.month)

    # --- text ---------------------------------------------------------------------------

    @property
    def be_year(self) -> int:
        return self.year + BE_OFFSET

    @property
    def be_text(self) -> str:
        """ "2568-10": how the CLI and people type a month."""
        return f"{self.be_year:04d}-{self.month:02d}"

    @property
    def iso(self) -> str:
        """ "2025-10": the key SQLite's ``strftime('%Y-%m', ...)`` gives."""
        return f"{self.year:04d}-{self.month:02d}"

    def thai(self, *, thai_digits: bool = False) -> str:
        """ "ตุลาคม 2568"."""
        return format_thai_month(self.year, self.month, thai_digits=thai_digits)

    def __str__(self) -> str:
        return self.be_text

    # --- fiscal year ------------------------------------------------------------------

    @property
    def fiscal_year(self) -> int:
        """The government fiscal year (พ.ศ.): October 2025 belongs to 2569."""
        return self.be_year + (1 if self.month >= 10 else 0)

    @property
    def fiscal_quarter(self) -> int:
        """Quarter 1–4 of the fiscal year: Q1 is October–December."""
        return (self.month - 10) % 12 // 3 + 1


def months_back(today: date, months: int) -> date:
    """The same day ``months`` months earlier, clamped to that month's end."""
    return Month.of(today).shift(-months).day(today.day)
