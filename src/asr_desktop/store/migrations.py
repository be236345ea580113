"""Numbered schema migrations (sqlite-utils ``Migrations``), each in its own transaction.

Rules: never edit a migration that has shipped; add a new one. Each has a test in
tests/store/test_migrations.py. Names sort in the order they run (``m0001_…``).
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("asr_desktop")


@MIGRATIONS(name="m0001_roster")
def m0001_roster(db: Database) -> None:
    """Office settings, mentors, volunteers, terms, status events, audit log, area names,
    and the trigram index that makes search-as-you-type fast at 100,000 volunteers."""
    _execute_statements(db, _M0001_SQL)
    _execute_statements(db, _SEARCH_INDEX_SQL)
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
CREATE INDEX volunteers_first_name ON volunteers (first_name);
CREATE INDEX volunteers_last_name ON volunteers (last_name);
CREATE INDEX volunteers_phone ON volunteers (phone);

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


# An FTS5 trigram index over volunteers.search_text: any substring of three or more
# characters is found without scanning the table (Thai has no spaces between words, so a
# word tokenizer would not do). Triggers keep it in step with every write, bulk ones too.
_SEARCH_INDEX_SQL = """
CREATE VIRTUAL TABLE volunteer_search USING fts5(
    search_text, content='volunteers', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER volunteer_search_insert AFTER INSERT ON volunteers BEGIN
    INSERT INTO volunteer_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER volunteer_search_delete AFTER DELETE ON volunteers BEGIN
    INSERT INTO volunteer_search (volunteer_search, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER volunteer_search_update AFTER UPDATE OF search_text ON volunteers BEGIN
    INSERT INTO volunteer_search (volunteer_search, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
    INSERT INTO volunteer_search (rowid, search_text) VALUES (new.id, new.search_text);
END
"""


@MIGRATIONS(name="m0020_audit_guard")
def m0020_audit_guard(db: Database) -> None:
    """The audit log becomes append-only in SQLite itself.

    UPDATE and DELETE of ``audit_log`` raise, whoever runs them. The one exception is the
    PDPA redaction of an entry about an anonymised volunteer: it may replace ``summary``,
    ``before`` and ``after`` once, setting ``redacted_at``, and nothing else.
    """
    for statement in _M0020_STATEMENTS:
        db.conn.execute(statement)


_M0020_STATEMENTS = (
    "ALTER TABLE audit_log ADD COLUMN redacted_at TEXT",
    "CREATE INDEX audit_log_at ON audit_log (at)",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be deleted');
    END""",
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    WHEN NOT (
        OLD.redacted_at IS NULL AND NEW.redacted_at IS NOT NULL
        AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.os_user = OLD.os_user
        AND NEW.action = OLD.action AND NEW.record_type = OLD.record_type
        AND NEW.record_id IS OLD.record_id
    )
    BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be changed');
    END""",
)


@MIGRATIONS(name="m0021_privacy_log")
def m0021_privacy_log(db: Database) -> None:
    """PDPA: every export of personal data and every anonymisation, append-only."""
    for statement in _M0021_STATEMENTS:
        db.conn.execute(statement)


_M0021_STATEMENTS = (
    """CREATE TABLE privacy_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        os_user TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('export', 'anonymise')),
        what TEXT NOT NULL,
        volunteer_id INTEGER,
        record_count INTEGER NOT NULL DEFAULT 0,
        file_name TEXT NOT NULL DEFAULT '',
        sha256 TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX privacy_log_volunteer ON privacy_log (volunteer_id)",
    """CREATE TRIGGER privacy_log_no_update BEFORE UPDATE ON privacy_log
    BEGIN
        SELECT RAISE(ABORT, 'privacy_log is append-only');
    END""",
    """CREATE TRIGGER privacy_log_no_delete BEFORE DELETE ON privacy_log
    BEGIN
        SELECT RAISE(ABORT, 'privacy_log is append-only');
    END""",
)


@MIGRATIONS(name="m0022_app_password")
def m0022_app_password(db: Database) -> None:
    """The optional password for opening the app: a salted KDF hash, never the password."""
    db.conn.execute(
        """CREATE TABLE app_password (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            hash TEXT NOT NULL,
            set_at TEXT NOT NULL,
            set_by TEXT NOT NULL
        )"""
    )


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
    Pieces are joined until SQLite calls them a complete statement (triggers hold ``;``).
    """
    statement = ""
    for piece in script.split(";"):
        statement += piece + ";"
        if sqlite3.complete_statement(statement):
            if statement.strip(" \n;"):
                db.conn.execute(statement)
            statement = ""


def applied_names(db: Database) -> list[str]:
    return [m.name for m in MIGRATIONS.applied(db)]


def pending(db: Database) -> list[str]:
    return [m.name for m in MIGRATIONS.pending(db)]


def known_names() -> list[str]:
    """Every migration this version of the app has, in the order they run."""
    return [m.name for m in MIGRATIONS._migrations]


def unknown_applied(db: Database) -> list[str]:
    """Migrations recorded in the file that this version of the app does not have."""
    known = {m.name for m in MIGRATIONS._migrations}
    return [name for name in applied_names(db) if name not in known]


def apply(db: Database) -> None:
    MIGRATIONS.apply(db)
