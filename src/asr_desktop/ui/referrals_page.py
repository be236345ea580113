"""การส่งต่อ: referrals with their status, outcome and follow-up; overdue ones stand out."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from asr_desktop.domain.phone import format_phone
from asr_desktop.domain.thai_dates import format_thai_date
from asr_desktop.domain.vocabulary import Agency
from asr_desktop.domain.work import ReferralStatus
from asr_desktop.services.changes import Change
from asr_desktop.services.referrals import ReferralFilter, ReferralRow
from asr_desktop.ui import ask
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.table_models import Column, RowsModel, SortProxy
from asr_desktop.ui.widgets import needs_selection

_OVERDUE = "#b00020"


def _date(text: str | None) -> str:
    return format_thai_date(date.fromisoformat(text)) if text else ""


class ReferralsPage(QWidget):
    title = "การส่งต่อ"
    status_changed = Signal(str)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.store = context.office.referrals.store
        self.model: RowsModel[ReferralRow] = RowsModel(self._columns())
        self.proxy = SortProxy()
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setPlaceholderText("ค้นหาชื่อผู้รับบริการ โทรศัพท์ ความต้องการ หรือชื่ออาสาสมัคร")
        self.search.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._timer.start)
        self.status = QComboBox()
        self.status.addItem("ทุกสถานะ", None)
        for status in ReferralStatus:
            self.status.addItem(status.label, status.value)
        self.agency = QComboBox()
        self.agency.addItem("ทุกหน่วยงาน", "")
        for agency in Agency:
            self.agency.addItem(agency.label, agency.value)
        self.overdue = QCheckBox("เฉพาะที่เลยกำหนดติดตาม")
        for combo in (self.status, self.agency):
            combo.currentIndexChanged.connect(self.reload)
        self.overdue.toggled.connect(self.reload)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.proxy.sort_remembered(self.table, "referrals", 0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        for column, width in enumerate((100, 175, 105, 210, 60, 140, 165, 130)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.counts = QLabel()

        add = QPushButton("บันทึกการส่งต่อ")
        add.clicked.connect(self.new_record)
        edit = QPushButton("แก้ไข")
        edit.clicked.connect(self.edit_selected)
        delete = QPushButton("ลบ")
        delete.clicked.connect(self.delete_selected)
        heading = QLabel(self.title + " (ชี้เป้า คัดกรอง ส่งต่อ)")
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        for button in (add, edit, delete):
            top.addWidget(button)
        needs_selection(self.table, [edit, delete], "รายการส่งต่อ")
        filters = QHBoxLayout()
        filters.addWidget(QLabel("สถานะ"))
        filters.addWidget(self.status, 1)
        filters.addWidget(QLabel("หน่วยงาน"))
        filters.addWidget(self.agency, 1)
        filters.addWidget(self.overdue)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts)
        context.on_change({Change.REFERRALS}, self.reload)
        # No load here: page_shown() loads each time the page comes to the front (for
        # today's overdue follow-ups), so a load at build time would be read twice.

    def _columns(self) -> list[Column[ReferralRow]]:
        def overdue_colour(r: ReferralRow) -> str | None:
            return _OVERDUE if self._is_overdue(r) else None

        return [
            Column("วันที่ส่งต่อ", lambda r: _date(r.date), lambda r: r.date),
            Column("ผู้รับบริการ", lambda r: r.person_name),
            Column("โทรศัพท์", lambda r: format_phone(r.person_phone) if r.person_phone else ""),
            Column("ความต้องการ", lambda r: r.need),
            Column("หน่วยงาน", lambda r: Agency(r.agency).label, lambda r: r.agency),
            Column("สถานะ", lambda r: ReferralStatus(r.status).label, colour=overdue_colour),
            Column(
                "วันนัดติดตาม",
                lambda r: _date(r.follow_up_date) + (" (เลยกำหนด)" if self._is_overdue(r) else ""),
                lambda r: r.follow_up_date,
                colour=overdue_colour,
            ),
            Column("ผลการส่งต่อ", lambda r: r.outcome),
            Column("อาสาสมัคร", lambda r: r.volunteer_name or ""),
        ]

    def _is_overdue(self, r: ReferralRow) -> bool:
        return (
            ReferralStatus(r.status).is_open
            and r.follow_up_date is not None
            and r.follow_up_date < self.context.today().isoformat()
        )

    def current_filter(self) -> ReferralFilter:
        status = self.status.currentData()
        return ReferralFilter(
            search=self.search.text(),
            status=ReferralStatus(status) if status else None,
            agency=self.agency.currentData() or "",
            overdue_only=self.overdue.isChecked(),
        )

    def reload(self) -> None:
        self._timer.stop()
        rows = self.store.rows(self.current_filter(), today=self.context.today())
        self.model.set_rows(rows)
        overdue = self.store.overdue_count(self.context.today())
        by_status = {s: sum(1 for r in rows if r.status == s.value) for s in ReferralStatus}
        self.counts.setText(
            f"แสดง {len(rows):,} รายการ · "
            + " · ".join(f"{s.label} {n:,}" for s, n in by_status.items())
            + f" · เลยกำหนดติดตามทั้งหมด {overdue:,} รายการ"
        )
        self.status_changed.emit(f"แสดง {len(rows):,} รายการ")

    def show_overdue(self) -> None:
        """The list of overdue follow-ups (the dashboard's figure opens this)."""
        for combo in (self.status, self.agency):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.overdue.blockSignals(True)
        self.overdue.setChecked(True)
        self.overdue.blockSignals(False)
        self.reload()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_object(self.proxy.mapToSource(rows[0]).row()).id

    def new_record(self) -> None:
        from asr_desktop.ui.referral_dialog import ReferralDialog

        if ReferralDialog(self.context, None, self).exec():
            self.context.notify(Change.REFERRALS)

    def edit_selected(self) -> None:
        from asr_desktop.ui.referral_dialog import ReferralDialog

        referral_id = self.selected_id()
        if referral_id is None:
            return
        if ReferralDialog(self.context, self.store.get(referral_id), self).exec():
            self.context.notify(Change.REFERRALS)

    def delete_selected(self) -> None:
        referral_id = self.selected_id()
        if referral_id is not None and ask.confirm(
            self, "ลบการส่งต่อ", "ลบรายการส่งต่อนี้หรือไม่ (ใช้เมื่อบันทึกผิดเท่านั้น)", danger=True
        ):
            self.store.delete(referral_id)
            self.context.notify(Change.REFERRALS)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def refresh(self) -> None:
        self.reload()

    def page_shown(self) -> None:
        self.reload()
