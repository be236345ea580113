"""รายงาน: choose a report and its period, make it in the background, preview, print, save.

Reports come from services/reporting/catalogue.py; this page knows nothing of their content.
A report is made into a temporary PDF that the preview shows; "บันทึกเป็นไฟล์ PDF…" copies
it where the user wants, "พิมพ์…" sends it to a printer.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTemporaryDir, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from asr_desktop.domain import areas
from asr_desktop.domain.errors import AsrError
from asr_desktop.domain.month import Month
from asr_desktop.domain.progress import ProgressFn
from asr_desktop.domain.thai_dates import fiscal_year
from asr_desktop.domain.thai_words import with_word_breaks
from asr_desktop.services.changes import Change
from asr_desktop.services.office import Office
from asr_desktop.services.reporting import catalogue as report_catalogue
from asr_desktop.services.reporting.catalogue import Period, ReportRequest, ReportSpec
from asr_desktop.ui import ask
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.pdf_view import PdfPreview, print_pdf
from asr_desktop.ui.tasks import TaskRunner

MONTHS_OFFERED = 24


class ReportsPage(QWidget):
    title = "รายงาน"
    status_changed = Signal(str)
    report_ready = Signal(Path)
    """Emitted with the temporary PDF once a report has been made and is shown."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.runner = TaskRunner(self)
        self._temp = QTemporaryDir()
        self.current_pdf: Path | None = None

        self.reports = QListWidget()
        self.reports.setMaximumWidth(330)
        for spec in report_catalogue.office_reports():
            item = QListWidgetItem(with_word_breaks(spec.title))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(spec.description)
            self.reports.addItem(item)
        self.reports.currentRowChanged.connect(self._report_changed)

        self.description = QLabel()
        self.description.setWordWrap(True)
        self.month = QComboBox()
        for month in Month.recent(context.today(), MONTHS_OFFERED):
            self.month.addItem(month.thai(), month)
        self.month.setCurrentIndex(1)  # usually last month's report, early in the new month
        self.fiscal_year = QSpinBox()
        self.fiscal_year.setRange(2548, 2700)
        self.fiscal_year.setValue(fiscal_year(context.today()))
        self.district = QComboBox()
        self.full_ids = QCheckBox("พิมพ์เลขประจำตัวประชาชนเต็ม (ค่าเริ่มต้นปิดบังบางหลัก)")
        self._fill_districts()

        form = QFormLayout()
        form.addRow("เดือน", self.month)
        form.addRow("ปีงบประมาณ พ.ศ.", self.fiscal_year)
        form.addRow("อำเภอ", self.district)
        form.addRow("", self.full_ids)
        self.make_pdf = QPushButton("สร้างรายงาน PDF")
        self.make_pdf.clicked.connect(self.generate)
        self.make_xlsx = QPushButton("ส่งออก Excel…")
        self.make_xlsx.clicked.connect(self.export_xlsx)
        self.print_button = QPushButton("พิมพ์…")
        self.print_button.clicked.connect(self.print_current)
        self.save_button = QPushButton("บันทึกเป็นไฟล์ PDF…")
        self.save_button.clicked.connect(self.save_pdf)
        for button in (self.print_button, self.save_button):
            button.setEnabled(False)
        # A clerk looks for the month's package among the reports, not only under แฟ้ม.
        self.package_button = QPushButton("ส่งรายงานประจำเดือน (ชุดส่งส่วนกลาง)…")
        self.package_button.setToolTip("Excel + PDF ของเดือนที่เลือก พร้อม manifest และสำเนาเก็บไว้")
        self.package_button.clicked.connect(self.monthly_package)

        left = QVBoxLayout()
        left.addWidget(QLabel("เลือกรายงาน"))
        left.addWidget(self.reports, 1)
        left.addWidget(self.description)
        left.addLayout(form)
        for button in (self.make_pdf, self.make_xlsx, self.print_button, self.save_button):
            left.addWidget(button)
        left.addSpacing(12)
        left.addWidget(self.package_button)
        self.preview = PdfPreview()
        heading = QLabel(self.title)
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        body = QHBoxLayout()
        body.addLayout(left)
        body.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(body, 1)
        self.reports.setCurrentRow(0)
        context.changed.connect(self._on_changed)

    # -- choosing -----------------------------------------------------------------------

    def _fill_districts(self) -> None:
        self.district.clear()
        self.district.addItem("ทุกอำเภอ", "")
        for code, name in areas.districts(self.context.settings.province_code):
            self.district.addItem(name, code)

    def selected_spec(self) -> ReportSpec:
        key = (
            self.reports.currentItem().data(Qt.ItemDataRole.UserRole)
            if self.reports.currentItem()
            else None
        )
        return report_catalogue.report_spec(key or report_catalogue.office_reports()[0].key)

    def select_report(self, key: str) -> None:
        for row in range(self.reports.count()):
            if self.reports.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.reports.setCurrentRow(row)
                return

    def _report_changed(self) -> None:
        spec = self.selected_spec()
        self.description.setText(with_word_breaks(spec.description))
        self.month.setEnabled(spec.period is Period.MONTH)
        self.fiscal_year.setEnabled(spec.period is Period.FISCAL_YEAR)
        self.make_pdf.setEnabled(spec.write_pdf is not None)
        self.make_pdf.setToolTip("" if spec.write_pdf else "รายงานนี้ยังไม่มีรูปแบบ PDF")
        self.make_xlsx.setEnabled(spec.write_xlsx is not None)
        self.make_xlsx.setToolTip("" if spec.write_xlsx else "รายงานนี้ยังไม่มีรูปแบบ Excel")

    def request(self) -> ReportRequest:
        return ReportRequest(
            today=self.context.today(),
            month=self.month.currentData(),
            fiscal_year=self.fiscal_year.value(),
            district_code=self.district.currentData() or "",
            full_national_ids=self.full_ids.isChecked(),
        )

    # -- making -------------------------------------------------------------------------

    def _run(self, title: str, writer: Any, out: Path, on_done: Any) -> None:
        db_path, request = self.context.db_path, self.request()

        def work(progress: ProgressFn) -> int:
            db = Office.connect(db_path).db  # the worker's own connection
            try:
                return int(writer(db, request, out, progress))
            finally:
                db.close()

        self.runner.run(
            title,
            work,
            on_done=on_done,
            on_error=self._show_error,
            on_cancelled=lambda: self.status_changed.emit("ยกเลิกการสร้างรายงานแล้ว"),
        )

    def monthly_package(self) -> None:
        """The same ส่งรายงานประจำเดือน as the แฟ้ม menu's."""
        from asr_desktop.ui.excel_actions import monthly_package_action

        if not self.runner.busy:
            monthly_package_action(self.context, self, self.runner)

    def generate(self) -> None:
        """Makes the chosen report as PDF in the background, then shows it."""
        spec = self.selected_spec()
        if spec.write_pdf is None or self.runner.busy:
            return
        out = Path(self._temp.path()) / f"{spec.key}-{self.context.today():%Y%m%d%H%M%S}.pdf"
        out = _unique(out)

        def done(pages: int) -> None:
            self.current_pdf = out
            self.preview.load(out)
            for button in (self.print_button, self.save_button):
                button.setEnabled(True)
            self.status_changed.emit(f"{spec.title}: {pages:,} หน้า")
            self.report_ready.emit(out)

        self._run(f"กำลังสร้าง{spec.title}…", spec.write_pdf, out, done)

    def export_xlsx(self) -> None:
        spec = self.selected_spec()
        if spec.write_xlsx is None or self.runner.busy:
            return
        chosen = ask.save_file(self, "บันทึกไฟล์ Excel", f"{spec.title}.xlsx", "Excel (*.xlsx)")
        if chosen is None:
            return
        out = Path(chosen)
        self._run(
            f"กำลังส่งออก{spec.title}…",
            spec.write_xlsx,
            out,
            lambda _n: ask.inform(self, "ส่งออกแล้ว", f"บันทึก {out} แล้ว"),
        )

    def print_current(self) -> None:
        if self.current_pdf is not None:
            print_pdf(self.current_pdf, self)

    def save_pdf(self) -> None:
        if self.current_pdf is None:
            return
        spec = self.selected_spec()
        chosen = ask.save_file(self, "บันทึกรายงาน PDF", f"{spec.title}.pdf", "PDF (*.pdf)")
        if chosen is None:
            return
        try:
            shutil.copyfile(self.current_pdf, chosen)
        except OSError as exc:
            ask.error(self, "บันทึกไม่สำเร็จ", f"บันทึก {chosen} ไม่ได้: {exc.strerror or exc}")
            return
        self.status_changed.emit(f"บันทึก {chosen} แล้ว")

    def _show_error(self, exc: BaseException) -> None:
        if isinstance(exc, AsrError):
            ask.error(self, "สร้างรายงานไม่สำเร็จ", exc.message)
        elif isinstance(exc, OSError):
            ask.error(self, "สร้างรายงานไม่สำเร็จ", f"เขียนไฟล์ไม่ได้: {exc.strerror or exc}")
        else:
            raise exc  # a bug: the app's crash handler shows and logs it

    # -- page interface -----------------------------------------------------------------

    def refresh(self) -> None:
        self._report_changed()

    def page_shown(self) -> None:
        """Nothing to count here: the report list does not change."""

    def _on_changed(self, changes: frozenset[Change]) -> None:
        if Change.SETTINGS in changes:
            self._fill_districts()


def _unique(path: Path) -> Path:
    candidate, n = path, 1
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate
