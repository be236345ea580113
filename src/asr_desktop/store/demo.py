"""The queries and bulk inserts of the demo generator (services/demo/).

The demo writes thousands of rows at once, so it inserts through ``executemany`` with rows
as tuples rather than through the stores' one-record-at-a-time methods; the column order of
each tuple is the one named in the function's docstring.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlite_utils import Database

from asr_desktop.store.roster import STATUS_SQL, tier_sql
from asr_desktop.store.volunteers import name_sort_key

ActiveRow = tuple[int, str, str, str, int | None]
"""(id, tier, subdistrict, district, mentor id) of an active volunteer."""

_SETTLED_ACTIVE = (
    f"({STATUS_SQL}) = 'active' AND v.settled_on <= :today "
    "AND v.subdistrict_code LIKE :province || '%'"
)
"""Active on :today by records all dated by then, living in the province :province."""


def active_rows(db: Database, today: str) -> list[ActiveRow]:
    """Every volunteer active on ``today`` (ISO), by id."""
    return [
        (r[0], r[1], r[2], r[3], r[4])
        for r in db.execute(
            f"SELECT v.id, v.tier, v.subdistrict_code, v.district_code, v.mentor_id "
            f"FROM volunteers v WHERE ({STATUS_SQL}) = 'active' ORDER BY v.id",
            {"today": today},
        ).fetchall()
    ]


def active_category_ids(db: Database, kind: str) -> list[int]:
    """Ids of the office's active categories of one kind, in the office's order."""
    return [
        r[0]
        for r in db.execute(
            "SELECT id FROM work_categories WHERE kind = ? AND active = 1 ORDER BY position",
            [kind],
        ).fetchall()
    ]


def active_mentor_ids(db: Database) -> list[int]:
    return [r[0] for r in db.execute("SELECT id FROM mentors WHERE active = 1 ORDER BY id")]


def add_mentors(db: Database, mentors: Iterable[tuple[str, str, str, str, str, str]]) -> None:
    """Adds active mentors given as (title, first name, last name, position, agency, phone)."""
    db.table("mentors").insert_all(
        {
            "title": title,
            "first_name": first,
            "last_name": last,
            "position": position,
            "agency": agency,
            "phone": phone,
            "active": 1,
            "name_sort_key": name_sort_key(first, last),
        }
        for title, first, last, position, agency, phone in mentors
    )


def districts_without_mentor(db: Database) -> list[str]:
    """Districts (codes, in order) where no volunteer has a mentor."""
    return [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT district_code FROM volunteers WHERE district_code NOT IN "
            "(SELECT district_code FROM volunteers WHERE mentor_id IS NOT NULL) "
            "ORDER BY district_code"
        )
    ]


def assign_district(db: Database, mentor_id: int, district_code: str) -> int:
    """Gives the district's volunteers without a mentor ``mentor_id``, except every one whose
    id is a multiple of 17 (so the "no mentor" filter shows someone); returns how many."""
    cursor = db.execute(
        "UPDATE volunteers SET mentor_id = ? WHERE district_code = ? AND mentor_id IS NULL "
        "AND id % 17 <> 0",
        [mentor_id, district_code],
    )
    return int(cursor.rowcount)


def insert_activities(db: Database, rows: Sequence[tuple[Any, ...]]) -> None:
    """Rows of (volunteer_id, date, mission_id, duty_id, target_group_id, agency,
    subdistrict_code, moo, count, people_male, people_female, note, from_grid)."""
    db.conn.executemany(
        "INSERT INTO activities (volunteer_id, date, mission_id, duty_id, target_group_id, "
        "agency, subdistrict_code, moo, count, people_male, people_female, note, from_grid) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def insert_referrals(db: Database, rows: Sequence[tuple[Any, ...]]) -> None:
    """Rows of (date, volunteer_id, person_name, person_phone, person_gender,
    subdistrict_code, need, agency, status, outcome, follow_up_date)."""
    db.conn.executemany(
        "INSERT INTO referrals (date, volunteer_id, person_name, person_phone, person_gender, "
        "subdistrict_code, need, agency, status, outcome, follow_up_date) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def add_event(db: Database, event: dict[str, Any]) -> int:
    """Adds an event row (columns of ``events``); returns its id."""
    event_id = db.table("events").insert(event).last_pk
    assert event_id is not None  # an insert into a rowid table always has one
    return int(event_id)


def insert_attendees(db: Database, rows: Sequence[tuple[Any, ...]]) -> None:
    """Rows of (event_id, role, volunteer_id, mentor_id, guest_name, guest_organisation,
    attended)."""
    db.conn.executemany(
        "INSERT INTO event_attendees (event_id, role, volunteer_id, mentor_id, guest_name, "
        "guest_organisation, attended) VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def insert_volunteer_attendees(
    db: Database, event_id: int, day: str, volunteer_ids: Sequence[int]
) -> None:
    """The volunteers as attendees of the event, each in the role of the tier in force on
    the event's first day ``day`` (network without one)."""
    db.conn.executemany(
        "INSERT INTO event_attendees (event_id, role, volunteer_id) "
        f"SELECT :event, coalesce({tier_sql('day')}, 'network'), v.id FROM volunteers v "
        "WHERE v.id = :id",
        [{"event": event_id, "day": day, "id": vid} for vid in volunteer_ids],
    )


def mentor_by_volunteer(db: Database) -> dict[int, int]:
    """Volunteer id → mentor id, for those with a mentor."""
    return dict(
        db.execute("SELECT id, mentor_id FROM volunteers WHERE mentor_id IS NOT NULL").fetchall()
    )


def insert_checklists(db: Database, items: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
    """Rows of (volunteer_id, fiscal_year, quarter, mentor_id, assessed_on, *scores), the
    scores in the order of ``items`` (checklist column names)."""
    marks = ", ".join("?" for _ in range(5 + len(items)))
    db.conn.executemany(
        f"INSERT INTO mentor_checklists (volunteer_id, fiscal_year, quarter, mentor_id, "
        f"assessed_on, {', '.join(items)}) VALUES ({marks})",
        rows,
    )


# -- records ahead (services/demo/ahead.py) ---------------------------------------------


def settled_active(
    db: Database, today: str, province_code: str, *, tier: str = "", term_end_by: str = ""
) -> list[tuple[int, str]]:
    """(id, tier) of the province's volunteers active on ``today`` whose records are all dated
    by then, by id; of one tier, or with the latest term ending by ``term_end_by``, if given."""
    where = _SETTLED_ACTIVE
    if tier:
        where += " AND v.tier = :tier"
    if term_end_by:
        where += " AND v.term_end <= :soon"
    params = {"today": today, "province": province_code, "tier": tier, "soon": term_end_by}
    sql = f"SELECT v.id, v.tier FROM volunteers v WHERE {where} ORDER BY v.id"
    return [(r[0], r[1]) for r in db.execute(sql, params)]


def first_settled_suspended(db: Database, today: str) -> list[int]:
    """The first volunteer (by id) suspended on ``today`` by records dated by then, if any."""
    return [
        r[0]
        for r in db.execute(
            f"SELECT v.id FROM volunteers v WHERE ({STATUS_SQL}) = 'suspended' "
            "AND v.settled_on <= :today ORDER BY v.id LIMIT 1",
            {"today": today},
        )
    ]


def active_in_province(db: Database, day: str, province_code: str) -> list[int]:
    """Ids of the province's volunteers active on ``day``, by id."""
    return [
        r[0]
        for r in db.execute(
            f"SELECT v.id FROM volunteers v WHERE ({STATUS_SQL}) = 'active' "
            "AND v.subdistrict_code LIKE :province || '%' ORDER BY v.id",
            {"today": day, "province": province_code},
        )
    ]


def detailed_activity_places(db: Database, province_code: str) -> list[tuple[int, str]]:
    """(id, subdistrict) of the activities typed in the detailed form in the province."""
    return [
        (r[0], r[1])
        for r in db.execute(
            "SELECT a.id, a.subdistrict_code FROM activities a WHERE a.from_grid = 0 "
            "AND a.subdistrict_code LIKE ? || '%' ORDER BY a.id",
            [province_code],
        ).fetchall()
    ]


def move_activities(db: Database, moves: Sequence[tuple[str, int]]) -> None:
    """Moves activities, given as (new subdistrict code, activity id), in one transaction."""
    with db.atomic():
        db.conn.executemany("UPDATE activities SET subdistrict_code = ? WHERE id = ?", moves)


# -- summary (services/demo/province.py) -------------------------------------------------


def count_by_tier(db: Database) -> dict[str | None, int]:
    """Volunteers by the tier of their latest term (None: no term)."""
    return dict(db.execute("SELECT tier, count(*) FROM volunteers GROUP BY tier").fetchall())


def count_mentors(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM mentors").fetchone()[0])
