"""The day of an erasure survives every recalculation of the summary columns (issue 22).

An erased row counts as exited from the day of the erasure; earlier days read the
person's history. A recalculation from the history alone would move that day back to the
person's last record, and days in between would stop counting them as they were.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from tests.work_helpers import add_volunteer, make_office

from asr_desktop.domain.model import StatusEvent
from asr_desktop.domain.vocabulary import Status, StatusChange
from asr_desktop.services.privacy import anonymise, reapply_erasures
from asr_desktop.store import erasures
from asr_desktop.store.database import memory_database
from asr_desktop.store.roster import volunteer_statuses
from asr_desktop.store.volunteers import VolunteerStore, summary_columns

ERASED_ON = date(2026, 1, 15)


def settled(db, volunteer_id: int) -> str:
    row = db.execute("SELECT settled_on FROM volunteers WHERE id = ?", [volunteer_id]).fetchone()
    return str(row[0])


def status(db, volunteer_id: int, day: date) -> Status:
    return volunteer_statuses(db, [volunteer_id], today=day)[volunteer_id]


@pytest.fixture
def erased():
    """A volunteer appointed on 1 Oct 2024 (4-year term), erased on 15 Jan 2026 by the
    ledger (as a restore applies an erasure again)."""
    db = memory_database()
    make_office(db)
    vid = add_volunteer(db, 1, "470101", end=date(2028, 9, 30))
    other = add_volunteer(db, 2, "470101", end=date(2028, 9, 30))
    key = erasures.secret(db)
    assert key is not None
    national_id = VolunteerStore(db).get(vid).national_id
    entry = erasures.Erasure(
        vid,
        erasures.id_hash(key, national_id),
        erasures.key_id(key),
        f"{ERASED_ON.isoformat()}T10:00:00",
        "tester",
    )
    assert reapply_erasures(db, [entry]) == 1
    yield db, vid, other
    db.close()


def test_the_erasure_counts_from_its_own_day(erased) -> None:
    db, vid, _other = erased
    assert settled(db, vid) == "2026-01-15"
    assert status(db, vid, ERASED_ON - timedelta(days=1)) is Status.ACTIVE
    assert status(db, vid, ERASED_ON) is Status.EXITED


def test_the_erasure_day_survives_recalculating_the_summary(erased) -> None:
    db, vid, other = erased
    store = VolunteerStore(db)
    # What a bulk recalculation from the history alone writes: the day of the last record.
    for row_id in (vid, other):
        history = store.terms(row_id), store.events(row_id)
        columns = summary_columns(store.get(row_id), *history)
        db.table("volunteers").update(row_id, columns)
    assert settled(db, vid) == "2024-10-01"  # the day lost (the bug guarded against)
    # Any recalculation through the store puts it back from the ledger.
    store.update(store.get(vid))
    assert settled(db, vid) == "2026-01-15"
    assert status(db, vid, ERASED_ON - timedelta(days=1)) is Status.ACTIVE
    assert status(db, vid, ERASED_ON) is Status.EXITED
    # So does a record added to the history (which recalculates the summary too).
    store.add_event(StatusEvent(vid, StatusChange.SUSPENDED, date(2025, 3, 1)))
    assert settled(db, vid) == "2026-01-15"
    assert status(db, vid, date(2025, 3, 2)) is Status.SUSPENDED
    assert status(db, vid, ERASED_ON) is Status.EXITED
    # The other, not erased, is settled by their history alone.
    store.update(store.get(other))
    assert settled(db, other) == "2024-10-01"


def test_a_history_later_than_the_erasure_wins(erased) -> None:
    db, vid, _other = erased
    store = VolunteerStore(db)
    store.add_event(StatusEvent(vid, StatusChange.SUSPENDED, date(2026, 6, 1)))
    assert settled(db, vid) == "2026-06-01"
    assert status(db, vid, date(2026, 6, 2)) is Status.EXITED


def test_an_erasure_today_starts_today() -> None:
    db = memory_database()
    make_office(db)
    vid = add_volunteer(db, 1, "470101", end=date(2099, 9, 30))
    anonymise(db, vid)
    assert settled(db, vid) == date.today().isoformat()
    store = VolunteerStore(db)
    store.update(store.get(vid))
    assert settled(db, vid) == date.today().isoformat()
