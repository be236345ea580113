"""Queries behind the workbooks for headquarters: the full register and the terms ending.

Each volunteer comes with their latest term (the one that decides the status, as in
domain/status.py) and the date of their latest status event. Rows are streamed from one
query so a 100,000-volunteer register never sits in memory as objects.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from sqlite_utils import Database

from asr_desktop.store.names import display_name_sql
from asr_desktop.store.roster import LISTED_SQL, STATUS_SQL

REGISTER_COLUMNS = (
    "id", "national_id", "title", "first_name", "last_name", "gender", "birth_date", "phone",
    "line_id", "house_no", "moo", "village", "soi", "road", "subdistrict_code", "district_code",
    "postcode", "education", "occupation", "other_roles", "pdpa_consent_date", "notes",
    "tier", "batch", "order_no", "order_date", "term_start", "term_end", "card_no",
    "status", "status_date", "exit_reason", "mentor",
)  # fmt: skip

_LATEST_TERM = (
    "(SELECT t2.id FROM terms t2 WHERE t2.volunteer_id = v.id "
    "ORDER BY t2.start_date DESC, t2.id DESC LIMIT 1)"
)
_LATEST_EVENT_DATE = (
    "(SELECT e.date FROM status_events e WHERE e.volunteer_id = v.id "
    "ORDER BY e.date DESC, e.id DESC LIMIT 1)"
)

_REGISTER_SQL = f"""
SELECT v.id, v.national_id, v.title, v.first_name, v.last_name, v.gender, v.birth_date,
       v.phone, v.line_id, v.house_no, v.moo, v.village, v.soi, v.road, v.subdistrict_code,
       v.district_code, v.postcode, v.education, v.occupation, v.other_roles,
       v.pdpa_consent_date, v.notes,
       t.tier, t.batch, t.order_no, t.order_date, t.start_date, t.end_date, t.card_no,
       {STATUS_SQL} AS status, {_LATEST_EVENT_DATE} AS status_date, v.exit_reason,
       CASE WHEN m.id IS NULL THEN '' ELSE {display_name_sql("m")} END
FROM volunteers v
LEFT JOIN terms t ON t.id = {_LATEST_TERM}
LEFT JOIN mentors m ON m.id = v.mentor_id
LEFT JOIN area_names d ON d.code = v.district_code
LEFT JOIN area_names s ON s.code = v.subdistrict_code
{{where}}
ORDER BY d.sort_key, s.sort_key, v.name_sort_key, v.id
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
        _REGISTER_SQL.format(where=where), {"today": today.isoformat(), "district": district_code}
    )
    while block := cursor.fetchmany(1_000):
        yield from block


def terms_ending_rows(
    db: Database, *, today: date, until: date, district_code: str = ""
) -> list[tuple[Any, ...]]:
    """Volunteers serving today whose term ends by ``until``, soonest first."""
    where = f"WHERE ({STATUS_SQL}) = 'active' AND v.term_end <= :until"
    if district_code:
        where += " AND v.district_code = :district"
    sql = _REGISTER_SQL.format(where=where).replace(
        "ORDER BY d.sort_key", "ORDER BY v.term_end, d.sort_key"
    )
    params = {"today": today.isoformat(), "until": until.isoformat(), "district": district_code}
    return db.execute(sql, params).fetchall()
