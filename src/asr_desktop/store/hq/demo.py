"""Queries the national demo needs of an office database."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from asr_desktop.store.roster import STATUS_SQL


def active_volunteers(db: Database, on: date | None = None) -> list[int]:
    """Ids of the volunteers serving on ``on`` (default: by their latest term, today)."""
    day = (on or date.today()).isoformat()
    sql = f"SELECT v.id FROM volunteers v WHERE ({STATUS_SQL}) = 'active' ORDER BY v.id"
    return [int(row[0]) for row in db.execute(sql, {"today": day})]
