"""Saving and loading mentors (พี่เลี้ยงอาสาสมัครแรงงาน)."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from asr_desktop.domain.clean_text import clean_names
from asr_desktop.domain.errors import NotFoundError
from asr_desktop.domain.model import Mentor
from asr_desktop.store import audit
from asr_desktop.store.records import from_row, inserted_id, to_row
from asr_desktop.store.roster import LISTED_SQL, STATUS_SQL
from asr_desktop.store.volunteers import name_sort_key


class MentorStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, mentor: Mentor) -> int:
        clean_names(mentor)
        with self.db.atomic():
            row = to_row(mentor, exclude=("id",))
            row["name_sort_key"] = name_sort_key(mentor.first_name, mentor.last_name)
            mentor.id = inserted_id(self.db.table("mentors").insert(row))
            audit.record(
                self.db,
                "create",
                "mentor",
                mentor.id,
                after=to_row(mentor),
                summary=mentor.full_name,
            )
        return mentor.id

    def update(self, mentor: Mentor) -> None:
        if mentor.id is None:
            raise ValueError("update() needs a saved mentor")
        clean_names(mentor)
        with self.db.atomic():
            before = self.get(mentor.id)
            row = to_row(mentor, exclude=("id",))
            row["name_sort_key"] = name_sort_key(mentor.first_name, mentor.last_name)
            self.db.table("mentors").update(mentor.id, row)
            audit.record(
                self.db,
                "update",
                "mentor",
                mentor.id,
                before=to_row(before),
                after=to_row(mentor),
                summary=mentor.full_name,
            )

    def get(self, mentor_id: int) -> Mentor:
        rows = list(self.db.query("SELECT * FROM mentors WHERE id = ?", [mentor_id]))
        if not rows:
            raise NotFoundError(f"ไม่พบพี่เลี้ยงรหัส {mentor_id}")
        return from_row(Mentor, rows[0])

    def all(self, *, active_only: bool = False) -> list[Mentor]:
        where = "WHERE active = 1" if active_only else ""
        return [
            from_row(Mentor, row)
            for row in self.db.query(f"SELECT * FROM mentors {where} ORDER BY name_sort_key")
        ]

    def volunteer_counts(self, *, today: date) -> dict[int, tuple[int, int]]:
        """By mentor id: how many of their (not erased) volunteers are active on ``today``,
        and how many they have in all (mentors with none are left out)."""
        rows = self.db.execute(
            f"SELECT v.mentor_id, sum(({STATUS_SQL}) = 'active'), count(*) "
            f"FROM volunteers v WHERE v.mentor_id IS NOT NULL AND {LISTED_SQL} "
            "GROUP BY v.mentor_id",
            {"today": today.isoformat()},
        ).fetchall()
        return {int(mentor_id): (int(active), int(total)) for mentor_id, active, total in rows}

    def current_in_district(
        self, district_code: str, *, today: date, only_unassigned: bool = False
    ) -> list[int]:
        """Ids of the district's volunteers, not erased, who have not exited or ended their
        term on ``today`` (only those without a mentor when ``only_unassigned``)."""
        extra = "AND v.mentor_id IS NULL" if only_unassigned else ""
        rows = self.db.execute(
            f"SELECT v.id FROM volunteers v WHERE v.district_code = :d {extra} "
            f"AND {LISTED_SQL} AND ({STATUS_SQL}) NOT IN ('exited', 'term_ended')",
            {"d": district_code, "today": today.isoformat()},
        ).fetchall()
        return [int(row[0]) for row in rows]

    def assign(self, volunteer_ids: list[int], mentor_id: int | None) -> None:
        """Makes ``mentor_id`` (None: nobody) the mentor of the given volunteers."""
        with self.db.atomic():
            self.db.conn.executemany(
                "UPDATE volunteers SET mentor_id = ? WHERE id = ?",
                [(mentor_id, vid) for vid in volunteer_ids],
            )
            audit.record(
                self.db,
                "assign",
                "mentor",
                mentor_id,
                after={"volunteer_ids": volunteer_ids},
                summary=f"มอบหมายอาสาสมัคร {len(volunteer_ids)} คน",
            )
