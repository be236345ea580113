"""First start: ask for the province and the office name, then set up the database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from asr_desktop.domain import areas
from asr_desktop.domain.errors import InputError
from asr_desktop.domain.thai_words import with_word_breaks
from asr_desktop.services.office import Office, default_office_name
from asr_desktop.ui import ask
from asr_desktop.ui.screen_fit import fit_window


class FirstRunDialog(QDialog):
    def __init__(self, office: Office, path: Path) -> None:
        super().__init__()
        self._office = office
        self.setWindowTitle("เริ่มใช้งาน อสร. Desktop")
        self.province = QComboBox()
        self.province.addItem("— เลือกจังหวัด —", "")
        for code, name in sorted(areas.provinces(), key=lambda p: p[1]):
            self.province.addItem(name, code)
        self.office = QLineEdit()
        self.province.currentIndexChanged.connect(self._suggest_office_name)
        intro = QLabel(
            with_word_breaks(f"ยินดีต้อนรับ กรุณาเลือกจังหวัดของสำนักงาน โปรแกรมจะสร้างฐานข้อมูลไว้ที่\n{path}")
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow("จังหวัด", self.province)
        form.addRow("ชื่อสำนักงาน", self.office)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("เริ่มใช้งาน")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("ยกเลิก")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_window(self, 560)

    def _suggest_office_name(self) -> None:
        code = self.province.currentData()
        if code:
            self.office.setText(default_office_name(code))

    def accept(self) -> None:
        code = self.province.currentData()
        if not code:
            ask.warn(self, "เริ่มใช้งาน", "กรุณาเลือกจังหวัด")
            return
        try:
            self._office.init(code, self.office.text())
        except InputError as exc:
            ask.warn(self, "เริ่มใช้งาน", exc.message)
            return
        super().accept()
