"""สถานะการส่งรายงาน: provinces × months of a fiscal year, rates, and who to chase."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from asr_desktop.domain import areas
from asr_desktop.domain.hq.reporting import ReportState
from asr_desktop.domain.thai_dates import THAI_MONTHS_SHORT, fiscal_year
from asr_desktop.services.hq.status import StatusGrid, reporting_status
from asr_desktop.ui.hq.context import HQContext

COLOURS = {
    ReportState.ON_TIME: QColor("#c8e6c9"),
    ReportState.LATE: QColor("#ffe0a3"),
    ReportState.MISSING: QColor("#f4b6b6"),
    ReportState.NOT_DUE: QColor("#f2f2f2"),
}
MARKS = {
    ReportState.ON_TIME: "✓",
    ReportState.LATE: "ช้า",
    ReportState.MISSING: "✗",
    ReportState.NOT_DUE: "",
}


class StatusPage(QWidget):
    title = "สถานะการส่งรายงาน"

    def __init__(self, context: HQContext) -> None:
        super().__init__()
        self.context = context
        self.year = QComboBox()
        current = fiscal_year(context.today())
        for year in range(current, current - 4, -1):
            self.year.addItem(f"ปีงบประมาณ {year}", year)
        self.year.currentIndexChanged.connect(self.refresh)
        self.rates = QLabel()
        legend = QLabel("✓ ตรงเวลา   ช้า ส่งล่าช้า   ✗ ยังไม่ส่ง (เลยกำหนด)   * มีฉบับแก้ไขแทนฉบับแรก")
        self.deadline = QSpinBox()
        self.deadline.setRange(1, 28)
        self.deadline.setValue(context.hq.deadline_day)
        self.deadline.setPrefix("กำหนดส่ง วันที่ ")
        self.deadline.setSuffix(" ของเดือนถัดไป")
        self.deadline.valueChanged.connect(self._deadline_changed)
        top = QHBoxLayout()
        top.addWidget(self.year)
        top.addWidget(self.deadline)
        top.addWidget(self.rates, 1)
        self.grid = QTableWidget(0, 12)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.horizontalHeader().setDefaultSectionSize(54)
        self.grid.verticalHeader().setDefaultSectionSize(24)
        self.chase = QListWidget()
        chase_box = QWidget()
        chase_layout = QVBoxLayout(chase_box)
        chase_layout.setContentsMargins(0, 0, 0, 0)
        self.chase_title = QLabel("ต้องติดตาม")
        chase_layout.addWidget(self.chase_title)
        chase_layout.addWidget(self.chase)
        split = QSplitter()
        split.addWidget(self.grid)
        split.addWidget(chase_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(legend)
        layout.addWidget(split, 1)
        context.changed.connect(self.refresh)
        self.status_grid: StatusGrid | None = None
        self.refresh()

    def _deadline_changed(self, day: int) -> None:
        self.context.hq.set_deadline_day(day)
        self.context.notify()

    def refresh(self) -> None:
        grid = reporting_status(
            self.context.hq, self.year.currentData(), today=self.context.today()
        )
        self.status_grid = grid
        self.grid.setRowCount(len(grid.provinces))
        self.grid.setHorizontalHeaderLabels(
            [
                f"{THAI_MONTHS_SHORT[int(p[5:]) - 1]} {(int(p[:4]) + 543) % 100:02d}"
                for p in grid.periods
            ]
        )
        self.grid.setVerticalHeaderLabels([areas.province_name(c) for c in grid.provinces])
        for r, code in enumerate(grid.provinces):
            for c, period in enumerate(grid.periods):
                cell = grid.cell(code, period)
                item = QTableWidgetItem(MARKS[cell.state] + ("*" if cell.replaced else ""))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setBackground(COLOURS[cell.state])
                tip = cell.state.label
                if cell.sent_at:
                    tip += f"\nส่งเมื่อ {cell.sent_at[:16].replace('T', ' ')}"
                item.setToolTip(tip)
                self.grid.setItem(r, c, item)
        rates = grid.rates
        self.rates.setText(
            f"ครบกำหนดแล้ว {rates.expected:,} ฉบับ  ได้รับ {rates.received:,} "
            f"(อัตราการส่งรายงาน ร้อยละ {rates.reporting_rate:.1f})  "
            f"ตรงเวลา {rates.on_time:,} (ร้อยละ {rates.on_time_rate:.1f})"
        )
        self.chase.clear()
        for cell in grid.chase:
            month = f"{THAI_MONTHS_SHORT[int(cell.period[5:]) - 1]} {int(cell.period[:4]) + 543}"
            self.chase.addItem(f"{areas.province_name(cell.province_code)} — {month}")
        self.chase_title.setText(f"ต้องติดตาม (ยังไม่ส่ง {len(grid.chase):,} ฉบับ)")
