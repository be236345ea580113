"""m0008_status_as_at: the settled_on column and one last day, on a database with history."""

import sqlite3

from sqlite_utils import Database

from asr_desktop.store import migrations


def test_m0008_backfills_settled_on_and_the_last_day() -> None:
    db = Database(sqlite3.connect(":memory:"), execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    migrations.MIGRATIONS.apply(db, stop_before="m0008_status_as_at")
    for vid, term_end in ((1, "2027-07-31"), (2, "2027-09-01"), (3, None)):
        db.execute(
            "INSERT INTO volunteers (id, national_id, first_name, created_at, updated_at, "
            "term_end) VALUES (?, ?, 'ก', 'x', 'x', ?)",
            [vid, f"{vid:013d}", term_end],
        )
    terms = (
        "INSERT INTO terms (volunteer_id, tier, start_date, end_date, ended_date) "
        "VALUES (?, 'lead', ?, ?, ?)"
    )
    db.execute(terms, [1, "2024-08-01", "2027-07-31", None])
    db.execute(terms, [1, "2027-08-01", "2030-07-31", None])  # a renewal recorded ahead
    db.execute(terms, [2, "2024-08-01", "2027-07-31", "2027-09-01"])  # closed after its end
    db.execute(
        "INSERT INTO status_events (volunteer_id, change, date, reason) "
        "VALUES (2, 'exited', '2027-09-01', 'moved')"
    )
    migrations.apply(db)
    rows = db.execute("SELECT id, settled_on, term_end FROM volunteers ORDER BY id").fetchall()
    assert rows == [
        (1, "2027-08-01", "2030-07-31"),
        (2, "2027-09-01", "2027-07-31"),  # a term never runs past its end date
        (3, None, None),
    ]
    index = db.execute("PRAGMA index_info(volunteers_dashboard)").fetchall()
    assert [r[2] for r in index][-1] == "settled_on"
    assert migrations.pending(db) == []
