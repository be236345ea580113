"""m0007_export_log and the export log store."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from asr_desktop.store import migrations
from asr_desktop.store.database import memory_database
from asr_desktop.store.export_log import ExportFile, exports, record_export


def test_m0010_upgrades_a_database_that_has_only_m0001() -> None:
    db = Database(sqlite3.connect(":memory:"))
    db.execute("PRAGMA foreign_keys = ON")
    first = migrations.MIGRATIONS._migrations[0]
    assert first.name == "m0001_roster"
    migrations.MIGRATIONS.apply(db, stop_before="m0007_export_log")
    assert "export_log" not in db.table_names()
    db.execute("INSERT INTO office_settings VALUES ('province_code', '47')")
    migrations.apply(db)
    assert "m0007_export_log" in migrations.applied_names(db)
    assert {"export_log", "export_files"} <= set(db.table_names())
    assert db.execute("SELECT value FROM office_settings").fetchone() == ("47",)


def test_record_and_read_back() -> None:
    db = memory_database()
    files = [ExportFile("a.xlsx", 10, "a" * 64), ExportFile("b.pdf", 20, "b" * 64)]
    export_id = record_export(
        db, kind="monthly_package", period="2025-10", folder="/out", frozen_copy="/data/x",
        manifest={"period": "2025-10"}, manifest_sha256="c" * 64, files=files,
    )  # fmt: skip
    [entry] = exports(db)
    assert entry.id == export_id
    assert entry.manifest == {"period": "2025-10"}
    assert entry.files == tuple(files)
    assert db.execute("SELECT action FROM audit_log").fetchall() == [("export",)]


def test_a_hash_must_be_a_sha256() -> None:
    db = memory_database()
    with pytest.raises(sqlite3.IntegrityError):
        record_export(
            db, kind="monthly_package", period="2025-10", folder="/o", frozen_copy="/f",
            manifest={}, manifest_sha256="short", files=[],
        )  # fmt: skip
    assert exports(db) == []
