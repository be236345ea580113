"""รายงานส่วนกลาง และ ส่งข้อสังเกตถึงจังหวัด: the national report (PDF/Excel) of a month and
the feedback workbook of a province, written in the background."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from asr_desktop.domain import areas
from asr_desktop.domain.month import Month
from asr_desktop.domain.progress import ProgressFn
from asr_desktop.services.hq.headquarters import Headquarters
from asr_desktop.ui import ask
from asr_desktop.ui.hq.context import HQContext
from asr_desktop.ui.hq.receive_page import month_text
from asr_desktop.ui.tasks import TaskRunner


class OutputsPage(QWidget):
    title = "รายงานและข้อสังเกตส่งกลับ"

    def __init__(self, context: HQContext) -> None:
        super().__init__()
        self.context = context
        self.runner = TaskRunner(self)
        self.month = QComboBox()
        pdf = QPushButton("บันทึกรายงานทั้งประเทศ (PDF)…")
        pdf.clicked.connect(lambda: self.national("pdf"))
        xlsx = QPushButton("บันทึกรายงานทั้งประเทศ (Excel)…")
        xlsx.clicked.connect(lambda: self.national("xlsx"))
        report_box = QGroupBox("รายงานผลการดำเนินงานอาสาสมัครแรงงานทั้งประเทศ")
        report_form = QFormLayout(report_box)
        report_form.addRow("เดือน", self.month)
        report_form.addRow(pdf)
        report_form.addRow(xlsx)
        report_form.addRow(QLabel("รายภาคและรายจังหวัด ความครอบคลุม ครบวาระ การส่งรายงาน และหน่วยงาน"))

        self.province = QComboBox()
        for code, name in sorted(areas.provinces(), key=lambda p: p[1]):
            self.province.addItem(name, code)
        one = QPushButton("บันทึกสมุดงานข้อสังเกตของจังหวัดนี้…")
        one.clicked.connect(self.feedback_one)
        every = QPushButton("บันทึกของทุกจังหวัดลงโฟลเดอร์…")
        every.clicked.connect(self.feedback_all)
        feedback_box = QGroupBox("ข้อสังเกตส่งกลับจังหวัด")
        feedback_form = QFormLayout(feedback_box)
        feedback_form.addRow("จังหวัด", self.province)
        feedback_form.addRow(one)
        feedback_form.addRow(every)
        feedback_form.addRow(QLabel("เดือนที่ยังไม่ส่งหรือส่งล่าช้า ผู้ปฏิบัติหน้าที่ซ้ำจังหวัดอื่น และข้อสังเกต"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(report_box)
        layout.addWidget(feedback_box)
        layout.addWidget(self.result)
        layout.addStretch(1)
        context.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        from asr_desktop.services.hq.national import periods

        self.month.clear()
        for period in periods(self.context.hq):
            self.month.addItem(month_text(period), period)

    def _run(self, title: str, work, done_text: str) -> None:  # type: ignore[no-untyped-def]
        hq_path, today = self.context.hq.path, self.context.today()

        def task(progress: ProgressFn) -> object:
            hq = Headquarters.open(hq_path)
            try:
                return work(hq, today, progress)
            finally:
                hq.close()

        self.runner.run(
            title,
            task,
            on_done=lambda r: self.result.setText(done_text.format(r)),
            on_error=lambda e: ask.error(self, title, str(getattr(e, "message", e))),
        )

    def national(self, kind: str) -> None:
        period = self.month.currentData()
        if not period:
            ask.warn(self, "รายงานทั้งประเทศ", "ยังไม่ได้รับชุดรายงานของเดือนใด")
            return
        suffix = {"pdf": "PDF (*.pdf)", "xlsx": "Excel (*.xlsx)"}[kind]
        path = ask.save_file(self, "บันทึกรายงาน", f"รายงานทั้งประเทศ_{period}.{kind}", suffix)
        if path:
            self.save_national(kind, Month(int(period[:4]), int(period[5:])), Path(path))

    def save_national(self, kind: str, month: Month, out: Path) -> None:
        from asr_desktop.services.hq import national_reports

        writer = getattr(national_reports, f"write_national_{kind}")
        self._run(
            "กำลังจัดทำรายงานทั้งประเทศ…",
            lambda hq, today, p: writer(hq, month, out, today, p),
            f"บันทึกรายงานทั้งประเทศ{month_text(month.iso)} ที่ {out} แล้ว",
        )

    def feedback_one(self) -> None:
        code = self.province.currentData()
        name = f"ข้อสังเกต_{areas.province_name(code)}.xlsx"
        path = ask.save_file(self, "ข้อสังเกตส่งกลับจังหวัด", name, "Excel (*.xlsx)")
        if path:
            self.save_feedback([code], Path(path))

    def feedback_all(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "เลือกโฟลเดอร์")
        if folder:
            self.save_feedback([c for c, _ in areas.provinces()], Path(folder))

    def save_feedback(self, codes: list[str], out: Path) -> None:
        from asr_desktop.services.hq.feedback import write_feedback

        def work(hq: Headquarters, today: date, progress: ProgressFn) -> int:
            items = 0
            for i, code in enumerate(codes):
                progress(i, len(codes))
                target = (
                    out
                    if len(codes) == 1 and out.suffix == ".xlsx"
                    else (out / f"ข้อสังเกต_{code}_{areas.province_name(code)}.xlsx")
                )
                items += write_feedback(hq, code, target, today=today)
            return items

        self._run(
            "กำลังจัดทำข้อสังเกตส่งกลับ…",
            work,
            f"บันทึกข้อสังเกตส่งกลับ {len(codes)} จังหวัด ({{}} รายการ) ที่ {out} แล้ว",
        )
