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

from asr_desktop.domain.erasure import ERASED_SORT_KEY
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
    RosterSort.STATUS: f"({STATUS_SQL})",
    RosterSort.TERM_END: "v.term_end",
    RosterSort.PHONE: "v.phone",
}

# Only the sorts that need an area name join area_names.
_JOINS = {
    RosterSort.SUBDISTRICT: "LEFT JOIN area_names sd ON sd.code = v.subdistrict_code",
    RosterSort.DISTRICT: "LEFT JOIN area_names d ON d.code = v.district_code",
}


_NULLABLE = {RosterSort.TIER, RosterSort.TERM_END, RosterSort.SUBDISTRICT, RosterSort.DISTRICT}
_TRIGRAM = 3
_PREFIX_COLUMNS = ("first_name", "last_name", "national_id", "phone")


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


LISTED_SQL = f"v.name_sort_key > '{ERASED_SORT_KEY}'"
"""Rows that belong in lists of people and current counts: not erased (domain/erasure.py).
Read from the name index, so it costs nothing on 100,000 rows."""


def _where(roster_filter: RosterFilter) -> tuple[str, dict[str, object]]:
    clauses: list[str] = [LISTED_SQL]
    params: dict[str, object] = {}
    long_terms = []
    for i, term in enumerate(search_terms(roster_filter.search)):
        if len(term) >= _TRIGRAM:
            long_terms.append('"' + term.replace('"', '""') + '"')
        else:
            # One or two characters are too short for the trigram index; they match the
            # start of a name, ID or phone through ordinary indexes instead of a scan.
            clauses.append(
                "("
                + " OR ".join(
                    f"v.{column} BETWEEN :q{i} AND :q{i}_end" for column in _PREFIX_COLUMNS
                )
                + ")"
            )
            params[f"q{i}"] = term
            params[f"q{i}_end"] = term + "\U0010ffff"
    if long_terms:
        clauses.insert(
            0, "v.id IN (SELECT rowid FROM volunteer_search WHERE volunteer_search MATCH :match)"
        )
        params["match"] = " AND ".join(long_terms)
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
    return " AND ".join(clauses), params


def roster_ids(
    db: Database,
    roster_filter: RosterFilter,
    *,
    sort: RosterSort = RosterSort.NAME,
    descending: bool = False,
    today: date,
    ordered: bool = True,
) -> list[int]:
    """The ids of the volunteers that match, in display order (any order if not ``ordered``)."""
    where, params = _where(roster_filter)
    params["today"] = today.isoformat()
    if not ordered:
        return [
            row[0] for row in db.execute(f"SELECT v.id FROM volunteers v WHERE {where}", params)
        ]
    direction = "DESC" if descending else "ASC"
    order = _ORDER_BY[sort]
    # NULLs (no term yet) go last whichever way the column is sorted. Only nullable columns
    # get the IS NULL term, so that the NOT NULL ones can be read straight from their index.
    nulls_last = f"{order} IS NULL, " if sort in _NULLABLE else ""
    sql = (
        f"SELECT v.id FROM volunteers v {_JOINS.get(sort, '')} WHERE {where} "
        f"ORDER BY {nulls_last}{order} {direction}"
        + ("" if sort is RosterSort.NAME else f", v.name_sort_key {direction}")
        + f", v.id {direction}"
    )
    return [row[0] for row in db.execute(sql, params)]


class RosterView:
    """Search-as-you-type over a large roster: the SQL finds the matches, unordered (fast,
    through the trigram index); the order comes from the full ordered id list of the
    current sort, computed once per sort and reused for every keystroke.

    Call :meth:`invalidate` after any change to volunteers.
    """

    def __init__(self, db: Database, *, today: date) -> None:
        self.db = db
        self.today = today
        self._orders: dict[tuple[RosterSort, bool], list[int]] = {}
        self._ranks: dict[tuple[RosterSort, bool], dict[int, int]] = {}

    def invalidate(self, *, today: date | None = None) -> None:
        self._orders.clear()
        self._ranks.clear()
        if today is not None:
            self.today = today

    def ids(self, roster_filter: RosterFilter, sort: RosterSort, descending: bool) -> list[int]:
        key = (sort, descending)
        order = self._orders.get(key)
        if order is None:
            order = roster_ids(
                self.db, RosterFilter(), sort=sort, descending=descending, today=self.today
            )
            self._orders[key] = order
        if roster_filter == RosterFilter():
            return list(order)
        matched = roster_ids(self.db, roster_filter, today=self.today, ordered=False)
        if len(matched) > len(order) // 8:
            wanted = set(matched)
            return [i for i in order if i in wanted]
        rank = self._ranks.get(key)
        if rank is None:
            rank = self._ranks[key] = {vid: position for position, vid in enumerate(order)}
        return sorted(matched, key=rank.__getitem__)


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
        f"SELECT {STATUS_SQL} AS status, count(*) FROM volunteers v WHERE {LISTED_SQL} "
        "GROUP BY status",
        {"today": today.isoformat()},
    ).fetchall()
    counts = dict.fromkeys(Status, 0)
    counts.update({Status(status): n for status, n in rows})
    return counts
