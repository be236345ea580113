"""An event's sign-in sheet (ใบลงชื่อ): the list of attendees with room to sign.

The generic table report does the paging and "หน้า x/y"; rows are made tall for a
signature by a signature cell of two empty lines. A few numbered blank rows follow the
list for people who come without being on it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import BinaryIO

from reportlab.lib.units import mm

from asr_desktop.domain.progress import ProgressFn
from asr_desktop.domain.thai_dates import format_thai_date
from asr_desktop.reports.pdf.document import Margins, build_table_report
from asr_desktop.reports.pdf.layout import EventHeading
from asr_desktop.reports.pdf.table import Column

TITLE = "ใบลงชื่อผู้เข้าร่วมกิจกรรม"
# Two empty lines: a row tall enough to sign in (about 1.3 cm at the table's size).
SIGNING_SPACE = "\n"
# Beyond this many days the sheet turns to landscape to give each day's column room.
PORTRAIT_DAYS = 1
SIGNING_WIDTH = 30 * mm  # room to sign, and for the day's date in the header


@dataclass(frozen=True, slots=True)
class SigninRow:
    """One person on the list: name, role (แกนนำ, เครือข่าย, ...), tambon or agency, phone."""

    name: str
    role: str
    place: str
    phone: str = ""


def event_days(event: EventHeading) -> list[date]:
    """Every day of the event, first to last."""
    end = event.end if event.end is not None and event.end > event.start else event.start
    return [event.start + timedelta(days=n) for n in range((end - event.start).days + 1)]


def signin_columns(days: int, *, phones: bool) -> list[Column]:
    """The sheet's columns: a signature column per day of the event (headed by its date
    in the caller), the phone column only when the office prints phones."""
    return [
        Column("ลำดับ", 12, "center", "fit"),
        Column("ชื่อ-สกุล", 42, kind="name"),
        Column("ตำแหน่ง/\nบทบาท", 18, kind="whole"),
        Column("ตำบล/\nหน่วยงาน", 27, kind="whole"),
        *([Column("โทรศัพท์", 27, "center", "fit")] if phones else []),
        *(Column("ลายมือชื่อ", 30, min_width=SIGNING_WIDTH) for _ in range(days)),
    ]


def build_signin_sheet(
    out: str | os.PathLike[str] | BinaryIO,
    event: EventHeading,
    attendees: Sequence[SigninRow],
    *,
    office_name: str,
    blank_rows: int = 10,
    thai_digits: bool = False,
    phones: bool = False,
    margins: Margins | None = None,
    progress: ProgressFn | None = None,
) -> int:
    """Write the sheet: the attendees, then ``blank_rows`` numbered empty rows; page count.

    A sheet is passed round for everyone to read, so attendees' phone numbers print only
    when ``phones`` (an office setting) says so. An event of several days gets a signature
    column per day, headed by its date.

    ``progress(done, total)`` counts rows; an exception it raises stops the run and no
    file is written.
    """
    days = event_days(event)
    columns = signin_columns(len(days), phones=phones)
    signature_headers = [f"ลายมือชื่อ\n{format_thai_date(day)}" for day in days]
    if len(days) > 1:
        columns = [
            *columns[: len(columns) - len(days)],
            *(Column(text, 30, min_width=SIGNING_WIDTH) for text in signature_headers),
        ]
    signing = (SIGNING_SPACE,) * len(days)
    rows: list[tuple[str, ...]] = [
        (
            str(number),
            person.name,
            person.role,
            person.place,
            *((person.phone,) if phones else ()),
            *signing,
        )
        for number, person in enumerate(attendees, start=1)
    ]
    first_blank = len(rows) + 1
    rows += [
        (str(number), "", "", "", *(("",) if phones else ()), *signing)
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
        columns=columns,
        rows=rows,
        subtitle_lines=subtitles,
        orientation="portrait" if len(days) <= PORTRAIT_DAYS else "landscape",
        thai_digits=thai_digits,
        margins=margins,
        progress=progress,
    )
