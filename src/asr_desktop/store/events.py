"""Events (trainings, seminars, meetings) and who attended them."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from sqlite_utils import Database

from asr_desktop.domain.erasure import ERASED_SORT_KEY
from asr_desktop.domain.errors import NotFoundError
from asr_desktop.domain.work import Attendee, AttendeeRole, Event
from asr_desktop.store import audit
from asr_desktop.store.names import display_name_sql
from asr_desktop.store.records import from_row, inserted_id, to_row


class AttendeeRow(NamedTuple):
    """An attendee with the name to show, whichever kind of person it is."""

    attendee: Attendee
    name: str
    detail: str
    phone: str
    """The volunteer's or mentor's phone as stored ("" for a guest or none)."""
    erased: bool = False
    """A volunteer whose record was anonymised: counted, never named or printed."""


class AttendanceRow(NamedTuple):
    """One event on a volunteer's record."""

    event_id: int
    title: str
    kind: str
    start_date: date
    end_date: date | None
    venue: str
    role: AttendeeRole
    attended: bool


_ERASED_SQL = (
    "coalesce((SELECT v.name_sort_key = '" + ERASED_SORT_KEY + "' FROM volunteers v "
    "WHERE v.id = event_attendees.volunteer_id), 0)"
)
"""An attendee row (of ``event_attendees``) whose volunteer was erased (domain/erasure.py)."""


class EventStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def save(self, event: Event, attendees: list[Attendee]) -> int:
        """Saves an event with its whole attendee list in one transaction.

        Erased (anonymised) volunteers on the list are kept as they are whatever
        ``attendees`` says: the screens never show them (they may not be named), yet the
        event's past figures still count them.
        """
        with self.db.atomic():
            table = self.db.table("events")
            row = to_row(event, exclude=("id",))
            if event.id is None:
                event.id = inserted_id(table.insert(row))
                before = None
                action = "create"
            else:
                before = to_row(self.get(event.id))
                table.update(event.id, row)
                action = "update"
            old_people = self._people(event.id)
            erased = self._erased_volunteers(event.id)
            self.db.execute(
                f"DELETE FROM event_attendees WHERE event_id = ? AND NOT ({_ERASED_SQL})",
                [event.id],
            )
            for attendee in attendees:
                if attendee.volunteer_id in erased:
                    continue  # kept above
                attendee.id = inserted_id(
                    self.db.table("event_attendees").insert(
                        {**to_row(attendee, exclude=("id",)), "event_id": event.id}
                    )
                )
            after = to_row(event)
            after["attendees"] = self._people(event.id)
            if before is not None:
                before["attendees"] = old_people
            audit.record(
                self.db, action, "event", event.id, before=before, after=after, summary=event.title
            )
        return event.id

    def _erased_volunteers(self, event_id: int) -> set[int]:
        rows = self.db.execute(
            f"SELECT volunteer_id FROM event_attendees WHERE event_id = ? AND {_ERASED_SQL}",
            [event_id],
        ).fetchall()
        return {int(r[0]) for r in rows}

    def _people(self, event_id: int) -> list[str]:
        rows = self.db.execute(
            "SELECT role, volunteer_id, mentor_id, guest_name FROM event_attendees "
            "WHERE event_id = ? ORDER BY id",
            [event_id],
        ).fetchall()
        return [f"{r[0]}:{r[1] or ''}:{r[2] or ''}:{r[3]}" for r in rows]

    def delete(self, event_id: int) -> None:
        with self.db.atomic():
            before = to_row(self.get(event_id))
            self.db.execute("DELETE FROM events WHERE id = ?", [event_id])
            audit.record(
                self.db, "delete", "event", event_id, before=before, summary=before["title"]
            )

    def get(self, event_id: int) -> Event:
        rows = list(self.db.query("SELECT * FROM events WHERE id = ?", [event_id]))
        if not rows:
            raise NotFoundError(f"ไม่พบกิจกรรมรหัส {event_id}")
        return from_row(Event, rows[0])

    def all(self, *, fiscal_year: int | None = None) -> list[Event]:
        where, params = ("WHERE fiscal_year = ?", [fiscal_year]) if fiscal_year else ("", [])
        return [
            from_row(Event, row)
            for row in self.db.query(
                f"SELECT * FROM events {where} ORDER BY start_date DESC, id DESC", params
            )
        ]

    def starting_between(self, first: date, following: date) -> list[tuple[Event, dict[str, int]]]:
        """Events that start in a half-open date range, earliest first, each with how many
        attended by role (role code → count, every role listed)."""
        events = [
            from_row(Event, row)
            for row in self.db.query(
                "SELECT * FROM events WHERE start_date >= ? AND start_date < ? "
                "ORDER BY start_date, id",
                [first.isoformat(), following.isoformat()],
            )
        ]
        counts: dict[int, dict[str, int]] = {
            e.id: dict.fromkeys((r.value for r in AttendeeRole), 0)
            for e in events
            if e.id is not None
        }
        for event_id, role, n in self.db.execute(
            "SELECT a.event_id, a.role, count(*) FROM event_attendees a "
            "JOIN events e ON e.id = a.event_id WHERE e.start_date >= ? AND e.start_date < ? "
            "AND a.attended = 1 GROUP BY 1, 2",
            [first.isoformat(), following.isoformat()],
        ).fetchall():
            counts[event_id][role] = int(n)
        return [(e, counts[e.id]) for e in events if e.id is not None]

    def attendees(self, event_id: int) -> list[AttendeeRow]:
        rows = self.db.query(
            "SELECT a.*, "
            f"coalesce({display_name_sql('v')}, {display_name_sql('m')}, a.guest_name) AS name, "
            "coalesce(v.subdistrict_code, m.position, a.guest_organisation) AS detail, "
            "coalesce(v.phone, m.phone, '') AS phone, "
            f"coalesce(v.name_sort_key = '{ERASED_SORT_KEY}', 0) AS erased "
            "FROM event_attendees a LEFT JOIN volunteers v ON v.id = a.volunteer_id "
            "LEFT JOIN mentors m ON m.id = a.mentor_id WHERE a.event_id = ? ORDER BY a.id",
            [event_id],
        )
        return [
            AttendeeRow(
                from_row(Attendee, row),
                row["name"],
                row["detail"],
                row["phone"],
                bool(row["erased"]),
            )
            for row in rows
        ]

    def role_counts(self, event_id: int) -> dict[AttendeeRole, int]:
        """How many attended, by role."""
        counts = dict.fromkeys(AttendeeRole, 0)
        for role, n in self.db.execute(
            "SELECT role, count(*) FROM event_attendees WHERE event_id = ? AND attended = 1 "
            "GROUP BY role",
            [event_id],
        ).fetchall():
            counts[AttendeeRole(role)] = n
        return counts

    def attendance_of(self, volunteer_id: int) -> list[AttendanceRow]:
        rows = self.db.execute(
            "SELECT e.id, e.title, e.kind, e.start_date, e.end_date, e.venue, a.role, a.attended "
            "FROM event_attendees a JOIN events e ON e.id = a.event_id "
            "WHERE a.volunteer_id = ? ORDER BY e.start_date DESC, e.id DESC",
            [volunteer_id],
        ).fetchall()
        return [
            AttendanceRow(
                r[0],
                r[1],
                r[2],
                date.fromisoformat(r[3]),
                date.fromisoformat(r[4]) if r[4] else None,
                r[5],
                AttendeeRole(r[6]),
                bool(r[7]),
            )
            for r in rows
        ]

    def attended_counts(self, volunteer_id: int, first: date, following: date) -> tuple[int, int]:
        """(events, trainings) the volunteer attended that started in the range."""
        row = self.db.execute(
            "SELECT count(*), coalesce(sum(e.kind = 'training'), 0) FROM event_attendees a "
            "JOIN events e ON e.id = a.event_id WHERE a.volunteer_id = ? AND a.attended = 1 "
            "AND e.start_date >= ? AND e.start_date < ?",
            [volunteer_id, first.isoformat(), following.isoformat()],
        ).fetchone()
        return int(row[0]), int(row[1])
