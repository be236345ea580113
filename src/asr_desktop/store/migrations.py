"""Numbered schema migrations (sqlite-utils ``Migrations``), each in its own transaction.

Rules: never edit a migration that has shipped; add a new one. Each has a test in
tests/store/test_migrations.py. Names sort in the order they run (``m0001_…``).
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("asr_desktop")


@MIGRATIONS(name="m0001_roster")
def m0001_roster(db: Database) -> None:
    """Office settings, mentors, volunteers, terms, status events, audit log, area names."""
    _execute_statements(db, _M0001_SQL)
    _fill_area_names(db)


_M0001_SQL = """
CREATE TABLE office_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE mentors (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    first_name TEXT NOT NULL CHECK (first_name <> ''),
    last_name TEXT NOT NULL DEFAULT '',
    position TEXT NOT NULL DEFAULT '',
    agency TEXT NOT NULL DEFAULT ''
        CHECK (agency IN ('', 'ops', 'doe', 'dsd', 'dlpw', 'sso')),
    phone TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    name_sort_key TEXT NOT NULL DEFAULT ''
);

CREATE TABLE volunteers (
    id INTEGER PRIMARY KEY,
    national_id TEXT NOT NULL UNIQUE CHECK (length(national_id) = 13),
    title TEXT NOT NULL DEFAULT '',
    first_name TEXT NOT NULL CHECK (first_name <> ''),
    last_name TEXT NOT NULL DEFAULT '',
    gender TEXT CHECK (gender IN ('male', 'female', 'other')),
    birth_date TEXT,
    phone TEXT NOT NULL DEFAULT '',
    line_id TEXT NOT NULL DEFAULT '',
    house_no TEXT NOT NULL DEFAULT '',
    moo TEXT NOT NULL DEFAULT '',
    village TEXT NOT NULL DEFAULT '',
    soi TEXT NOT NULL DEFAULT '',
    road TEXT NOT NULL DEFAULT '',
    subdistrict_code TEXT NOT NULL DEFAULT '',
    district_code TEXT NOT NULL DEFAULT '',
    postcode TEXT NOT NULL DEFAULT '',
    education TEXT NOT NULL DEFAULT '',
    occupation TEXT NOT NULL DEFAULT '',
    other_roles TEXT NOT NULL DEFAULT '',
    pdpa_consent_date TEXT,
    pdpa_purpose TEXT NOT NULL DEFAULT '',
    mentor_id INTEGER REFERENCES mentors(id) ON DELETE SET NULL,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    -- Kept up to date by the store in the same transaction as every change to the
    -- volunteer, their terms or status events (see store/volunteers.py).
    name_sort_key TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT '',
    standing TEXT CHECK (standing IN ('suspended', 'exited')),
    exit_reason TEXT,
    tier TEXT CHECK (tier IN ('lead', 'network')),
    term_start TEXT,
    term_end TEXT
);
CREATE INDEX volunteers_name ON volunteers (name_sort_key);
CREATE INDEX volunteers_district ON volunteers (district_code, subdistrict_code);
CREATE INDEX volunteers_subdistrict ON volunteers (subdistrict_code);
CREATE INDEX volunteers_mentor ON volunteers (mentor_id);
CREATE INDEX volunteers_term_end ON volunteers (term_end);

CREATE TABLE volunteer_photos (
    volunteer_id INTEGER PRIMARY KEY REFERENCES volunteers(id) ON DELETE CASCADE,
    image BLOB NOT NULL,
    mime_type TEXT NOT NULL
);

CREATE TABLE terms (
    id INTEGER PRIMARY KEY,
    volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
    tier TEXT NOT NULL CHECK (tier IN ('lead', 'network')),
    batch TEXT NOT NULL DEFAULT '',
    order_no TEXT NOT NULL DEFAULT '',
    order_date TEXT,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    card_no TEXT NOT NULL DEFAULT '',
    card_issue_date TEXT,
    card_expiry_date TEXT,
    ended_date TEXT,
    area_codes TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    CHECK (end_date >= start_date),
    CHECK (ended_date IS NULL OR ended_date >= start_date)
);
CREATE INDEX terms_volunteer ON terms (volunteer_id);

CREATE TABLE status_events (
    id INTEGER PRIMARY KEY,
    volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
    change TEXT NOT NULL CHECK (change IN ('suspended', 'reinstated', 'exited')),
    date TEXT NOT NULL,
    reason TEXT CHECK (reason IN
        ('death', 'resigned', 'term_ended', 'disqualified', 'moved', 'removed')),
    reference TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    CHECK (change <> 'exited' OR reason IS NOT NULL)
);
CREATE INDEX status_events_volunteer ON status_events (volunteer_id);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    os_user TEXT NOT NULL,
    action TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id INTEGER,
    summary TEXT NOT NULL DEFAULT '',
    before TEXT,
    after TEXT
);
CREATE INDEX audit_log_record ON audit_log (record_type, record_id);

-- DOPA names with their Thai sort keys, so that SQL can sort by tambon and district.
CREATE TABLE area_names (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    sort_key TEXT NOT NULL
);
"""


@MIGRATIONS(name="m0010_export_log")
def m0010_export_log(db: Database) -> None:
    """The export log: each package sent to headquarters, its files and their SHA-256."""
    _execute_statements(db, _M0010_SQL)


_M0010_SQL = """
CREATE TABLE export_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    os_user TEXT NOT NULL,
    kind TEXT NOT NULL,
    period TEXT NOT NULL DEFAULT '',
    folder TEXT NOT NULL,
    frozen_copy TEXT NOT NULL,
    manifest TEXT NOT NULL,
    manifest_sha256 TEXT NOT NULL CHECK (length(manifest_sha256) = 64)
);
CREATE INDEX export_log_period ON export_log (kind, period);

CREATE TABLE export_files (
    id INTEGER PRIMARY KEY,
    export_id INTEGER NOT NULL REFERENCES export_log(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size >= 0),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    UNIQUE (export_id, name)
);
"""


def _fill_area_names(db: Database) -> None:
    import geothai

    from asr_desktop.domain.thai_sort import thai_sort_key

    rows = []
    for province in geothai.provinces():
        rows.append((province.code, province.name_th))
        for district in geothai.districts(province.code):
            rows.append((district.code, district.name_th))
            rows.extend((s.code, s.name_th) for s in geothai.subdistricts(district.code))
    db.conn.executemany(
        "INSERT INTO area_names (code, name, sort_key) VALUES (?, ?, ?)",
        [(code, name, thai_sort_key(name)) for code, name in rows],
    )


def _execute_statements(db: Database, script: str) -> None:
    """Runs ``;``-separated statements inside the migration's transaction.

    ``sqlite3.executescript`` would commit the open transaction first, so it is not used.
    """
    for statement in script.split(";"):
        if statement.strip():
            db.conn.execute(statement)


def applied_names(db: Database) -> list[str]:
    return [m.name for m in MIGRATIONS.applied(db)]


def pending(db: Database) -> list[str]:
    return [m.name for m in MIGRATIONS.pending(db)]


def unknown_applied(db: Database) -> list[str]:
    """Migrations recorded in the file that this version of the app does not have."""
    known = {m.name for m in MIGRATIONS._migrations}
    return [name for name in applied_names(db) if name not in known]


def apply(db: Database) -> None:
    MIGRATIONS.apply(db)
