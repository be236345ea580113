"""Copies of the database made through SQLite's online backup API, and health checks.

A file copy of a live WAL database can miss committed transactions still in the ``-wal``
file, or catch a page half-written; ``sqlite3.Connection.backup`` copies a consistent
snapshot page by page while the app keeps running. Every copy is checked with
``PRAGMA integrity_check`` before it counts as a backup.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from asr_desktop.store import migrations
from asr_desktop.store.database import DatabaseError, memory_connection
from asr_desktop.store.private import FILE_MODE, make_private
from asr_desktop.store.storage import storage_reason

_COUNTED_TABLES = ("volunteers", "terms", "status_events", "mentors", "audit_log")


class BackupError(DatabaseError):
    """A backup could not be written or is not usable; ``message`` says why in Thai."""


@dataclass(frozen=True, slots=True)
class DatabaseSummary:
    """What a database file holds, shown before a restore."""

    counts: dict[str, int]
    migrations: tuple[str, ...]
    office_name: str


def database_file(db: Database) -> Path | None:
    """The file behind a connection (None for an in-memory database)."""
    for _, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return Path(file) if file else None
    return None


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Writes a consistent snapshot of ``source`` to ``target`` and verifies it.

    The copy goes to a temporary name first and is renamed only after
    ``integrity_check`` passed, so a half-written file never looks like a backup.

    Raises:
        BackupError: The copy could not be written or did not pass the check.
    """
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        # Created empty and private first: SQLite would give it the umask's 0644.
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
        make_private(partial)
        dest = sqlite3.connect(str(partial))
        try:
            source.backup(dest)
            # A backup is a single file: no -wal beside it to lose on a USB stick.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        problems = integrity_problems(partial)
        if problems:
            raise BackupError(f"สำเนาสำรองที่เพิ่งเขียนไม่ผ่านการตรวจสอบ: {problems[0]}")
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        raise BackupError(f"สำรองข้อมูลไปที่ {target.parent} ไม่สำเร็จ: {storage_reason(exc)}") from exc
    finally:
        # SQLite may leave a rollback journal beside a copy that failed half-way.
        for leftover in (partial, *(partial.with_name(partial.name + s) for s in _SIDE_FILES)):
            with contextlib.suppress(OSError):
                leftover.unlink()


_SIDE_FILES = ("-journal", "-wal", "-shm")


def copy_into(source: Path, target: sqlite3.Connection) -> None:
    """Replaces the whole content of the open database ``target`` with the file ``source``.

    This is how a restore reaches a database the app has open: the backup API writes
    every page in one transaction, so other connections see the old or the new
    database, never a mix.
    """
    with _read_only(source) as src:
        src.backup(target)


def integrity_problems(path: Path, *, quick: bool = False) -> list[str]:
    """What ``PRAGMA integrity_check`` (or ``quick_check``) finds; empty when healthy.

    A file that SQLite cannot read at all is reported as one problem, not raised.
    """
    if not path.exists():
        return [f"ไม่พบไฟล์ {path}"]
    pragma = "quick_check" if quick else "integrity_check"
    try:
        with _read_only(path) as conn:
            rows = [row[0] for row in conn.execute(f"PRAGMA {pragma}").fetchall()]
            if not quick:
                rows += [
                    f"foreign key: {table} row {rowid} → {parent}"
                    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")
                ]
    except sqlite3.DatabaseError as exc:
        return [f"อ่านไฟล์ไม่ได้ ({exc})"]
    return [row for row in rows if row != "ok"]


def summarise(path: Path) -> DatabaseSummary:
    """Counts of the main record types, the schema version and the office name.

    Raises:
        BackupError: The file is not a database of this app.
    """
    try:
        with _read_only(path) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            if "volunteers" not in tables:
                raise BackupError(f"ไฟล์ {path.name} ไม่ใช่ฐานข้อมูลของ อสร. Desktop")
            counts = {
                table: int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                for table in _COUNTED_TABLES
                if table in tables
            }
            migrations: tuple[str, ...] = ()
            if "_sqlite_migrations" in tables:
                migrations = tuple(
                    r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")
                )
            row = conn.execute(
                "SELECT value FROM office_settings WHERE key = 'office_name'"
            ).fetchone()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"อ่านไฟล์ {path.name} ไม่ได้ ({exc})") from exc
    return DatabaseSummary(counts, migrations, row[0] if row else "")


_SchemaObject = tuple[str, str, str, str]
_OURS_ANY_SQL = {"_sqlite_migrations"}
"""Made by sqlite-utils, whose version decides the exact SQL; only its presence counts."""


def schema_problems(path: Path, applied: tuple[str, ...]) -> list[str]:
    """How the file's schema differs from what our migrations ``applied`` would make.

    A backup that is really ours has exactly those tables, indexes and triggers with that
    SQL. A missing or altered trigger (the append-only guards of the audit and privacy
    logs), an extra table, view or trigger: each is a reason not to restore the file.
    """
    expected = _expected_schema(frozenset(applied))
    try:
        with _read_only(path) as conn:
            found = _schema(conn)
    except sqlite3.DatabaseError as exc:
        return [f"อ่านไฟล์ไม่ได้ ({exc})"]
    problems = []
    kinds = {"table": "ตาราง", "index": "ดัชนี", "trigger": "ทริกเกอร์", "view": "มุมมอง"}
    expected_by_name = {name: (kind, sql) for kind, name, _, sql in expected}
    found_by_name = {name: (kind, sql) for kind, name, _, sql in found}
    for name, (kind, sql) in sorted(expected_by_name.items()):
        if name not in found_by_name:
            problems.append(f"ไม่มี{kinds.get(kind, kind)} {name}")
        elif name not in _OURS_ANY_SQL and found_by_name[name] != (kind, sql):
            problems.append(f"{kinds.get(kind, kind)} {name} ถูกแก้ไข")
    for name, (kind, _) in sorted(found_by_name.items()):
        if name not in expected_by_name:
            problems.append(f"มี{kinds.get(kind, kind)} {name} ที่ไม่ใช่ของโปรแกรม")
    return problems


def _schema(conn: sqlite3.Connection) -> set[_SchemaObject]:
    return {
        (str(kind), str(name), str(table), " ".join(str(sql or "").split()))
        for kind, name, table, sql in conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master"
            " WHERE name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN"
            " ('sqlite_sequence', 'sqlite_stat1', 'sqlite_stat4')"
        )
    }


@functools.lru_cache(maxsize=8)
def _expected_schema(applied: frozenset[str]) -> frozenset[_SchemaObject]:
    """The schema a fresh database gets from the known migrations among ``applied``."""
    db = memory_connection()
    try:
        migrations.MIGRATIONS.ensure_migrations_table(db)
        for migration in migrations.MIGRATIONS._migrations:
            if migration.name in applied:
                with db.atomic():
                    migration.fn(db)
        return frozenset(_schema(db.conn))
    finally:
        db.close()


def log_rows(db: Any, table: str) -> list[dict[str, Any]]:
    """Every row of an append-only log (``audit_log``, ``privacy_log``), oldest first."""
    if not db[table].exists():
        return []
    return [dict(row) for row in db.query(f"SELECT * FROM {table} ORDER BY id")]


def carry_rows(db: Any, table: str, rows: list[dict[str, Any]], key: tuple[str, ...]) -> int:
    """Appends the log ``rows`` the restored database does not hold; returns how many.

    A row is already there when the row with its id matches it on ``key`` (the fields an
    entry never changes, so a redacted entry still counts as the same one). The rest
    keep their time and content and get new ids at the end of the log.
    """
    columns = [c.name for c in db[table].columns]
    carried = 0
    for row in rows:
        there = db.execute(
            f"SELECT {', '.join(key)} FROM {table} WHERE id = ?", [row["id"]]
        ).fetchone()
        if there is not None and tuple(there) == tuple(row[k] for k in key):
            continue
        names = [c for c in columns if c != "id" and c in row]
        db.conn.execute(
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
            [row[c] for c in names],
        )
        carried += 1
    return carried


@contextlib.contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        yield conn
    finally:
        conn.close()
