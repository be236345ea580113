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
import operator
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from itertools import islice
from typing import Any

from sqlite_utils import Database

from asr_desktop.domain.errors import DuplicateError
from asr_desktop.domain.model import StatusEvent, Term, Volunteer
from asr_desktop.domain.national_id import format_national_id
from asr_desktop.store import audit
from asr_desktop.store.records import sql_value
from asr_desktop.store.volunteers import summary_columns

CHUNK_SIZE = 2_000
"""Records turned into rows and written per ``executemany`` round (bounds memory)."""
CACHE_KIB = 65_536
"""SQLite page cache while inserting. The roster's indexes (national ID, name sort key)
take rows in random order; with the default 2 MB cache a 100,000-row import spends a
quarter of its time re-reading index pages."""


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


def _needs_conversion(cls: type, column: str) -> bool:
    """Whether the field's type is one :func:`sql_value` changes (dates, enums, bools,
    tuples); text and numbers go in as they are."""
    hint = typing.get_type_hints(cls)[column]
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        hint = next(a for a in typing.get_args(hint) if a is not type(None))
    if typing.get_origin(hint) is tuple:
        return True
    return isinstance(hint, type) and issubclass(hint, date | Enum | bool)


def _row_maker(cls: type, columns: tuple[str, ...]) -> Callable[[Any], list[Any]]:
    """A function from a record to its values in ``columns`` order, as to_row gives them.

    to_row converts every field and took a third of the time of a bulk insert; this one
    converts only the fields whose type needs it, with the store's own :func:`sql_value`.
    """
    get_all = operator.attrgetter(*columns)
    converted = [i for i, column in enumerate(columns) if _needs_conversion(cls, column)]

    def values(record: Any) -> list[Any]:
        row = list(get_all(record))
        for i in converted:
            row[i] = sql_value(row[i])
        return row

    return values


_VOLUNTEER_FIELDS = ("id", *_columns(Volunteer))
_SUMMARY_COLUMNS = tuple(summary_columns(Volunteer("0" * 13, "x", "x"), (), ()))
_VOLUNTEER_COLUMNS = (*_VOLUNTEER_FIELDS, *_SUMMARY_COLUMNS, "created_at", "updated_at")
_TERM_COLUMNS = ("id", *_columns(Term))
_EVENT_COLUMNS = ("id", *_columns(StatusEvent))

_volunteer_values = _row_maker(Volunteer, _VOLUNTEER_FIELDS)
_term_values = _row_maker(Term, _TERM_COLUMNS)
_event_values = _row_maker(StatusEvent, _EVENT_COLUMNS)


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
    with _page_cache(db, CACHE_KIB), db.atomic(), _search_index_in_bulk(db):
        known: dict[str, int] = dict(db.execute("SELECT national_id, id FROM volunteers"))
        first_index: dict[str, int] = {}
        next_volunteer_id = _max_id(db, "volunteers") + 1
        next_term_id = _max_id(db, "terms") + 1
        next_event_id = _max_id(db, "status_events") + 1
        now = datetime.now().isoformat(timespec="seconds")

        for chunk in _chunks(records, CHUNK_SIZE):
            volunteer_rows: list[list[Any]] = []
            term_rows: list[list[Any]] = []
            event_rows: list[list[Any]] = []
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
                    term_rows.append(_term_values(term))
                for event in record.events:
                    event.volunteer_id, event.id = volunteer.id, next_event_id
                    next_event_id += 1
                    event_rows.append(_event_values(event))

                summary_values = summary_columns(volunteer, record.terms, record.events)
                row = _volunteer_values(volunteer)
                row += [summary_values[c] for c in _SUMMARY_COLUMNS]
                row += (now, now)
                volunteer_rows.append(row)

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


_SEARCH_TRIGGER = "volunteer_search_insert"


@contextmanager
def _search_index_in_bulk(db: Database) -> Iterator[None]:
    """Feeds the search index once for all new rows instead of row by row.

    The insert trigger costs ~0.1 ms a row (10,000 rows: ~1 s of CPU, a quarter of an
    import); one INSERT … SELECT over the new rows does the same in a sixth of that. The
    trigger is dropped and re-created inside the caller's transaction, so a rollback brings
    it back with everything else.
    """
    row = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [_SEARCH_TRIGGER]
    ).fetchone()
    if row is None:
        yield
        return
    first_new = _max_id(db, "volunteers") + 1
    db.execute(f"DROP TRIGGER {_SEARCH_TRIGGER}")
    yield
    db.execute(
        "INSERT INTO volunteer_search (rowid, search_text) "
        "SELECT id, search_text FROM volunteers WHERE id >= ?",
        [first_new],
    )
    db.execute(row[0])


@contextmanager
def _page_cache(db: Database, kib: int) -> Iterator[None]:
    """A bigger page cache for this connection while the block runs (never a smaller one)."""
    before = int(db.execute("PRAGMA cache_size").fetchone()[0])
    size_kib = -before if before < 0 else before * 4  # positive means pages; assume 4 KiB
    if size_kib >= kib:
        yield
        return
    db.execute(f"PRAGMA cache_size = {-kib}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {before}")


def _max_id(db: Database, table: str) -> int:
    return int(db.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0])


def _chunks(records: Iterable[VolunteerRecord], size: int) -> Iterator[list[VolunteerRecord]]:
    iterator = iter(records)
    while chunk := list(islice(iterator, size)):
        yield chunk
