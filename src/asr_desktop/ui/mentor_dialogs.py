"""Dialogs of the mentors page: a mentor's details, assigning a district, the checklist."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from asr_desktop.domain import areas
from asr_desktop.domain.errors import InputError
from asr_desktop.domain.model import Mentor
from asr_desktop.domain.phone import normalize_optional_phone
from asr_desktop.domain.thai_words import with_word_breaks
from asr_desktop.domain.work import ChecklistItem
from asr_desktop.ui.activity_dialog import agency_combo
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.screen_fit import fit_window
from asr_desktop.ui.title_field import TitleField
from asr_desktop.ui.widgets import ErrorLabel


def _buttons(dialog: QDialog, ok_text: str = "บันทึก") -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("ยกเลิก")
    buttons.rejected.connect(dialog.reject)
    return buttons


class MentorDialog(QDialog):
    def __init__(
        self, context: AppContext, mentor: Mentor | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.mentor = mentor
        self.saved_id: int | None = None
        self.setWindowTitle("เพิ่มพี่เลี้ยง" if mentor is None else "แก้ไขพี่เลี้ยง")
        fit_window(self, 520, key="mentor-dialog")
        self.title_edit = TitleField()
        self.first_name, self.last_name = QLineEdit(), QLineEdit()
        self.position = QLineEdit()
        self.agency = agency_combo()
        self.phone = QLineEdit()
        self.active = QCheckBox("ยังปฏิบัติหน้าที่พี่เลี้ยง")
        self.active.setChecked(True)
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow("คำนำหน้า", self.title_edit)
        form.addRow("", self.title_edit.note)
        form.addRow("ชื่อ", self.first_name)
        form.addRow("นามสกุล", self.last_name)
        form.addRow("ตำแหน่ง", self.position)
        form.addRow("หน่วยงาน", self.agency)
        form.addRow("โทรศัพท์", self.phone)
        form.addRow("", self.active)
        buttons = _buttons(self)
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if mentor is not None:
            self.title_edit.set_title(mentor.title)
            self.first_name.setText(mentor.first_name)
            self.last_name.setText(mentor.last_name)
            self.position.setText(mentor.position)
            self.agency.setCurrentIndex(max(self.agency.findData(mentor.agency), 0))
            self.phone.setText(mentor.phone)
            self.active.setChecked(mentor.active)

    def save(self) -> None:
        try:
            mentor = Mentor(
                first_name=self.first_name.text().strip(),
                last_name=self.last_name.text().strip(),
                title=self.title_edit.title(),
                position=self.position.text().strip(),
                agency=self.agency.currentData() or "",
                phone=normalize_optional_phone(self.phone.text()),
                active=self.active.isChecked(),
                id=self.mentor.id if self.mentor else None,
            )
            self.saved_id = self.context.office.mentors.save(mentor)
        except InputError as exc:
            self.error.show_error(exc.message)
            return
        self.accept()


class AssignDistrictDialog(QDialog):
    """Assigns every current volunteer of a district to one mentor."""

    def __init__(self, context: AppContext, mentor: Mentor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.mentor = mentor
        self.assigned = 0
        self.setWindowTitle("มอบหมายอาสาสมัครทั้งอำเภอ")
        self.district = QComboBox()
        for code, name in areas.districts(context.settings.province_code):
            self.district.addItem(name, code)
        self.only_unassigned = QCheckBox("เฉพาะผู้ที่ยังไม่มีพี่เลี้ยง")
        self.only_unassigned.setChecked(True)
        form = QFormLayout()
        form.addRow("พี่เลี้ยง", QLabel(mentor.full_name))
        form.addRow("อำเภอ", self.district)
        form.addRow("", self.only_unassigned)
        buttons = _buttons(self, "มอบหมาย")
        buttons.accepted.connect(self.assign)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_window(self, 480)

    def assign(self) -> None:
        assert self.mentor.id is not None
        self.assigned = self.context.office.mentors.assign_district(
            self.district.currentData(),
            self.mentor.id,
            only_unassigned=self.only_unassigned.isChecked(),
        )
        self.accept()


class ChecklistDialog(QDialog):
    """The six items of 3อ 2ส 1ร, each 0–3 with a note, beside what the data suggests."""

    def __init__(
        self,
        context: AppContext,
        volunteer_id: int,
        fiscal_year: int,
        quarter: int,
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.service = context.office.mentors
        self.checklist = self.service.checklist(volunteer_id, fiscal_year, quarter)
        self.suggestions = self.service.suggestions(volunteer_id)
        self.saved = False
        self.setWindowTitle(f"แบบประเมิน 3อ 2ส 1ร — {name}")
        fit_window(self, 900, key="checklist-dialog")
        self.scores: dict[ChecklistItem, QSpinBox] = {}
        self.notes: dict[ChecklistItem, QLineEdit] = {}
        grid = QGridLayout()
        for column, header in enumerate(("หลัก", "คะแนน (0–3)", "ข้อมูลจากระบบแนะนำ", "บันทึก")):
            label = QLabel(header)
            label.setStyleSheet("font-weight: bold;")
            grid.addWidget(label, 0, column)
        for row, item in enumerate(ChecklistItem, start=1):
            spin = QSpinBox()
            spin.setRange(-1, 3)
            spin.setSpecialValueText("–")
            current = self.checklist.scores.get(item)
            spin.setValue(-1 if current is None else current)
            suggestion = self.suggestions[item]
            hint = QLabel(with_word_breaks(f"แนะนำ {suggestion.score}: {suggestion.reason}"))
            hint.setWordWrap(True)
            hint.setStyleSheet("color: #555555;")
            note = QLineEdit(self.checklist.notes.get(item, ""))
            grid.addWidget(QLabel(item.label), row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(hint, row, 2)
            grid.addWidget(note, row, 3)
            self.scores[item], self.notes[item] = spin, note
        grid.setColumnStretch(2, 2)
        grid.setColumnStretch(3, 2)
        use = QPushButton("ใช้คะแนนที่แนะนำในข้อที่ยังว่าง")
        use.clicked.connect(self.use_suggestions)
        self.error = ErrorLabel()
        buttons = _buttons(self)
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"ปีงบประมาณ {fiscal_year} ไตรมาส {quarter}"))
        layout.addLayout(grid)
        layout.addWidget(use)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def use_suggestions(self) -> None:
        for item, spin in self.scores.items():
            if spin.value() < 0:
                spin.setValue(self.suggestions[item].score)

    def save(self) -> None:
        self.checklist.scores = {
            item: (spin.value() if spin.value() >= 0 else None)
            for item, spin in self.scores.items()
        }
        self.checklist.notes = {item: edit.text().strip() for item, edit in self.notes.items()}
        try:
            self.service.save_checklist(self.checklist)
        except InputError as exc:
            self.error.show_error(exc.message)
            return
        self.saved = True
        self.accept()
