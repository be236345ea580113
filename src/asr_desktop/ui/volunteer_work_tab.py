"""The volunteer form's last tab: what the volunteer did, their history, and PDPA actions."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from asr_desktop.domain.thai_dates import format_thai_date
from asr_desktop.services.work import attendance_of, work_summary
from asr_desktop.ui import privacy_actions
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.screen_fit import fit_window
from asr_desktop.ui.table_models import fit_header_titles

_ATTENDANCE_HEADERS = ("วันที่", "กิจกรรม/อบรม", "ประเภท", "สถานที่", "ในฐานะ", "เข้าร่วม")


class VolunteerWorkTab(QWidget):
    anonymised = Signal()

    def __init__(self, context: AppContext, volunteer_id: int) -> None:
        super().__init__()
        self.context = context
        self.volunteer_id = volunteer_id
        summary = work_summary(context.office.db, volunteer_id)
        last = format_thai_date(summary.last_activity) if summary.last_activity else "ยังไม่มี"
        self.summary = QLabel(
            f"รายงานผลการปฏิบัติงานล่าสุด: {last}    "
            f"ส่งต่อ: {summary.referrals_total} ราย (ได้รับบริการแล้ว {summary.referrals_served})    "
            f"เข้าร่วมกิจกรรม/อบรม: {summary.events_attended} ครั้ง"
        )
        self.attendance = QTableWidget(0, len(_ATTENDANCE_HEADERS))
        self.attendance.setHorizontalHeaderLabels(_ATTENDANCE_HEADERS)
        self.attendance.verticalHeader().setVisible(False)
        self.attendance.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for line in attendance_of(context.office.db, volunteer_id):
            row = self.attendance.rowCount()
            self.attendance.insertRow(row)
            cells = (
                line.dates,
                line.title,
                line.kind_label,
                line.venue,
                line.role_label,
                "✓" if line.attended else "—",
            )
            for column, text in enumerate(cells):
                self.attendance.setItem(row, column, QTableWidgetItem(text))
        self.attendance.resizeColumnsToContents()
        fit_header_titles(self.attendance)
        self.attendance.horizontalHeader().setStretchLastSection(True)

        history = QPushButton("ประวัติการแก้ไข…")
        history.setAutoDefault(False)
        history.clicked.connect(self.show_history)
        export = QPushButton("ส่งออกข้อมูลของบุคคลนี้…")
        export.setAutoDefault(False)
        export.setToolTip("ตามสิทธิของเจ้าของข้อมูล (PDPA): ไฟล์ JSON และข้อความที่อ่านได้")
        export.clicked.connect(
            lambda: privacy_actions.export_person_data(self, context, volunteer_id)
        )
        anonymise = QPushButton("ลบข้อมูลระบุตัวตน…")
        anonymise.setAutoDefault(False)
        anonymise.setToolTip("ลบชื่อ เลขประจำตัวประชาชน และข้อมูลติดต่อ โดยคงจำนวนในรายงานไว้")
        anonymise.clicked.connect(self._anonymise)
        self.read_only_buttons = (history, export)
        """What stays usable on an anonymised record."""
        buttons = QHBoxLayout()
        for button in (history, export, anonymise):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel("การเข้าร่วมกิจกรรมและการอบรม"))
        layout.addWidget(self.attendance, 1)
        layout.addLayout(buttons)

    def show_history(self) -> None:
        from asr_desktop.ui.audit_page import AuditPage

        dialog = QDialog(self)
        dialog.setWindowTitle("ประวัติการแก้ไขข้อมูลอาสาสมัคร")
        page = AuditPage(self.context)
        page.show_record("volunteer", self.volunteer_id)
        QVBoxLayout(dialog).addWidget(page)
        fit_window(dialog, 1000, 600, key="volunteer-history")
        dialog.exec()

    def _anonymise(self) -> None:
        if privacy_actions.anonymise_volunteer(self, self.context, self.volunteer_id):
            self.anonymised.emit()
