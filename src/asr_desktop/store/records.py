"""Converting dataclasses to table rows and back (dates as ISO text, enums as codes)."""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from datetime import date
from enum import Enum
from typing import Any, TypeVar

T = TypeVar("T")


def to_row(record: Any, *, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    """A dataclass as a dict of SQLite values (``id`` left out when None)."""
    row: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        if f.name in exclude:
            continue
        value = getattr(record, f.name)
        if f.name == "id" and value is None:
            continue
        row[f.name] = _to_sql(value)
    return row


def from_row(cls: type[T], row: dict[str, Any] | Any) -> T:
    """Builds a dataclass from a row (dict or sqlite3.Row), converting by the field types."""
    hints = _type_hints(cls)  # type: ignore[arg-type]
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        # keys(), not `in row`: `in` looks at the values of a sqlite3.Row
        if f.name not in row.keys():  # noqa: SIM118
            continue
        values[f.name] = _from_sql(row[f.name], hints[f.name])
    return cls(**values)


@functools.cache
def _type_hints(cls: type) -> dict[str, Any]:
    """The field types of a record class, worked out once per class (printing 5,000 cards
    read some 25,000 records, and ``get_type_hints`` re-evaluates every annotation)."""
    return typing.get_type_hints(cls)


def sql_value(value: Any) -> Any:
    """One field's value as SQLite stores it (what :func:`to_row` does to each field)."""
    return _to_sql(value)


def _to_sql(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, tuple):
        return " ".join(value)
    return value


def _from_sql(value: Any, hint: Any) -> Any:
    target = hint
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        if value is None:
            return None
        target = next(a for a in typing.get_args(hint) if a is not type(None))
    if value is None:
        return None
    if target is date:
        return date.fromisoformat(value)
    if target is bool:
        return bool(value)
    if isinstance(target, type) and issubclass(target, Enum):
        return target(value)
    if typing.get_origin(target) is tuple:
        return tuple(value.split())
    return value


def inserted_id(table: Any) -> int:
    """The primary key of the row a sqlite-utils ``Table.insert`` just wrote."""
    if table.last_pk is None:
        raise RuntimeError(f"insert into {table.name} returned no primary key")
    return int(table.last_pk)
