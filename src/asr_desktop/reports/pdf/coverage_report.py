"""The coverage report (รายงานความครอบคลุมพื้นที่): tambons with and without a serving lead.

A summary table by district with per cents, a bar chart of the per cents, then the
tambons still without a lead, grouped by district, so the office knows where to recruit.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from asr_desktop.reports.pdf.charts import BarChart
from asr_desktop.reports.pdf.document import ProgressCallback
from asr_desktop.reports.pdf.sections import (
    Heading,
    Imprint,
    Section,
    TableSection,
    Text,
    build_sections_report,
)
from asr_desktop.reports.pdf.table import Column, GroupHeading, Row, Subtotal

TITLE = "รายงานความครอบคลุมพื้นที่ของแกนนำอาสาสมัครแรงงานระดับตำบล"
SUMMARY_COLUMNS = (
    Column("อำเภอ", 30, kind="whole"),
    Column("จำนวนตำบล", 12, "right", "fit"),
    Column("มีแกนนำ", 12, "right", "fit"),
    Column("ไม่มีแกนนำ", 12, "right", "fit"),
    Column("ร้อยละที่มีแกนนำ", 16, "right", "fit"),
)
UNCOVERED_COLUMNS = (
    Column("ที่", 8, "right", "fit"),
    Column("ตำบล", 45, kind="whole"),
    Column("รหัสตำบล", 20, "center", "fit"),
)


@dataclass(frozen=True, slots=True)
class DistrictCoverageLine:
    district: str
    tambons: int
    covered: int

    @property
    def percent(self) -> float:
        return 100.0 * self.covered / self.tambons if self.tambons else 0.0


def percent_text(value: float) -> str:
    return f"{value:.1f}"


def write_coverage_report(
    out: str | os.PathLike[str] | BinaryIO,
    districts: Sequence[DistrictCoverageLine],
    uncovered: Sequence[tuple[str, Sequence[tuple[str, str]]]],
    *,
    imprint: Imprint,
    as_of_text: str,
    subtitle_lines: Sequence[str] = (),
    progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> int:
    """``uncovered`` holds (district heading, [(tambon name, code)]) for districts with
    tambons lacking a lead. Returns the page count."""
    total = DistrictCoverageLine(
        "รวมทั้งจังหวัด", sum(d.tambons for d in districts), sum(d.covered for d in districts)
    )
    summary: list[Row] = [_summary_cells(d) for d in districts]
    summary.append(Subtotal(_summary_cells(total)))
    sections: list[Section] = [
        Text(
            f"ตำบลที่มีแกนนำอาสาสมัครแรงงานระดับตำบลที่ปฏิบัติหน้าที่ {total.covered:,} ตำบล "
            f"จากทั้งหมด {total.tambons:,} ตำบล คิดเป็นร้อยละ {percent_text(total.percent)} "
            f"ยังไม่มีแกนนำ {total.tambons - total.covered:,} ตำบล"
        ),
        Heading("1. ความครอบคลุมแยกตามอำเภอ"),
        TableSection(SUMMARY_COLUMNS, summary),
        BarChart(
            "ร้อยละของตำบลที่มีแกนนำ แยกตามอำเภอ",
            [d.district for d in districts],
            [round(d.percent) for d in districts],
        ),
        Heading("2. ตำบลที่ยังไม่มีแกนนำอาสาสมัครแรงงานที่ปฏิบัติหน้าที่"),
    ]
    if uncovered:
        rows: list[Row] = []
        for heading, tambons in uncovered:
            rows.append(GroupHeading(f"{heading} ({len(tambons):,} ตำบล)"))
            rows.extend((str(n), name, code) for n, (name, code) in enumerate(tambons, 1))
        sections.append(TableSection(UNCOVERED_COLUMNS, rows))
    else:
        sections.append(Text("ทุกตำบลมีแกนนำอาสาสมัครแรงงานที่ปฏิบัติหน้าที่แล้ว"))
    return build_sections_report(
        out,
        title=TITLE,
        office_name=imprint.office_name,
        period_text=as_of_text,
        sections=sections,
        subtitle_lines=subtitle_lines,
        signatures=imprint.signatures,
        thai_digits=imprint.thai_digits,
        margins=imprint.margins,
        progress=progress,
        is_cancelled=is_cancelled,
    )


def _summary_cells(line: DistrictCoverageLine) -> tuple[str, ...]:
    return (
        line.district,
        f"{line.tambons:,}",
        f"{line.covered:,}",
        f"{line.tambons - line.covered:,}",
        percent_text(line.percent),
    )
