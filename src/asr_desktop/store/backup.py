"""Copies of the database made through SQLite's online backup API, and health checks.

A file copy of a live WAL database can miss committed transactions still in the ``-wal``
file, or catch a page half-written; ``sqlite3.Connection.backup`` copies a consistent
snapshot page by page while the app keeps running. Every copy is checked with
``PRAGMA integrity_check`` before it counts as a backup.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from asr_desktop.store.database import DatabaseError
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


@contextlib.contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        yield conn
    finally:
        conn.close()
