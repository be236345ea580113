"""ทะเบียนทั้งประเทศ: search the national roster (each province's newest package) as you type.

The search runs in SQL; the table is a model over the records found, so showing them costs
nothing until rows are painted.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from asr_desktop.domain import areas
from asr_desktop.domain.national_id import format_national_id
from asr_desktop.services.hq.national import RosterRecord, search
from asr_desktop.ui.hq.context import HQContext
from asr_desktop.ui.hq.duplicates_page import STATUS, TIER
from asr_desktop.ui.hq.receive_page import thai_date

LIMIT = 500
HEADERS = ("เลขประจำตัวประชาชน", "ชื่อ-สกุล", "จังหวัด", "ตำบล", "ระดับ", "สถานะ", "วาระสิ้นสุด")

Index = QModelIndex | QPersistentModelIndex


class NationalRosterModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[RosterRecord] = []

    def set_records(self, records: list[RosterRecord]) -> None:
        self.beginResetModel()
        self.records = records
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        r = self.records[index.row()]
        column = index.column()
        if column == 0:
            return format_national_id(r.national_id)
        if column == 1:
            return r.name
        if column == 2:
            return areas.province_name(r.province_code)
        if column == 3:
            return areas.subdistrict_name(r.subdistrict_code)
        if column == 4:
            return TIER.get(r.tier or "", "")
        if column == 5:
            return STATUS.get(r.status, r.status)
        return thai_date(r.term_end)


class NationalRosterPage(QWidget):
    title = "ทะเบียนทั้งประเทศ"

    def __init__(self, context: HQContext) -> None:
        super().__init__()
        self.context = context
        self.search = QLineEdit()
        self.search.setPlaceholderText("ค้นหาด้วยชื่อ นามสกุล หรือเลขประจำตัวประชาชน (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _: self._timer.start())
        self.count = QLabel()
        self.model = NationalRosterModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column, width in enumerate((150, 230, 120, 130, 90, 110, 100)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        context.changed.connect(self.refresh)
        self.refresh()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def refresh(self) -> None:
        self._timer.stop()  # a search typed meanwhile is answered now
        records = search(self.context.hq, self.search.text(), limit=LIMIT + 1)
        self.model.set_records(records[:LIMIT])
        more = " (แสดง 500 รายการแรก พิมพ์คำค้นเพิ่มเพื่อจำกัดผล)" if len(records) > LIMIT else ""
        self.count.setText(f"พบ {min(len(records), LIMIT):,} รายการ{more}")
