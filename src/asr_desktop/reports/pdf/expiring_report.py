"""The list of volunteers whose term ends soon (รายชื่อผู้ที่จะครบวาระ), for print."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from asr_desktop.reports.pdf.document import ProgressCallback, build_table_report
from asr_desktop.reports.pdf.sections import Imprint
from asr_desktop.reports.pdf.table import Column, Row, Subtotal

# Widths in millimetres of the landscape frame (262 mm), as in roster_register.
COLUMNS = (
    Column("ที่", 11, "right", "fit"),
    Column("ชื่อ - สกุล", 50, kind="name"),
    Column("เลขประจำตัวประชาชน", 39, "center", "fit"),
    Column("ตำบล", 28, kind="whole"),
    Column("อำเภอ", 30, kind="whole"),
    Column("ระดับ", 20, kind="whole"),
    Column("วันสิ้นสุดวาระ", 28, "center", "fit"),
    Column("เหลือ (วัน)", 22, "right"),
    Column("โทรศัพท์", 28, "center", "fit"),
)


@dataclass(frozen=True, slots=True)
class ExpiringEntry:
    name: str
    national_id: str
    subdistrict: str
    district: str
    tier: str
    term_end: str
    days_left: int
    phone: str


def expiring_title(days: int) -> str:
    return f"รายชื่ออาสาสมัครแรงงานที่จะครบวาระภายใน {days} วัน"


def write_expiring_report(
    out: str | os.PathLike[str] | BinaryIO,
    entries: Sequence[ExpiringEntry],
    *,
    imprint: Imprint,
    days: int,
    as_of_text: str,
    subtitle_lines: Sequence[str] = (),
    progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the list, soonest first as given; returns the page count."""
    rows: list[Row] = [
        (
            str(number),
            e.name,
            e.national_id,
            e.subdistrict,
            e.district,
            e.tier,
            e.term_end,
            f"{e.days_left:,}",
            e.phone,
        )
        for number, e in enumerate(entries, start=1)
    ]
    rows.append(Subtotal(("", "รวมทั้งสิ้น", f"{len(entries):,} คน", *[""] * 6)))
    return build_table_report(
        out,
        title=expiring_title(days),
        office_name=imprint.office_name,
        period_text=as_of_text,
        columns=COLUMNS,
        rows=rows,
        subtitle_lines=subtitle_lines,
        signatures=imprint.signatures,
        orientation="landscape",
        thai_digits=imprint.thai_digits,
        margins=imprint.margins,
        progress=progress,
        is_cancelled=is_cancelled,
    )
