"""The roster query: search, filter and sort 100,000 volunteers in SQL.

The roster table model asks for the ordered ids of the matching volunteers first (one
integer each), then fetches the rows it shows, a block at a time, so no more than a
screenful of volunteers becomes Python objects at once.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from sqlite_utils import Database

from asr_desktop.domain.erasure import ERASED_SORT_KEY
from asr_desktop.domain.errors import NotFoundError
from asr_desktop.domain.status import ScheduledChange, scheduled_changes
from asr_desktop.domain.thai_digits import to_arabic_digits
from asr_desktop.domain.vocabulary import Status, Tier
from asr_desktop.store.volunteers import VolunteerStore


def _settled(day: str) -> str:
    """True for rows whose summary columns hold on ``:day`` (no record dated after it)."""
    return f"(v.settled_on IS NULL OR v.settled_on <= :{day})"


def _standing_at(day: str) -> str:
    """The change of the latest status event dated on or before ``:day`` (NULL if none)."""
    return (
        "(SELECT e.change FROM status_events e WHERE e.volunteer_id = v.id "
        f"AND e.date <= :{day} ORDER BY e.date DESC, e.id DESC LIMIT 1)"
    )


def term_at_sql(column: str, day: str = "today") -> str:
    """A column of the term in force on ``:day`` (the latest started by then), or NULL.

    ``last_day`` gives the term's last day (domain/status.py:term_last_day).
    """
    expression = (
        "min(coalesce(t.ended_date, t.end_date), t.end_date)"
        if column == "last_day"
        else f"t.{column}"
    )
    return (
        f"(SELECT {expression} FROM terms t WHERE t.volunteer_id = v.id "
        f"AND t.start_date <= :{day} ORDER BY t.start_date DESC, t.id DESC LIMIT 1)"
    )


def status_sql(day: str = "today") -> str:
    """domain/status.py:status_at as SQL over ``volunteers v``, as at the parameter ``:day``.

    Rows with no record dated after the day read their summary columns; the others read
    their status events and terms. Tested against status_at in tests/store/test_status_sql.py.
    """
    return f"""CASE WHEN {_settled(day)} THEN CASE
        WHEN v.standing = 'exited' THEN 'exited'
        WHEN v.standing = 'suspended' THEN 'suspended'
        WHEN v.term_start IS NULL OR v.term_start > :{day} THEN 'candidate'
        WHEN v.term_end < :{day} THEN 'term_ended'
        ELSE 'active' END
    ELSE CASE {_standing_at(day)}
        WHEN 'exited' THEN 'exited'
        WHEN 'suspended' THEN 'suspended'
        ELSE coalesce((SELECT CASE WHEN min(coalesce(t.ended_date, t.end_date), t.end_date)
                < :{day} THEN 'term_ended' ELSE 'active' END
            FROM terms t WHERE t.volunteer_id = v.id AND t.start_date <= :{day}
            ORDER BY t.start_date DESC, t.id DESC LIMIT 1), 'candidate') END
    END"""


def active_sql(day: str = "today") -> str:
    """``status_sql(day) = 'active'``, cheaper per row: settled rows are decided by the
    columns of the covering index volunteers_dashboard alone."""
    return (
        f"(CASE WHEN {_settled(day)} THEN (v.standing IS NULL AND v.term_start <= :{day} "
        f"AND v.term_end >= :{day}) ELSE ({status_sql(day)}) = 'active' END)"
    )


def tier_sql(day: str = "today") -> str:
    """The tier of the term in force on ``:day`` (NULL before the first term starts)."""
    return f"(CASE WHEN {_settled(day)} THEN v.tier ELSE {term_at_sql('tier', day)} END)"


class ServingArm(NamedTuple):
    """Half of "who serves on :day": ``SELECT <figures> {source}``, where ``tier`` is the
    SQL of the tier of the term in force."""

    tier: str
    source: str
    not_renewed: str
    """True when no later term than the one in force is recorded (always, when settled)."""


def serving_arms(day: str = "today") -> tuple[ServingArm, ServingArm]:
    """The volunteers serving on ``:day``, in two halves that each read an index; callers
    run a query per half and add the results.

    Rows whose records are all dated by the day decide on the covering index
    volunteers_dashboard alone; the few with later records (found through
    volunteers_settled) read their history. In both, ``v.term_start``/``v.term_end`` are
    the latest term's, so ``v.term_start > :day`` means a later term is already recorded.
    (One UNION ALL subquery instead of two queries measured 3–4× slower on 100,000 rows.)
    """
    settled = ServingArm(
        "v.tier",
        "FROM volunteers v INDEXED BY volunteers_dashboard "
        f"WHERE (v.settled_on IS NULL OR v.settled_on <= :{day}) AND v.standing IS NULL "
        f"AND v.term_start <= :{day} AND v.term_end >= :{day}",
        "1",
    )
    waiting = ServingArm(
        term_at_sql("tier", day),
        "FROM volunteers v INDEXED BY volunteers_settled "
        f"WHERE v.settled_on > :{day} AND ({status_sql(day)}) = 'active'",
        f"v.term_start <= :{day}",
    )
    return settled, waiting


def served_between_sql(first: str = "first", following: str = "following") -> str:
    """True for a volunteer who served on some day of ``[:first, :following)`` (a month
    grid's rows): a term of theirs covers a day of it and they had not left before it.

    Records dated after the period do not matter (a renewal or an exit recorded ahead);
    rows whose records are all before the period read the summary columns.
    """
    fast = (
        f"v.term_start < :{following} AND v.term_end >= :{first} "
        "AND coalesce(v.standing, '') <> 'exited'"
    )
    exact = (
        "EXISTS (SELECT 1 FROM terms t WHERE t.volunteer_id = v.id "
        f"AND t.start_date < :{following} "
        f"AND min(coalesce(t.ended_date, t.end_date), t.end_date) >= :{first}) "
        "AND coalesce((SELECT e.change FROM status_events e WHERE e.volunteer_id = v.id "
        f"AND e.date < :{first} ORDER BY e.date DESC, e.id DESC LIMIT 1), '') <> 'exited'"
    )
    return (
        f"(CASE WHEN v.settled_on IS NULL OR v.settled_on < :{first} "
        f"THEN ({fast}) ELSE ({exact}) END)"
    )


STATUS_SQL = status_sql("today")
"""Status as at the parameter ``:today``."""


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
    """Last day of the term in force today (of the first term, before it starts)."""
    phone: str
    mentor_id: int | None
    scheduled: tuple[ScheduledChange, ...] = ()
    """Records dated after today, soonest first: they wait for their day."""


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
        clauses.append(f"{tier_sql()} = :tier")
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
    sql = (
        "SELECT v.id, v.national_id, v.title, v.first_name, v.last_name, v.subdistrict_code, "
        f"v.district_code, {tier_sql()}, {STATUS_SQL} AS status, "
        f"CASE WHEN {_settled('today')} THEN v.term_end "
        f"ELSE coalesce({term_at_sql('last_day')}, v.term_end) END, "
        "v.phone, v.mentor_id "
        f"FROM volunteers v WHERE v.id IN (SELECT value FROM json_each(:ids))"
    )
    params = {"today": today.isoformat(), "ids": json.dumps(list(ids))}
    rows = {row[0]: RosterRow(*row) for row in db.execute(sql, params).fetchall()}
    for vid, changes in scheduled_for(db, ids, today=today).items():
        rows[vid] = rows[vid]._replace(scheduled=tuple(changes))
    return rows


def scheduled_for(
    db: Database, ids: Sequence[int], *, today: date
) -> dict[int, list[ScheduledChange]]:
    """The scheduled changes (domain/status.py) of those of ``ids`` that have any: status
    events dated after today, terms starting after today or closed early from a later day.
    """
    params = {"today": today.isoformat(), "ids": json.dumps(list(ids))}
    waiting = [
        r[0]
        for r in db.execute(
            "SELECT volunteer_id FROM status_events WHERE date > :today "
            "AND volunteer_id IN (SELECT value FROM json_each(:ids)) "
            "UNION SELECT volunteer_id FROM terms WHERE (start_date > :today "
            "OR (ended_date > :today AND ended_date < end_date)) "
            "AND volunteer_id IN (SELECT value FROM json_each(:ids))",
            params,
        )
    ]
    store = VolunteerStore(db)
    out = {}
    for vid in waiting:
        changes = scheduled_changes(store.terms(vid), store.events(vid), today)
        if changes:
            out[vid] = changes
    return out


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


def volunteer_statuses(
    db: Database, volunteer_ids: Sequence[int], *, today: date
) -> dict[int, Status]:
    """The status on ``today`` of each volunteer, by id (ids not found are left out)."""
    statuses: dict[int, Status] = {}
    ids = sorted(set(volunteer_ids))
    for start in range(0, len(ids), 500):
        block = {f"id{i}": vid for i, vid in enumerate(ids[start : start + 500])}
        marks = ", ".join(f":{name}" for name in block)
        rows = db.execute(
            f"SELECT v.id, {STATUS_SQL} FROM volunteers v WHERE v.id IN ({marks})",
            {**block, "today": today.isoformat()},
        ).fetchall()
        statuses.update((int(vid), Status(status)) for vid, status in rows)
    return statuses


def tier_on(db: Database, volunteer_id: int, day: date) -> str | None:
    """The tier of the volunteer's term in force on ``day`` (None before their first term
    starts): a renewal recorded ahead with another tier does not count before it starts."""
    row = db.execute(
        f"SELECT {tier_sql('day')} FROM volunteers v WHERE v.id = :id",
        {"id": volunteer_id, "day": day.isoformat()},
    ).fetchone()
    if row is None:
        raise NotFoundError(f"ไม่พบอาสาสมัครรหัส {volunteer_id}")
    return None if row[0] is None else str(row[0])
