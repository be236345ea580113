"""The roster register (ทะเบียนอาสาสมัครแรงงาน) for print: one table, grouped by district.

The service hands over entries already as printed (names with title, national IDs masked
or in full, dates in พ.ศ.); this module only lays them out with a heading and a subtotal
per district and the total at the end.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from asr_desktop.reports.pdf.document import ProgressCallback, build_table_report
from asr_desktop.reports.pdf.sections import Imprint
from asr_desktop.reports.pdf.table import Column, GroupHeading, Row, Subtotal

TITLE = "ทะเบียนอาสาสมัครแรงงาน"
# Widths in millimetres of the landscape frame (262 mm), measured on Sarabun at 12 pt: a
# full national ID, a "30 พ.ย. 2569" date and a 10-digit phone number each fit one line.
COLUMNS = (
    Column("ที่", 11, "right", "fit"),
    Column("ชื่อ - สกุล", 45, kind="name"),
    Column("เลขประจำตัวประชาชน", 39, "center", "fit"),
    Column("ตำบล", 26, kind="whole"),
    Column("ระดับ", 18, kind="whole"),
    Column("รุ่น", 18, "center", "fit"),
    Column("เริ่มวาระ", 27, "center", "fit"),
    Column("สิ้นสุดวาระ", 27, "center", "fit"),
    Column("สถานะ", 24, kind="whole"),
    Column("โทรศัพท์", 26, "center", "fit"),
)


@dataclass(frozen=True, slots=True)
class RegisterEntry:
    """One volunteer as printed in the register."""

    name: str
    national_id: str
    subdistrict: str
    tier: str
    batch: str
    term_start: str
    term_end: str
    status: str
    phone: str


def write_roster_register(
    out: str | os.PathLike[str] | BinaryIO,
    districts: Iterable[tuple[str, Sequence[RegisterEntry]]],
    *,
    imprint: Imprint,
    as_of_text: str,
    subtitle_lines: Sequence[str] = (),
    progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the register; ``districts`` are (heading such as "อำเภอเมืองสกลนคร", entries)
    in print order. Returns the page count."""
    rows: list[Row] = []
    number = 0
    for heading, entries in districts:
        rows.append(GroupHeading(f"{heading} ({len(entries):,} คน)"))
        for entry in entries:
            number += 1
            rows.append(
                (
                    str(number),
                    entry.name,
                    entry.national_id,
                    entry.subdistrict,
                    entry.tier,
                    entry.batch,
                    entry.term_start,
                    entry.term_end,
                    entry.status,
                    entry.phone,
                )
            )
        rows.append(Subtotal(_total_cells(f"รวม{heading}", len(entries))))
    rows.append(Subtotal(_total_cells("รวมทั้งสิ้น", number)))
    return build_table_report(
        out,
        title=TITLE,
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


def _total_cells(label: str, count: int) -> tuple[str, ...]:
    return ("", label, f"{count:,} คน", *("" for _ in COLUMNS[3:]))
