"""The monthly operations report (รายงานผลการปฏิบัติงานประจำเดือน) for print.

Laid out from a :class:`MonthlyReport` (services/reporting/monthly.py fills it for the workbook and
this PDF alike): a summary paragraph, work by district with a bar chart, activities by
mission area and agency, referrals by agency and outcome with a pie chart, the month's
events with attendance by role, and coverage by district.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import BinaryIO

from asr_desktop.domain.thai_dates import format_thai_date, format_thai_month
from asr_desktop.domain.vocabulary import Agency
from asr_desktop.domain.work import AttendeeRole, ReferralStatus
from asr_desktop.reports.monthly import (
    AGENCY_CODES,
    REFERRAL_OUTCOMES,
    MonthlyReport,
    counting_note,
)
from asr_desktop.reports.pdf.charts import BarChart, PieChart
from asr_desktop.reports.pdf.document import ProgressCallback
from asr_desktop.reports.pdf.sections import (
    Heading,
    Imprint,
    Section,
    TableSection,
    Text,
    build_sections_report,
)
from asr_desktop.reports.pdf.table import Column, Row, Subtotal

TITLE = "รายงานผลการปฏิบัติงานอาสาสมัครแรงงาน"
NO_WORK = "ยังไม่มีการบันทึกผลการปฏิบัติงาน การส่งต่อ หรือกิจกรรมของเดือนนี้"
TOTAL = "รวม"

_ROLES = tuple(AttendeeRole)
_OUTCOME_LABELS = {s.value: s.label for s in ReferralStatus}


def _n(value: int) -> str:
    return f"{value:,}"


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}" if whole else "-"


def write_monthly_report(
    out: str | os.PathLike[str] | BinaryIO,
    report: MonthlyReport,
    *,
    imprint: Imprint,
    progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the month's report; returns the page count."""
    month = format_thai_month(report.year, report.month)
    sections: list[Section] = [Text(_summary(report))]
    sections += _districts(report)
    sections += _missions(report)
    sections += _referrals(report)
    sections += _events(report)
    sections += _coverage(report)
    sections.append(Text(counting_note(report)))
    return build_sections_report(
        out,
        title=TITLE,
        office_name=imprint.office_name,
        period_text=f"ประจำเดือน{month}",
        subtitle_lines=[f"ประจำเดือน{month}", imprint.office_name],
        sections=sections,
        signatures=imprint.signatures,
        thai_digits=imprint.thai_digits,
        margins=imprint.margins,
        progress=progress,
        is_cancelled=is_cancelled,
    )


def _summary(report: MonthlyReport) -> str:
    d = report.district_rows
    leads, network = sum(x.leads for x in d), sum(x.network for x in d)
    male, female = sum(x.reached_male for x in d), sum(x.reached_female for x in d)
    covered = sum(1 for c in report.coverage if c.covered)
    text = (
        f"ณ สิ้นเดือน มีอาสาสมัครแรงงานที่ปฏิบัติหน้าที่ {_n(leads + network)} คน "
        f"(แกนนำ {_n(leads)} คน เครือข่าย {_n(network)} คน) ตำบลที่มีแกนนำ {_n(covered)} "
        f"จาก {_n(len(report.coverage))} ตำบล (ร้อยละ {_percent(covered, len(report.coverage))}) "
    )
    if not report.has_activity_data:
        return text + NO_WORK
    referrals = sum(r.total for r in report.referrals)
    return text + (
        f"ในเดือนนี้อาสาสมัครรายงานการปฏิบัติงาน {_n(sum(x.activities for x in d))} ครั้ง "
        f"มีผู้รับบริการ {_n(male + female)} คน (ชาย {_n(male)} คน หญิง {_n(female)} คน) "
        f"ชี้เป้า คัดกรอง และส่งต่อ {_n(referrals)} ราย "
        f"และมีกิจกรรม การประชุม หรือการอบรม {_n(len(report.events))} ครั้ง"
    )


def _districts(report: MonthlyReport) -> list[Section]:
    columns = (
        Column("อำเภอ", 26, kind="whole"),
        Column("อสร. (คน)", 13, "right"),
        Column("กิจกรรม (ครั้ง)", 12, "right"),
        Column("ผู้รับบริการ ชาย", 12, "right", "fit"),
        Column("ผู้รับบริการ หญิง", 12, "right", "fit"),
        Column("ผู้รับบริการ รวม", 12, "right", "fit"),
        Column("ส่งต่อ (ราย)", 11, "right"),
    )
    rows: list[Row] = []
    sums = [0] * 6
    for d in report.district_rows:
        figures = (
            d.active,
            d.activities,
            d.reached_male,
            d.reached_female,
            d.reached_male + d.reached_female,
            d.referrals,
        )
        sums = [a + b for a, b in zip(sums, figures, strict=True)]
        rows.append((d.district, *(_n(f) for f in figures)))
    rows.append(Subtotal((TOTAL, *(_n(f) for f in sums))))
    return [
        Heading("1. ผลการปฏิบัติงานแยกตามอำเภอ"),
        TableSection(columns, rows),
        *_outside_note(report),
        BarChart(
            "จำนวนกิจกรรมแยกตามอำเภอ (ครั้ง)",
            [d.district for d in report.district_rows],
            [d.activities for d in report.district_rows],
        ),
    ]


def _outside_note(report: MonthlyReport) -> list[Section]:
    """Says what the row of records outside the province is, when there is one."""
    if report.outside is None:
        return []
    return [
        Text(
            f"หมายเหตุ: แถว “{report.outside.district}” นับแยกผลงานและอาสาสมัครที่มีภูมิลำเนา"
            "นอกจังหวัดหรือไม่ได้ระบุอำเภอ และรวมอยู่ในยอดรวมทุกตาราง"
        )
    ]


def _missions(report: MonthlyReport) -> list[Section]:
    heading = Heading("2. การปฏิบัติงานแยกตามภารกิจและหน่วยงาน (ครั้ง)")
    if not report.has_activity_data:
        return [heading, Text(NO_WORK)]
    columns = (
        Column("ภารกิจ", 40),
        *(Column(Agency(code).label, 9, "right") for code in AGENCY_CODES),
        Column("ไม่ระบุ", 9, "right", "fit"),
        Column(TOTAL, 9, "right", "fit"),
    )
    rows: list[Row] = []
    sums = [0] * (len(AGENCY_CODES) + 2)
    for m in report.missions:
        figures = [*(m.by_agency.get(a, 0) for a in AGENCY_CODES), m.by_agency.get("", 0), m.total]
        sums = [a + b for a, b in zip(sums, figures, strict=True)]
        rows.append((m.mission, *(_n(f) for f in figures)))
    rows.append(Subtotal((TOTAL, *(_n(f) for f in sums))))
    return [heading, TableSection(columns, rows)]


def _referrals(report: MonthlyReport) -> list[Section]:
    heading = Heading("3. การชี้เป้า คัดกรอง และส่งต่อ แยกตามหน่วยงานและผล (ราย)")
    if not report.has_activity_data:
        return [heading, Text(NO_WORK)]
    columns = (
        Column("หน่วยงานที่ส่งต่อ", 16, kind="whole"),
        *(Column(_OUTCOME_LABELS[o], 15, "right", "fit") for o in REFERRAL_OUTCOMES),
        Column(TOTAL, 10, "right", "fit"),
    )
    rows: list[Row] = []
    sums = [0] * (len(REFERRAL_OUTCOMES) + 1)
    for r in report.referrals:
        figures = [*(r.by_outcome.get(o, 0) for o in REFERRAL_OUTCOMES), r.total]
        sums = [a + b for a, b in zip(sums, figures, strict=True)]
        rows.append((r.agency, *(_n(f) for f in figures)))
    rows.append(Subtotal((TOTAL, *(_n(f) for f in sums))))
    return [
        heading,
        TableSection(columns, rows),
        PieChart(
            "การส่งต่อแยกตามหน่วยงาน",
            [r.agency for r in report.referrals],
            [r.total for r in report.referrals],
            unit="ราย",
            empty_text="ไม่มีการส่งต่อในเดือนนี้",
        ),
    ]


def _events(report: MonthlyReport) -> list[Section]:
    heading = Heading("4. กิจกรรม การประชุม และการอบรมในเดือน (คน)")
    if not report.events:
        return [heading, Text("ไม่มีกิจกรรม การประชุม หรือการอบรมในเดือนนี้")]
    # Widths in millimetres (the frame is 175 mm), so that each role's header fits a line.
    role_widths = {"lead": 16, "network": 19, "mentor": 15, "staff": 19, "other": 12}
    columns = (
        Column("วันที่", 20, "center", "fit"),
        Column("เรื่อง / สถานที่", 63),
        *(Column(role.label, role_widths[role.value], "right", "fit") for role in _ROLES),
        Column(TOTAL, 11, "right", "fit"),
    )
    rows: list[Row] = [
        (
            format_thai_date(e.date),
            f"{e.title}\nณ {e.venue}" if e.venue else e.title,
            *(_n(e.attendees.get(role.value, 0)) for role in _ROLES),
            _n(e.total),
        )
        for e in report.events
    ]
    return [heading, TableSection(columns, rows)]


def _coverage(report: MonthlyReport) -> list[Section]:
    columns = (
        Column("อำเภอ", 32, kind="whole"),
        Column("ตำบล", 14, "right", "fit"),
        Column("มีแกนนำ", 18, "right", "fit"),
        Column("ร้อยละ", 15, "right", "fit"),
        Column("แกนนำ (คน)", 20, "right"),
        Column("เครือข่าย (คน)", 22, "right"),
        Column("แต่งตั้ง", 18, "right", "fit"),
        Column("พ้นสภาพ", 20, "right", "fit"),
    )
    rows: list[Row] = []
    sums = [0] * 6
    for d in report.district_rows:
        figures = (d.tambons, d.covered, d.leads, d.network, d.appointed, d.exited)
        sums = [a + b for a, b in zip(sums, figures, strict=True)]
        rows.append(_coverage_cells(d.district, figures))
    rows.append(Subtotal(_coverage_cells(TOTAL, sums)))
    return [Heading("5. ความครอบคลุมพื้นที่และจำนวนอาสาสมัครแรงงาน"), TableSection(columns, rows)]


def _coverage_cells(name: str, figures: tuple[int, ...] | list[int]) -> tuple[str, ...]:
    tambons, covered, *rest = figures
    return (name, _n(tambons), _n(covered), _percent(covered, tambons), *(_n(f) for f in rest))
