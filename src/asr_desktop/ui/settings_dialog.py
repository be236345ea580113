"""ตั้งค่าสำนักงาน: a form built from the declared settings (domain/settings.py)."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from asr_desktop.domain import areas
from asr_desktop.domain.errors import InputError
from asr_desktop.domain.settings import SETTINGS, OfficeSettings, Setting
from asr_desktop.ui import ask
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.screen_fit import fit_window, scrolling
from asr_desktop.ui.widgets import save_cancel_buttons


class SettingsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("ตั้งค่าสำนักงาน")
        self.editors: dict[str, QWidget] = {}
        form = QFormLayout()
        current = dataclasses.asdict(context.settings)
        for setting in SETTINGS:
            editor = self._editor(setting, current[setting.key])
            if setting.help:
                editor.setToolTip(setting.help)
            self.editors[setting.key] = editor
            form.addRow(setting.label, editor)
        buttons = save_cancel_buttons(self.accept, self.reject)
        # The declared settings outgrow a 125 % laptop screen: the form scrolls, the
        # Save/Cancel row stays in view.
        content = QWidget()
        content.setLayout(form)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(content), 1)
        layout.addWidget(buttons)
        margins = layout.contentsMargins().top() + layout.contentsMargins().bottom()
        wanted = content.sizeHint().height() + buttons.sizeHint().height() + margins + 24
        fit_window(self, 640, wanted, key="settings-dialog")

    @staticmethod
    def _editor(setting: Setting, value: Any) -> QWidget:
        key, kind = setting.key, setting.type
        if setting.choices:
            choice = QComboBox()
            for option in setting.choices:
                choice.addItem(option, option)
            choice.setCurrentIndex(max(choice.findData(value), 0))
            return choice
        if key == "province_code":
            combo = QComboBox()
            for code, name in sorted(areas.provinces(), key=lambda p: p[1]):
                combo.addItem(name, code)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            return combo
        if kind is bool:
            box = QCheckBox()
            box.setChecked(bool(value))
            return box
        if kind is int:
            spin = QSpinBox()
            spin.setRange(1, 10)
            spin.setValue(int(value))
            return spin
        line = QLineEdit(str(value))
        line.setMinimumWidth(300)
        if key.endswith("_folder"):
            return _FolderField(line)
        return line

    def values(self) -> OfficeSettings:
        values: dict[str, Any] = {}
        for key, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                values[key] = editor.currentData()
            elif isinstance(editor, QCheckBox):
                values[key] = editor.isChecked()
            elif isinstance(editor, QSpinBox):
                values[key] = editor.value()
            elif isinstance(editor, QLineEdit):
                values[key] = editor.text().strip()
            elif isinstance(editor, _FolderField):
                values[key] = editor.line.text().strip()
        return OfficeSettings(**values)

    def accept(self) -> None:
        try:
            self.context.office.update_settings(self.values())
        except InputError as exc:
            ask.warn(self, "ตั้งค่าสำนักงาน", exc.message)
            return
        super().accept()


class _FolderField(QWidget):
    """A folder path with a เลือก… button (typing a long Windows path is error-prone)."""

    def __init__(self, line: QLineEdit) -> None:
        super().__init__()
        self.line = line
        self.browse = QPushButton("เลือก…")
        self.browse.setAutoDefault(False)
        self.browse.clicked.connect(self._choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(line, 1)
        row.addWidget(self.browse)

    def setToolTip(self, text: str) -> None:
        self.line.setToolTip(text)

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "เลือกโฟลเดอร์", self.line.text())
        if folder:
            self.line.setText(folder)
