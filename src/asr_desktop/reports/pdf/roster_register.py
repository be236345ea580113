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
# Portrait, one line a person, the columns an officer checks and signs for: who (name and
# ID), where (the district is the group heading, the tambon a column), what role and
# whether serving. Widths come from the content (see table.fit_widths).
#
# Why portrait and these six columns: the rows must be no shorter than 20.4 pt (TH Sarabun
# 14 pt type, 12.25 pt in Sarabun, 1.3 em lines and 2–2.5 pt padding: a stacked mark
# already reaches into the padding). Landscape A4 between the official margins is
# 467.7 pt high: 21 rows under the header, so 8,000 people take at least 383 pages, and
# even rows of bare ink (19 pt) give no more than 23 (350 pages). Portrait is 714.3 pt
# high: 33 rows, about 250 pages, but only 453.5 pt wide, where ten columns (718 pt of
# content) cannot stand. The six below fit with room for 19 names in 20 on one line; the
# batch, term dates and phone are in the Excel register and the terms-ending report.
COLUMNS = (
    Column("ที่", 11, "right", "fit"),
    Column("ชื่อ - สกุล", 45, kind="name"),
    Column("เลขประจำตัวประชาชน", 39, "center", "fit"),
    Column("ตำบล", 26, kind="whole"),
    Column("ระดับ", 18, kind="whole"),
    Column("สถานะ", 24),  # "พักการปฏิบัติหน้าที่" breaks between words, full size
)


@dataclass(frozen=True, slots=True)
class RegisterEntry:
    """One volunteer as printed in the register."""

    name: str
    national_id: str
    subdistrict: str
    tier: str
    status: str


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
                    entry.status,
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
        orientation="portrait",
        thai_digits=imprint.thai_digits,
        margins=imprint.margins,
        progress=progress,
        is_cancelled=is_cancelled,
    )


def _total_cells(label: str, count: int) -> tuple[str, ...]:
    return ("", label, f"{count:,} คน", *("" for _ in COLUMNS[3:]))
