"""The detailed activity form: one piece of work with its agency, target group and reach."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from asr_desktop.domain import areas
from asr_desktop.domain.errors import InputError
from asr_desktop.domain.vocabulary import Agency
from asr_desktop.domain.work import Activity, CategoryKind
from asr_desktop.services.office import Office
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.pickers import VolunteerPicker
from asr_desktop.ui.screen_fit import fit_window
from asr_desktop.ui.widgets import EnterMovesOn, ErrorLabel, ThaiDateEdit, save_cancel_buttons


def agency_combo(*, blank: str | None = "— ไม่ระบุ —") -> QComboBox:
    combo = QComboBox()
    if blank is not None:
        combo.addItem(blank, "")
    for agency in Agency:
        combo.addItem(f"{agency.label} {agency.full_name}", agency.value)
    return combo


def category_combo(office: Office, kind: CategoryKind, *, blank: bool) -> QComboBox:
    combo = QComboBox()
    if blank:
        combo.addItem("— ไม่ระบุ —", None)
    for category in office.categories.all(kind):
        combo.addItem(category.label, category.id)
    return combo


class ActivityDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        activity: Activity | None = None,
        parent: QWidget | None = None,
        *,
        default_date: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.activity = activity
        self.saved_id: int | None = None
        self.setWindowTitle("บันทึกผลการปฏิบัติงาน" if activity is None else "แก้ไขผลการปฏิบัติงาน")
        fit_window(self, 640, key="activity-dialog")
        office = context.office
        self.volunteer = VolunteerPicker(context)
        self.volunteer.volunteer_changed.connect(self._volunteer_changed)
        self.error = ErrorLabel()
        self.date = ThaiDateEdit(self.error)
        self.date.set_value(default_date or context.today())
        self.tambon = QComboBox()
        for d_code, d_name in areas.districts(context.settings.province_code):
            for code, name in areas.subdistricts(d_code):
                self.tambon.addItem(f"{name} ({d_name})", code)
        self.moo = QLineEdit()
        self.moo.setMaximumWidth(80)
        self.duty = category_combo(office, CategoryKind.DUTY, blank=True)
        self.mission = category_combo(office, CategoryKind.MISSION, blank=False)
        self.agency = agency_combo()
        self.target = category_combo(office, CategoryKind.TARGET_GROUP, blank=True)
        self.male, self.female = QSpinBox(), QSpinBox()
        for spin in (self.male, self.female):
            spin.setRange(0, 100000)
        self.note = QLineEdit()

        form = QFormLayout()
        form.addRow("อาสาสมัคร", self.volunteer)
        form.addRow("วันที่", self.date)
        form.addRow("ตำบล", self.tambon)
        form.addRow("หมู่ที่", self.moo)
        form.addRow("หน้าที่", self.duty)
        form.addRow("ภารกิจ", self.mission)
        form.addRow("หน่วยงาน", self.agency)
        form.addRow("กลุ่มเป้าหมาย", self.target)
        form.addRow("ผู้รับบริการ ชาย (คน)", self.male)
        form.addRow("ผู้รับบริการ หญิง (คน)", self.female)
        form.addRow("หมายเหตุ", self.note)
        buttons = save_cancel_buttons(self.save, self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._enter = EnterMovesOn(self)
        for widget in (self.date, self.moo, self.note):
            widget.installEventFilter(self._enter)
        if activity is not None:
            self._load(activity)

    def _select(self, combo: QComboBox, value: object) -> None:
        combo.setCurrentIndex(max(combo.findData(value), 0))

    def _load(self, a: Activity) -> None:
        self.volunteer.set_volunteer(a.volunteer_id)
        self.date.set_value(a.date)
        self._select(self.tambon, a.subdistrict_code)
        self.moo.setText(a.moo)
        self._select(self.duty, a.duty_id)
        self._select(self.mission, a.mission_id)
        self._select(self.agency, a.agency)
        self._select(self.target, a.target_group_id)
        self.male.setValue(a.people_male)
        self.female.setValue(a.people_female)
        self.note.setText(a.note)

    def _volunteer_changed(self, volunteer_id: int | None) -> None:
        if volunteer_id is not None and self.activity is None:
            code = self.context.office.roster.store.get(volunteer_id).subdistrict_code
            self._select(self.tambon, code)

    def save(self) -> None:
        volunteer_id = self.volunteer.volunteer_id()
        try:
            if volunteer_id is None:
                raise InputError("กรุณาเลือกอาสาสมัคร", "volunteer")
            when = self.date.value()
            if when is None:
                raise InputError("กรุณากรอกวันที่", "date")
            activity = Activity(
                volunteer_id=volunteer_id,
                date=when,
                mission_id=self.mission.currentData(),
                duty_id=self.duty.currentData(),
                target_group_id=self.target.currentData(),
                agency=self.agency.currentData() or "",
                subdistrict_code=self.tambon.currentData() or "",
                moo=self.moo.text().strip(),
                people_male=self.male.value(),
                people_female=self.female.value(),
                note=self.note.text().strip(),
                id=self.activity.id if self.activity else None,
            )
            self.saved_id = self.context.office.activities.save(activity)
        except InputError as exc:
            self.error.show_error(exc.message)
            return
        self.accept()
