"""Dialogs for a volunteer's history: a term of appointment and a change of status."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from asr_desktop.domain import areas
from asr_desktop.domain.errors import InputError
from asr_desktop.domain.model import Term
from asr_desktop.domain.terms import default_term_end
from asr_desktop.domain.vocabulary import ExitReason, StatusChange, Tier
from asr_desktop.ui import ask
from asr_desktop.ui.widgets import ErrorLabel, ThaiDateEdit, save_cancel_buttons


def _date_row(form: QFormLayout, label: str) -> ThaiDateEdit:
    error = ErrorLabel()
    edit = ThaiDateEdit(error)
    form.addRow(label, edit)
    form.addRow("", error)
    return edit


class TermForm(QWidget):
    """The fields of a term; reused for a new volunteer's first term inside their form."""

    def __init__(self, term_years: int, term: Term | None = None) -> None:
        super().__init__()
        self.term_years = term_years
        self._end_edited = term is not None
        form = QFormLayout(self)
        self.tier = QComboBox()
        for tier in Tier:
            self.tier.addItem(tier.label, tier.value)
        form.addRow("ระดับ", self.tier)
        self.batch = QLineEdit()
        self.batch.setPlaceholderText("เช่น รุ่นที่ 1/2568")
        form.addRow("รุ่น", self.batch)
        self.order_no = QLineEdit()
        self.order_no.setPlaceholderText("เช่น ที่ 123/2568")
        form.addRow("คำสั่งแต่งตั้งเลขที่", self.order_no)
        self.order_date = _date_row(form, "ลงวันที่")
        self.start = _date_row(form, "วันเริ่มวาระ")
        self.end = _date_row(form, "วันสิ้นสุดวาระ")
        self.card_no = QLineEdit()
        form.addRow("เลขที่บัตร", self.card_no)
        self.card_issue = _date_row(form, "วันออกบัตร")
        self.card_expiry = _date_row(form, "วันบัตรหมดอายุ")
        self.area_list = QListWidget()
        self.area_list.setMaximumHeight(110)
        self.area_list.setToolTip("ตำบลที่รับผิดชอบในวาระนี้ (ตำบลในอำเภอเดียวกับที่อยู่)")
        form.addRow("พื้นที่รับผิดชอบ", self.area_list)
        self.start.editingFinished.connect(self._suggest_end)
        self.end.textEdited.connect(self._mark_end_edited)
        self.term = term
        if term is not None:
            self.tier.setCurrentIndex(self.tier.findData(term.tier.value))
            self.batch.setText(term.batch)
            self.order_no.setText(term.order_no)
            self.order_date.set_value(term.order_date)
            self.start.set_value(term.start_date)
            self.end.set_value(term.end_date)
            self.card_no.setText(term.card_no)
            self.card_issue.set_value(term.card_issue_date)
            self.card_expiry.set_value(term.card_expiry_date)

    def set_home_subdistrict(self, subdistrict_code: str) -> None:
        """Lists the tambons of the volunteer's district to tick as areas of responsibility.

        Without areas chosen yet, the volunteer's own tambon is ticked.
        """
        chosen = set(self.checked_areas()) or set(self.term.area_codes if self.term else ())
        chosen = chosen or ({subdistrict_code} if subdistrict_code else set())
        self.area_list.clear()
        for code, name in areas.subdistricts(subdistrict_code[:4]) if subdistrict_code else []:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = code in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.area_list.addItem(item)

    def checked_areas(self) -> tuple[str, ...]:
        codes = []
        for row in range(self.area_list.count()):
            item = self.area_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                codes.append(item.data(Qt.ItemDataRole.UserRole))
        return tuple(codes)

    def _mark_end_edited(self) -> None:
        self._end_edited = True

    def _suggest_end(self) -> None:
        """The end follows the start (office's term length) until the user types an end."""
        if self._end_edited:
            return
        try:
            start = self.start.value()
        except InputError:
            return
        if start is not None:
            self.end.set_value(default_term_end(start, self.term_years))

    def is_blank(self) -> bool:
        return not any(
            w.text().strip()
            for w in (
                self.batch,
                self.order_no,
                self.start,
                self.end,
                self.order_date,
                self.card_no,
            )
        )

    def value(self, volunteer_id: int) -> Term:
        """The term as typed. Raises InputError naming the first bad field."""
        start = self._required(self.start, "วันเริ่มวาระ")
        end = self.end.value() or default_term_end(start, self.term_years)
        term = Term(
            volunteer_id=volunteer_id,
            tier=Tier(self.tier.currentData()),
            start_date=start,
            end_date=end,
            batch=self.batch.text().strip(),
            order_no=self.order_no.text().strip(),
            order_date=self._optional(self.order_date, "วันที่คำสั่ง"),
            card_no=self.card_no.text().strip(),
            card_issue_date=self._optional(self.card_issue, "วันออกบัตร"),
            card_expiry_date=self._optional(self.card_expiry, "วันบัตรหมดอายุ"),
            area_codes=self.checked_areas(),
        )
        if self.term is not None:
            term.id = self.term.id
            term.ended_date = self.term.ended_date
            term.notes = self.term.notes
        return term

    @staticmethod
    def _required(edit: ThaiDateEdit, label: str) -> date:
        value = TermForm._optional(edit, label)
        if value is None:
            edit.setFocus()
            raise InputError(f"กรุณากรอก{label}")
        return value

    @staticmethod
    def _optional(edit: ThaiDateEdit, label: str) -> date | None:
        try:
            return edit.value()
        except InputError as exc:
            edit.setFocus()
            raise InputError(f"{label}: {exc.message}") from exc


class TermDialog(QDialog):
    """Adds or edits one term of appointment."""

    def __init__(
        self, volunteer_id: int, term_years: int, term: Term | None, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("แก้ไขวาระ" if term else "เพิ่มวาระการดำรงตำแหน่ง")
        self.volunteer_id = volunteer_id
        self.form = TermForm(term_years, term)
        self.result_term: Term | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(save_cancel_buttons(self.accept, self.reject))

    def accept(self) -> None:
        try:
            self.result_term = self.form.value(self.volunteer_id)
        except InputError as exc:
            ask.warn(self, self.windowTitle(), exc.message)
            return
        super().accept()


class StatusChangeDialog(QDialog):
    """Records a suspension, reinstatement or exit, with date, reason and reference."""

    def __init__(self, change: StatusChange, today: date, parent: QWidget) -> None:
        super().__init__(parent)
        self.change = change
        self.setWindowTitle(f"บันทึก{change.label}")
        form = QFormLayout()
        self.on = _date_row(form, "วันที่มีผล")
        self.on.set_value(today)
        self.reason = QComboBox()
        if change is StatusChange.EXITED:
            for reason in ExitReason:
                self.reason.addItem(reason.label, reason.value)
            form.addRow("เหตุที่พ้นสภาพ", self.reason)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText("เช่น คำสั่ง/หนังสือที่ …")
        form.addRow("อ้างอิง", self.reference)
        self.note = QLineEdit()
        form.addRow("หมายเหตุ", self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(save_cancel_buttons(self.accept, self.reject))
        self.date_value: date | None = None

    def accept(self) -> None:
        try:
            self.date_value = self.on.value()
        except InputError as exc:
            ask.warn(self, self.windowTitle(), exc.message)
            return
        if self.date_value is None:
            ask.warn(self, self.windowTitle(), "กรุณากรอกวันที่มีผล")
            return
        super().accept()

    @property
    def exit_reason(self) -> ExitReason | None:
        data = self.reason.currentData()
        return ExitReason(data) if data else None
