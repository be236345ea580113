"""The national database (ฐานข้อมูลส่วนกลาง): its own kind of SQLite file.

It is marked by ``PRAGMA application_id`` (:data:`NATIONAL_APPLICATION_ID`) and a
``national_meta`` table; :func:`open_national` refuses an office database and
store/database.py refuses a national one, each with a Thai message. Built only from
received packages: every package is one transaction of :mod:`store.hq.packages`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from asr_desktop.domain.errors import AsrError

NATIONAL_APPLICATION_ID = 0x41535248  # "ASRH"
SCHEMA_VERSION = 1


class NationalDatabaseError(AsrError):
    """The file cannot be used as the national database; ``message`` says why."""


OFFICE_FILE = (
    "ไฟล์ {path} เป็นฐานข้อมูลของสำนักงานแรงงานจังหวัด ไม่ใช่ฐานข้อมูลส่วนกลาง "
    "(เปิดในโหมดสำนักงานจังหวัด หรือสร้างฐานข้อมูลส่วนกลางใหม่ด้วย hq init)"
)
NATIONAL_FILE = (
    "ไฟล์ {path} เป็นฐานข้อมูลส่วนกลาง (สำนักงานส่วนกลาง) ไม่ใช่ฐานข้อมูลของสำนักงานแรงงานจังหวัด "
    "(เปิดด้วยโหมดส่วนกลาง asr-desktop --hq)"
)

_SCHEMA = """
CREATE TABLE national_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- The key each province signs with, pinned at its first accepted package.
CREATE TABLE province_keys (
    province_code TEXT PRIMARY KEY,
    public_key TEXT NOT NULL UNIQUE,
    fingerprint TEXT NOT NULL,
    pinned_at TEXT NOT NULL
);

-- A package signed with another key than the pinned one waits here for a person.
CREATE TABLE key_changes (
    id INTEGER PRIMARY KEY,
    province_code TEXT NOT NULL,
    public_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    package_name TEXT NOT NULL,
    decision TEXT CHECK (decision IN ('accepted', 'refused')),
    decided_at TEXT,
    UNIQUE (province_code, public_key)
);

CREATE TABLE packages (
    id INTEGER PRIMARY KEY,
    province_code TEXT NOT NULL,
    period TEXT NOT NULL,
    created_at TEXT NOT NULL,      -- signed by the office (UTC, ISO)
    received_at TEXT NOT NULL,     -- when headquarters accepted it (UTC, ISO)
    sha256 TEXT NOT NULL UNIQUE,   -- of the zip file
    file_name TEXT NOT NULL,
    size INTEGER NOT NULL,
    key_fingerprint TEXT NOT NULL,
    app_version TEXT NOT NULL DEFAULT '',
    demo_key INTEGER NOT NULL DEFAULT 0,
    manifest TEXT NOT NULL,
    current INTEGER NOT NULL CHECK (current IN (0, 1)),
    replaced_by INTEGER REFERENCES packages(id)
);
CREATE UNIQUE INDEX packages_current ON packages (province_code, period) WHERE current = 1;
CREATE INDEX packages_period ON packages (period, province_code);

-- The month's figures of each package (every package's, so history keeps its own).
CREATE TABLE package_totals (
    package_id INTEGER NOT NULL REFERENCES packages(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value INTEGER NOT NULL,
    PRIMARY KEY (package_id, key)
) WITHOUT ROWID;
CREATE TABLE package_districts (
    package_id INTEGER NOT NULL REFERENCES packages(id) ON DELETE CASCADE,
    district_code TEXT NOT NULL,
    tambons INTEGER NOT NULL, covered INTEGER NOT NULL, leads INTEGER NOT NULL,
    network INTEGER NOT NULL, appointed INTEGER NOT NULL, exited INTEGER NOT NULL,
    activities INTEGER NOT NULL, reached_male INTEGER NOT NULL,
    reached_female INTEGER NOT NULL, referrals INTEGER NOT NULL,
    PRIMARY KEY (package_id, district_code)
) WITHOUT ROWID;
CREATE TABLE package_coverage (
    package_id INTEGER NOT NULL REFERENCES packages(id) ON DELETE CASCADE,
    subdistrict_code TEXT NOT NULL,
    leads INTEGER NOT NULL,
    network INTEGER NOT NULL,
    PRIMARY KEY (package_id, subdistrict_code)
) WITHOUT ROWID;
CREATE TABLE package_agencies (
    package_id INTEGER NOT NULL REFERENCES packages(id) ON DELETE CASCADE,
    agency TEXT NOT NULL,
    activities INTEGER NOT NULL,
    referrals INTEGER NOT NULL,
    PRIMARY KEY (package_id, agency)
) WITHOUT ROWID;
CREATE TABLE package_roster (
    package_id INTEGER NOT NULL REFERENCES packages(id) ON DELETE CASCADE,
    national_id TEXT NOT NULL,
    name TEXT NOT NULL,
    subdistrict_code TEXT NOT NULL,
    tier TEXT,
    status TEXT NOT NULL,
    term_start TEXT,
    term_end TEXT,
    mentor_agency TEXT NOT NULL,
    name_sort_key TEXT NOT NULL,   -- Thai dictionary order of first name, then last name
    search_text TEXT NOT NULL,
    PRIMARY KEY (package_id, national_id)
) WITHOUT ROWID;
CREATE INDEX package_roster_nid ON package_roster (national_id, package_id);

-- The national roster: each province's newest current package's roster, kept up to date
-- in the transaction that receives a package, for search as you type and duplicates.
CREATE TABLE national_roster (
    province_code TEXT NOT NULL,
    package_id INTEGER NOT NULL REFERENCES packages(id),
    period TEXT NOT NULL,
    national_id TEXT NOT NULL,
    name TEXT NOT NULL,
    subdistrict_code TEXT NOT NULL,
    tier TEXT,
    status TEXT NOT NULL,
    term_start TEXT,
    term_end TEXT,
    mentor_agency TEXT NOT NULL,
    name_sort_key TEXT NOT NULL,
    search_text TEXT NOT NULL,
    PRIMARY KEY (province_code, national_id)
);
CREATE INDEX national_roster_name ON national_roster (name_sort_key, province_code);
CREATE INDEX national_roster_serving ON national_roster (national_id) WHERE status = 'active';
"""


def _application_id(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA application_id").fetchone()[0])


def _has_tables(conn: sqlite3.Connection) -> bool:
    return bool(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])


def _connect(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(str(path), timeout=10.0)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        return conn
    except sqlite3.DatabaseError as exc:
        raise NationalDatabaseError(f"เปิดไฟล์ {path} ไม่ได้ ไม่ใช่ฐานข้อมูลหรือไฟล์เสียหาย ({exc})") from exc


def init_national(path: Path, *, private_key_path: Path, demo_key: bool) -> Database:
    """Creates a new national database that opens packages with the given private key."""
    if path.exists() and path.stat().st_size:
        raise NationalDatabaseError(f"มีไฟล์ {path} อยู่แล้ว ฐานข้อมูลส่วนกลางต้องสร้างเป็นไฟล์ใหม่")
    conn = _connect(path)
    with conn:
        conn.executescript(_SCHEMA)
        conn.execute(f"PRAGMA application_id = {NATIONAL_APPLICATION_ID}")
        conn.executemany(
            "INSERT INTO national_meta (key, value) VALUES (?, ?)",
            [
                ("kind", "national"),
                ("schema_version", str(SCHEMA_VERSION)),
                ("private_key_path", str(private_key_path)),
                ("demo_key", "1" if demo_key else "0"),
                ("deadline_day", "10"),
            ],
        )
    return Database(conn, execute_plugins=False)


def open_national(path: Path) -> Database:
    """Opens an existing national database; refuses an office database or anything else."""
    if not path.is_file():
        raise NationalDatabaseError(
            f"ไม่พบฐานข้อมูลส่วนกลาง {path} (สร้างด้วยคำสั่ง asr-cli --db {path.name} hq init)"
        )
    conn = _connect(path)
    try:
        app_id = _application_id(conn)
        if app_id != NATIONAL_APPLICATION_ID:
            is_office = (
                _has_tables(conn)
                and conn.execute(
                    "SELECT 1 FROM sqlite_master WHERE name = 'office_settings'"
                ).fetchone()
            )
            raise NationalDatabaseError(
                OFFICE_FILE.format(path=path)
                if is_office
                else f"ไฟล์ {path} ไม่ใช่ฐานข้อมูลส่วนกลางของโปรแกรม"
            )
        version = conn.execute(
            "SELECT value FROM national_meta WHERE key = 'schema_version'"
        ).fetchone()
        if version is None or int(version[0]) > SCHEMA_VERSION:
            raise NationalDatabaseError(
                f"ฐานข้อมูลส่วนกลาง {path} บันทึกด้วยโปรแกรมรุ่นที่ใหม่กว่า กรุณาปรับปรุงโปรแกรมก่อน"
            )
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise NationalDatabaseError(f"ไฟล์ {path} ไม่ใช่ฐานข้อมูลหรือไฟล์เสียหาย ({exc})") from exc
    except BaseException:
        conn.close()
        raise
    return Database(conn, execute_plugins=False)


def is_national_file(conn: sqlite3.Connection) -> bool:
    """For the office side: whether an open file is a national database."""
    return _application_id(conn) == NATIONAL_APPLICATION_ID


def office_file_is_set_up(path: Path) -> bool:
    """An office database whose office settings are saved (read only; False for anything
    else)."""
    from asr_desktop.store.settings import is_initialised

    if not (path.is_file() and path.stat().st_size):
        return False
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10.0)
    except sqlite3.DatabaseError:
        return False
    try:
        found = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'office_settings'")
        return found.fetchone() is not None and is_initialised(Database(conn))
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def meta(db: Database, key: str, default: str = "") -> str:
    row = db.execute("SELECT value FROM national_meta WHERE key = ?", [key]).fetchone()
    return str(row[0]) if row else default


def set_meta(db: Database, key: str, value: str) -> None:
    with db.conn:
        db.execute(
            "INSERT INTO national_meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )
