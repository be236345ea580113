"""The month grid: one row per volunteer, one column per mission area, counts typed in.

Built for a month of paper forms: 300 volunteers × 10 mission areas is 3,000 cells held
in a dict; typing a count saves that one cell (one transaction) and updates its row and
column totals in place. The last row holds the column totals; the last column the row
totals. Volunteers with nothing reported get a tinted row and "ไม่มีรายงาน".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from asr_desktop.domain import areas
from asr_desktop.domain.errors import InputError
from asr_desktop.domain.thai_digits import to_arabic_digits
from asr_desktop.domain.thai_words import thai_words
from asr_desktop.domain.vocabulary import Tier
from asr_desktop.domain.work import GRID_TITLES, Category
from asr_desktop.services.activities import ActivityService, MonthGrid

_Index = QModelIndex | QPersistentModelIndex

NOTHING_REPORTED = "ไม่มีรายงาน"
_QUIET_ROW = QColor("#fdecea")
_TOTALS = QColor("#eef2f7")
_HINT = QColor("#9a9a9a")
COL_NAME, COL_TAMBON = 0, 1
FIXED_COLUMNS = 2


def grid_title(category: Category) -> str:
    """A column title that fits: the short title of a default, else the label on two lines."""
    if category.code in GRID_TITLES:
        return GRID_TITLES[category.code]
    words = thai_words(category.label)
    if len(category.label) <= 12 or len(words) < 2:
        return category.label
    half, length = len(category.label) / 2, 0
    for i, word in enumerate(words):
        length += len(word)
        if length >= half:
            return "".join(words[: i + 1]).strip() + "\n" + "".join(words[i + 1 :]).strip()
    return category.label


def _stored_id(category: Category) -> int:
    """A grid's mission columns are read from the database, so each has an id."""
    if category.id is None:
        raise ValueError(f"mission {category.code!r} has no id")
    return category.id


class MonthGridModel(QAbstractTableModel):
    problem = Signal(str)
    """A typed count was refused; the message says why in Thai."""
    totals_changed = Signal()

    def __init__(self, service: ActivityService) -> None:
        super().__init__()
        self._service = service
        self._grid: MonthGrid | None = None
        self._counts: dict[tuple[int, int], int] = {}
        self._mission_ids: list[int] = []
        self._row_totals: list[int] = []
        self._column_totals: list[int] = []

    # -- loading ----------------------------------------------------------------------

    def load(self, grid: MonthGrid) -> None:
        self.beginResetModel()
        self._grid = grid
        self._mission_ids = [_stored_id(m) for m in grid.missions]
        self._counts = dict(grid.counts)
        self._recount()
        self.endResetModel()
        self.totals_changed.emit()

    def _recount(self) -> None:
        grid = self._grid
        if grid is None:
            self._row_totals, self._column_totals = [], []
            return
        self._row_totals = [
            sum(self._counts.get((r.volunteer_id, m), 0) for m in self._mission_ids)
            for r in grid.rows
        ]
        self._column_totals = [
            sum(self._counts.get((r.volunteer_id, m), 0) for r in grid.rows)
            for m in self._mission_ids
        ]

    @property
    def grid(self) -> MonthGrid | None:
        return self._grid

    @property
    def volunteer_rows(self) -> int:
        return len(self._grid.rows) if self._grid else 0

    @property
    def mission_columns(self) -> int:
        return len(self._grid.missions) if self._grid else 0

    def reported_count(self) -> int:
        return sum(1 for total in self._row_totals if total)

    def grand_total(self) -> int:
        return sum(self._column_totals)

    def row_total(self, row: int) -> int:
        return self._row_totals[row]

    def column_total(self, mission_column: int) -> int:
        return self._column_totals[mission_column]

    def mission_column(self, mission_id: int) -> int:
        """The view column of a mission area, or -1."""
        assert self._grid is not None
        for i, m in enumerate(self._grid.missions):
            if m.id == mission_id:
                return FIXED_COLUMNS + i
        return -1

    # -- shape ------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._grid is None:
            return 0
        return len(self._grid.rows) + 1  # + the totals row

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._grid is None:
            return 0
        return FIXED_COLUMNS + len(self._grid.missions) + 1  # + the totals column

    def _is_totals_row(self, row: int) -> bool:
        return row == self.volunteer_rows

    def _is_totals_column(self, column: int) -> bool:
        return column == FIXED_COLUMNS + self.mission_columns

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self._grid is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < self.rowCount():
                return "รวม" if self._is_totals_row(section) else str(section + 1)
            return None
        if not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == COL_NAME:
                return "ชื่อ-สกุล"
            if section == COL_TAMBON:
                return "ตำบล"
            if self._is_totals_column(section):
                return "รวม"
            return grid_title(self._grid.missions[section - FIXED_COLUMNS])
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and section >= FIXED_COLUMNS
            and not self._is_totals_column(section)
        ):
            return self._grid.missions[section - FIXED_COLUMNS].label
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._is_count_cell(index.row(), index.column()):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def _is_count_cell(self, row: int, column: int) -> bool:
        return (
            0 <= row < self.volunteer_rows
            and FIXED_COLUMNS <= column < FIXED_COLUMNS + self.mission_columns
        )

    # -- data -------------------------------------------------------------------------

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        grid = self._grid
        if grid is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < self.rowCount() and 0 <= column < self.columnCount()):
            return None
        totals_row = self._is_totals_row(row)
        quiet = not totals_row and self._row_totals[row] == 0
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, column, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.BackgroundRole:
            if totals_row or self._is_totals_column(column):
                return QBrush(_TOTALS)
            return QBrush(_QUIET_ROW) if quiet else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if self._is_count_cell(row, column) and self._hint(row, column) is not None:
                return QBrush(_HINT)
            if quiet and self._is_totals_column(column):
                return QBrush(QColor("#b00020"))
            return None
        if role == Qt.ItemDataRole.FontRole and (totals_row or self._is_totals_column(column)):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= FIXED_COLUMNS:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and quiet and column == COL_NAME:
            return "ยังไม่มีรายงานผลการปฏิบัติงานเดือนนี้"
        return None

    def _hint(self, row: int, column: int) -> int | None:
        """Last month's count, shown greyed when this month's cell is still empty."""
        assert self._grid is not None
        key = (self._grid.rows[row].volunteer_id, self._mission_ids[column - FIXED_COLUMNS])
        if self._counts.get(key) or key not in self._grid.previous:
            return None
        return self._grid.previous[key]

    def _text(self, row: int, column: int, editing: bool) -> str:
        assert self._grid is not None
        if self._is_totals_row(row):
            if column == COL_NAME:
                return f"รวม (รายงาน {self.reported_count()} จาก {self.volunteer_rows} คน)"
            if column == COL_TAMBON:
                return ""
            if self._is_totals_column(column):
                return f"{self.grand_total():,}"
            return f"{self._column_totals[column - FIXED_COLUMNS]:,}"
        volunteer = self._grid.rows[row]
        if column == COL_NAME:
            tier = Tier(volunteer.tier).short_label if volunteer.tier else ""
            return f"{volunteer.name}" + (f" ({tier})" if tier else "")
        if column == COL_TAMBON:
            return areas.subdistrict_name(volunteer.subdistrict_code)
        if self._is_totals_column(column):
            total = self._row_totals[row]
            return f"{total:,}" if total else NOTHING_REPORTED
        mission_id = self._mission_ids[column - FIXED_COLUMNS]
        count = self._counts.get((volunteer.volunteer_id, mission_id), 0)
        if count:
            return str(count)
        if editing:
            return ""
        hint = self._hint(row, column)
        return f"({hint})" if hint is not None else ""

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row, column = index.row(), index.column()
        if self._grid is None or not self._is_count_cell(row, column):
            return False
        text = to_arabic_digits(str(value if value is not None else "")).strip()
        if text and not text.isdigit():
            self.problem.emit(f"'{value}' ไม่ใช่จำนวน กรุณาพิมพ์ตัวเลข 0 ขึ้นไป")
            return False
        count = int(text) if text else 0
        volunteer = self._grid.rows[row]
        mission_id = self._mission_ids[column - FIXED_COLUMNS]
        key = (volunteer.volunteer_id, mission_id)
        if self._counts.get(key, 0) == count:
            return True
        try:
            self._service.set_count(
                volunteer.volunteer_id,
                self._grid.month,
                mission_id,
                count,
            )
        except InputError as exc:
            self.problem.emit(exc.message)
            return False
        was_quiet = self._row_totals[row] == 0
        delta = count - self._counts.get(key, 0)
        if count:
            self._counts[key] = count
        else:
            self._counts.pop(key, None)
        self._row_totals[row] += delta
        self._column_totals[column - FIXED_COLUMNS] += delta
        last_column = self.columnCount() - 1
        if was_quiet != (self._row_totals[row] == 0):
            self.dataChanged.emit(self.index(row, 0), self.index(row, last_column))
        else:
            self.dataChanged.emit(index, index)
            self.dataChanged.emit(self.index(row, last_column), self.index(row, last_column))
        totals = self.volunteer_rows
        self.dataChanged.emit(self.index(totals, 0), self.index(totals, last_column))
        self.totals_changed.emit()
        return True
