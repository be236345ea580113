"""Inserting many volunteers at once, with their terms and status events.

Used by the demo builder and the Excel import. :class:`VolunteerStore` writes one record
and one audit entry at a time, which is right for the form and far too slow for 100,000
rows; here everything goes in with ``executemany`` in one transaction, under one audit
entry, and either all of it is saved or none of it.

The rows are the same as those the store writes for the same data: the summary columns
come from the same :func:`~asr_desktop.store.volunteers.summary_columns`.

Ids are given out here (one more than the largest in each table) so that terms and events
can name their volunteer without asking SQLite for each new row id. That is safe against
another writer: in WAL mode a transaction that read before another connection committed
cannot write afterwards (SQLite answers "database is locked"), so nothing is half-written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from typing import Any

from sqlite_utils import Database

from asr_desktop.domain.errors import DuplicateError
from asr_desktop.domain.model import StatusEvent, Term, Volunteer
from asr_desktop.domain.national_id import format_national_id
from asr_desktop.store import audit
from asr_desktop.store.records import to_row
from asr_desktop.store.volunteers import summary_columns

CHUNK_SIZE = 2_000
"""Records turned into rows and written per ``executemany`` round (bounds memory)."""


@dataclass(slots=True)
class VolunteerRecord:
    """One volunteer with their whole history, ready to insert.

    ``volunteer_id`` of the terms and events is filled in on insert, as are the ids of
    the volunteer, terms and events (as :class:`VolunteerStore` does).
    """

    volunteer: Volunteer
    terms: list[Term] = field(default_factory=list)
    events: list[StatusEvent] = field(default_factory=list)


class ImportDuplicateError(DuplicateError):
    """A national ID in the import is already in the roster or earlier in the same import.

    Attributes:
        index: Position (0-based) of the refused record in the import.
        existing_id: The volunteer already in the roster, or 0 when the clash is within
            the import itself.
        earlier_index: Position of the earlier record with that ID in the import, or None.
    """

    def __init__(
        self, message: str, *, index: int, existing_id: int, earlier_index: int | None
    ) -> None:
        super().__init__(message, existing_id)
        self.index = index
        self.earlier_index = earlier_index


def _columns(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.name != "id")


_VOLUNTEER_COLUMNS = (
    "id",
    *_columns(Volunteer),
    *summary_columns(Volunteer("0" * 13, "x", "x"), (), ()),
    "created_at",
    "updated_at",
)
_TERM_COLUMNS = ("id", *_columns(Term))
_EVENT_COLUMNS = ("id", *_columns(StatusEvent))


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def insert_volunteers(
    db: Database, records: Iterable[VolunteerRecord], *, summary: str
) -> list[int]:
    """Saves every record in one transaction and returns the new volunteer ids, in order.

    ``records`` may be a generator; it is read a chunk at a time. Nothing is validated
    beyond the database's own constraints: the caller (the import, the demo) checks
    national IDs, dates and areas first.

    Args:
        db: The office database.
        records: Volunteers with their terms and status events.
        summary: What the audit log says about this import (e.g. the file name).

    Raises:
        ImportDuplicateError: A national ID is already in the roster or twice in the
            import; nothing is saved.
        sqlite3.IntegrityError: A row breaks a constraint; nothing is saved.
    """
    volunteer_ids: list[int] = []
    with db.atomic():
        known: dict[str, int] = dict(db.execute("SELECT national_id, id FROM volunteers"))
        first_index: dict[str, int] = {}
        next_volunteer_id = _max_id(db, "volunteers") + 1
        next_term_id = _max_id(db, "terms") + 1
        next_event_id = _max_id(db, "status_events") + 1
        now = datetime.now().isoformat(timespec="seconds")

        for chunk in _chunks(records, CHUNK_SIZE):
            volunteer_rows: list[tuple[Any, ...]] = []
            term_rows: list[tuple[Any, ...]] = []
            event_rows: list[tuple[Any, ...]] = []
            for record in chunk:
                volunteer = record.volunteer
                index = len(volunteer_ids)
                _refuse_duplicate(volunteer.national_id, index, known, first_index)
                first_index[volunteer.national_id] = index

                volunteer.id = next_volunteer_id
                next_volunteer_id += 1
                volunteer_ids.append(volunteer.id)
                for term in record.terms:
                    term.volunteer_id, term.id = volunteer.id, next_term_id
                    next_term_id += 1
                    term_rows.append(_values(term, _TERM_COLUMNS))
                for event in record.events:
                    event.volunteer_id, event.id = volunteer.id, next_event_id
                    next_event_id += 1
                    event_rows.append(_values(event, _EVENT_COLUMNS))

                row = to_row(volunteer)
                row.update(
                    summary_columns(volunteer, record.terms, record.events),
                    created_at=now,
                    updated_at=now,
                )
                volunteer_rows.append(tuple(row[c] for c in _VOLUNTEER_COLUMNS))

            db.conn.executemany(_insert_sql("volunteers", _VOLUNTEER_COLUMNS), volunteer_rows)
            db.conn.executemany(_insert_sql("terms", _TERM_COLUMNS), term_rows)
            db.conn.executemany(_insert_sql("status_events", _EVENT_COLUMNS), event_rows)

        audit.record(
            db, "import", "volunteer", None, after={"count": len(volunteer_ids)}, summary=summary
        )
    return volunteer_ids


def _refuse_duplicate(
    national_id: str, index: int, known: dict[str, int], first_index: dict[str, int]
) -> None:
    shown = format_national_id(national_id) if len(national_id) == 13 else national_id
    if national_id in known:
        raise ImportDuplicateError(
            f"รายการที่ {index + 1}: เลขประจำตัวประชาชน {shown} มีอยู่ในทะเบียนแล้ว",
            index=index,
            existing_id=known[national_id],
            earlier_index=None,
        )
    if national_id in first_index:
        earlier = first_index[national_id]
        raise ImportDuplicateError(
            f"รายการที่ {index + 1}: เลขประจำตัวประชาชน {shown} ซ้ำกับรายการที่ {earlier + 1}",
            index=index,
            existing_id=0,
            earlier_index=earlier,
        )


def _values(record: Any, columns: tuple[str, ...]) -> tuple[Any, ...]:
    row = to_row(record)
    return tuple(row[c] for c in columns)


def _max_id(db: Database, table: str) -> int:
    return int(db.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0])


def _chunks(records: Iterable[VolunteerRecord], size: int) -> Iterator[list[VolunteerRecord]]:
    iterator = iter(records)
    while chunk := list(islice(iterator, size)):
        yield chunk
