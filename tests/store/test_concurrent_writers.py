"""Writers queue instead of being refused: BEGIN IMMEDIATE (issue 12, item 9)."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from tests.excel_fixtures import national_id
from tests.safety_support import make_office, volunteer

from asr_desktop.services.backup import backup_now
from asr_desktop.services.roster import RosterService
from asr_desktop.store.database import connect

WRITERS = 4
EACH = 25


def test_four_writers_and_a_backup_lose_nothing_and_refuse_nobody(tmp_path: Path) -> None:
    path = tmp_path / "asr.db"
    make_office(path, volunteers=1).close()
    refusals: list[str] = []
    start = threading.Barrier(WRITERS + 1)

    def writer(number: int) -> None:
        db = connect(path)
        service = RosterService(db, today=lambda: date(2026, 12, 1))
        start.wait()
        try:
            for i in range(EACH):
                person = volunteer(0)
                person.national_id = national_id(1000 * (number + 1) + i)
                try:
                    # register reads (is the ID taken?) before it writes: the case that
                    # a plain BEGIN could not upgrade to a write lock.
                    service.register(person)
                except Exception as exc:  # counted, not raised
                    refusals.append(f"{type(exc).__name__}: {exc}")
        finally:
            db.close()

    def backups() -> None:
        db = connect(path)
        start.wait()
        try:
            for _ in range(5):
                backup_now(db, "manual")
        except Exception as exc:
            refusals.append(f"backup {type(exc).__name__}: {exc}")
        finally:
            db.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    threads.append(threading.Thread(target=backups))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert refusals == []
    db = connect(path)
    try:
        assert db.execute("SELECT count(*) FROM volunteers").fetchone()[0] == 1 + WRITERS * EACH
    finally:
        db.close()
