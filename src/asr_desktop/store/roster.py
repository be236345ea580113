"""The roster query: search, filter and sort 100,000 volunteers in SQL.

The roster table model asks for the ordered ids of the matching volunteers first (one
integer each), then fetches the rows it shows, a block at a time, so no more than a
screenful of volunteers becomes Python objects at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from sqlite_utils import Database

from asr_desktop.domain.thai_digits import to_arabic_digits
from asr_desktop.domain.vocabulary import Status, Tier

# The rule of domain/status.py:derive_status as SQL over the summary columns; the two are
# tested against each other in tests/store/test_roster.py.
STATUS_SQL = """CASE
    WHEN v.standing = 'exited' THEN 'exited'
    WHEN v.standing = 'suspended' THEN 'suspended'
    WHEN v.term_start IS NULL OR v.term_start > :today THEN 'candidate'
    WHEN v.term_end < :today THEN 'term_ended'
    ELSE 'active' END"""


class RosterSort(StrEnum):
    NAME = "name"
    NATIONAL_ID = "national_id"
    SUBDISTRICT = "tambon"
    DISTRICT = "district"
    TIER = "tier"
    STATUS = "status"
    TERM_END = "term_end"
    PHONE = "phone"


_ORDER_BY = {
    RosterSort.NAME: "v.name_sort_key",
    RosterSort.NATIONAL_ID: "v.national_id",
    RosterSort.SUBDISTRICT: "sd.sort_key",
    RosterSort.DISTRICT: "d.sort_key",
    RosterSort.TIER: "v.tier",
    RosterSort.STATUS: "status",
    RosterSort.TERM_END: "v.term_end",
    RosterSort.PHONE: "v.phone",
}

# Only the sorts that need an area name join area_names.
_JOINS = {
    RosterSort.SUBDISTRICT: "LEFT JOIN area_names sd ON sd.code = v.subdistrict_code",
    RosterSort.DISTRICT: "LEFT JOIN area_names d ON d.code = v.district_code",
}


@dataclass(frozen=True, slots=True)
class RosterFilter:
    """What the roster shows. Empty fields do not filter.

    ``mentor_id`` 0 means volunteers without a mentor.
    """

    search: str = ""
    district_code: str = ""
    subdistrict_code: str = ""
    status: Status | None = None
    tier: Tier | None = None
    mentor_id: int | None = None


class RosterRow(NamedTuple):
    id: int
    national_id: str
    title: str
    first_name: str
    last_name: str
    subdistrict_code: str
    district_code: str
    tier: str | None
    status: str
    term_end: str | None
    phone: str
    mentor_id: int | None


def search_terms(text: str) -> list[str]:
    """Splits what was typed into words; each must occur. Dashes in IDs and phones and
    Thai digits do not matter."""
    words = []
    for word in to_arabic_digits(text).lower().split():
        bare = word.replace("-", "")
        words.append(bare if bare.isdigit() else word)
    return words


def _where(roster_filter: RosterFilter) -> tuple[str, dict[str, object]]:
    clauses: list[str] = []
    params: dict[str, object] = {}
    for i, term in enumerate(search_terms(roster_filter.search)):
        clauses.append(f"instr(v.search_text, :q{i}) > 0")
        params[f"q{i}"] = term
    if roster_filter.district_code:
        clauses.append("v.district_code = :district")
        params["district"] = roster_filter.district_code
    if roster_filter.subdistrict_code:
        clauses.append("v.subdistrict_code = :subdistrict")
        params["subdistrict"] = roster_filter.subdistrict_code
    if roster_filter.status is not None:
        clauses.append(f"({STATUS_SQL}) = :status")
        params["status"] = roster_filter.status.value
    if roster_filter.tier is not None:
        clauses.append("v.tier = :tier")
        params["tier"] = roster_filter.tier.value
    if roster_filter.mentor_id == 0:
        clauses.append("v.mentor_id IS NULL")
    elif roster_filter.mentor_id is not None:
        clauses.append("v.mentor_id = :mentor")
        params["mentor"] = roster_filter.mentor_id
    return (" AND ".join(clauses) or "1"), params


def roster_ids(
    db: Database,
    roster_filter: RosterFilter,
    *,
    sort: RosterSort = RosterSort.NAME,
    descending: bool = False,
    today: date,
) -> list[int]:
    """The ids of the volunteers that match, in display order."""
    where, params = _where(roster_filter)
    params["today"] = today.isoformat()
    direction = "DESC" if descending else "ASC"
    # NULLs (no term yet) go last whichever way the column is sorted.
    order = _ORDER_BY[sort]
    sql = (
        f"SELECT v.id, {STATUS_SQL} AS status FROM volunteers v {_JOINS.get(sort, '')} "
        f"WHERE {where} ORDER BY {order} IS NULL, {order} {direction}, "
        f"v.name_sort_key {direction}, v.id"
    )
    return [row[0] for row in db.execute(sql, params).fetchall()]


def roster_rows(db: Database, ids: Sequence[int], *, today: date) -> dict[int, RosterRow]:
    """The display rows of the given volunteers, by id (any order in, dict out)."""
    if not ids:
        return {}
    placeholders = ",".join("?" * len(ids))
    sql = (
        "SELECT v.id, v.national_id, v.title, v.first_name, v.last_name, v.subdistrict_code, "
        f"v.district_code, v.tier, {STATUS_SQL.replace(':today', '?')} AS status, v.term_end, "
        "v.phone, v.mentor_id "
        f"FROM volunteers v WHERE v.id IN ({placeholders})"
    )
    today_text = today.isoformat()
    params = [today_text] * STATUS_SQL.count(":today") + list(ids)
    return {row[0]: RosterRow(*row) for row in db.execute(sql, params).fetchall()}


def count_by_status(db: Database, *, today: date) -> dict[Status, int]:
    """How many volunteers are in each status today."""
    rows = db.execute(
        f"SELECT {STATUS_SQL} AS status, count(*) FROM volunteers v GROUP BY status",
        {"today": today.isoformat()},
    ).fetchall()
    counts = dict.fromkeys(Status, 0)
    counts.update({Status(status): n for status, n in rows})
    return counts
