"""The national monthly report (รายงานผลการดำเนินงานอาสาสมัครแรงงานทั้งประเทศ) for print.

Laid out from rows prepared by services/hq/national_reports.py: a summary paragraph, the
regions with a coverage chart, every province by region, activities and referrals by
agency with a pie chart, and the reporting status of the month.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import BinaryIO

from asr_desktop.reports.pdf.charts import BarChart, PieChart
from asr_desktop.reports.pdf.document import ProgressCallback, Signature
from asr_desktop.reports.pdf.sections import (
    Heading,
    Section,
    TableSection,
    Text,
    build_sections_report,
)
from asr_desktop.reports.pdf.table import Column, GroupHeading, Row, Subtotal

TITLE = "รายงานผลการดำเนินงานอาสาสมัครแรงงานทั้งประเทศ"
PUBLISHER = "สำนักตรวจและประเมินผล สำนักงานปลัดกระทรวงแรงงาน"


@dataclass(frozen=True, slots=True)
class NationalLine:
    """One printed row: a region, a province or the country."""

    name: str
    state: str
    serving: int
    tambons: int
    covered: int
    activities: int
    reached: int
    referrals: int
    terms_ending: int


@dataclass(frozen=True, slots=True)
class NationalPrint:
    month_th: str
    summary: str
    country: NationalLine
    regions: Sequence[NationalLine]
    provinces: Sequence[tuple[str, Sequence[NationalLine]]]
    """(region name, its provinces)."""
    agencies: Sequence[tuple[str, int, int]]
    """(agency label, activities, referrals)."""
    chase: Sequence[str]
    """Provinces whose report of the month is missing."""


def _n(value: int) -> str:
    return f"{value:,}"


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}" if whole else "-"


_COLUMNS = (
    Column("ภาค / จังหวัด", 30),
    Column("การส่ง", 14, "center"),
    Column("อสร.", 11, "right"),
    Column("ตำบล", 9, "right"),
    Column("มีแกนนำ", 10, "right"),
    Column("ร้อยละ", 9, "right"),
    Column("กิจกรรม", 11, "right"),
    Column("ผู้รับบริการ", 12, "right"),
    Column("ส่งต่อ", 10, "right"),
    Column("ครบวาระ 90 วัน", 12, "right"),
)


def _cells(line: NationalLine) -> tuple[str, ...]:
    return (
        line.name,
        line.state,
        _n(line.serving),
        _n(line.tambons),
        _n(line.covered),
        _pct(line.covered, line.tambons),
        _n(line.activities),
        _n(line.reached),
        _n(line.referrals),
        _n(line.terms_ending),
    )


def write_national_report(
    out: str | os.PathLike[str] | BinaryIO,
    report: NationalPrint,
    *,
    progress: ProgressCallback | None = None,
) -> int:
    regions: list[Row] = [_cells(r) for r in report.regions]
    regions.append(Subtotal(_cells(report.country)))
    provinces: list[Row] = []
    for region, lines in report.provinces:
        provinces.append(GroupHeading(region))
        provinces += [_cells(line) for line in lines]
    provinces.append(Subtotal(_cells(report.country)))
    agency_rows: list[Row] = [(label, _n(a), _n(r)) for label, a, r in report.agencies]
    agency_rows.append(
        Subtotal(
            (
                "รวม",
                _n(sum(a for _, a, _ in report.agencies)),
                _n(sum(r for _, _, r in report.agencies)),
            )
        )
    )
    sections: list[Section] = [
        Text(report.summary),
        Heading("1. สรุปรายภาค"),
        TableSection(_COLUMNS, regions),
        BarChart(
            "ร้อยละของตำบลที่มีแกนนำอาสาสมัครแรงงานปฏิบัติหน้าที่ แยกตามภาค",
            [r.name for r in report.regions],
            [round(100 * r.covered / r.tambons) if r.tambons else 0 for r in report.regions],
        ),
        Heading("2. รายจังหวัด"),
        TableSection(_COLUMNS, provinces),
        Heading("3. กิจกรรมและการส่งต่อ จำแนกตามหน่วยงาน"),
        TableSection(
            (
                Column("หน่วยงาน", 40),
                Column("กิจกรรม (ครั้ง)", 20, "right"),
                Column("ส่งต่อ (ราย)", 20, "right"),
            ),
            agency_rows,
        ),
        PieChart(
            "การส่งต่อแยกตามหน่วยงาน",
            [label for label, _, _ in report.agencies],
            [r for _, _, r in report.agencies],
            unit="ราย",
            empty_text="ไม่มีการส่งต่อในเดือนนี้",
        ),
        Heading("4. จังหวัดที่ยังไม่ส่งรายงานของเดือน"),
        Text(" ".join(report.chase) if report.chase else "ได้รับรายงานครบทุกจังหวัด"),
    ]
    return build_sections_report(
        out,
        title=TITLE,
        office_name=PUBLISHER,
        period_text=f"ประจำเดือน{report.month_th}",
        subtitle_lines=[f"ประจำเดือน{report.month_th}", PUBLISHER],
        sections=sections,
        signatures=(
            Signature("." * 36, "ผู้จัดทำ"),
            Signature("." * 36, "ผู้อำนวยการสำนักตรวจและประเมินผล"),
        ),
        orientation="landscape",
        progress=progress,
    )
