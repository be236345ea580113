"""Use cases of events (trainings, seminars, meetings) and their attendees."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from sqlite_utils import Database

from asr_desktop.domain.errors import InputError, NotFoundError
from asr_desktop.domain.thai_dates import fiscal_year
from asr_desktop.domain.vocabulary import Tier
from asr_desktop.domain.work import Attendee, AttendeeRole, Event
from asr_desktop.store.events import AttendeeRow as AttendeeRow
from asr_desktop.store.events import EventStore
from asr_desktop.store.roster import tier_on


def event_problems(event: Event, attendees: list[Attendee]) -> list[InputError]:
    problems = []
    if not event.title.strip():
        problems.append(InputError("กรุณากรอกชื่อกิจกรรม", "title"))
    if event.end_date is not None and event.end_date < event.start_date:
        problems.append(InputError("วันสิ้นสุดต้องไม่ก่อนวันเริ่ม", "end_date"))
    seen: set[tuple[str, int]] = set()
    for a in attendees:
        key = ("v", a.volunteer_id) if a.volunteer_id else ("m", a.mentor_id or 0)
        if a.volunteer_id or a.mentor_id:
            if key in seen:
                problems.append(InputError("มีผู้เข้าร่วมซ้ำในรายชื่อ", "attendees"))
                break
            seen.add(key)
        elif not a.guest_name.strip():
            problems.append(InputError("กรุณากรอกชื่อผู้เข้าร่วม", "attendees"))
            break
    return problems


class EventPeople(NamedTuple):
    """An event's list as the screens show it.

    Erased (anonymised) volunteers are not on ``rows``: they leave every list of people.
    The event happened, so its figures still count them, as a number only.
    """

    rows: list[AttendeeRow]
    """Everyone else on the list, in the order they were entered."""
    erased: list[Attendee]
    """The erased volunteers' attendee rows (never named; saving the event keeps them)."""

    @property
    def erased_attended(self) -> int:
        return sum(1 for a in self.erased if a.attended)


def erased_words(count: int) -> str:
    """What follows a past count that includes erased people: " (ลบข้อมูลแล้ว 2 คน)".

    Empty when there are none.
    """
    return f" (ลบข้อมูลแล้ว {count:,} คน)" if count else ""


def role_for_tier(tier: str | None) -> AttendeeRole:
    """A volunteer attends in the role of their tier."""
    return AttendeeRole.LEAD if tier == Tier.LEAD else AttendeeRole.NETWORK


class EventService:
    def __init__(self, db: Database, *, today: Callable[[], date] = date.today) -> None:
        self.db = db
        self.store = EventStore(db)
        self.today = today

    def save(self, event: Event, attendees: list[Attendee]) -> int:
        problems = event_problems(event, attendees)
        if problems:
            raise InputError("; ".join(p.message for p in problems), problems[0].field)
        if event.fiscal_year is None:
            event.fiscal_year = fiscal_year(event.start_date)
        return self.store.save(event, attendees)

    def people(self, event_id: int) -> EventPeople:
        """The event's list without the erased, and the erased as attendee rows only."""
        rows = self.store.attendees(event_id)
        return EventPeople(
            [r for r in rows if not r.erased], [r.attendee for r in rows if r.erased]
        )

    def volunteer_attendee(self, volunteer_id: int, *, on: date) -> Attendee:
        """An attendee row for a volunteer, in the role of the tier in force on the event's
        first day ``on`` (network before their first term starts)."""
        try:
            tier = tier_on(self.db, volunteer_id, on)
        except NotFoundError as exc:
            raise InputError(exc.message, "attendees") from None
        return Attendee(role_for_tier(tier), volunteer_id=volunteer_id)
