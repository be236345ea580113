"""Filling the monthly report from the database, and writing it as a workbook."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from sqlite_utils import Database

from asr_desktop.domain import areas
from asr_desktop.domain.month import Month
from asr_desktop.domain.progress import ProgressFn, no_progress
from asr_desktop.domain.thai_dates import fiscal_year, format_thai_month
from asr_desktop.domain.vocabulary import Agency
from asr_desktop.domain.work import CategoryKind
from asr_desktop.reports.excel.writer import Table, fill_template
from asr_desktop.reports.monthly import (
    AGENCY_CODES,
    REFERRAL_OUTCOMES,
    CoverageRow,
    DistrictRow,
    EventRow,
    MissionRow,
    MonthlyReport,
    ReferralRow,
    counting_note,
)
from asr_desktop.services.reporting.coverage import coverage_rows as coverage_rows
from asr_desktop.services.reporting.coverage import serving_counts
from asr_desktop.services.reporting.workbooks import common_values, template_for
from asr_desktop.store.activities import ActivityStore, MonthTotal
from asr_desktop.store.categories import CategoryStore
from asr_desktop.store.events import EventStore
from asr_desktop.store.referrals import ReferralStore
from asr_desktop.store.reporting import appointed_by_district, exits_by_district
from asr_desktop.store.settings import load_settings

NO_WORK_NOTE = "ยังไม่มีการบันทึกผลการปฏิบัติงาน การส่งต่อ หรือกิจกรรมของเดือนนี้"


def build_monthly_report(db: Database, month: Month) -> MonthlyReport:
    """The month's figures: roster and coverage as at the month's last day, and the
    activities, referrals and events recorded for the month."""
    settings = load_settings(db)
    first, last = month.first_day, month.last_day
    serving = serving_counts(db, last)
    appointed = appointed_by_district(db, first, last)
    exited = exits_by_district(db, first, last)
    totals = ActivityStore(db).month_totals(month, province_code=settings.province_code)
    by_district: dict[str, list[int]] = {}
    for t in totals:
        figures = by_district.setdefault(t.district_code, [0, 0, 0])
        figures[0] += t.activities
        figures[1] += t.people_male
        figures[2] += t.people_female
    referrals = ReferralStore(db)
    referral_districts = referrals.district_counts(*month.range)
    districts: list[DistrictRow] = []
    coverage: list[CoverageRow] = []
    for district_code, district_name in areas.districts(settings.province_code):
        activities, male, female = by_district.get(district_code, (0, 0, 0))
        row = DistrictRow(
            district_code,
            district_name,
            0,
            0,
            0,
            0,
            appointed=appointed[district_code],
            exited=exited[district_code],
            activities=activities,
            reached_male=male,
            reached_female=female,
            referrals=referral_districts.get(district_code, 0),
        )
        for sub_code, sub_name in areas.subdistricts(district_code):
            leads, network = serving[(sub_code, "lead")], serving[(sub_code, "network")]
            row.tambons += 1
            row.covered += leads > 0
            row.leads += leads
            row.network += network
            coverage.append(CoverageRow(district_name, sub_name, leads, network, sub_code))
        districts.append(row)
    outside = _outside_row(
        settings.province_code,
        {row.district_code for row in districts},
        serving,
        appointed,
        exited,
        by_district,
        referral_districts,
    )
    counts = referrals.counts(*month.range)
    events = EventStore(db).starting_between(*month.range)
    return MonthlyReport(
        settings.province_code,
        settings.office_name,
        month.year,
        month.month,
        districts,
        coverage,
        missions=_mission_rows(db, totals),
        referrals=[
            ReferralRow(
                agency.label,
                {outcome: counts.get((agency.value, outcome), 0) for outcome in REFERRAL_OUTCOMES},
            )
            for agency in Agency
        ],
        events=[
            EventRow(event.start_date, event.title, event.venue, attendees)
            for event, attendees in events
        ],
        has_activity_data=bool(totals or counts or events),
        outside=outside,
    )


def _outside_row(
    province_code: str,
    own: set[str],
    serving: Counter[tuple[str, str]],
    appointed: Counter[str],
    exited: Counter[str],
    by_district: dict[str, list[int]],
    referral_districts: dict[str, int],
) -> DistrictRow | None:
    """The figures of records outside the province's districts, counted apart (None if
    there are none): each query above counts every record, and this row takes what the
    district rows do not, so the totals agree with the agency tables and the manifest."""
    row = DistrictRow("", outside_label(province_code), 0, 0, 0, 0)
    for (sub_code, tier), n in serving.items():
        if sub_code[:4] not in own:
            if tier == "lead":
                row.leads += n
            elif tier == "network":
                row.network += n
    row.appointed = sum(n for code, n in appointed.items() if code not in own)
    row.exited = sum(n for code, n in exited.items() if code not in own)
    for code, (activities, male, female) in by_district.items():
        if code not in own:
            row.activities += activities
            row.reached_male += male
            row.reached_female += female
    row.referrals = sum(n for code, n in referral_districts.items() if code not in own)
    figures = (row.active, row.appointed, row.exited, row.activities, row.referrals)
    return row if any(figures) or row.reached_male + row.reached_female else None


def outside_label(province_code: str) -> str:
    """ "นอกจังหวัดสกลนคร / ไม่ระบุอำเภอ": the row of records counted apart."""
    name = areas.province_name(province_code) if province_code else ""
    return f"นอกจังหวัด{name} / ไม่ระบุอำเภอ" if name else "ไม่ระบุอำเภอ"


def _mission_rows(db: Database, totals: list[MonthTotal]) -> list[MissionRow]:
    """Every mission area in use, in the office's order, with activities by agency."""
    rows: dict[int, MissionRow] = {}
    for category in CategoryStore(db).all(CategoryKind.MISSION, active_only=False):
        if category.id is not None:
            rows[category.id] = MissionRow(category.label)
    used: set[int] = set()
    for t in totals:
        row = rows.get(t.mission_id)
        if row is None:  # a category deleted since: count it, under no name
            row = rows[t.mission_id] = MissionRow("ไม่ระบุภารกิจ")
        row.by_agency[t.agency] = row.by_agency.get(t.agency, 0) + t.activities
        used.add(t.mission_id)
    active = {c.id for c in CategoryStore(db).all(CategoryKind.MISSION)}
    return [row for mid, row in rows.items() if mid in active or mid in used]


def write_monthly_workbook(
    db: Database,
    report: MonthlyReport,
    out: Path,
    *,
    today: date,
    progress: ProgressFn = no_progress,
) -> None:
    settings = load_settings(db)
    first = Month(report.year, report.month).first_day
    covered = sum(1 for c in report.coverage if c.covered)
    values = common_values(settings, today) | {
        "month_th": format_thai_month(report.year, report.month),
        "period": report.period,
        "fiscal_year": fiscal_year(first),
        "coverage_covered": covered,
        "coverage_total": len(report.coverage),
        "activity_note": "" if report.has_activity_data else NO_WORK_NOTE,
        "counting_note": counting_note(report),
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
                for d in report.district_rows
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
            ("district", "subdistrict", "subdistrict_code", "covered", "leads", "network"),
            [
                (
                    c.district,
                    c.subdistrict,
                    c.subdistrict_code,
                    "มี" if c.covered else "ไม่มี",
                    c.leads,
                    c.network,
                )
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
