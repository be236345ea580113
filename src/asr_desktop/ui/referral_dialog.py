"""A referral (ชี้เป้า คัดกรอง ส่งต่อ): who was helped, the need, the agency and the outcome."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from asr_desktop.domain.errors import InputError
from asr_desktop.domain.phone import normalize_optional_phone
from asr_desktop.domain.vocabulary import Gender
from asr_desktop.domain.work import Referral, ReferralStatus
from asr_desktop.ui.activity_dialog import agency_combo
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.pickers import VolunteerPicker
from asr_desktop.ui.screen_fit import fit_window
from asr_desktop.ui.widgets import EnterMovesOn, ErrorLabel, ThaiDateEdit, save_cancel_buttons


class ReferralDialog(QDialog):
    def __init__(
        self, context: AppContext, referral: Referral | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.referral = referral
        self.saved_id: int | None = None
        self.setWindowTitle("บันทึกการส่งต่อ" if referral is None else "แก้ไขการส่งต่อ")
        fit_window(self, 620, key="referral-dialog")
        self.error = ErrorLabel()
        self.date = ThaiDateEdit(self.error)
        self.date.set_value(context.today())
        self.volunteer = VolunteerPicker(context)
        self.person_name = QLineEdit()
        self.person_phone = QLineEdit()
        self.gender = QComboBox()
        self.gender.addItem("— ไม่ระบุ —", None)
        for gender in Gender:
            self.gender.addItem(gender.label, gender.value)
        self.need = QLineEdit()
        self.agency = agency_combo(blank="— เลือกหน่วยงาน —")
        self.status = QComboBox()
        for status in ReferralStatus:
            self.status.addItem(status.label, status.value)
        self.outcome = QLineEdit()
        self.follow_up = ThaiDateEdit(self.error)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(60)
        form = QFormLayout()
        form.addRow("วันที่ส่งต่อ", self.date)
        form.addRow("อาสาสมัครผู้ชี้เป้า", self.volunteer)
        form.addRow("ชื่อ-สกุลผู้รับบริการ", self.person_name)
        form.addRow("โทรศัพท์", self.person_phone)
        form.addRow("เพศ", self.gender)
        form.addRow("ความต้องการ/ปัญหา", self.need)
        form.addRow("ส่งต่อหน่วยงาน", self.agency)
        form.addRow("สถานะ", self.status)
        form.addRow("ผลการส่งต่อ", self.outcome)
        form.addRow("วันนัดติดตาม", self.follow_up)
        form.addRow("หมายเหตุ", self.note)
        buttons = save_cancel_buttons(self.save, self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._enter = EnterMovesOn(self)
        for widget in (self.date, self.person_name, self.person_phone, self.need, self.outcome):
            widget.installEventFilter(self._enter)
        if referral is not None:
            self._load(referral)

    def _load(self, r: Referral) -> None:
        self.date.set_value(r.date)
        self.volunteer.set_volunteer(r.volunteer_id)
        self.person_name.setText(r.person_name)
        self.person_phone.setText(r.person_phone)
        self.gender.setCurrentIndex(max(self.gender.findData(r.person_gender), 0))
        self.need.setText(r.need)
        self.agency.setCurrentIndex(max(self.agency.findData(r.agency), 0))
        self.status.setCurrentIndex(max(self.status.findData(r.status.value), 0))
        self.outcome.setText(r.outcome)
        self.follow_up.set_value(r.follow_up_date)
        self.note.setPlainText(r.note)

    def save(self) -> None:
        try:
            when = self.date.value()
            if when is None:
                raise InputError("กรุณากรอกวันที่ส่งต่อ", "date")
            referral = Referral(
                date=when,
                person_name=self.person_name.text().strip(),
                agency=self.agency.currentData() or "",
                volunteer_id=self.volunteer.volunteer_id(),
                person_phone=normalize_optional_phone(self.person_phone.text()),
                person_gender=self.gender.currentData(),
                subdistrict_code=self.referral.subdistrict_code if self.referral else "",
                need=self.need.text().strip(),
                status=ReferralStatus(self.status.currentData()),
                outcome=self.outcome.text().strip(),
                follow_up_date=self.follow_up.value(),
                note=self.note.toPlainText().strip(),
                id=self.referral.id if self.referral else None,
            )
            service = self.context.office.referrals
            self.saved_id = service.save(referral)
        except InputError as exc:
            self.error.show_error(exc.message)
            return
        self.accept()
