"""The month's data file of the package (format 1, docs/PACKAGE_FORMAT.md).

The figures are those of the monthly workbook, sheet by sheet (from the same
:class:`MonthlyReport`), plus the roster with what headquarters needs and nothing more:
national ID, name, tambon, tier, status and current term as at the month's last day, and
the mentor's agency.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from asr_desktop.domain import areas
from asr_desktop.domain.hq.package_format import DATA_FORMAT, FORMAT_VERSION
from asr_desktop.domain.month import Month
from asr_desktop.domain.vocabulary import Agency
from asr_desktop.reports.monthly import MonthlyReport
from asr_desktop.store.hq.package_roster import package_roster


def package_data(db: Database, report: MonthlyReport) -> dict[str, Any]:
    last = Month(report.year, report.month).last_day
    subdistrict_codes = [
        code
        for district_code, _ in areas.districts(report.province_code)
        for code, _ in areas.subdistricts(district_code)
    ]
    agency_codes = [a.value for a in Agency]
    return {
        "format": DATA_FORMAT,
        "format_version": FORMAT_VERSION,
        "province_code": report.province_code,
        "office_name": report.office_name,
        "period": report.period,
        "as_of": last.isoformat(),
        "totals": report.record_counts(),
        "sheets": {
            "districts": [
                {
                    "district_code": d.district_code,
                    "district": d.district,
                    "tambons": d.tambons,
                    "covered": d.covered,
                    "leads": d.leads,
                    "network": d.network,
                    "appointed": d.appointed,
                    "exited": d.exited,
                    "activities": d.activities,
                    "reached_male": d.reached_male,
                    "reached_female": d.reached_female,
                    "referrals": d.referrals,
                }
                for d in report.districts
            ],
            "missions": [
                {"mission": m.mission, "by_agency": dict(m.by_agency), "total": m.total}
                for m in report.missions
            ],
            # The report lists referrals for every agency in the vocabulary's order.
            "referrals": [
                {"agency": code, "by_outcome": dict(r.by_outcome), "total": r.total}
                for code, r in zip(agency_codes, report.referrals, strict=True)
            ],
            "events": [
                {
                    "date": e.date.isoformat(),
                    "title": e.title,
                    "venue": e.venue,
                    "attendees": e.total,
                }
                for e in report.events
            ],
            "coverage": [
                {"subdistrict_code": code, "leads": c.leads, "network": c.network}
                for code, c in zip(subdistrict_codes, report.coverage, strict=True)
            ],
        },
        "roster": [
            {
                "national_id": r.national_id,
                "title": r.title,
                "first_name": r.first_name,
                "last_name": r.last_name,
                "subdistrict_code": r.subdistrict_code,
                "tier": r.tier,
                "status": r.status,
                "term_start": r.term_start,
                "term_end": r.term_end,
                "mentor_agency": r.mentor_agency,
            }
            for r in package_roster(db, last)
        ],
    }
