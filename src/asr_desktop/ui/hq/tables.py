"""A read-only table widget filled from rows of texts, with numbers sorting as numbers."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem


class _Item(QTableWidgetItem):
    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(Qt.ItemDataRole.UserRole), other.data(Qt.ItemDataRole.UserRole)
        if mine is not None and theirs is not None:
            return bool(mine < theirs)
        # Not QTableWidgetItem.__lt__: through PySide it calls back into this method.
        return self.text() < other.text()


class ReadOnlyTable(QTableWidget):
    def __init__(self, headers: Sequence[str], *, stretch: int = -1) -> None:
        super().__init__(0, len(headers))
        self.setHorizontalHeaderLabels(list(headers))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the rows' own order first
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if stretch >= 0:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    def fill(
        self, rows: Sequence[Sequence[object]], colours: Sequence[QColor | None] | None = None
    ) -> None:
        self.setSortingEnabled(False)
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, int | float) and not isinstance(value, bool):
                    item = _Item(f"{value:,}" if isinstance(value, int) else f"{value:,.1f}")
                    item.setData(Qt.ItemDataRole.UserRole, value)
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                else:
                    item = _Item("" if value is None else str(value))
                if colours is not None and colours[r] is not None:
                    item.setBackground(colours[r])  # type: ignore[arg-type]
                self.setItem(r, c, item)
        self.setSortingEnabled(True)
