"""First start: ask for the province and the office name, then set up the database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
)

from asr_desktop.domain import areas
from asr_desktop.domain.errors import InputError
from asr_desktop.domain.thai_sort import thai_sort_key
from asr_desktop.domain.thai_words import with_word_breaks
from asr_desktop.services.office import Office, default_office_name
from asr_desktop.ui import ask
from asr_desktop.ui.screen_fit import fit_window


class FirstRunDialog(QDialog):
    def __init__(self, office: Office, path: Path) -> None:
        super().__init__()
        self._office = office
        self.headquarters = False
        """True when the user chose สำนักงานส่วนกลาง (headquarters mode) instead."""
        self.setWindowTitle("เริ่มใช้งาน อสร. Desktop")
        self.as_office = QRadioButton("สำนักงานแรงงานจังหวัด (บันทึกทะเบียนและส่งรายงานประจำเดือน)")
        self.as_office.setChecked(True)
        self.as_hq = QRadioButton("สำนักงานส่วนกลาง (รับรายงานของ 77 จังหวัด)")
        self.as_hq.toggled.connect(self._mode_changed)
        self.province = QComboBox()
        self.province.addItem("— เลือกจังหวัด —", "")
        for code, name in sorted(areas.provinces(), key=lambda p: thai_sort_key(p[1])):
            self.province.addItem(name, code)
        # Typing filters the list (any part of the name); only a province the user picks or
        # types in full is chosen, never the nearest one behind their back.
        self.province.setEditable(True)
        self.province.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        editor = self.province.lineEdit()
        assert editor is not None  # setEditable(True) made it
        editor.setPlaceholderText("พิมพ์ชื่อจังหวัด เช่น สกลนคร")
        completer = QCompleter(self.province.model(), self.province)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.province.setCompleter(completer)
        self.province.setCurrentIndex(-1)
        self._suggested = ""
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
        layout.addWidget(self.as_office)
        layout.addWidget(self.as_hq)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_window(self, 560)

    def _mode_changed(self) -> None:
        self.province.setEnabled(not self.as_hq.isChecked())
        self.office.setEnabled(not self.as_hq.isChecked())

    def province_code(self) -> str:
        """The province whose full name is in the box ("" when the text names none)."""
        index = self.province.findText(self.province.currentText().strip())
        return str(self.province.itemData(index) or "") if index >= 0 else ""

    def _suggest_office_name(self) -> None:
        code = self.province_code()
        # The office name follows the province only while the user has not typed their own.
        if code and self.office.text() in ("", self._suggested):
            self._suggested = default_office_name(code)
            self.office.setText(self._suggested)

    def accept(self) -> None:
        if self.as_hq.isChecked():
            self.headquarters = True
            super().accept()
            return
        code = self.province_code()
        if not code:
            ask.warn(self, "เริ่มใช้งาน", "กรุณาเลือกจังหวัดจากรายการ (พิมพ์บางส่วนของชื่อแล้วเลือก)")
            return
        try:
            self._office.init(code, self.office.text())
        except InputError as exc:
            ask.warn(self, "เริ่มใช้งาน", exc.message)
            return
        super().accept()
