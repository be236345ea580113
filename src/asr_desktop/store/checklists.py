"""The mentors' quarterly 3อ 2ส 1ร checklists, one per volunteer per fiscal quarter."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlite_utils import Database

from asr_desktop.domain.work import Checklist, ChecklistItem
from asr_desktop.store import audit
from asr_desktop.store.records import inserted_id


def _to_row(checklist: Checklist) -> dict[str, Any]:
    row: dict[str, Any] = {
        "volunteer_id": checklist.volunteer_id,
        "fiscal_year": checklist.fiscal_year,
        "quarter": checklist.quarter,
        "mentor_id": checklist.mentor_id,
        "assessed_on": checklist.assessed_on.isoformat() if checklist.assessed_on else None,
        "notes": json.dumps(
            {i.value: n for i, n in checklist.notes.items() if n}, ensure_ascii=False
        ),
    }
    for item in ChecklistItem:
        row[item.value] = checklist.scores.get(item)
    return row


def _from_row(row: dict[str, Any]) -> Checklist:
    notes = json.loads(row["notes"] or "{}")
    return Checklist(
        volunteer_id=row["volunteer_id"],
        fiscal_year=row["fiscal_year"],
        quarter=row["quarter"],
        mentor_id=row["mentor_id"],
        assessed_on=date.fromisoformat(row["assessed_on"]) if row["assessed_on"] else None,
        scores={item: row[item.value] for item in ChecklistItem},
        notes={ChecklistItem(k): v for k, v in notes.items()},
        id=row["id"],
    )


class ChecklistStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, volunteer_id: int, fiscal_year: int, quarter: int) -> Checklist | None:
        rows = list(
            self.db.query(
                "SELECT * FROM mentor_checklists WHERE volunteer_id = ? AND fiscal_year = ? "
                "AND quarter = ?",
                [volunteer_id, fiscal_year, quarter],
            )
        )
        return _from_row(rows[0]) if rows else None

    def save(self, checklist: Checklist) -> int:
        """Creates or replaces the volunteer's checklist for that quarter."""
        with self.db.atomic():
            existing = self.get(checklist.volunteer_id, checklist.fiscal_year, checklist.quarter)
            row = _to_row(checklist)
            table = self.db.table("mentor_checklists")
            if existing is None:
                checklist.id = inserted_id(table.insert(row))
                before = None
            else:
                assert existing.id is not None
                checklist.id = existing.id
                before = _to_row(existing)
                table.update(existing.id, row)
            audit.record(
                self.db,
                "create" if existing is None else "update",
                "checklist",
                checklist.id,
                before=before,
                after=row,
                summary=f"volunteer {checklist.volunteer_id} {checklist.fiscal_year}/"
                f"Q{checklist.quarter}",
            )
        return checklist.id

    def for_quarter(
        self, volunteer_ids: list[int], fiscal_year: int, quarter: int
    ) -> dict[int, Checklist]:
        if not volunteer_ids:
            return {}
        marks = ",".join("?" * len(volunteer_ids))
        rows = self.db.query(
            f"SELECT * FROM mentor_checklists WHERE fiscal_year = ? AND quarter = ? "
            f"AND volunteer_id IN ({marks})",
            [fiscal_year, quarter, *volunteer_ids],
        )
        return {row["volunteer_id"]: _from_row(row) for row in rows}
