"""The monthly report (รายงานประจำเดือน) as plain data, for the Excel and PDF writers.

A service fills a :class:`MonthlyReport` from the database (services/reporting/monthly.py); writers
only lay it out. Every figure is as at the month's last day: people "serving" and tambons
covered from the status events and terms dated by then, work from the records dated in
the month; so the report made again later shows the same figures. :func:`counting_note`
says how things are counted, in the report itself.

Sections and where their numbers come from:

* ``districts``: one row per district of the province (roster: tambons, tambons with a
  serving lead, serving leads and network members, appointed and exited in the month;
  activities: number of activities, people reached by sex; referrals: number made).
* ``missions``: activities by mission area and agency.
* ``referrals``: referrals by agency and outcome.
* ``events``: trainings and meetings held in the month with attendance by role.
* ``coverage``: every tambon with its serving leads and network members.

Records outside the office's province (a volunteer living across the border, a referral
naming another province's tambon, or one with no district at all) are never dropped
silently: they are summed in ``outside``, a row the writers show after the districts and
count in every total, so that each figure printed twice (district table, summary, agency
tables, charts, workbook, manifest) is the same number.

``has_activity_data`` is False when nothing (no activity, referral or event) was recorded
for the month; the writers then say so instead of printing zeros as if nothing had been
done.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date

from asr_desktop.domain.thai_dates import format_thai_date

AGENCY_CODES = ("ops", "doe", "dsd", "dlpw", "sso")
REFERRAL_OUTCOMES = ("referred", "in_progress", "served", "not_served")


@dataclass(slots=True)
class DistrictRow:
    district_code: str
    district: str
    tambons: int
    covered: int
    leads: int
    network: int
    appointed: int = 0
    exited: int = 0
    activities: int = 0
    reached_male: int = 0
    reached_female: int = 0
    referrals: int = 0

    @property
    def active(self) -> int:
        return self.leads + self.network


@dataclass(slots=True)
class MissionRow:
    mission: str
    by_agency: dict[str, int] = field(default_factory=dict)
    """Activities by agency code (AGENCY_CODES); "" for activities with no agency."""

    @property
    def total(self) -> int:
        return sum(self.by_agency.values())


@dataclass(slots=True)
class ReferralRow:
    agency: str
    """Thai label of the agency referred to."""
    by_outcome: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.by_outcome.values())


@dataclass(slots=True)
class EventRow:
    date: date
    title: str
    venue: str = ""
    attendees: dict[str, int] = field(default_factory=dict)
    """By role: lead, network, mentor, staff, other."""

    @property
    def total(self) -> int:
        return sum(self.attendees.values())


@dataclass(slots=True)
class CoverageRow:
    district: str
    subdistrict: str
    leads: int
    network: int
    subdistrict_code: str = ""
    """DOPA code of the tambon (6 digits), for programs that read the workbook."""

    @property
    def covered(self) -> bool:
        return self.leads > 0


@dataclass(slots=True)
class MonthlyReport:
    province_code: str
    office_name: str
    year: int
    """Common Era year of the month."""
    month: int
    districts: list[DistrictRow]
    coverage: list[CoverageRow]
    missions: list[MissionRow] = field(default_factory=list)
    referrals: list[ReferralRow] = field(default_factory=list)
    events: list[EventRow] = field(default_factory=list)
    has_activity_data: bool = False
    outside: DistrictRow | None = None
    """Figures of records outside the province's districts; None when there are none."""

    @property
    def district_rows(self) -> list[DistrictRow]:
        """The districts, then the row of records outside the province if there are any.
        Every total of the report is the sum of these rows."""
        return [*self.districts, *([self.outside] if self.outside is not None else [])]

    @property
    def as_at(self) -> date:
        """The month's last day: every figure is as at this day."""
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def period(self) -> str:
        """ "2025-10" for October 2025 (CE, as in file names and the manifest)."""
        return f"{self.year:04d}-{self.month:02d}"

    def record_counts(self) -> dict[str, int]:
        """What the manifest lists as the report's record counts."""
        return {
            "districts": len(self.districts),
            "volunteers_serving": sum(d.active for d in self.district_rows),
            "tambons": len(self.coverage),
            "tambons_covered": sum(1 for c in self.coverage if c.covered),
            "appointed": sum(d.appointed for d in self.district_rows),
            "exited": sum(d.exited for d in self.district_rows),
            "activities": sum(d.activities for d in self.district_rows),
            "reached": sum(d.reached_male + d.reached_female for d in self.district_rows),
            "referrals": sum(r.total for r in self.referrals),
            "events": len(self.events),
            "outside_province": (
                self.outside.active + self.outside.activities + self.outside.referrals
                if self.outside is not None
                else 0
            ),
        }


def counting_note(report: MonthlyReport) -> str:
    """How the figures are counted (README "กติกาการนับ"), printed in the report's notes."""
    return (
        f"หมายเหตุ: จำนวนอาสาสมัครและตำบลที่มีแกนนำนับ ณ วันที่ {format_thai_date(report.as_at)} "
        "ตามวาระและการเปลี่ยนสถานะที่มีผลภายในวันนั้น (ที่ลงวันที่หลังจากนั้นยังไม่นับ) "
        "อาสาสมัครนับในตำบลที่อาศัย ผลการปฏิบัติงานและผู้รับบริการนับในตำบลที่ปฏิบัติงาน "
        "(ถ้าไม่ระบุตำบลหรือเป็นตำบลนอกจังหวัด นับในตำบลที่อาสาสมัครอาศัย) "
        "การส่งต่อนับในตำบลที่ระบุ ถ้าไม่ระบุนับในตำบลของอาสาสมัคร "
        "กิจกรรมและการอบรมนับในเดือนที่เริ่ม"
    )
