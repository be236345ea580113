"""The feedback workbook for one province (ข้อสังเกตส่งกลับจังหวัด): its missing and late
months, the people serving both there and in another province, and the rule findings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from asr_desktop.assets import resource_path
from asr_desktop.domain import areas
from asr_desktop.domain.hq.reporting import ReportState, deadline_of
from asr_desktop.domain.month import Month
from asr_desktop.domain.settings import OfficeSettings
from asr_desktop.domain.thai_dates import fiscal_year as fiscal_year_of
from asr_desktop.domain.thai_dates import format_thai_date, format_thai_month
from asr_desktop.reports.excel.template import load_template
from asr_desktop.reports.excel.writer import Table, fill_template
from asr_desktop.services.hq.findings import findings
from asr_desktop.services.hq.headquarters import Headquarters
from asr_desktop.services.hq.national import duplicates
from asr_desktop.services.hq.status import reporting_status


def _month_th(period: str) -> str:
    return format_thai_month(int(period[:4]), int(period[5:]))


def write_feedback(
    hq: Headquarters,
    province_code: str,
    out: Path,
    *,
    today: date,
    fiscal_year: int | None = None,
) -> int:
    """Writes the workbook; returns the number of items listed in it."""
    grid = reporting_status(hq, fiscal_year or fiscal_year_of(today), today=today)
    late = [
        c
        for c in grid.cells
        if c.province_code == province_code and c.state in (ReportState.MISSING, ReportState.LATE)
    ]
    missing_rows = [
        (
            _month_th(c.period),
            c.state.label,
            deadline_of(Month.parse(c.period), hq.deadline_day),
            c.sent_at[:16].replace("T", " ") if c.sent_at else "",
        )
        for c in late
    ]
    duplicate_rows = []
    for dup in duplicates(hq):
        mine = [r for r in dup.records if r.province_code == province_code]
        if not mine:
            continue
        for other in dup.records:
            if other.province_code != province_code:
                duplicate_rows.append(
                    (
                        dup.national_id,
                        mine[0].name,
                        areas.subdistrict_label(mine[0].subdistrict_code),
                        areas.province_name(other.province_code),
                        other.name,
                        areas.subdistrict_label(other.subdistrict_code),
                    )
                )
    finding_rows = [
        (_month_th(f.period), f.title, f.text) for f in findings(hq, province_code=province_code)
    ]
    province = areas.province_name(province_code)
    office = "กรุงเทพมหานคร" if province_code == "10" else f"สำนักงานแรงงานจังหวัด{province}"
    fill_template(
        load_template(resource_path("templates", "feedback.xlsx")),
        out,
        values={"office": office, "as_of_th": format_thai_date(today, "long")},
        tables={
            "missing": Table(("month", "state", "deadline", "sent_at"), missing_rows),
            "duplicates": Table(
                ("national_id", "name", "tambon", "other_province", "other_name", "other_tambon"),
                duplicate_rows,
            ),
            "findings": Table(("month", "title", "text"), finding_rows),
        },
        settings=OfficeSettings(),
    )
    return len(missing_rows) + len(duplicate_rows) + len(finding_rows)
