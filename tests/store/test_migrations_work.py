"""m0002_work: the work tables from empty and from a database at m0001."""

import sqlite3

import pytest
from sqlite_utils import Database

from asr_desktop.domain.work import DEFAULT_CATEGORIES
from asr_desktop.store import migrations
from asr_desktop.store.database import memory_database

WORK_TABLES = {
    "work_categories",
    "activities",
    "referrals",
    "events",
    "event_attendees",
    "mentor_checklists",
}


def test_m0002_runs_after_m0001_on_a_database_with_data() -> None:
    db = Database(sqlite3.connect(":memory:"), execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    migrations.MIGRATIONS.apply(db, stop_before="m0002_work")
    db.execute(
        "INSERT INTO volunteers (national_id, first_name, created_at, updated_at) "
        "VALUES ('1234567890123', 'สมชาย', 'x', 'x')"
    )
    assert WORK_TABLES.isdisjoint(db.table_names())
    migrations.apply(db)
    assert set(db.table_names()) >= WORK_TABLES
    assert db.execute("SELECT count(*) FROM volunteers").fetchone()[0] == 1
    assert "m0002_work" in migrations.applied_names(db)
    assert migrations.pending(db) == []


def test_default_categories_are_seeded() -> None:
    db = memory_database()
    rows = db.execute("SELECT kind, code, label FROM work_categories ORDER BY position").fetchall()
    assert rows == list(DEFAULT_CATEGORIES)
    kinds = {r[0] for r in rows}
    assert kinds == {"duty", "mission", "target_group"}
    assert sum(1 for r in rows if r[0] == "duty") == 5
    assert sum(1 for r in rows if r[0] == "mission") == 9


def test_constraints_refuse_bad_rows() -> None:
    db = memory_database()
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO referrals (date, person_name, agency) VALUES ('2025-01-01', '', 'doe')"
        )
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO referrals (date, person_name, agency, status) "
            "VALUES ('2025-01-01', 'ก', 'doe', 'lost')"
        )
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO events (title, start_date, end_date) "
            "VALUES ('x', '2025-02-01', '2025-01-01')"
        )
    db.execute("INSERT INTO events (title, start_date) VALUES ('x', '2025-02-01')")
    with pytest.raises(sqlite3.IntegrityError):  # an attendee is exactly one kind of person
        db.execute("INSERT INTO event_attendees (event_id, role) VALUES (1, 'other')")
    with pytest.raises(sqlite3.IntegrityError):  # no such volunteer (foreign keys are on)
        db.execute(
            "INSERT INTO mentor_checklists (volunteer_id, fiscal_year, quarter) "
            "VALUES (99, 2569, 1)"
        )


def test_m0003_backfills_and_triggers_keep_the_summaries() -> None:
    db = Database(sqlite3.connect(":memory:"), execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    migrations.MIGRATIONS.apply(db, stop_before="m0003_work_summaries")
    db.execute(
        "INSERT INTO volunteers (id, national_id, first_name, created_at, updated_at) "
        "VALUES (1, '1234567890123', 'สมชาย', 'x', 'x')"
    )
    insert = (
        "INSERT INTO activities (volunteer_id, date, mission_id, count, people_male, "
        "people_female) VALUES (1, ?, 6, ?, ?, ?)"
    )
    db.execute(insert, ["2025-09-03", 2, 1, 1])
    migrations.apply(db)  # the backfill

    def summaries():
        last = db.execute("SELECT last_activity FROM volunteers WHERE id = 1").fetchone()[0]
        months = db.execute(
            "SELECT month, activities, people_male + people_female FROM activity_month_totals "
            "WHERE activities > 0 ORDER BY month"
        ).fetchall()
        return last, months

    assert summaries() == ("2025-09-03", [("2025-09", 2, 2)])
    db.execute(insert, ["2025-10-05", 3, 0, 4])
    assert summaries() == ("2025-10-05", [("2025-09", 2, 2), ("2025-10", 3, 4)])
    db.execute("UPDATE activities SET date = '2025-09-30', count = 1 WHERE date = '2025-10-05'")
    assert summaries() == ("2025-09-30", [("2025-09", 3, 6)])
    db.execute("DELETE FROM activities")
    assert summaries() == (None, [])
