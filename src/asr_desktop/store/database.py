"""Opening the office database: one connection per thread, settings that keep data safe.

- ``foreign_keys=ON`` on every connection (SQLite turns it off by default).
- WAL journal with ``synchronous=FULL``: a committed save survives a power cut, and
  readers in other threads are never blocked by the writer.
- Write transactions start with ``BEGIN IMMEDIATE``: a transaction that reads before it
  writes under a plain ``BEGIN`` cannot take the write lock once another writer got in
  first, and fails with "database is locked" whatever the busy timeout; IMMEDIATE takes
  the lock up front, so writers queue for it (up to the 10 s timeout) instead.
- The schema is brought up to date by numbered migrations (see ``migrations.py``); a
  database written by a newer version of the app is refused rather than damaged.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlite_utils import Database

from asr_desktop.domain.errors import AsrError
from asr_desktop.store import migrations
from asr_desktop.store.hq.national import NATIONAL_FILE, is_national_file
from asr_desktop.store.storage import DAMAGED, is_storage_failure, storage_reason


class DatabaseError(AsrError):
    """The database cannot be used as it is; ``message`` says why in Thai."""


class NewerDatabaseError(DatabaseError):
    """The file was written by a newer version of the app."""


class OfficeDatabase(Database):
    """A sqlite-utils Database whose transactions reserve the write lock when they begin."""

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        if self.conn.in_transaction:
            # Nested: sqlite-utils' savepoints inside the outer IMMEDIATE transaction.
            with super().atomic() as db:
                yield db
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self.rollback()
                raise


def _wrap(conn: sqlite3.Connection) -> Database:
    # Python's own implicit transactions (before an INSERT outside atomic()) too.
    conn.isolation_level = "IMMEDIATE"
    return OfficeDatabase(conn, execute_plugins=False)


def connect(path: Path | str) -> Database:
    """A connection with the app's pragmas, without touching the schema.

    Use this in worker threads after the main thread has run :func:`open_database`.
    """
    try:
        conn = sqlite3.connect(str(path), timeout=10.0)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.OperationalError as exc:
        raise DatabaseError(
            f"เปิดฐานข้อมูลไม่ได้: {path} ตรวจสอบว่าโฟลเดอร์มีอยู่ มีสิทธิ์เขียน และไม่มีโปรแกรมอื่นล็อกไฟล์ไว้ ({exc})"
        ) from exc
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"ไฟล์ {path} ไม่ใช่ฐานข้อมูลของโปรแกรม หรือไฟล์เสียหาย ({exc})") from exc
    return _wrap(conn)


def open_database(
    path: Path | str,
    *,
    before_migrate: Callable[[Database], None] | None = None,
) -> Database:
    """Opens (creating if needed) the database and applies pending migrations.

    Args:
        path: The database file.
        before_migrate: Called with the open database when migrations are pending on a
            database that already holds data, so the caller can back it up first.

    Raises:
        NewerDatabaseError: The file holds migrations this version does not know.
        DatabaseError: The file is not a SQLite database or cannot be opened.
    """
    db = connect(path)
    try:
        if is_national_file(db.conn):
            raise DatabaseError(NATIONAL_FILE.format(path=path))
        unknown = migrations.unknown_applied(db)
        if unknown:
            raise NewerDatabaseError(
                "ฐานข้อมูลนี้ถูกบันทึกด้วยโปรแกรมรุ่นที่ใหม่กว่า "
                f"(มีการปรับโครงสร้าง {', '.join(unknown)} ที่รุ่นนี้ไม่รู้จัก) "
                "กรุณาปรับปรุงโปรแกรมเป็นรุ่นล่าสุดก่อนเปิดไฟล์นี้"
            )
        pending = migrations.pending(db)
        if pending and before_migrate is not None and migrations.applied_names(db):
            before_migrate(db)
        migrations.apply(db)
    except sqlite3.DatabaseError as exc:
        db.close()
        if is_storage_failure(exc) and storage_reason(exc) != DAMAGED:
            raise DatabaseError(f"เปิดฐานข้อมูล {path} ไม่ได้: {storage_reason(exc)}") from exc
        raise DatabaseError(f"ไฟล์ {path} ไม่ใช่ฐานข้อมูลของโปรแกรม หรือไฟล์เสียหาย ({exc})") from exc
    except BaseException:
        db.close()
        raise
    return db


def memory_connection() -> Database:
    """An empty in-memory database with the app's connection settings."""
    return _wrap(sqlite3.connect(":memory:"))


def memory_database() -> Database:
    """A migrated in-memory database, for tests and dry runs."""
    db = memory_connection()
    db.execute("PRAGMA foreign_keys = ON")
    migrations.apply(db)
    return db


def foreign_keys_enforced(db: Database) -> bool:
    """Whether SQLite checks foreign keys on this connection (connect turns it on)."""
    return bool(db.execute("PRAGMA foreign_keys").fetchone()[0] == 1)


def stored_area_name(db: Database, code: str) -> str | None:
    """The DOPA name the migrations seeded for an area code (None when it is missing)."""
    row = db.execute("SELECT name FROM area_names WHERE code = ?", [code]).fetchone()
    return None if row is None else str(row[0])
