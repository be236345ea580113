"""Activity categories (duties, mission areas, target groups) the office can extend."""

from __future__ import annotations

from sqlite_utils import Database

from asr_desktop.domain.errors import InputError
from asr_desktop.domain.work import Category, CategoryKind
from asr_desktop.store import audit
from asr_desktop.store.records import from_row, inserted_id, to_row


class CategoryStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def all(self, kind: CategoryKind, *, active_only: bool = True) -> list[Category]:
        where = "AND active = 1" if active_only else ""
        return [
            from_row(Category, row)
            for row in self.db.query(
                f"SELECT * FROM work_categories WHERE kind = ? {where} ORDER BY position, id",
                [kind.value],
            )
        ]

    def add(self, kind: CategoryKind, label: str) -> Category:
        """Adds a category at the end of its list; its code is made from the new id."""
        label = label.strip()
        if not label:
            raise InputError("กรุณากรอกชื่อหมวด", "label")
        with self.db.atomic():
            duplicate = self.db.execute(
                "SELECT 1 FROM work_categories WHERE kind = ? AND label = ?", [kind.value, label]
            ).fetchone()
            if duplicate:
                raise InputError(f"มี '{label}' อยู่แล้วในหมวด{kind.label}", "label")
            position = self.db.execute(
                "SELECT coalesce(max(position), 0) + 1 FROM work_categories"
            ).fetchone()[0]
            category = Category(kind, "", label, position)
            table = self.db.table("work_categories")
            category.id = inserted_id(table.insert(to_row(category, exclude=("id",))))
            category.code = f"office_{category.id}"
            table.update(category.id, {"code": category.code})
            audit.record(
                self.db, "create", "category", category.id, after=to_row(category), summary=label
            )
        return category

    def set_active(self, category_id: int, active: bool) -> None:
        """Hides a category from new entries (kept for the records that use it)."""
        with self.db.atomic():
            self.db.table("work_categories").update(category_id, {"active": int(active)})
            audit.record(self.db, "update", "category", category_id, after={"active": active})

    def rename(self, category_id: int, label: str) -> None:
        label = label.strip()
        if not label:
            raise InputError("กรุณากรอกชื่อหมวด", "label")
        with self.db.atomic():
            before = self.db.execute(
                "SELECT label FROM work_categories WHERE id = ?", [category_id]
            ).fetchone()
            self.db.table("work_categories").update(category_id, {"label": label})
            audit.record(
                self.db,
                "update",
                "category",
                category_id,
                before={"label": before[0] if before else None},
                after={"label": label},
            )

    def labels(self) -> dict[int, str]:
        """Every category's label by id, inactive ones included (for showing old records)."""
        return dict(self.db.execute("SELECT id, label FROM work_categories").fetchall())
