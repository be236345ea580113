"""The national view: the dashboard's figures by region and province, cross-province
duplicates and the national roster search."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from asr_desktop.domain import areas
from asr_desktop.domain.hq.package_format import AGENCIES
from asr_desktop.domain.hq.regions import REGIONS, region_of
from asr_desktop.services.hq.headquarters import Headquarters
from asr_desktop.store.hq import queries
from asr_desktop.store.hq.queries import RosterRecord as RosterRecord

NATIONAL_TAMBONS = 7436
TERMS_ENDING_DAYS = 90


@dataclass(slots=True)
class Figures:
    """One row of the national tables: a province, a region or the country."""

    code: str
    name: str
    provinces_reporting: int = 0
    provinces: int = 0
    serving: int = 0
    leads: int = 0
    network: int = 0
    tambons: int = 0
    tambons_covered: int = 0
    activities: int = 0
    reached: int = 0
    referrals: int = 0
    events: int = 0
    appointed: int = 0
    exited: int = 0
    terms_ending: int = 0
    by_agency: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Agency → (activities, referrals)."""

    def add(self, other: Figures) -> None:
        for name in (
            "provinces_reporting",
            "provinces",
            "serving",
            "leads",
            "network",
            "tambons",
            "tambons_covered",
            "activities",
            "reached",
            "referrals",
            "events",
            "appointed",
            "exited",
            "terms_ending",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for agency, (a, r) in other.by_agency.items():
            a0, r0 = self.by_agency.get(agency, (0, 0))
            self.by_agency[agency] = (a0 + a, r0 + r)

    @property
    def coverage_rate(self) -> float:
        return 100.0 * self.tambons_covered / self.tambons if self.tambons else 0.0


@dataclass(frozen=True, slots=True)
class NationalMonth:
    period: str
    as_of: date
    country: Figures
    regions: tuple[Figures, ...]
    provinces: tuple[Figures, ...]
    """All 77, by region then code; those without a package have zeros."""

    @property
    def tambons_national(self) -> int:
        return NATIONAL_TAMBONS


def periods(hq: Headquarters) -> list[str]:
    """Every month with a current package ("2025-10"), newest first."""
    return queries.periods(hq.db)


def latest_period(hq: Headquarters) -> str | None:
    found = queries.periods(hq.db)
    return found[0] if found else None


def national_month(hq: Headquarters, period: str) -> NationalMonth:
    """The month's figures of every province's current package, summed by region."""
    year, month = int(period[:4]), int(period[5:])
    as_of = (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)
    totals = queries.totals(hq.db, period)
    sums = queries.district_sums(hq.db, period)
    agencies = queries.agencies(hq.db, period)
    ending = queries.terms_ending(
        hq.db, period, as_of.isoformat(), (as_of + timedelta(days=TERMS_ENDING_DAYS)).isoformat()
    )
    provinces: list[Figures] = []
    for code, name in areas.provinces():
        row = Figures(code, name, provinces=1)
        t = totals.get((code, period))
        if t is not None:
            s = sums.get(code, {})
            row.provinces_reporting = 1
            row.serving = t.get("volunteers_serving", 0)
            row.leads, row.network = s.get("leads", 0), s.get("network", 0)
            row.tambons, row.tambons_covered = t.get("tambons", 0), t.get("tambons_covered", 0)
            row.activities, row.referrals = t.get("activities", 0), t.get("referrals", 0)
            row.events, row.appointed, row.exited = (
                t.get("events", 0),
                t.get("appointed", 0),
                t.get("exited", 0),
            )
            row.reached = s.get("reached_male", 0) + s.get("reached_female", 0)
            row.terms_ending = ending.get(code, 0)
            row.by_agency = {a: v for a, v in agencies.get(code, {}).items() if a in AGENCIES}
        provinces.append(row)
    regions = []
    for key, label in REGIONS:
        region = Figures(key, label)
        for row in provinces:
            if region_of(row.code) == key:
                region.add(row)
        regions.append(region)
    country = Figures("TH", "ทั้งประเทศ")
    for region in regions:
        country.add(region)
    order = {key: i for i, (key, _) in enumerate(REGIONS)}
    provinces.sort(key=lambda r: (order.get(region_of(r.code), 99), r.code))
    return NationalMonth(period, as_of, country, tuple(regions), tuple(provinces))


@dataclass(frozen=True, slots=True)
class Duplicate:
    national_id: str
    records: tuple[RosterRecord, ...]

    @property
    def province_codes(self) -> tuple[str, ...]:
        return tuple(r.province_code for r in self.records)


def duplicates(hq: Headquarters) -> list[Duplicate]:
    """The same national ID serving in two or more provinces' newest rosters."""
    found: dict[str, list[RosterRecord]] = {}
    for record in queries.serving_in_several_provinces(hq.db):
        found.setdefault(record.national_id, []).append(record)
    return [Duplicate(nid, tuple(records)) for nid, records in found.items()]


def search(hq: Headquarters, text: str, *, limit: int = 500) -> list[RosterRecord]:
    return queries.search_roster(hq.db, text, limit=limit)
