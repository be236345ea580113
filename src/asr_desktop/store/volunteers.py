"""Saving and loading volunteers with their terms and status events.

Every method that writes runs in one transaction (nested calls become savepoints) and
appends to the audit log in that same transaction. After any change to a volunteer,
their terms or status events, :meth:`VolunteerStore._refresh_summary` recomputes the
summary columns the roster filters and sorts on (``name_sort_key``, ``search_text``,
``standing``, ``tier``, ``term_start``, ``term_end``, ``settled_on``) with
:func:`summary_columns`, the one function that the bulk insert (store/bulk.py) uses too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from asr_desktop.domain import areas
from asr_desktop.domain.clean_text import clean_names
from asr_desktop.domain.erasure import ERASED_SORT_KEY, is_erased_id
from asr_desktop.domain.errors import DuplicateError, NotFoundError
from asr_desktop.domain.model import StatusEvent, Term, Volunteer
from asr_desktop.domain.national_id import format_national_id
from asr_desktop.domain.status import (
    latest_term,
    settled_on,
    standing_from_events,
    term_last_day,
)
from asr_desktop.domain.thai_sort import thai_sort_key
from asr_desktop.domain.vocabulary import StatusChange
from asr_desktop.store import audit, erasures
from asr_desktop.store.names import display_name_sql
from asr_desktop.store.records import from_row, inserted_id, to_row


def name_sort_key(first_name: str, last_name: str) -> str:
    """Thai dictionary order by first name, then last name (as Thai registers sort)."""
    return f"{thai_sort_key(first_name)}\x00{thai_sort_key(last_name)}"


def search_text(volunteer: Volunteer) -> str:
    """What search-as-you-type looks in: names, ID, phone and area names, lower case."""
    parts = [
        volunteer.title + volunteer.first_name,
        volunteer.first_name,
        volunteer.last_name,
        volunteer.national_id,
        volunteer.phone,
        areas.subdistrict_name(volunteer.subdistrict_code),
        areas.district_name(volunteer.district_code),
        volunteer.line_id,
    ]
    return " ".join(p for p in parts if p).lower()


def summary_columns(
    volunteer: Volunteer,
    terms: Sequence[Term],
    events: Sequence[StatusEvent],
    *,
    erased_on: date | None = None,
) -> dict[str, Any]:
    """The derived columns of a volunteer row, from the volunteer and their whole history.

    They describe the volunteer after all their records, so they give the status of any
    day from ``settled_on`` on (domain/status.py); store/roster.py reads the history for
    earlier days.

    An erased row counts as exited, but only from ``erased_on`` (the day of the erasure):
    ``settled_on`` is never earlier, so past days still read the history and count the
    person as they were. A ``settled_on`` later than needed is always right (those days
    just read the history), one earlier is not.

    Terms and events that are already saved must carry their ids: ties on a date are
    decided by id, as in domain/status.py.
    """
    term = latest_term(terms)
    standing = standing_from_events(events)
    exit_reason = None
    if standing is StatusChange.EXITED:
        exit_reason = max(events, key=lambda e: (e.date, e.id or 0)).reason
    erased = is_erased_id(volunteer.national_id)
    if erased:  # out of every list and current count (domain/erasure.py)
        standing, exit_reason = StatusChange.EXITED, None
    return {
        "district_code": volunteer.district_code,
        "name_sort_key": (
            ERASED_SORT_KEY if erased else name_sort_key(volunteer.first_name, volunteer.last_name)
        ),
        "search_text": search_text(volunteer),
        "standing": standing.value if standing else None,
        "exit_reason": exit_reason.value if exit_reason else None,
        "tier": term.tier.value if term else None,
        "term_start": term.start_date.isoformat() if term else None,
        "term_end": term_last_day(term).isoformat() if term else None,
        "settled_on": _iso(_settled(settled_on(terms, events), erased_on if erased else None)),
    }


def _settled(history: date | None, erased_on: date | None) -> date | None:
    if history is None or erased_on is None:
        return history or erased_on
    return max(history, erased_on)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


class VolunteerStore:
    """Volunteers, terms and status events in one database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- volunteers -------------------------------------------------------------------

    def add(self, volunteer: Volunteer) -> int:
        """Saves a new volunteer and returns its id.

        Raises:
            DuplicateError: The national ID is already in the roster.
        """
        clean_names(volunteer)
        with self.db.atomic():
            existing = self.id_by_national_id(volunteer.national_id)
            if existing is not None:
                raise DuplicateError(
                    f"เลขประจำตัวประชาชน {format_national_id(volunteer.national_id)} มีอยู่ในทะเบียนแล้ว",
                    existing,
                )
            now = _now()
            row = to_row(volunteer, exclude=("id",))
            row.update(summary_columns(volunteer, (), ()), created_at=now, updated_at=now)
            volunteer_id = inserted_id(self.db.table("volunteers").insert(row))
            volunteer.id = volunteer_id
            audit.record(
                self.db,
                "create",
                "volunteer",
                volunteer_id,
                after=to_row(volunteer),
                summary=volunteer.full_name,
            )
        return volunteer_id

    def update(self, volunteer: Volunteer) -> None:
        """Saves changes to an existing volunteer."""
        if volunteer.id is None:
            raise ValueError("update() needs a saved volunteer")
        clean_names(volunteer)
        with self.db.atomic():
            before = self.get(volunteer.id)
            existing = self.id_by_national_id(volunteer.national_id)
            if existing is not None and existing != volunteer.id:
                raise DuplicateError(
                    f"เลขประจำตัวประชาชน {format_national_id(volunteer.national_id)} "
                    "เป็นของอาสาสมัครอีกคนในทะเบียนแล้ว",
                    existing,
                )
            row = to_row(volunteer, exclude=("id",))
            row.update(self._summary(volunteer), updated_at=_now())
            self.db.table("volunteers").update(volunteer.id, row)
            audit.record(
                self.db,
                "update",
                "volunteer",
                volunteer.id,
                before=to_row(before),
                after=to_row(volunteer),
                summary=volunteer.full_name,
            )

    def get(self, volunteer_id: int) -> Volunteer:
        row = self.db.execute("SELECT * FROM volunteers WHERE id = ?", [volunteer_id]).fetchone()
        if row is None:
            raise NotFoundError(f"ไม่พบอาสาสมัครรหัส {volunteer_id}")
        columns = [d[0] for d in self.db.execute("SELECT * FROM volunteers LIMIT 0").description]
        return from_row(Volunteer, dict(zip(columns, row, strict=True)))

    def id_by_national_id(self, national_id: str) -> int | None:
        row = self.db.execute(
            "SELECT id FROM volunteers WHERE national_id = ?", [national_id]
        ).fetchone()
        return int(row[0]) if row else None

    def ids_by_national_id(self) -> dict[str, int]:
        """Every volunteer's id by national ID (for an import to spot who is on file)."""
        rows = self.db.execute("SELECT national_id, id FROM volunteers").fetchall()
        return {str(national_id): int(vid) for national_id, vid in rows}

    def delete(self, volunteer_id: int) -> None:
        """Removes a record entered by mistake, with its terms and events (audited)."""
        with self.db.atomic():
            before = self.get(volunteer_id)
            self.db.execute("DELETE FROM volunteers WHERE id = ?", [volunteer_id])
            audit.record(
                self.db,
                "delete",
                "volunteer",
                volunteer_id,
                before=to_row(before),
                summary=before.full_name,
            )

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM volunteers").fetchone()[0])

    def count_without_mentor(self) -> int:
        sql = "SELECT count(*) FROM volunteers WHERE mentor_id IS NULL AND name_sort_key > ?"
        return int(self.db.execute(sql, [ERASED_SORT_KEY]).fetchone()[0])

    def display_names(self, volunteer_ids: Iterable[int]) -> dict[int, str]:
        """ "นายสมชาย ใจดี" by id, in one query (ids not found are left out)."""
        ids = sorted(set(volunteer_ids))
        names: dict[int, str] = {}
        for start in range(0, len(ids), 500):
            block = ids[start : start + 500]
            marks = ", ".join("?" * len(block))
            sql = f"SELECT id, {display_name_sql()} FROM volunteers WHERE id IN ({marks})"
            names.update((int(i), str(n)) for i, n in self.db.execute(sql, block).fetchall())
        return names

    def names_and_subdistricts(self, volunteer_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
        """(display name, subdistrict code) by id, in one query (ids not found are left out)."""
        names: dict[int, tuple[str, str]] = {}
        ids = sorted(set(volunteer_ids))
        for start in range(0, len(ids), 500):
            block = ids[start : start + 500]
            marks = ", ".join("?" * len(block))
            sql = (
                f"SELECT id, {display_name_sql()}, subdistrict_code FROM volunteers "
                f"WHERE id IN ({marks})"
            )
            names.update(
                (int(i), (str(n), str(code))) for i, n, code in self.db.execute(sql, block)
            )
        return names

    # -- terms --------------------------------------------------------------------------

    def terms(self, volunteer_id: int) -> list[Term]:
        return [
            from_row(Term, row)
            for row in self.db.query(
                "SELECT * FROM terms WHERE volunteer_id = ? ORDER BY start_date, id",
                [volunteer_id],
            )
        ]

    def add_term(self, term: Term) -> int:
        with self.db.atomic():
            term_id = inserted_id(self.db.table("terms").insert(to_row(term, exclude=("id",))))
            term.id = term_id
            audit.record(
                self.db,
                "create",
                "term",
                term_id,
                after=to_row(term),
                summary=f"volunteer {term.volunteer_id}",
            )
            self._refresh_summary(term.volunteer_id)
        return term_id

    def update_term(self, term: Term) -> None:
        if term.id is None:
            raise ValueError("update_term() needs a saved term")
        with self.db.atomic():
            before = self._term(term.id)
            self.db.table("terms").update(term.id, to_row(term, exclude=("id",)))
            audit.record(
                self.db,
                "update",
                "term",
                term.id,
                before=to_row(before),
                after=to_row(term),
                summary=f"volunteer {term.volunteer_id}",
            )
            self._refresh_summary(term.volunteer_id)

    def delete_term(self, term_id: int) -> None:
        with self.db.atomic():
            before = self._term(term_id)
            self.db.execute("DELETE FROM terms WHERE id = ?", [term_id])
            audit.record(
                self.db,
                "delete",
                "term",
                term_id,
                before=to_row(before),
                summary=f"volunteer {before.volunteer_id}",
            )
            self._refresh_summary(before.volunteer_id)

    def _term(self, term_id: int) -> Term:
        rows = list(self.db.query("SELECT * FROM terms WHERE id = ?", [term_id]))
        if not rows:
            raise NotFoundError(f"ไม่พบวาระรหัส {term_id}")
        return from_row(Term, rows[0])

    # -- status events ------------------------------------------------------------------

    def events(self, volunteer_id: int) -> list[StatusEvent]:
        return [
            from_row(StatusEvent, row)
            for row in self.db.query(
                "SELECT * FROM status_events WHERE volunteer_id = ? ORDER BY date, id",
                [volunteer_id],
            )
        ]

    def add_event(self, event: StatusEvent) -> int:
        with self.db.atomic():
            row = to_row(event, exclude=("id",))
            event_id = inserted_id(self.db.table("status_events").insert(row))
            event.id = event_id
            audit.record(
                self.db,
                "exit" if event.change is StatusChange.EXITED else "update",
                "status_event",
                event_id,
                after=to_row(event),
                summary=f"volunteer {event.volunteer_id}: {event.change.label}",
            )
            self._refresh_summary(event.volunteer_id)
        return event_id

    def delete_event(self, event_id: int) -> None:
        with self.db.atomic():
            rows = list(self.db.query("SELECT * FROM status_events WHERE id = ?", [event_id]))
            if not rows:
                raise NotFoundError(f"ไม่พบรายการสถานะรหัส {event_id}")
            before = from_row(StatusEvent, rows[0])
            self.db.execute("DELETE FROM status_events WHERE id = ?", [event_id])
            audit.record(
                self.db,
                "delete",
                "status_event",
                event_id,
                before=to_row(before),
                summary=f"volunteer {before.volunteer_id}",
            )
            self._refresh_summary(before.volunteer_id)

    # -- summary columns ----------------------------------------------------------------

    def _refresh_summary(self, volunteer_id: int) -> None:
        self.db.table("volunteers").update(volunteer_id, self._summary(self.get(volunteer_id)))

    def _summary(self, volunteer: Volunteer) -> dict[str, Any]:
        """summary_columns of a saved volunteer, with the day of their erasure if any."""
        assert volunteer.id is not None
        history = self.terms(volunteer.id), self.events(volunteer.id)
        return summary_columns(volunteer, *history, erased_on=self.erased_on(volunteer))

    def erased_on(self, volunteer: Volunteer) -> date | None:
        """The day an erased volunteer was erased (None if not erased).

        The ledger's day, kept apart from the summary columns, so that no recalculation of
        them can lose it; for a person erased before the ledger existed (migration m0010),
        the row's own ``settled_on``, which the erasure made that day or later.
        """
        if volunteer.id is None or not is_erased_id(volunteer.national_id):
            return None
        days = [erasures.erased_on(self.db, volunteer.id)]
        row = self.db.execute(
            "SELECT settled_on FROM volunteers WHERE id = ?", [volunteer.id]
        ).fetchone()
        if row and row[0]:
            days.append(date.fromisoformat(row[0]))
        known = [d for d in days if d is not None]
        return max(known) if known else None


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")
