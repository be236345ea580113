"""An event's sign-in sheet (ใบลงชื่อ): the list of attendees with room to sign.

The generic table report does the paging and "หน้า x/y"; rows are made tall for a
signature by a signature cell of two empty lines. A few numbered blank rows follow the
list for people who come without being on it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import BinaryIO

from asr_desktop.domain.progress import ProgressFn
from asr_desktop.domain.thai_dates import format_thai_date
from asr_desktop.reports.pdf.document import build_table_report
from asr_desktop.reports.pdf.layout import EventHeading
from asr_desktop.reports.pdf.table import Column

TITLE = "ใบลงชื่อผู้เข้าร่วมกิจกรรม"
COLUMNS = (
    Column("ลำดับ", 12, "center", "fit"),
    Column("ชื่อ-สกุล", 42, kind="name"),
    Column("ตำแหน่ง/\nบทบาท", 18, kind="whole"),
    Column("ตำบล/\nหน่วยงาน", 27, kind="whole"),
    Column("โทรศัพท์", 27, "center", "fit"),
    Column("ลายมือชื่อ", 30),
)
# Two empty lines: a row tall enough to sign in (about 1.3 cm at the table's size).
SIGNING_SPACE = "\n"


@dataclass(frozen=True, slots=True)
class SigninRow:
    """One person on the list: name, role (แกนนำ, เครือข่าย, ...), tambon or agency, phone."""

    name: str
    role: str
    place: str
    phone: str = ""


def build_signin_sheet(
    out: str | os.PathLike[str] | BinaryIO,
    event: EventHeading,
    attendees: Sequence[SigninRow],
    *,
    office_name: str,
    blank_rows: int = 10,
    thai_digits: bool = False,
    progress: ProgressFn | None = None,
) -> int:
    """Write the sheet: the attendees, then ``blank_rows`` numbered empty rows; page count.

    ``progress(done, total)`` counts rows; an exception it raises stops the run and no
    file is written.
    """
    rows: list[tuple[str, ...]] = [
        (str(number), person.name, person.role, person.place, person.phone, SIGNING_SPACE)
        for number, person in enumerate(attendees, start=1)
    ]
    first_blank = len(rows) + 1
    rows += [
        (str(number), "", "", "", "", SIGNING_SPACE)
        for number in range(first_blank, first_blank + blank_rows)
    ]
    subtitles = [event.title, event.dates_text()]
    if event.venue:
        subtitles.append(f"ณ {event.venue}")
    return build_table_report(
        out,
        title=TITLE,
        office_name=office_name,
        period_text=format_thai_date(event.start, "long"),
        columns=COLUMNS,
        rows=rows,
        subtitle_lines=subtitles,
        thai_digits=thai_digits,
        progress=progress,
    )
