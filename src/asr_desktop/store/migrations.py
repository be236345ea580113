"""Numbered schema migrations (sqlite-utils ``Migrations``), each in its own transaction.

Rules: never edit a migration that has shipped; add a new one. Each has a test in
tests/store/test_migrations.py. Names sort in the order they run (``m0001_…``).
"""

from __future__ import annotations

import functools
import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from asr_desktop.domain.erasure import ERASED_NAME

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


@MIGRATIONS(name="m0002_work")
def m0002_work(db: Database) -> None:
    """Activity categories (seeded), activities, referrals, events, attendees, checklists."""
    _execute_statements(db, _M0002_SQL)
    from asr_desktop.domain.work import DEFAULT_CATEGORIES

    db.conn.executemany(
        "INSERT INTO work_categories (kind, code, label, position) VALUES (?, ?, ?, ?)",
        [(kind, code, label, i) for i, (kind, code, label) in enumerate(DEFAULT_CATEGORIES)],
    )


_AGENCIES_SQL = "('', 'ops', 'doe', 'dsd', 'dlpw', 'sso')"
_SCORE = "INTEGER CHECK ({0} IS NULL OR {0} BETWEEN 0 AND 3)"

_M0002_SQL = f"""
CREATE TABLE work_categories (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('duty', 'mission', 'target_group')),
    code TEXT NOT NULL,
    label TEXT NOT NULL CHECK (label <> ''),
    position INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    UNIQUE (kind, code)
);

CREATE TABLE activities (
    id INTEGER PRIMARY KEY,
    volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    mission_id INTEGER NOT NULL REFERENCES work_categories(id),
    duty_id INTEGER REFERENCES work_categories(id),
    target_group_id INTEGER REFERENCES work_categories(id),
    agency TEXT NOT NULL DEFAULT '' CHECK (agency IN {_AGENCIES_SQL}),
    subdistrict_code TEXT NOT NULL DEFAULT '',
    moo TEXT NOT NULL DEFAULT '',
    count INTEGER NOT NULL DEFAULT 1 CHECK (count >= 0),
    people_male INTEGER NOT NULL DEFAULT 0 CHECK (people_male >= 0),
    people_female INTEGER NOT NULL DEFAULT 0 CHECK (people_female >= 0),
    note TEXT NOT NULL DEFAULT '',
    -- A cell of the month grid: one row per volunteer, month and mission, dated the 1st.
    from_grid INTEGER NOT NULL DEFAULT 0 CHECK (from_grid IN (0, 1))
);
CREATE INDEX activities_date ON activities (date);
CREATE INDEX activities_volunteer_date ON activities (volunteer_id, date);
CREATE UNIQUE INDEX activities_grid_cell ON activities (volunteer_id, date, mission_id)
    WHERE from_grid = 1;

CREATE TABLE referrals (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    volunteer_id INTEGER REFERENCES volunteers(id) ON DELETE SET NULL,
    person_name TEXT NOT NULL CHECK (person_name <> ''),
    person_phone TEXT NOT NULL DEFAULT '',
    person_gender TEXT CHECK (person_gender IN ('male', 'female', 'other')),
    subdistrict_code TEXT NOT NULL DEFAULT '',
    need TEXT NOT NULL DEFAULT '',
    agency TEXT NOT NULL CHECK (agency IN {_AGENCIES_SQL} AND agency <> ''),
    status TEXT NOT NULL DEFAULT 'referred'
        CHECK (status IN ('referred', 'in_progress', 'served', 'not_served')),
    outcome TEXT NOT NULL DEFAULT '',
    follow_up_date TEXT,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX referrals_date ON referrals (date);
CREATE INDEX referrals_follow_up ON referrals (status, follow_up_date);
CREATE INDEX referrals_volunteer ON referrals (volunteer_id);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL CHECK (title <> ''),
    kind TEXT NOT NULL DEFAULT 'training'
        CHECK (kind IN ('training', 'seminar', 'meeting', 'other')),
    project TEXT NOT NULL DEFAULT '',
    fiscal_year INTEGER,
    start_date TEXT NOT NULL,
    end_date TEXT,
    venue TEXT NOT NULL DEFAULT '',
    organiser TEXT NOT NULL DEFAULT '',
    topics TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX events_start ON events (start_date);

CREATE TABLE event_attendees (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('lead', 'network', 'mentor', 'staff', 'other')),
    volunteer_id INTEGER REFERENCES volunteers(id) ON DELETE CASCADE,
    mentor_id INTEGER REFERENCES mentors(id) ON DELETE CASCADE,
    guest_name TEXT NOT NULL DEFAULT '',
    guest_organisation TEXT NOT NULL DEFAULT '',
    attended INTEGER NOT NULL DEFAULT 1 CHECK (attended IN (0, 1)),
    CHECK ((volunteer_id IS NOT NULL) + (mentor_id IS NOT NULL) + (guest_name <> '') = 1)
);
CREATE INDEX event_attendees_event ON event_attendees (event_id);
CREATE UNIQUE INDEX event_attendees_volunteer ON event_attendees (volunteer_id, event_id)
    WHERE volunteer_id IS NOT NULL;
CREATE UNIQUE INDEX event_attendees_mentor ON event_attendees (mentor_id, event_id)
    WHERE mentor_id IS NOT NULL;

CREATE TABLE mentor_checklists (
    id INTEGER PRIMARY KEY,
    volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL,
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    mentor_id INTEGER REFERENCES mentors(id) ON DELETE SET NULL,
    assessed_on TEXT,
    authority {_SCORE.format("authority")},
    facilitation {_SCORE.format("facilitation")},
    opportunity {_SCORE.format("opportunity")},
    capacity {_SCORE.format("capacity")},
    unity {_SCORE.format("unity")},
    retention {_SCORE.format("retention")},
    notes TEXT NOT NULL DEFAULT '{{}}',
    UNIQUE (volunteer_id, fiscal_year, quarter)
);
CREATE INDEX mentor_checklists_period ON mentor_checklists (fiscal_year, quarter);
"""


@MIGRATIONS(name="m0003_work_summaries")
def m0003_work_summaries(db: Database) -> None:
    """Summaries the dashboard reads instead of scanning every activity (100,000 volunteers).

    ``volunteers.last_activity`` and ``activity_month_totals`` are kept by triggers, so
    every writer (forms, the month grid, imports, the demo) keeps them right.
    """
    for statement in _M0003_STATEMENTS:
        db.conn.execute(statement)
    db.conn.execute(
        "UPDATE volunteers SET last_activity = "
        "(SELECT max(date) FROM activities a WHERE a.volunteer_id = volunteers.id)"
    )
    db.conn.execute(
        "INSERT INTO activity_month_totals (month, activities, people_male, people_female) "
        "SELECT substr(date, 1, 7), sum(count), sum(people_male), sum(people_female) "
        "FROM activities GROUP BY substr(date, 1, 7)"
    )


_ADD_TO_MONTH = """INSERT INTO activity_month_totals (month, activities, people_male, people_female)
        VALUES (substr(NEW.date, 1, 7), NEW.count, NEW.people_male, NEW.people_female)
        ON CONFLICT (month) DO UPDATE SET activities = activities + excluded.activities,
            people_male = people_male + excluded.people_male,
            people_female = people_female + excluded.people_female;"""
_TAKE_FROM_MONTH = """UPDATE activity_month_totals SET activities = activities - OLD.count,
            people_male = people_male - OLD.people_male,
            people_female = people_female - OLD.people_female
        WHERE month = substr(OLD.date, 1, 7);"""
_RECOMPUTE_LAST = """UPDATE volunteers SET last_activity =
            (SELECT max(date) FROM activities WHERE volunteer_id = {0}.volunteer_id)
        WHERE id = {0}.volunteer_id;"""

_M0003_STATEMENTS = (
    "ALTER TABLE volunteers ADD COLUMN last_activity TEXT",
    # Covering index: the dashboard's pass over 100,000 volunteers reads only this.
    "CREATE INDEX volunteers_dashboard ON volunteers "
    "(tier, subdistrict_code, standing, term_start, term_end, last_activity)",
    """CREATE TABLE activity_month_totals (
        month TEXT PRIMARY KEY,
        activities INTEGER NOT NULL DEFAULT 0,
        people_male INTEGER NOT NULL DEFAULT 0,
        people_female INTEGER NOT NULL DEFAULT 0
    )""",
    f"""CREATE TRIGGER activities_after_insert AFTER INSERT ON activities BEGIN
        {_ADD_TO_MONTH}
        UPDATE volunteers SET last_activity = NEW.date
        WHERE id = NEW.volunteer_id AND (last_activity IS NULL OR last_activity < NEW.date);
    END""",
    f"""CREATE TRIGGER activities_after_delete AFTER DELETE ON activities BEGIN
        {_TAKE_FROM_MONTH}
        {_RECOMPUTE_LAST.format("OLD")}
    END""",
    f"""CREATE TRIGGER activities_after_update AFTER UPDATE ON activities BEGIN
        {_TAKE_FROM_MONTH}
        {_ADD_TO_MONTH}
        {_RECOMPUTE_LAST.format("OLD")}
        {_RECOMPUTE_LAST.format("NEW")}
    END""",
)


@MIGRATIONS(name="m0004_audit_guard")
def m0004_audit_guard(db: Database) -> None:
    """The audit log becomes append-only in SQLite itself.

    UPDATE and DELETE of ``audit_log`` raise, whoever runs them. The one exception is the
    PDPA redaction of an entry about an anonymised volunteer: it may replace ``summary``,
    ``before`` and ``after`` once, setting ``redacted_at``, and nothing else.
    """
    for statement in _M0004_STATEMENTS:
        db.conn.execute(statement)


_M0004_STATEMENTS = (
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


@MIGRATIONS(name="m0005_privacy_log")
def m0005_privacy_log(db: Database) -> None:
    """PDPA: every export of personal data and every anonymisation, append-only."""
    for statement in _M0005_STATEMENTS:
        db.conn.execute(statement)


_M0005_STATEMENTS = (
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


@MIGRATIONS(name="m0006_app_password")
def m0006_app_password(db: Database) -> None:
    """The optional password for opening the app: a salted KDF hash, never the password."""
    db.conn.execute(
        """CREATE TABLE app_password (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            hash TEXT NOT NULL,
            set_at TEXT NOT NULL,
            set_by TEXT NOT NULL
        )"""
    )


@MIGRATIONS(name="m0007_export_log")
def m0007_export_log(db: Database) -> None:
    """The export log: each package sent to headquarters, its files and their SHA-256."""
    _execute_statements(db, _M0007_SQL)


_M0007_SQL = """
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


@MIGRATIONS(name="m0008_status_as_at")
def m0008_status_as_at(db: Database) -> None:
    """Status as at a date (domain/status.py): ``volunteers.settled_on`` and one last day.

    ``settled_on`` is the date of a volunteer's latest status event or term start; from that
    day on the summary columns give the status, before it the SQL reads the history. The
    dashboard's covering index gains the column and an index of its own finds the rows
    with records after a day; the history gets (volunteer, date) indexes for the as-at
    lookups. ``term_end`` becomes the term's last day (a close recorded after the end date
    does not lengthen a term).
    """
    for statement in _M0008_STATEMENTS:
        db.conn.execute(statement)


_M0008_STATEMENTS = (
    "ALTER TABLE volunteers ADD COLUMN settled_on TEXT",
    """UPDATE volunteers SET settled_on = (SELECT max(d) FROM (
        SELECT max(date) AS d FROM status_events e WHERE e.volunteer_id = volunteers.id
        UNION ALL
        SELECT max(start_date) FROM terms t WHERE t.volunteer_id = volunteers.id))""",
    """UPDATE volunteers SET term_end = (SELECT min(coalesce(t.ended_date, t.end_date),
        t.end_date) FROM terms t WHERE t.volunteer_id = volunteers.id
        ORDER BY t.start_date DESC, t.id DESC LIMIT 1) WHERE term_end IS NOT NULL""",
    "DROP INDEX volunteers_dashboard",
    "CREATE INDEX volunteers_dashboard ON volunteers "
    "(tier, subdistrict_code, standing, term_start, term_end, last_activity, settled_on)",
    "CREATE INDEX volunteers_settled ON volunteers (settled_on)",
    "CREATE INDEX status_events_volunteer_date ON status_events (volunteer_id, date)",
    "CREATE INDEX terms_volunteer_start ON terms (volunteer_id, start_date)",
)


@MIGRATIONS(name="m0009_erasure_ledger")
def m0009_erasure_ledger(db: Database) -> None:
    """PDPA erasures that outlive a restore, and a stricter audit guard.

    ``erasures`` (append-only) records each anonymisation by the person's internal id and
    a keyed hash (HMAC-SHA256 under ``erasure_key``, a random secret of this database) of
    their national ID, never the ID itself, so that an erasure can be applied again to a
    restored or opened backup. ``audit_log`` entries may now be redacted only when they are
    about a person who is anonymised and in that ledger (which only the anonymise path
    writes); before, any entry could be rewritten once by setting ``redacted_at``.
    """
    import secrets

    _execute_statements(db, _M0009_SQL)
    db.conn.execute("INSERT INTO erasure_key (id, secret) VALUES (1, ?)", [secrets.token_hex(32)])


_M0009_SQL = """
CREATE TABLE erasure_key (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    secret TEXT NOT NULL CHECK (length(secret) = 64)
);
CREATE TABLE erasures (
    id INTEGER PRIMARY KEY,
    volunteer_id INTEGER NOT NULL UNIQUE,
    id_hash TEXT NOT NULL CHECK (length(id_hash) = 64),
    key_id TEXT NOT NULL,
    erased_at TEXT NOT NULL,
    os_user TEXT NOT NULL
);
CREATE TRIGGER erasures_no_update BEFORE UPDATE ON erasures
BEGIN
    SELECT RAISE(ABORT, 'erasures is append-only');
END;
CREATE TRIGGER erasures_no_delete BEFORE DELETE ON erasures
BEGIN
    SELECT RAISE(ABORT, 'erasures is append-only');
END;
DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (
    OLD.redacted_at IS NULL AND NEW.redacted_at IS NOT NULL
    AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.os_user = OLD.os_user
    AND NEW.action = OLD.action AND NEW.record_type = OLD.record_type
    AND NEW.record_id IS OLD.record_id
    AND EXISTS (
        SELECT 1 FROM erasures e JOIN volunteers v ON v.id = e.volunteer_id
        WHERE substr(v.national_id, 1, 1) = '0'
        AND (
            (OLD.record_type = 'volunteer' AND e.volunteer_id = OLD.record_id)
            OR (OLD.record_type = 'term' AND (
                e.volunteer_id = (SELECT volunteer_id FROM terms WHERE id = OLD.record_id)
                OR OLD.summary = 'volunteer ' || e.volunteer_id))
            OR (OLD.record_type = 'status_event' AND (
                e.volunteer_id = (SELECT volunteer_id FROM status_events WHERE id = OLD.record_id)
                OR OLD.summary LIKE 'volunteer ' || e.volunteer_id || ':%'))
        )
    )
)
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be changed');
END;
"""


@MIGRATIONS(name="m0010_erased_out_of_lists")
def m0010_erased_out_of_lists(db: Database) -> None:
    """People anonymised before this version leave lists and current counts: an erased
    row gets the empty sort key and the standing ``exited`` (domain/erasure.py)."""
    # settled_on: the day of the erasure (updated_at), so that days before it still read
    # the person's history and count them as they were (store/roster.py).
    db.execute(
        "UPDATE volunteers SET name_sort_key = '', standing = 'exited', exit_reason = NULL, "
        "settled_on = max(coalesce(settled_on, ''), substr(updated_at, 1, 10)) "
        "WHERE length(national_id) = 13 AND national_id GLOB '0*' AND first_name = ?",
        [ERASED_NAME],
    )


def _fill_area_names(db: Database) -> None:
    db.conn.executemany(
        "INSERT INTO area_names (code, name, sort_key) VALUES (?, ?, ?)", _area_name_rows()
    )


@functools.cache
def _area_name_rows() -> tuple[tuple[str, str, str], ...]:
    """Code, name and sort key of every province, district and subdistrict.

    The same for every new database; computing them (8,441 sort keys) costs about ten times
    the insert, so a process that creates many databases (the tests, dry runs) does it once.
    """
    import geothai

    from asr_desktop.domain.thai_sort import thai_sort_key

    rows = []
    for province in geothai.provinces():
        rows.append((province.code, province.name_th))
        for district in geothai.districts(province.code):
            rows.append((district.code, district.name_th))
            rows.extend((s.code, s.name_th) for s in geothai.subdistricts(district.code))
    return tuple((code, name, thai_sort_key(name)) for code, name in rows)


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
