"""Queries behind the workbooks for headquarters: the full register and the terms ending.

Everything is as at ``today`` (domain/status.py): each volunteer comes with the term in
force that day (or, before their first term starts, the term waiting to start), their
status that day and the date of their latest status event by then. The register gives the
term's end date as ordered (what an import reads back; an exit shows in the status
columns); the terms-ending list gives its last day (the day it was closed early, if so).
Rows are streamed from one query so a 100,000-volunteer register never sits in memory as
objects.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from sqlite_utils import Database

from asr_desktop.store.names import display_name_sql
from asr_desktop.store.roster import LISTED_SQL, STATUS_SQL, active_sql

REGISTER_COLUMNS = (
    "id", "national_id", "title", "first_name", "last_name", "gender", "birth_date", "phone",
    "line_id", "house_no", "moo", "village", "soi", "road", "subdistrict_code", "district_code",
    "postcode", "education", "occupation", "other_roles", "pdpa_consent_date", "notes",
    "tier", "batch", "order_no", "order_date", "term_start", "term_end", "card_no",
    "status", "status_date", "exit_reason", "mentor",
)  # fmt: skip

_TERM_SHOWN = (
    "coalesce((SELECT t2.id FROM terms t2 WHERE t2.volunteer_id = v.id "
    "AND t2.start_date <= :today ORDER BY t2.start_date DESC, t2.id DESC LIMIT 1), "
    "(SELECT t2.id FROM terms t2 WHERE t2.volunteer_id = v.id "
    "ORDER BY t2.start_date, t2.id LIMIT 1))"
)
_LATEST_EVENT = (
    "(SELECT e.{0} FROM status_events e WHERE e.volunteer_id = v.id AND e.date <= :today "
    "ORDER BY e.date DESC, e.id DESC LIMIT 1)"
)

_LAST_DAY = "min(coalesce(t.ended_date, t.end_date), t.end_date)"

_REGISTER_SQL = f"""
SELECT v.id, v.national_id, v.title, v.first_name, v.last_name, v.gender, v.birth_date,
       v.phone, v.line_id, v.house_no, v.moo, v.village, v.soi, v.road, v.subdistrict_code,
       v.district_code, v.postcode, v.education, v.occupation, v.other_roles,
       v.pdpa_consent_date, v.notes,
       t.tier, t.batch, t.order_no, t.order_date, t.start_date, {{term_end}}, t.card_no,
       {STATUS_SQL} AS status, {_LATEST_EVENT.format("date")} AS status_date,
       {_LATEST_EVENT.format("reason")},
       CASE WHEN m.id IS NULL THEN '' ELSE {display_name_sql("m")} END
FROM volunteers v
LEFT JOIN terms t ON t.id = {_TERM_SHOWN}
LEFT JOIN mentors m ON m.id = v.mentor_id
{{where}}
ORDER BY v.district_code, v.subdistrict_code, v.name_sort_key, v.id
"""


def register_count(db: Database, *, district_code: str = "") -> int:
    sql = f"SELECT count(*) FROM volunteers v WHERE {LISTED_SQL}"
    if district_code:
        return int(db.execute(sql + " AND district_code = ?", [district_code]).fetchone()[0])
    return int(db.execute(sql).fetchone()[0])


def register_rows(
    db: Database, *, today: date, district_code: str = ""
) -> Iterator[tuple[Any, ...]]:
    """Every volunteer in register order (district, tambon, name), as REGISTER_COLUMNS;
    only those of ``district_code`` when given. Erased records are not listed."""
    where = f"WHERE {LISTED_SQL}" + (" AND v.district_code = :district" if district_code else "")
    cursor = db.conn.execute(
        _REGISTER_SQL.format(where=where, term_end="t.end_date"),
        {"today": today.isoformat(), "district": district_code},
    )
    while block := cursor.fetchmany(1_000):
        yield from block


def terms_ending_rows(
    db: Database, *, today: date, until: date, district_code: str = ""
) -> list[tuple[Any, ...]]:
    """Volunteers serving today whose term's last day is by ``until``, soonest first.

    Those with a later term already recorded (renewed ahead) are not listed: their term in
    force is not their latest, so ``v.term_start`` is after today. For the others the term
    in force is the latest, whose last day is ``v.term_end``.
    """
    where = f"WHERE {active_sql()} AND v.term_start <= :today AND v.term_end <= :until"
    if district_code:
        where += " AND v.district_code = :district"
    sql = _REGISTER_SQL.format(where=where, term_end=_LAST_DAY).replace(
        "ORDER BY v.district_code", "ORDER BY v.term_end, v.district_code"
    )
    params = {"today": today.isoformat(), "until": until.isoformat(), "district": district_code}
    return db.execute(sql, params).fetchall()
