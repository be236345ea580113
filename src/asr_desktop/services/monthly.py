"""Filling the monthly report from the database, and writing it as a workbook."""

from __future__ import annotations

import calendar
from collections import Counter
from datetime import date
from pathlib import Path

from sqlite_utils import Database

from asr_desktop.domain import areas
from asr_desktop.domain.progress import ProgressFn, no_progress
from asr_desktop.domain.thai_dates import fiscal_year, format_thai_month
from asr_desktop.domain.vocabulary import Agency
from asr_desktop.reports.excel.writer import Table, fill_template
from asr_desktop.reports.monthly import (
    AGENCY_CODES,
    REFERRAL_OUTCOMES,
    CoverageRow,
    DistrictRow,
    MonthlyReport,
)
from asr_desktop.services.workbooks import common_values, template_for
from asr_desktop.store.roster import STATUS_SQL
from asr_desktop.store.settings import load_settings


def month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def build_monthly_report(db: Database, year: int, month: int) -> MonthlyReport:
    """The month's figures from the roster (activity sections stay empty until the
    database has activity tables, see reports/monthly.py)."""
    settings = load_settings(db)
    first, last = month_bounds(year, month)
    serving: Counter[tuple[str, str]] = Counter()
    for code, tier, n in db.execute(
        f"SELECT v.subdistrict_code, v.tier, count(*) FROM volunteers v "
        f"WHERE ({STATUS_SQL}) = 'active' GROUP BY 1, 2",
        {"today": last.isoformat()},
    ):
        serving[(code, tier)] += n
    appointed = Counter(
        dict(
            db.execute(
                "SELECT v.district_code, count(*) FROM terms t JOIN volunteers v "
                "ON v.id = t.volunteer_id WHERE t.start_date BETWEEN ? AND ? GROUP BY 1",
                [first.isoformat(), last.isoformat()],
            ).fetchall()
        )
    )
    exited = Counter(
        dict(
            db.execute(
                "SELECT v.district_code, count(*) FROM status_events e JOIN volunteers v "
                "ON v.id = e.volunteer_id WHERE e.change = 'exited' "
                "AND e.date BETWEEN ? AND ? GROUP BY 1",
                [first.isoformat(), last.isoformat()],
            ).fetchall()
        )
    )
    districts: list[DistrictRow] = []
    coverage: list[CoverageRow] = []
    for district_code, district_name in areas.districts(settings.province_code):
        row = DistrictRow(
            district_code,
            district_name,
            0,
            0,
            0,
            0,
            appointed=appointed[district_code],
            exited=exited[district_code],
        )
        for sub_code, sub_name in areas.subdistricts(district_code):
            leads, network = serving[(sub_code, "lead")], serving[(sub_code, "network")]
            row.tambons += 1
            row.covered += leads > 0
            row.leads += leads
            row.network += network
            coverage.append(CoverageRow(district_name, sub_name, leads, network))
        districts.append(row)
    return MonthlyReport(
        settings.province_code, settings.office_name, year, month, districts, coverage
    )


def write_monthly_workbook(
    db: Database,
    report: MonthlyReport,
    out: Path,
    *,
    today: date,
    progress: ProgressFn = no_progress,
) -> None:
    settings = load_settings(db)
    first, _ = month_bounds(report.year, report.month)
    covered = sum(1 for c in report.coverage if c.covered)
    values = common_values(settings, today) | {
        "month_th": format_thai_month(report.year, report.month),
        "period": report.period,
        "fiscal_year": fiscal_year(first),
        "coverage_covered": covered,
        "coverage_total": len(report.coverage),
        "activity_note": "" if report.has_activity_data else "ยังไม่มีข้อมูลผลการปฏิบัติงานในโปรแกรม",
    }
    tables = {
        "districts": Table(
            (
                "district",
                "tambons",
                "covered",
                "leads",
                "network",
                "active",
                "appointed",
                "exited",
                "activities",
                "reached_male",
                "reached_female",
                "referrals",
            ),
            [
                (
                    d.district,
                    d.tambons,
                    d.covered,
                    d.leads,
                    d.network,
                    d.active,
                    d.appointed,
                    d.exited,
                    d.activities,
                    d.reached_male,
                    d.reached_female,
                    d.referrals,
                )
                for d in report.districts
            ],
        ),
        "missions": Table(
            ("mission", *AGENCY_CODES, "none", "total"),
            [
                (
                    m.mission,
                    *(m.by_agency.get(a, 0) for a in AGENCY_CODES),
                    m.by_agency.get("", 0),
                    m.total,
                )
                for m in report.missions
            ],
        ),
        "referrals": Table(
            ("agency", *REFERRAL_OUTCOMES, "total"),
            [
                (r.agency, *(r.by_outcome.get(o, 0) for o in REFERRAL_OUTCOMES), r.total)
                for r in report.referrals
            ],
        ),
        "events": Table(
            ("date", "title", "venue", "leads", "network", "mentors", "staff", "others", "total"),
            [
                (
                    e.date,
                    e.title,
                    e.venue,
                    *(
                        e.attendees.get(k, 0)
                        for k in ("lead", "network", "mentor", "staff", "other")
                    ),
                    e.total,
                )
                for e in report.events
            ],
        ),
        "coverage": Table(
            ("district", "subdistrict", "covered", "leads", "network"),
            [
                (c.district, c.subdistrict, "มี" if c.covered else "ไม่มี", c.leads, c.network)
                for c in report.coverage
            ],
        ),
    }
    fill_template(
        template_for("monthly.xlsx", settings),
        out,
        values=values,
        tables=tables,
        settings=settings,
        progress=progress,
    )


AGENCY_LABELS = {a.value: a.label for a in Agency}
