"""Monthly activities: detailed entries and the month grid's cells, and their totals.

A cell of the month grid is one ``activities`` row with ``from_grid = 1`` dated the first of
the month; the grid shows, per volunteer and mission area, the sum of ``count`` over the
grid cell and the month's detailed entries, so both ways of entry add up to one figure.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from sqlite_utils import Database

from asr_desktop.domain.errors import InputError, NotFoundError
from asr_desktop.domain.month import Month
from asr_desktop.domain.work import Activity
from asr_desktop.store import audit
from asr_desktop.store.names import display_name_sql
from asr_desktop.store.records import from_row, inserted_id, to_row
from asr_desktop.store.roster import LISTED_SQL, served_between_sql

# Where a piece of work counts (README "กติกาการนับ"): the tambon the record names, when it
# is in the office's province (:province; any tambon when it is ''), else the volunteer's
# home tambon (month-grid cells name no tambon). Coverage is about places.
WORK_PLACE_SQL = (
    "CASE WHEN a.subdistrict_code <> '' AND (:province = '' "
    "OR substr(a.subdistrict_code, 1, 2) = :province) "
    "THEN a.subdistrict_code ELSE v.subdistrict_code END"
)


class GridRow(NamedTuple):
    """A volunteer listed in the month grid."""

    volunteer_id: int
    name: str
    subdistrict_code: str
    tier: str | None


class MonthTotal(NamedTuple):
    district_code: str
    mission_id: int
    agency: str
    activities: int
    people_male: int
    people_female: int


class ActivityStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- detailed entries -----------------------------------------------------------------

    def add(self, activity: Activity) -> int:
        with self.db.atomic():
            activity.id = inserted_id(
                self.db.table("activities").insert(to_row(activity, exclude=("id",)))
            )
            audit.record(
                self.db,
                "create",
                "activity",
                activity.id,
                after=to_row(activity),
                summary=f"volunteer {activity.volunteer_id}",
            )
        return activity.id

    def update(self, activity: Activity) -> None:
        if activity.id is None:
            raise ValueError("update() needs a saved activity")
        with self.db.atomic():
            before = self.get(activity.id)
            self.db.table("activities").update(activity.id, to_row(activity, exclude=("id",)))
            audit.record(
                self.db,
                "update",
                "activity",
                activity.id,
                before=to_row(before),
                after=to_row(activity),
                summary=f"volunteer {activity.volunteer_id}",
            )

    def delete(self, activity_id: int) -> None:
        with self.db.atomic():
            before = self.get(activity_id)
            self.db.execute("DELETE FROM activities WHERE id = ?", [activity_id])
            audit.record(self.db, "delete", "activity", activity_id, before=to_row(before))

    def get(self, activity_id: int) -> Activity:
        rows = list(self.db.query("SELECT * FROM activities WHERE id = ?", [activity_id]))
        if not rows:
            raise NotFoundError(f"ไม่พบผลการปฏิบัติงานรหัส {activity_id}")
        return from_row(Activity, rows[0])

    def in_month(
        self, month: Month, *, detailed_only: bool = True, listed_only: bool = False
    ) -> list[Activity]:
        """The month's entries; ``listed_only`` leaves out erased people's (domain/erasure.py)."""
        first, following = month.range
        where = "AND from_grid = 0" if detailed_only else ""
        if listed_only:
            where += (
                " AND EXISTS (SELECT 1 FROM volunteers v WHERE v.id = activities.volunteer_id "
                f"AND {LISTED_SQL})"
            )
        return [
            from_row(Activity, row)
            for row in self.db.query(
                f"SELECT * FROM activities WHERE date >= ? AND date < ? {where} ORDER BY date, id",
                [first.isoformat(), following.isoformat()],
            )
        ]

    # -- the month grid -------------------------------------------------------------------

    def grid_rows(
        self, month: Month, *, district_code: str = "", mentor_id: int | None = None
    ) -> list[GridRow]:
        """The month grid's volunteers (of a district, of a mentor; never erased people):
        those who served on some day of the month, plus anyone with work recorded in it;
        by tambon, tier and name."""
        clauses, params = _grid_scope(month, district_code, mentor_id)
        served = served_between_sql()
        has_work = (
            "EXISTS (SELECT 1 FROM activities a WHERE a.volunteer_id = v.id "
            "AND a.date >= :first AND a.date < :following)"
        )
        sql = (
            f"SELECT v.id, {display_name_sql('v')}, v.subdistrict_code, "
            f"v.tier FROM volunteers v WHERE {LISTED_SQL} AND {' AND '.join(clauses)} "
            f"AND ({served} OR {has_work}) ORDER BY v.subdistrict_code, v.tier, v.name_sort_key"
        )
        return [GridRow(*r) for r in self.db.execute(sql, params).fetchall()]

    def erased_work(
        self, month: Month, *, district_code: str = "", mentor_id: int | None = None
    ) -> tuple[int, int]:
        """(people, count) of the month's work by erased people in the grid's scope: the
        grid leaves them out, its figures say them as a number."""
        clauses, params = _grid_scope(month, district_code, mentor_id)
        clauses += [f"NOT ({LISTED_SQL})", "a.date >= :first", "a.date < :following"]
        row = self.db.execute(
            "SELECT count(DISTINCT a.volunteer_id), coalesce(sum(a.count), 0) FROM activities a "
            f"JOIN volunteers v ON v.id = a.volunteer_id WHERE {' AND '.join(clauses)}",
            params,
        ).fetchone()
        return int(row[0]), int(row[1])

    def month_counts(
        self, month: Month, volunteer_ids: Iterable[int] | None = None
    ) -> dict[tuple[int, int], int]:
        """(volunteer id, mission id) → count for the month (grid cells and entries)."""
        first, following = month.range
        rows = self.db.execute(
            "SELECT volunteer_id, mission_id, sum(count) FROM activities "
            "WHERE date >= ? AND date < ? GROUP BY volunteer_id, mission_id",
            [first.isoformat(), following.isoformat()],
        ).fetchall()
        wanted = set(volunteer_ids) if volunteer_ids is not None else None
        return {
            (vid, mid): int(n) for vid, mid, n in rows if n and (wanted is None or vid in wanted)
        }

    def detailed_count(self, volunteer_id: int, month: Month, mission_id: int) -> int:
        first, following = month.range
        row = self.db.execute(
            "SELECT coalesce(sum(count), 0) FROM activities WHERE volunteer_id = ? "
            "AND mission_id = ? AND date >= ? AND date < ? AND from_grid = 0",
            [volunteer_id, mission_id, first.isoformat(), following.isoformat()],
        ).fetchone()
        return int(row[0])

    def set_cell(self, volunteer_id: int, month: Month, mission_id: int, total: int) -> None:
        """Makes the month's count for a volunteer and mission ``total``.

        The grid cell holds what the detailed entries do not; a total below what detailed
        entries already record is refused (delete those entries instead).
        """
        if total < 0:
            raise InputError("จำนวนต้องไม่ติดลบ", "count")
        first = month.first_day.isoformat()
        with self.db.atomic():
            detailed = self.detailed_count(volunteer_id, month, mission_id)
            if total < detailed:
                raise InputError(
                    f"มีรายการแบบละเอียดแล้ว {detailed} ครั้ง จำนวนรวมต้องไม่น้อยกว่านี้", "count"
                )
            existing = self.db.execute(
                "SELECT id, count FROM activities WHERE volunteer_id = ? AND date = ? "
                "AND mission_id = ? AND from_grid = 1",
                [volunteer_id, first, mission_id],
            ).fetchone()
            grid_count = total - detailed
            before = {"count": existing[1]} if existing else None
            if existing and grid_count == 0:
                self.db.execute("DELETE FROM activities WHERE id = ?", [existing[0]])
                cell_id = existing[0]
            elif existing:
                self.db.execute(
                    "UPDATE activities SET count = ? WHERE id = ?", [grid_count, existing[0]]
                )
                cell_id = existing[0]
            elif grid_count:
                cell_id = inserted_id(
                    self.db.table("activities").insert(
                        {
                            "volunteer_id": volunteer_id,
                            "date": first,
                            "mission_id": mission_id,
                            "count": grid_count,
                            "from_grid": 1,
                        }
                    )
                )
            else:
                return
            audit.record(
                self.db,
                "update",
                "activity_grid",
                cell_id,
                before=before,
                after={"count": grid_count, "mission_id": mission_id, "month": first[:7]},
                summary=f"volunteer {volunteer_id}",
            )

    # -- totals ---------------------------------------------------------------------------

    def month_totals(self, month: Month, *, province_code: str = "") -> list[MonthTotal]:
        """Totals by district, mission area and agency (the monthly report's core).

        The district is that of the tambon where the work was done (WORK_PLACE_SQL).
        """
        first, following = month.range
        rows = self.db.execute(
            f"SELECT substr({WORK_PLACE_SQL}, 1, 4) AS district, a.mission_id, a.agency, "
            "sum(a.count), sum(a.people_male), sum(a.people_female) "
            "FROM activities a JOIN volunteers v ON v.id = a.volunteer_id "
            "WHERE a.date >= :first AND a.date < :following "
            "GROUP BY district, a.mission_id, a.agency "
            "ORDER BY district, a.mission_id, a.agency",
            {
                "first": first.isoformat(),
                "following": following.isoformat(),
                "province": province_code,
            },
        ).fetchall()
        return [MonthTotal(*row) for row in rows]

    def totals_between(self, first: date, following: date) -> tuple[int, int]:
        """(activities, people reached) in a half-open date range."""
        row = self.db.execute(
            "SELECT coalesce(sum(count), 0), coalesce(sum(people_male + people_female), 0) "
            "FROM activities WHERE date >= ? AND date < ?",
            [first.isoformat(), following.isoformat()],
        ).fetchone()
        return int(row[0]), int(row[1])

    def monthly_series(self, first: date, following: date) -> dict[str, int]:
        """'YYYY-MM' → activities, for a chart (from the trigger-kept month totals)."""
        rows = self.db.execute(
            "SELECT month, activities FROM activity_month_totals WHERE month >= ? AND month < ?",
            [first.isoformat()[:7], following.isoformat()[:7]],
        ).fetchall()
        return {m: int(n) for m, n in rows}

    def month_summary(self, month: Month) -> tuple[int, int]:
        """(activities, people reached) of a whole month, from the month totals."""
        row = self.db.execute(
            "SELECT activities, people_male + people_female FROM activity_month_totals "
            "WHERE month = ?",
            [month.iso],
        ).fetchone()
        return (int(row[0]), int(row[1])) if row else (0, 0)

    def last_activity(self, volunteer_id: int) -> date | None:
        row = self.db.execute(
            "SELECT max(date) FROM activities WHERE volunteer_id = ?",
            [volunteer_id],
        ).fetchone()
        return date.fromisoformat(row[0]) if row and row[0] else None


def _grid_scope(
    month: Month, district_code: str, mentor_id: int | None
) -> tuple[list[str], dict[str, object]]:
    """The month grid's WHERE clauses on ``v`` (a district, a mentor) and their parameters,
    with the month's bounds as ``:first`` and ``:following``."""
    first, following = month.range
    clauses = ["1"]
    params: dict[str, object] = {"first": first.isoformat(), "following": following.isoformat()}
    if district_code:
        clauses.append("v.district_code = :district")
        params["district"] = district_code
    if mentor_id is not None:
        clauses.append("v.mentor_id = :mentor")
        params["mentor"] = mentor_id
    return clauses, params
