"""Use cases of monthly activities: the detailed form, the month grid and month totals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from asr_desktop.domain import areas
from asr_desktop.domain.errors import InputError
from asr_desktop.domain.month import Month
from asr_desktop.domain.vocabulary import Agency
from asr_desktop.domain.work import Activity, Category, CategoryKind
from asr_desktop.store.activities import ActivityStore
from asr_desktop.store.activities import GridRow as GridRow
from asr_desktop.store.categories import CategoryStore
from asr_desktop.store.settings import load_settings


@dataclass(frozen=True, slots=True)
class MonthGrid:
    """What the month grid shows: rows, mission columns and the counts typed so far."""

    month: Month
    rows: list[GridRow]
    missions: list[Category]
    counts: dict[tuple[int, int], int]
    previous: dict[tuple[int, int], int]
    """Last month's counts, shown as hints when the grid follows last month's structure."""
    erased: tuple[int, int] = (0, 0)
    """(people, count): the month's work by erased people, whom the rows leave out."""


def activity_problems(activity: Activity, *, today: date) -> list[InputError]:
    problems = []
    if activity.date > today:
        problems.append(InputError("วันที่ต้องไม่เกินวันนี้", "date"))
    if activity.count < 0 or activity.people_male < 0 or activity.people_female < 0:
        problems.append(InputError("จำนวนต้องไม่ติดลบ", "count"))
    if activity.agency and activity.agency not in {a.value for a in Agency}:
        problems.append(InputError(f"ไม่รู้จักหน่วยงาน {activity.agency!r}", "agency"))
    if activity.subdistrict_code and not areas.is_subdistrict(activity.subdistrict_code):
        problems.append(InputError("ไม่พบตำบลนี้", "subdistrict_code"))
    return problems


class ActivityService:
    def __init__(self, db: Database, *, today: Callable[[], date] = date.today) -> None:
        self.db = db
        self.store = ActivityStore(db)
        self.categories = CategoryStore(db)
        self.today = today

    def delete(self, activity_id: int) -> None:
        """Deletes a detailed entry (audited in the store)."""
        self.store.delete(activity_id)

    def in_month(self, month: Month) -> list[Activity]:
        """The detailed entries of a month (the grid's counts are not listed), erased
        people's left out (MonthGrid.erased counts them)."""
        return self.store.in_month(month, listed_only=True)

    def save(self, activity: Activity) -> int:
        problems = activity_problems(activity, today=self.today())
        if problems:
            raise InputError("; ".join(p.message for p in problems), problems[0].field)
        if activity.id is None:
            return self.store.add(activity)
        self.store.update(activity)
        return activity.id

    def grid(
        self,
        month: Month,
        *,
        district_code: str = "",
        mentor_id: int | None = None,
        follow_previous: bool = False,
    ) -> MonthGrid:
        """The month grid for the volunteers in scope.

        Rows are volunteers active at any time in the month, plus anyone with work recorded
        in it. ``follow_previous`` copies last month's structure: only the volunteers and
        mission areas that had counts last month, in the same order, with last month's
        counts as hints.
        """
        previous = self.store.month_counts(month.previous())
        missions = self.categories.all(CategoryKind.MISSION)
        rows = self.store.grid_rows(month, district_code=district_code, mentor_id=mentor_id)
        if follow_previous:
            reported = {vid for vid, _ in previous}
            used = {mid for _, mid in previous}
            rows = [r for r in rows if r.volunteer_id in reported]
            missions = [m for m in missions if m.id in used] or missions
        ids = [r.volunteer_id for r in rows]
        return MonthGrid(
            month,
            rows,
            missions,
            self.store.month_counts(month, ids),
            previous if follow_previous else {},
            self.store.erased_work(month, district_code=district_code, mentor_id=mentor_id),
        )

    def set_count(self, volunteer_id: int, month: Month, mission_id: int, total: int) -> None:
        if month.first_day > self.today():
            raise InputError("ยังไม่ถึงเดือนนี้", "month")
        self.store.set_cell(volunteer_id, month, mission_id, total)

    def month_report(self, month: Month) -> list[dict[str, object]]:
        """The month's totals by district, mission area and agency, with Thai labels."""
        labels = self.categories.labels()
        codes = {c.id: c.code for c in self.categories.all(CategoryKind.MISSION, active_only=False)}
        out: list[dict[str, object]] = []
        province = load_settings(self.store.db).province_code
        for t in self.store.month_totals(month, province_code=province):
            out.append(
                {
                    "month": month.be_text,
                    "district_code": t.district_code,
                    "district_name": areas.district_name(t.district_code),
                    "mission": codes.get(t.mission_id, ""),
                    "mission_label": labels.get(t.mission_id, ""),
                    "agency": t.agency,
                    "agency_label": Agency(t.agency).label if t.agency else "",
                    "activities": t.activities,
                    "people_male": t.people_male,
                    "people_female": t.people_female,
                    "people_total": t.people_male + t.people_female,
                }
            )
        return out
