"""The import preview's "ชื่อที่อ่านได้" tab: how each row's name was split, at a glance.

A one-cell name is split by the table of titles; this shows the title, first and last
name the import will save, marks a title the table does not know (คำนำหน้าที่ไม่รู้จัก)
and a gender that came from the title rather than from the file.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from asr_desktop.assets import title_table
from asr_desktop.services.roster_import.plan import Action, ImportPlan

SHOWN_ROWS = 2_000
"""Rows listed; enough to check how a file's names are read without a slow widget."""
UNKNOWN = "คำนำหน้าที่ไม่รู้จัก"
_WARN = QColor("#fff1c2")


class ImportNamesTable(QTableWidget):
    def __init__(self) -> None:
        super().__init__(0, 6)
        self.setHorizontalHeaderLabels(["แถว", "การดำเนินการ", "คำนำหน้า", "ชื่อ", "นามสกุล", "เพศ"])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def show_plan(self, plan: ImportPlan) -> None:
        table = title_table()
        rows = [r for r in plan.rows if any(r.name)][:SHOWN_ROWS]
        self.setRowCount(len(rows))
        for i, row in enumerate(rows):
            title, first, last = row.name
            known = table.find(title) if title else None
            if row.title_unknown:
                title_text = f"{title} ({UNKNOWN})"
            elif known is not None and known.short and known.short != known.full:
                title_text = known.label
            else:
                title_text = title
            gender = row.gender.label if row.gender is not None else ""
            if row.gender_from_title and gender:
                gender += " (จากคำนำหน้า)"
            values = (str(row.row), row.action.label, title_text, first, last, gender)
            for j, value in enumerate(values):
                item = QTableWidgetItem(value)
                if (j == 2 and row.title_unknown) or (j == 1 and row.action is Action.REJECT):
                    item.setBackground(QBrush(_WARN))
                self.setItem(i, j, item)
        self.resizeColumnsToContents()
        self.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
