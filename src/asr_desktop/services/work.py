"""What the volunteer's record shows of their work (read-only, for the volunteer dialog).

``attendance_of`` is the one call the volunteer dialog makes for its "การเข้าร่วมกิจกรรม"
section; ``work_summary`` gives the figures beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from asr_desktop.domain.thai_dates import format_thai_date
from asr_desktop.domain.work import EventKind
from asr_desktop.store.activities import ActivityStore
from asr_desktop.store.events import AttendanceRow, EventStore
from asr_desktop.store.referrals import ReferralStore


@dataclass(frozen=True, slots=True)
class AttendanceLine:
    """One event the volunteer was listed for, ready to show in a table."""

    event_id: int
    title: str
    kind_label: str
    dates: str
    venue: str
    role_label: str
    attended: bool


def attendance_of(db: Database, volunteer_id: int) -> list[AttendanceLine]:
    """Events the volunteer was listed for, newest first, with Thai labels and BE dates."""
    return [_line(row) for row in EventStore(db).attendance_of(volunteer_id)]


def _line(row: AttendanceRow) -> AttendanceLine:
    dates = format_thai_date(row.start_date)
    if row.end_date and row.end_date != row.start_date:
        dates += " – " + format_thai_date(row.end_date)
    return AttendanceLine(
        row.event_id,
        row.title,
        EventKind(row.kind).label,
        dates,
        row.venue,
        row.role.label,
        row.attended,
    )


@dataclass(frozen=True, slots=True)
class WorkSummary:
    last_activity: date | None
    referrals_served: int
    referrals_total: int
    events_attended: int


def work_summary(db: Database, volunteer_id: int) -> WorkSummary:
    served, total = ReferralStore(db).by_volunteer(volunteer_id)
    attended = sum(1 for r in EventStore(db).attendance_of(volunteer_id) if r.attended)
    return WorkSummary(ActivityStore(db).last_activity(volunteer_id), served, total, attended)
