"""ทะเบียนทั้งประเทศ: search the national roster (each province's newest package) as you type."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from asr_desktop.domain import areas
from asr_desktop.domain.national_id import format_national_id
from asr_desktop.services.hq.national import search
from asr_desktop.ui.hq.context import HQContext
from asr_desktop.ui.hq.duplicates_page import STATUS, TIER
from asr_desktop.ui.hq.tables import ReadOnlyTable

LIMIT = 500


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
        self.table = ReadOnlyTable(
            ("เลขประจำตัวประชาชน", "ชื่อ-สกุล", "จังหวัด", "ตำบล", "ระดับ", "สถานะ", "วาระสิ้นสุด"), stretch=1
        )
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
        records = search(self.context.hq, self.search.text(), limit=LIMIT + 1)
        shown = records[:LIMIT]
        self.table.fill(
            [
                (
                    format_national_id(r.national_id),
                    r.name,
                    areas.province_name(r.province_code),
                    areas.subdistrict_name(r.subdistrict_code),
                    TIER.get(r.tier or "", ""),
                    STATUS.get(r.status, r.status),
                    r.term_end or "",
                )
                for r in shown
            ]
        )
        more = " (แสดง 500 รายการแรก พิมพ์คำค้นเพิ่มเพื่อจำกัดผล)" if len(records) > LIMIT else ""
        self.count.setText(f"พบ {len(shown):,} รายการ{more}")
