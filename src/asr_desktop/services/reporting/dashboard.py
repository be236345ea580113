"""The home page's figures, computed in a few SQL passes (≤ 200 ms for 100,000 volunteers).

Every figure here has a matching list (``*_ids`` or a roster filter) so the dashboard can
open exactly the volunteers a number counts. Every figure is as at ``today``
(domain/status.py): records dated later wait for their day. "Inactive" is
domain/inactivity.py's rule; a term's end is its last day, and a term already renewed
(a later term recorded) is not "ending".
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlite_utils import Database

from asr_desktop.domain import areas
from asr_desktop.domain.inactivity import INACTIVE_MONTHS, inactive_since
from asr_desktop.domain.month import Month
from asr_desktop.store import reporting
from asr_desktop.store.activities import ActivityStore
from asr_desktop.store.referrals import ReferralStore
from asr_desktop.store.settings import load_settings

ENDING_WINDOWS = (30, 60, 90)
CHART_MONTHS = 12


@dataclass(frozen=True, slots=True)
class DistrictCoverage:
    district_code: str
    district_name: str
    tambons_total: int
    tambons_covered: int

    @property
    def percent(self) -> float:
        return 100.0 * self.tambons_covered / self.tambons_total if self.tambons_total else 0.0


@dataclass(frozen=True, slots=True)
class Dashboard:
    today: date
    active_volunteers: int
    active_leads: int
    active_network: int
    tambons_total: int
    tambons_covered: int
    terms_ending_30d: int
    terms_ending_60d: int
    terms_ending_90d: int
    inactive_3m: int
    inactive_since: date
    """The day work must be dated on or after not to count as inactive."""
    referrals_overdue: int
    activities_this_month: int
    activities_last_month: int
    people_this_month: int
    people_last_month: int
    coverage: list[DistrictCoverage] = field(default_factory=list)
    activity_by_month: list[tuple[str, int]] = field(default_factory=list)
    """('YYYY-MM' in CE, activities) for the last 12 months, oldest first."""

    @property
    def coverage_percent(self) -> float:
        return 100.0 * self.tambons_covered / self.tambons_total if self.tambons_total else 0.0

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["today"] = self.today.isoformat()
        data["inactive_since"] = self.inactive_since.isoformat()
        data["coverage_percent"] = round(self.coverage_percent, 1)
        data["tambons_uncovered"] = self.tambons_total - self.tambons_covered
        data["coverage"] = [{**asdict(c), "percent": round(c.percent, 1)} for c in self.coverage]
        data["activity_by_month"] = [
            {"month": f"{int(m[:4]) + 543}-{m[5:]}", "activities": n}
            for m, n in self.activity_by_month
        ]
        return data


def compute_dashboard(db: Database, today: date) -> Dashboard:
    ending = tuple(today + timedelta(days=n) for n in ENDING_WINDOWS)
    assert len(ending) == 3
    (active, leads, network, end30, end60, end90, inactive) = reporting.volunteer_figures(
        db, today, inactive_since(today), (ending[0], ending[1], ending[2])
    )

    coverage = district_coverage(db, today)
    this = Month.of(today)
    last = this.previous()
    activities = ActivityStore(db)
    this_n, this_people = activities.month_summary(this)
    last_n, last_people = activities.month_summary(last)
    chart = [this.shift(n - CHART_MONTHS + 1) for n in range(CHART_MONTHS)]
    series = activities.monthly_series(chart[0].first_day, this.end)
    by_month = [(m.iso, series.get(m.iso, 0)) for m in chart]
    return Dashboard(
        today=today,
        active_volunteers=active,
        active_leads=leads,
        active_network=network,
        tambons_total=sum(c.tambons_total for c in coverage),
        tambons_covered=sum(c.tambons_covered for c in coverage),
        terms_ending_30d=end30,
        terms_ending_60d=end60,
        terms_ending_90d=end90,
        inactive_3m=inactive,
        inactive_since=inactive_since(today),
        referrals_overdue=ReferralStore(db).overdue_count(today),
        activities_this_month=this_n,
        activities_last_month=last_n,
        people_this_month=this_people,
        people_last_month=last_people,
        coverage=coverage,
        activity_by_month=by_month,
    )


def district_coverage(db: Database, today: date) -> list[DistrictCoverage]:
    """Per district of the office's province: DOPA tambons and those with an active lead."""
    province = load_settings(db).province_code
    covered = covered_tambons(db, today)
    out = []
    for code, name in areas.districts(province):
        tambons = [c for c, _ in areas.subdistricts(code)]
        out.append(
            DistrictCoverage(code, name, len(tambons), sum(1 for t in tambons if t in covered))
        )
    return out


def covered_tambons(db: Database, today: date) -> set[str]:
    """Subdistrict codes with at least one active lead volunteer (แกนนำระดับตำบล)."""
    return reporting.covered_tambons(db, today)


def uncovered_tambons(db: Database, today: date) -> list[tuple[str, str, str]]:
    """(district name, tambon code, tambon name) of tambons without an active lead."""
    province = load_settings(db).province_code
    covered = covered_tambons(db, today)
    return [
        (d_name, code, name)
        for d_code, d_name in areas.districts(province)
        for code, name in areas.subdistricts(d_code)
        if code not in covered
    ]


def terms_ending_ids(db: Database, today: date, days: int) -> list[int]:
    """Active volunteers whose term's last day is within ``days`` days and who have no later
    term recorded, soonest first (the same rule as store/register.py's list)."""
    return reporting.terms_ending_ids(db, today, today + timedelta(days=days))


def inactive_ids(db: Database, today: date, months: int = INACTIVE_MONTHS) -> list[int]:
    """Active volunteers with no activity reported in the last ``months`` months."""
    return reporting.inactive_ids(db, today, inactive_since(today, months))
