"""Small input widgets the forms share: Thai dates, area pickers, field error labels."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from asr_desktop.domain import areas
from asr_desktop.domain.errors import InputError
from asr_desktop.domain.thai_dates import format_thai_date, parse_thai_date
from asr_desktop.domain.thai_words import with_word_breaks


def needs_selection(view: QAbstractItemView, buttons: list[QAbstractButton], what: str) -> None:
    """Buttons that act on the selected row are off until a row is selected, and their
    tooltip says why ("เลือกพี่เลี้ยงในตารางก่อน") instead of a click that does nothing.

    The view must have its model already (the pages set it once, when they are built).
    """
    tips = {button: button.toolTip() for button in buttons}

    def update() -> None:
        chosen = view.selectionModel().hasSelection()
        for button in buttons:
            button.setEnabled(chosen)
            button.setToolTip(tips[button] if chosen else f"เลือก{what}ในตารางก่อน")

    view.selectionModel().selectionChanged.connect(update)
    view.model().modelReset.connect(update)
    view.model().layoutChanged.connect(update)
    update()


class ErrorLabel(QLabel):
    """The red reason shown under a field; hidden while the field is fine."""

    def __init__(self) -> None:
        super().__init__()
        self.setStyleSheet("color: #b00020;")
        self.setWordWrap(True)
        self.hide()

    def show_error(self, message: str) -> None:
        self.setText(with_word_breaks(message))
        self.setVisible(bool(message))

    def clear_error(self) -> None:
        self.show_error("")

    @property
    def message(self) -> str:
        return "" if self.isHidden() else self.text().replace("\u200b", "")


class ThaiDateEdit(QLineEdit):
    """A date typed the way people write it (12/2/2563, 12 ก.พ. 63, 2020-02-12 …),
    shown back in Buddhist Era once the field is left."""

    def __init__(self, error_label: ErrorLabel | None = None) -> None:
        super().__init__()
        self.setPlaceholderText("วว/ดด/ปปปป (พ.ศ.)")
        self.error_label = error_label
        self.editingFinished.connect(self._tidy)

    def value(self) -> date | None:
        """The date, None when empty. Raises InputError with the reason when unreadable."""
        text = self.text().strip()
        if not text:
            return None
        return parse_thai_date(text)

    def set_value(self, value: date | None) -> None:
        self.setText(format_thai_date(value, "numeric") if value else "")
        if self.error_label is not None:
            self.error_label.clear_error()

    def _tidy(self) -> None:
        try:
            value = self.value()
        except InputError as exc:
            if self.error_label is not None:
                self.error_label.show_error(exc.message)
            return
        if self.error_label is not None:
            self.error_label.clear_error()
        if value is not None:
            self.setText(format_thai_date(value, "numeric"))


class AreaPicker(QWidget):
    """Province → district → subdistrict combo boxes on DOPA codes."""

    subdistrict_changed = Signal(str)

    def __init__(self, province_code: str) -> None:
        super().__init__()
        self.province = QComboBox()
        self.district = QComboBox()
        self.subdistrict = QComboBox()
        for combo in (self.province, self.district, self.subdistrict):
            combo.setMinimumWidth(150)
        for code, name in areas.provinces():
            self.province.addItem(name, code)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label, combo in (
            ("จังหวัด", self.province),
            ("อำเภอ", self.district),
            ("ตำบล", self.subdistrict),
        ):
            layout.addWidget(QLabel(label))
            layout.addWidget(combo, 1)
        self.province.currentIndexChanged.connect(self._province_changed)
        self.district.currentIndexChanged.connect(self._district_changed)
        self.subdistrict.currentIndexChanged.connect(
            lambda: self.subdistrict_changed.emit(self.subdistrict_code())
        )
        self.province.setCurrentIndex(max(self.province.findData(province_code), 0))
        self._province_changed()

    def _province_changed(self) -> None:
        self.district.blockSignals(True)
        self.district.clear()
        self.district.addItem("— เลือกอำเภอ —", "")
        for code, name in areas.districts(self.province.currentData()):
            self.district.addItem(name, code)
        self.district.blockSignals(False)
        self._district_changed()

    def _district_changed(self) -> None:
        self.subdistrict.blockSignals(True)
        self.subdistrict.clear()
        self.subdistrict.addItem("— เลือกตำบล —", "")
        district = self.district.currentData()
        if district:
            for code, name in areas.subdistricts(district):
                self.subdistrict.addItem(name, code)
        self.subdistrict.blockSignals(False)
        self.subdistrict_changed.emit(self.subdistrict_code())

    def subdistrict_code(self) -> str:
        return self.subdistrict.currentData() or ""

    def set_subdistrict_code(self, code: str) -> None:
        if not areas.is_subdistrict(code):
            return
        self.province.setCurrentIndex(max(self.province.findData(code[:2]), 0))
        self.district.setCurrentIndex(max(self.district.findData(code[:4]), 0))
        self.subdistrict.setCurrentIndex(max(self.subdistrict.findData(code), 0))


class EnterMovesOn(QObject):
    """Event filter: Enter in a one-line field moves to the next field, like Tab."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and isinstance(watched, QLineEdit | QComboBox)
        ):
            watched.focusNextChild()
            return True
        return False


def save_cancel_buttons(
    on_save: Callable[[], object], on_cancel: Callable[[], object]
) -> QDialogButtonBox:
    """The Thai "บันทึก / ยกเลิก" button row every form ends with."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Save).setText("บันทึก")
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("ยกเลิก")
    buttons.accepted.connect(on_save)
    buttons.rejected.connect(on_cancel)
    return buttons
