"""Queries the national demo needs of an office database."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from asr_desktop.store.roster import STATUS_SQL


def active_volunteers(
    db: Database, on: date | None = None, *, district_code: str = ""
) -> list[int]:
    """Ids of the volunteers serving on ``on`` (default: by their latest term, today), of
    one district when given."""
    day = (on or date.today()).isoformat()
    where = "AND v.district_code = :district" if district_code else ""
    sql = f"SELECT v.id FROM volunteers v WHERE ({STATUS_SQL}) = 'active' {where} ORDER BY v.id"
    return [int(row[0]) for row in db.execute(sql, {"today": day, "district": district_code})]
