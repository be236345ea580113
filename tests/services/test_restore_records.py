"""Restores keep the records that must outlive them (issue 12, items 5 and 6)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from tests.safety_support import make_office, national_id, volunteer

from asr_desktop.cli import main
from asr_desktop.services.backup import backup_now, backups_dir, restore, restore_file
from asr_desktop.services.privacy import anonymise, log_personal_export
from asr_desktop.services.roster import RosterService
from asr_desktop.services.startup import open_office_database
from asr_desktop.store import erasures
from asr_desktop.store.backup import BackupError
from asr_desktop.store.database import connect, open_database

NOON = datetime(2026, 11, 15, 12, 0, 0)


def _entries(db, table: str) -> list[tuple]:
    key = "at, os_user, action, record_type, record_id, summary" if table == "audit_log" else (
        "at, os_user, action, volunteer_id, file_name, sha256"
    )  # fmt: skip
    return [tuple(r) for r in db.execute(f"SELECT {key} FROM {table} ORDER BY id").fetchall()]


def _crafted(tmp_path: Path, source: Path, *statements: str) -> Path:
    out = tmp_path / "crafted.db"
    shutil.copy(backup_now(connect(source), "manual", now=lambda: NOON), out)
    conn = sqlite3.connect(out)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()
    return out


@pytest.mark.parametrize(
    ("statements", "reason"),
    [
        (
            (
                "DROP TRIGGER audit_log_no_delete",
                "DROP TRIGGER privacy_log_no_delete",
                "DELETE FROM audit_log",
                "DELETE FROM privacy_log",
            ),
            "audit_log_no_delete",
        ),
        (("CREATE TABLE stash (x)",), "stash"),
        (("CREATE VIEW everyone AS SELECT national_id FROM volunteers",), "everyone"),
        (
            (
                "DROP TRIGGER audit_log_no_update",
                "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
                " WHEN 0 BEGIN SELECT 1; END",
            ),
            "audit_log_no_update",
        ),
    ],
    ids=["triggers-dropped-logs-emptied", "extra-table", "extra-view", "weakened-trigger"],
)
def test_a_crafted_backup_is_refused_with_the_reason(tmp_path, statements, reason) -> None:
    path = tmp_path / "asr.db"
    db = make_office(path, volunteers=2)
    crafted = _crafted(tmp_path, path, *statements)
    before = _entries(db, "audit_log")
    with pytest.raises(BackupError) as refused:
        restore(db, crafted)
    assert reason in refused.value.message and "ดัดแปลง" in refused.value.message
    assert _entries(db, "audit_log") == before
    db.close()
    assert main(["--db", str(path), "restore", str(crafted)]) == 1


def test_restoring_an_older_backup_keeps_every_later_entry_and_audits_itself(tmp_path) -> None:
    path = tmp_path / "asr.db"
    db = make_office(path, volunteers=2)
    old = backup_now(db, "manual", now=lambda: NOON)
    RosterService(db).register(volunteer(40))
    export = tmp_path / "roster.xlsx"
    export.write_bytes(b"an export")
    log_personal_export(db, "ทะเบียน อสร.", export, record_count=3)
    audit_before = _entries(db, "audit_log")
    privacy_before = _entries(db, "privacy_log")

    restore(db, old, now=lambda: NOON + timedelta(hours=1))

    assert db.execute("SELECT count(*) FROM volunteers").fetchone()[0] == 2
    audit_after = _entries(db, "audit_log")
    assert audit_after[: len(audit_before)] == audit_before  # nothing vanished
    assert _entries(db, "privacy_log") == privacy_before
    entry = next(iter(db.query("SELECT * FROM audit_log ORDER BY id DESC LIMIT 1")))
    assert entry["action"] == "restore" and entry["os_user"]
    assert old.name in entry["summary"] and "volunteers 2" in entry["summary"]
    assert '"carried_audit": ' in entry["after"] and str(old.resolve()) in entry["after"]


def test_the_cli_restore_is_audited_too_even_over_a_missing_database(tmp_path) -> None:
    path = tmp_path / "asr.db"
    db = make_office(path, volunteers=1)
    saved = backup_now(db, "manual", now=lambda: NOON)
    db.close()
    assert main(["--db", str(path), "restore", str(saved)]) == 0
    moved = tmp_path / "elsewhere.db"
    restore_file(moved, saved)
    for target in (path, moved):
        check = open_database(target)
        actions = [r[0] for r in check.execute("SELECT action FROM audit_log")]
        check.close()
        assert actions[-1] == "restore"


def test_an_anonymised_person_stays_anonymised_after_restoring_the_backup_made_first(
    tmp_path,
) -> None:
    """Item 6: anonymise backs up first; restoring that backup brought the person back."""
    path = tmp_path / "asr.db"
    make_office(path, volunteers=3).close()
    their_id = national_id(2)
    assert main(["--db", str(path), "anonymise", "2", "--yes"]) == 0
    before = [b for b in backups_dir(path).iterdir() if b.suffix == ".db"]
    assert before, "anonymise makes a backup first"
    assert main(["--db", str(path), "restore", str(before[0])]) == 0
    db = open_database(path)
    row = db.execute("SELECT national_id, first_name FROM volunteers WHERE id = 2").fetchone()
    assert row == ("0000000000002", "ลบข้อมูลแล้ว")
    assert their_id not in "".join(
        str(v) for r in db.execute("SELECT * FROM volunteers").fetchall() for v in r
    )
    # The ledger (table and file) never holds the national ID itself.
    ledger = erasures.ledger_file(path)
    assert ledger.exists() and their_id not in ledger.read_text()
    assert their_id not in str(erasures.entries(db))
    assert [e.volunteer_id for e in erasures.entries(db)] == [2]
    db.close()


def test_opening_an_older_backup_applies_the_ledger(tmp_path) -> None:
    """Item 6: 'when any backup is opened' — a daily backup opened as the database."""
    path = tmp_path / "asr.db"
    db = make_office(path, volunteers=3)
    daily = backup_now(db, "daily", now=lambda: NOON)
    anonymise(db, 3)
    db.close()
    opened = open_office_database(daily, now=lambda: NOON, daily=False).db
    try:
        row = opened.execute("SELECT national_id FROM volunteers WHERE id = 3").fetchone()
        assert row[0] == "0000000000003"
        redacted = opened.execute(
            "SELECT count(*) FROM audit_log WHERE record_type = 'volunteer' AND record_id = 3"
            " AND redacted_at IS NULL AND action <> 'anonymise'"
        ).fetchone()[0]
        assert redacted == 0
    finally:
        opened.close()


def test_a_backup_from_before_the_ledger_is_matched_by_internal_id(tmp_path) -> None:
    """A backup older than migration m0009 gets a new secret when migrated, so only the
    internal id can match; the restore still erases the person again."""
    path = tmp_path / "asr.db"
    db = make_office(path, volunteers=2)
    old = _crafted(
        tmp_path,
        path,
        "DROP TRIGGER erasures_no_update",
        "DROP TRIGGER erasures_no_delete",
        "DROP TABLE erasures",
        "DROP TABLE erasure_key",
        "DROP TRIGGER audit_log_no_update",
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
        "DELETE FROM _sqlite_migrations WHERE name = 'm0009_erasure_ledger'",
    )
    anonymise(db, 1)
    db.close()
    ledger = erasures.ledger_file(path)
    path.unlink()
    for side in ("-wal", "-shm"):
        Path(str(path) + side).unlink(missing_ok=True)
    restore_file(path, old)  # nothing to read the erasures from but the ledger file
    assert ledger.exists()
    check = open_database(path)
    try:
        assert check.execute("SELECT national_id FROM volunteers WHERE id = 1").fetchone()[0] == (
            "0000000000001"
        )
        assert check.execute("SELECT first_name FROM volunteers WHERE id = 2").fetchone()[0] != (
            "ลบข้อมูลแล้ว"
        )
    finally:
        check.close()


def test_anonymise_in_memory_still_works_without_a_ledger_file() -> None:
    from tests.excel_fixtures import sample_office

    db = sample_office()
    anonymise(db, 1)
    assert [e.volunteer_id for e in erasures.entries(db)] == [1]
    assert RosterService(db, today=lambda: date(2026, 12, 1)).store.get(1).first_name == (
        "ลบข้อมูลแล้ว"
    )
