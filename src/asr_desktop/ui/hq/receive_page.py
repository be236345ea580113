"""รับรายงาน: drop or choose package files or a folder; each is checked and accepted or
refused with its reason, in the background with progress and Cancel."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from asr_desktop.domain import areas
from asr_desktop.domain.progress import ProgressFn
from asr_desktop.domain.thai_dates import format_thai_date, format_thai_month
from asr_desktop.services.hq.keys import KeyChange, decide_key_change, pending_key_changes
from asr_desktop.services.hq.receive import ReceiveResult, receive_packages
from asr_desktop.ui import ask
from asr_desktop.ui.hq.context import HQContext
from asr_desktop.ui.hq.tables import ReadOnlyTable
from asr_desktop.ui.tasks import TaskRunner

ACCEPTED = QColor("#e6f4e6")
REFUSED = QColor("#fbe3e3")


def thai_date(iso: str | None) -> str:
    return format_thai_date(date.fromisoformat(iso)) if iso else ""


def month_text(period: str) -> str:
    return format_thai_month(int(period[:4]), int(period[5:])) if period else ""


class ReceivePage(QWidget):
    title = "รับรายงาน"

    def __init__(self, context: HQContext) -> None:
        super().__init__()
        self.context = context
        self.runner = TaskRunner(self)
        self.setAcceptDrops(True)
        intro = QLabel(
            "ลากไฟล์ชุดรายงาน (.zip) หรือโฟลเดอร์มาวางที่นี่ หรือกดปุ่มเลือก "
            "ทุกไฟล์จะถูกตรวจลายมือชื่อดิจิทัล ค่า SHA-256 กุญแจของจังหวัด รูปแบบ จังหวัดและเดือน ก่อนรับเข้า"
        )
        intro.setWordWrap(True)
        choose_files = QPushButton("เลือกไฟล์…")
        choose_files.clicked.connect(self._choose_files)
        choose_folder = QPushButton("เลือกโฟลเดอร์…")
        choose_folder.clicked.connect(self._choose_folder)
        self.summary = QLabel("")
        buttons = QHBoxLayout()
        buttons.addWidget(choose_files)
        buttons.addWidget(choose_folder)
        buttons.addWidget(self.summary, 1)
        self.table = ReadOnlyTable(("ไฟล์", "จังหวัด", "เดือน", "ผล", "เหตุผล / หมายเหตุ"), stretch=4)
        self.table.setWordWrap(True)
        self.keys_box = QGroupBox("จังหวัดที่ลงนามด้วยกุญแจใหม่ รอการยืนยัน")
        self.keys = ReadOnlyTable(("จังหวัด", "รหัสกุญแจใหม่", "รหัสกุญแจเดิม", "ไฟล์", "พบเมื่อ"), stretch=3)
        self.keys.setMaximumHeight(130)
        accept = QPushButton("ยอมรับกุญแจใหม่")
        accept.clicked.connect(lambda: self.decide(accept=True))
        refuse = QPushButton("ปฏิเสธ")
        refuse.clicked.connect(lambda: self.decide(accept=False))
        keys_buttons = QVBoxLayout()
        explain = QLabel("โทรสอบถามสำนักงาน ให้อ่านรหัสกุญแจใต้ลายมือชื่อในรายงาน PDF ก่อนยอมรับ")
        explain.setWordWrap(True)
        keys_buttons.addWidget(explain)
        keys_buttons.addWidget(accept)
        keys_buttons.addWidget(refuse)
        keys_buttons.addStretch(1)
        keys_layout = QHBoxLayout(self.keys_box)
        keys_layout.addWidget(self.keys, 1)
        keys_layout.addLayout(keys_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.keys_box)
        layout.addWidget(self.table, 1)
        self.results: list[ReceiveResult] = []
        self.key_changes: list[KeyChange] = []
        self.refresh()

    def refresh(self) -> None:
        """The key changes waiting for a decision (the receipt list stays as it was)."""
        self.key_changes = pending_key_changes(self.context.hq)
        self.keys.fill(
            [
                (
                    areas.province_name(k.province_code),
                    k.fingerprint,
                    k.pinned_fingerprint,
                    k.package_name,
                    k.seen_at[:16].replace("T", " "),
                )
                for k in self.key_changes
            ]
        )
        self.keys_box.setVisible(bool(self.key_changes))

    def decide(self, *, accept: bool) -> None:
        row = self.keys.currentRow()
        if not 0 <= row < len(self.key_changes):
            ask.warn(self, "กุญแจใหม่", "เลือกจังหวัดในรายการก่อน")
            return
        change = self.key_changes[row]
        province = areas.province_name(change.province_code)
        if accept:
            question = (
                f"ยอมรับกุญแจใหม่ของจังหวัด{province} ({change.fingerprint}) แทนกุญแจเดิม? "
                "หลังยอมรับแล้ว ให้รับไฟล์ชุดรายงานนั้นอีกครั้ง"
            )
        else:
            question = f"ปฏิเสธกุญแจใหม่ของจังหวัด{province}? ชุดรายงานที่ลงนามด้วยกุญแจนี้จะไม่ถูกรับ"
        if ask.confirm(self, "กุญแจใหม่", question, danger=not accept):
            decide_key_change(self.context.hq, change.id, accept=accept)
            self.refresh()

    def _choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "เลือกชุดรายงาน", "", "ชุดรายงาน (*.zip)")
        if files:
            self.receive([Path(f) for f in files])

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "เลือกโฟลเดอร์ที่มีชุดรายงาน")
        if folder:
            self.receive([Path(folder)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.receive(paths)

    def receive(self, paths: list[Path]) -> None:
        if self.runner.busy:
            return
        hq_path = self.context.hq.path

        def work(progress: ProgressFn) -> list[ReceiveResult]:
            from asr_desktop.services.hq.headquarters import Headquarters

            hq = Headquarters.open(hq_path)  # this thread's own connection
            try:
                return receive_packages(hq, paths, progress)
            finally:
                hq.close()

        self.runner.run(
            "กำลังตรวจและรับชุดรายงาน…",
            work,
            on_done=self.show_results,
            on_error=lambda exc: ask.error(self, "รับรายงานไม่ได้", str(getattr(exc, "message", exc))),
            on_cancelled=self._cancelled,
        )

    def _cancelled(self) -> None:
        self.summary.setText("ยกเลิกแล้ว ชุดรายงานที่รับไปก่อนยกเลิกยังอยู่ในฐานข้อมูล")
        self.context.notify()

    def show_results(self, results: list[ReceiveResult]) -> None:
        self.refresh()
        results = sorted(results, key=lambda r: r.accepted)  # the refused ones first
        self.results = results
        rows = [
            (
                Path(r.path).name,
                areas.province_name(r.province_code),
                month_text(r.period),
                "รับ" if r.accepted else "ไม่รับ",
                r.note if r.accepted else r.reason,
            )
            for r in results
        ]
        self.table.fill(rows, [ACCEPTED if r.accepted else REFUSED for r in results])
        self.table.resizeRowsToContents()
        accepted = sum(r.accepted for r in results)
        self.summary.setText(
            f"รับ {accepted:,} ไม่รับ {len(results) - accepted:,} จาก {len(results):,} ไฟล์"
            if results
            else "ไม่พบไฟล์ชุดรายงาน (.zip)"
        )
        self.context.notify()
