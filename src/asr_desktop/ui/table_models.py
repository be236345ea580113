"""A read-only table model for the work pages' lists (mentors, referrals, events …).

These lists are hundreds or a few thousand rows, so the model keeps the row objects and
describes each column once: header, display text, a sort value (real dates and numbers,
not text) and optionally a colour. Sorting goes through :class:`SortProxy`, which sorts on
:data:`SORT_ROLE` like Vorta's 15-line sort proxy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView

from asr_desktop.domain.thai_sort import thai_sort_key
from asr_desktop.ui.screen_fit import ui_settings

T = TypeVar("T")
_Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 10
ROW_ROLE = Qt.ItemDataRole.UserRole + 11


@dataclass(frozen=True, slots=True)
class Column(Generic[T]):
    header: str
    text: Callable[[T], str]
    sort: Callable[[T], Any] | None = None
    colour: Callable[[T], str | None] | None = None
    align_right: bool = False


class RowsModel(QAbstractTableModel, Generic[T]):
    def __init__(self, columns: Sequence[Column[T]]) -> None:
        super().__init__()
        self._columns = list(columns)
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_columns(self, columns: Sequence[Column[T]]) -> None:
        self.beginResetModel()
        self._columns = list(columns)
        self.endResetModel()

    def row_object(self, row: int) -> T:
        return self._rows[row]

    @property
    def rows(self) -> list[T]:
        return list(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section].header if 0 <= section < len(self._columns) else None
        return str(section + 1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column = self._columns[index.column()]
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort(row) if column.sort else column.text(row)
        if role == ROW_ROLE:
            return index.row()
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            colour = column.colour(row)
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def fit_header_titles(view: QTableView) -> None:
    """Widens any column narrower than its header title (a clipped title reads wrong)."""
    header = view.horizontalHeader()
    for column in range(header.count()):
        needed = header.sectionSizeHint(column)
        if header.sectionSize(column) < needed:
            header.resizeSection(column, needed)


class SortProxy(QSortFilterProxyModel):
    """Sorts on the real values of :data:`SORT_ROLE` (None last)."""

    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: _Index, right: _Index) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:
            return a is not None
        if isinstance(a, str) and isinstance(b, str):
            return thai_sort_key(a) < thai_sort_key(b)  # Thai dictionary order, not code points
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)

    def sort_remembered(
        self,
        view: QTableView,
        key: str,
        column: int = 0,
        order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
    ) -> None:
        """Turns sorting on in ``order`` (Qt alone would start Z→A) and remembers the
        column and direction the user clicks, under ``key``, for the next start."""
        settings = ui_settings()
        saved_column = settings.value(f"{key}/sort_column")
        saved_order = settings.value(f"{key}/sort_order")
        if saved_column is not None and saved_order is not None:
            column = int(str(saved_column))
            order = Qt.SortOrder(int(str(saved_order)))
        view.setSortingEnabled(True)
        view.sortByColumn(column, order)

        def remember(section: int, chosen: Qt.SortOrder) -> None:
            store = ui_settings()
            store.setValue(f"{key}/sort_column", section)
            store.setValue(f"{key}/sort_order", chosen.value)

        view.horizontalHeader().sortIndicatorChanged.connect(remember)

    def source_row(self, proxy_row: int) -> int:
        return self.mapToSource(self.index(proxy_row, 0)).row()
