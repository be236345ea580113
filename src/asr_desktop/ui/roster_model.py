"""The roster table model: holds only the ordered ids; fetches rows a block at a time.

With 100,000 volunteers a search returns a list of ints (fast); rows are read from SQL
only when the view asks for them and kept in a small block cache. Sorting and filtering
run in SQL (store/roster.py), so the model sorts by asking again; persistent indexes
(the selection) follow their volunteer through a sort.
"""

from __future__ import annotations

import contextlib
from collections import OrderedDict
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from asr_desktop.domain import areas
from asr_desktop.domain.national_id import format_national_id
from asr_desktop.domain.phone import format_phone
from asr_desktop.domain.status import ChangeKind
from asr_desktop.domain.thai_dates import format_thai_date
from asr_desktop.domain.vocabulary import Status, Tier
from asr_desktop.services.roster import RosterFilter, RosterRow, RosterSort
from asr_desktop.ui.context import AppContext

_Index = QModelIndex | QPersistentModelIndex

# (header, sort) in column order.
COLUMNS: tuple[tuple[str, RosterSort], ...] = (
    ("ชื่อ-สกุล", RosterSort.NAME),
    ("เลขประจำตัวประชาชน", RosterSort.NATIONAL_ID),
    ("ตำบล", RosterSort.SUBDISTRICT),
    ("อำเภอ", RosterSort.DISTRICT),
    ("ระดับ", RosterSort.TIER),
    ("สถานะ", RosterSort.STATUS),
    ("วาระสิ้นสุด", RosterSort.TERM_END),
    ("โทรศัพท์", RosterSort.PHONE),
)
(
    COL_NAME,
    COL_NATIONAL_ID,
    COL_SUBDISTRICT,
    COL_DISTRICT,
    COL_TIER,
    COL_STATUS,
    COL_TERM_END,
    COL_PHONE,
) = range(len(COLUMNS))

ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
_BLOCK = 200
_CACHED_BLOCKS = 20
_EXPIRING_DAYS = 90


def display_text(row: RosterRow, column: int) -> str:
    """What a roster column shows for a volunteer (shared with other volunteer lists)."""
    if not row.status:  # a volunteer no longer in the database (see VolunteerRowsModel._row)
        return row.first_name if column == COL_NAME else ""
    if column == COL_NAME:
        return f"{row.title}{row.first_name} {row.last_name}"
    if column == COL_NATIONAL_ID:
        return format_national_id(row.national_id)
    if column == COL_SUBDISTRICT:
        return areas.subdistrict_name(row.subdistrict_code)
    if column == COL_DISTRICT:
        return areas.district_name(row.district_code)
    if column == COL_TIER:
        return Tier(row.tier).short_label if row.tier else ""
    if column == COL_STATUS:
        label = Status(row.status).label
        return f"{label} ({row.scheduled[0].text()})" if row.scheduled else label
    if column == COL_TERM_END:
        return format_thai_date(date.fromisoformat(row.term_end)) if row.term_end else ""
    if column == COL_PHONE:
        return format_phone(row.phone) if row.phone else ""
    return ""


def scheduled_tooltip(row: RosterRow) -> str:
    """Every record of the volunteer that waits for its day, one a line."""
    lines = [f"สถานะวันนี้: {Status(row.status).label}", "กำหนดการที่บันทึกไว้ล่วงหน้า:"]
    return "\n".join(lines + [f"• {change.text()}" for change in row.scheduled])


def _renewed(row: RosterRow) -> bool:
    return any(c.kind is ChangeKind.NEW_TERM for c in row.scheduled)


def _positions(ids: list[int], wanted: set[int]) -> dict[int, int]:
    """Row of each wanted id in ``ids`` (missing ids left out), fast for 100,000 rows."""
    if len(wanted) <= 32:  # a selection or two: list.index runs in C
        found = {}
        for vid in wanted:
            with contextlib.suppress(ValueError):
                found[vid] = ids.index(vid)
        return found
    everywhere = dict(zip(ids, range(len(ids)), strict=True))
    return {vid: everywhere[vid] for vid in wanted if vid in everywhere}


GONE = "(ไม่มีในทะเบียนแล้ว)"


class VolunteerRowsModel(QAbstractTableModel):
    """Volunteers in a given order of ids, rows read a block at a time (bounded cache).

    Shared by the roster page and the dashboard's volunteer lists. When the order changes
    (:meth:`_reorder`), persistent indexes (the view's selection and current row) follow
    their volunteer, not their row number.
    """

    def __init__(
        self,
        context: AppContext,
        ids: list[int] | None = None,
        columns: tuple[int, ...] = tuple(range(len(COLUMNS))),
    ) -> None:
        super().__init__()
        self._context = context
        self._columns = columns
        self._ids: list[int] = list(ids or [])
        self._blocks: OrderedDict[int, dict[int, RosterRow]] = OrderedDict()
        self._today = context.today()

    def volunteer_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, volunteer_id: int) -> int:
        """The row showing a volunteer, or -1."""
        try:
            return self._ids.index(volunteer_id)
        except ValueError:
            return -1

    def _row(self, row: int) -> RosterRow:
        block = row // _BLOCK
        rows = self._blocks.get(block)
        if rows is None:
            ids = self._ids[block * _BLOCK : (block + 1) * _BLOCK]
            rows = self._context.office.roster.rows(ids)
            self._blocks[block] = rows
            if len(self._blocks) > _CACHED_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(block)
        volunteer_id = self._ids[row]
        found = rows.get(volunteer_id)
        if found is None:
            # Gone since the list was made (deleted, erased, or a restore replaced the
            # database): an empty row until the owner reloads, never a KeyError.
            return RosterRow(volunteer_id, "", "", GONE, "", "", "", None, "", None, "", None)
        return found

    def _reorder(self, ids: list[int]) -> None:
        """Shows the same kind of list in a new order (a sort): a layout change in which
        every persistent index moves to the row of its volunteer (or goes, if filtered out).
        """
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self._ids[i.row()] if 0 <= i.row() < len(self._ids) else None for i in old]
        self._ids = ids
        self._blocks.clear()
        if old:
            wanted = {vid for vid in old_ids if vid is not None}
            position = _positions(ids, wanted)
            new = [
                self.index(position[vid], i.column()) if vid in position else QModelIndex()
                for i, vid in zip(old, old_ids, strict=True)
            ]
            self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    # -- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._columns):
                return None
            return COLUMNS[self._columns[section]][0]
        return str(section + 1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if not 0 <= index.column() < len(self._columns):
            return None
        row = self._row(index.row())
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(row, column)
        if role == ID_ROLE:
            return row.id
        if role == STATUS_ROLE:
            return row.status
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TERM_END and row.term_end:
            return self._term_end_tooltip(row)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_STATUS and row.scheduled:
            return scheduled_tooltip(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, column)
        return None

    def _days_left(self, row: RosterRow) -> int | None:
        if not row.term_end or row.status != Status.ACTIVE or _renewed(row):
            return None
        return (date.fromisoformat(row.term_end) - self._today).days

    def _term_end_tooltip(self, row: RosterRow) -> str:
        days = self._days_left(row)
        return f"เหลืออีก {days} วัน" if days is not None else ""

    def _foreground(self, row: RosterRow, column: int) -> Any:
        from PySide6.QtGui import QColor

        if column == COL_STATUS and row.status in (Status.EXITED, Status.TERM_ENDED):
            return QColor("#777777")
        if column == COL_STATUS and row.status == Status.SUSPENDED:
            return QColor("#b35900")
        days = self._days_left(row)
        if column == COL_TERM_END and days is not None and days <= _EXPIRING_DAYS:
            return QColor("#b30000")
        return None


class RosterModel(VolunteerRowsModel):
    """The roster page's model: the ids come from a filter and a sort (run in SQL)."""

    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self._filter = RosterFilter()
        self._sort = RosterSort.NAME
        self._descending = False
        self._view = context.office.roster.view()

    # -- querying -----------------------------------------------------------------------

    @property
    def roster_filter(self) -> RosterFilter:
        return self._filter

    def set_filter(self, roster_filter: RosterFilter) -> None:
        """Shows the volunteers that match (a search keystroke, a filter change)."""
        self._filter = roster_filter
        self.beginResetModel()
        self._query()
        self.endResetModel()

    def reload(self, roster_filter: RosterFilter | None = None) -> None:
        """Reads everything again, after volunteers were changed."""
        if roster_filter is not None:
            self._filter = roster_filter
        self.beginResetModel()
        self._today = self._context.today()
        self._view.invalidate(today=self._today)
        self._query()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sort, descending = COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder
        if (sort, descending) == (self._sort, self._descending) and self._ids:
            return  # QTableView.sortByColumn asks twice; the rows are already in this order
        self._sort, self._descending = sort, descending
        self._reorder(self._view.ids(self._filter, self._sort, self._descending))

    def _query(self) -> None:
        self._ids = self._view.ids(self._filter, self._sort, self._descending)
        self._blocks.clear()
