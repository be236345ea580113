import sqlite3

import pytest

from asr_desktop.store import migrations
from asr_desktop.store.database import (
    DatabaseError,
    NewerDatabaseError,
    memory_database,
    open_database,
)


def test_migrates_an_empty_file(tmp_path):
    db = open_database(tmp_path / "office.db")
    assert migrations.pending(db) == []
    tables = set(db.table_names())
    assert {"volunteers", "terms", "status_events", "mentors", "audit_log"} <= tables
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # DOPA names for sorting by tambon: 77 provinces, 928 districts, 7,436 subdistricts.
    assert db.execute("SELECT count(*) FROM area_names").fetchone()[0] == 77 + 928 + 7436
    db.close()


def test_reopening_applies_nothing_new(tmp_path):
    path = tmp_path / "office.db"
    open_database(path).close()
    called = []
    db = open_database(path, before_migrate=lambda _db: called.append(True))
    assert called == []
    db.close()


def test_refuses_a_database_from_a_newer_version(tmp_path):
    path = tmp_path / "office.db"
    db = open_database(path)
    db.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
        ["asr_desktop", "m9999_from_the_future", "2030-01-01"],
    )
    db.conn.commit()
    db.close()
    with pytest.raises(NewerDatabaseError, match="รุ่นที่ใหม่กว่า"):
        open_database(path)


def test_refuses_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "not-a-db.db"
    path.write_bytes(b"this is a spreadsheet, not a database" * 100)
    with pytest.raises(DatabaseError, match="ไม่ใช่ฐานข้อมูล"):
        open_database(path)


def test_constraints_hold(db):
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO terms (volunteer_id, tier, start_date, end_date) "
            "VALUES (999, 'lead', '2025-01-01', '2027-12-31')"
        )
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO volunteers (national_id, first_name, created_at, updated_at) "
            "VALUES ('123', 'ก', '', '')"
        )
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO status_events (volunteer_id, change, date) "
            "VALUES (1, 'exited', '2025-01-01')"
        )


def test_m0009_erasure_ledger_and_the_stricter_audit_guard(db):
    """The ledger and its key exist, the ledger is append-only, and the audit guard allows a
    redaction only for an anonymised person in the ledger."""
    secret = db.execute("SELECT secret FROM erasure_key").fetchone()[0]
    assert len(secret) == 64 and int(secret, 16) >= 0
    other = memory_database().execute("SELECT secret FROM erasure_key").fetchone()[0]
    assert other != secret  # one secret per database
    db.execute(
        "INSERT INTO volunteers (id, national_id, first_name, created_at, updated_at)"
        " VALUES (7, '0000000000007', 'ลบข้อมูลแล้ว', '', '')"
    )
    db.execute(
        "INSERT INTO audit_log (at, os_user, action, record_type, record_id)"
        " VALUES ('t', 'u', 'create', 'volunteer', 7)"
    )
    redact = "UPDATE audit_log SET summary = 'x', redacted_at = 'now' WHERE record_id = 7"
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute(redact)  # not in the ledger
    db.execute(
        "INSERT INTO erasures (volunteer_id, id_hash, key_id, erased_at, os_user)"
        " VALUES (7, ?, 'k', 't', 'u')",
        ["a" * 64],
    )
    db.execute(redact)
    for statement in ("UPDATE erasures SET os_user = 'x'", "DELETE FROM erasures"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            db.execute(statement)


def test_people_anonymised_before_the_upgrade_leave_lists(tmp_path):
    """m0010: a row erased by an older version gets the empty sort key and standing exited."""
    from asr_desktop.domain.erasure import erased_national_id

    path = tmp_path / "office.db"
    db = open_database(path)
    for vid, nid in ((1, erased_national_id(1)), (2, "3100000000018")):
        db.execute(
            "INSERT INTO volunteers (id, national_id, first_name, name_sort_key, created_at,"
            " updated_at) VALUES (?, ?, 'ลบข้อมูลแล้ว', 'key', '', '')",
            [vid, nid],
        )
    db.execute("DELETE FROM _sqlite_migrations WHERE name = ?", ["m0010_erased_out_of_lists"])
    db.conn.commit()
    db.close()
    db = open_database(path)
    rows = db.execute("SELECT id, name_sort_key, standing FROM volunteers ORDER BY id").fetchall()
    assert rows == [(1, "", "exited"), (2, "key", None)]
    db.close()
