"""Add or edit one volunteer: personal data, address, terms and status, other details.

Keyboard-first: Enter and Tab move on, Esc cancels (asking first if anything changed).
Each field is read with the domain's parsers; every problem is shown beside its field and
nothing is saved until the whole form is valid. A save is one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from asr_desktop.domain import areas
from asr_desktop.domain.errors import DuplicateError, InputError
from asr_desktop.domain.model import Term, Volunteer
from asr_desktop.domain.national_id import format_national_id, normalize_national_id
from asr_desktop.domain.phone import format_phone, normalize_optional_phone, normalize_phone
from asr_desktop.domain.status import scheduled_changes, status_at
from asr_desktop.domain.thai_dates import format_thai_date
from asr_desktop.domain.thai_digits import to_arabic_digits
from asr_desktop.domain.vocabulary import Gender, Status, StatusChange
from asr_desktop.domain.volunteer_fields import field_label
from asr_desktop.services.privacy import is_anonymised
from asr_desktop.services.roster import InvalidRecord
from asr_desktop.ui import ask
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.photo_box import PhotoBox
from asr_desktop.ui.screen_fit import fit_window, scrolling
from asr_desktop.ui.term_dialogs import StatusChangeDialog, TermDialog, TermForm
from asr_desktop.ui.title_field import TitleField
from asr_desktop.ui.volunteer_work_tab import VolunteerWorkTab
from asr_desktop.ui.widgets import AreaPicker, EnterMovesOn, ErrorLabel, ThaiDateEdit

T = TypeVar("T")

EDUCATION_LEVELS = (
    "ประถมศึกษา",
    "มัธยมศึกษาตอนต้น",
    "มัธยมศึกษาตอนปลาย/ปวช.",
    "อนุปริญญา/ปวส.",
    "ปริญญาตรี",
    "สูงกว่าปริญญาตรี",
)


_WAITING = "  [กำหนดการ ยังไม่ถึงวันที่มีผล]"


def _term_line(term: Term, today: date) -> str:
    """One term in the history; what waits for its day is marked as scheduled."""
    closes_early = term.last_day < term.end_date
    ended = f" (สิ้นสุดก่อนกำหนด {format_thai_date(term.last_day)})" if closes_early else ""
    waiting = term.start_date > today or (closes_early and term.last_day >= today)
    return (
        f"{term.tier.short_label} {term.batch}  {format_thai_date(term.start_date)} – "
        f"{format_thai_date(term.end_date)}{ended}"
        + (f"  คำสั่ง {term.order_no}" if term.order_no else "")
        + (f"  บัตร {term.card_no}" if term.card_no else "")
        + (_WAITING if waiting else "")
    )


class VolunteerDialog(QDialog):
    open_other = Signal(int)
    """Asks the roster to open another volunteer (the owner of a duplicate national ID)."""

    def __init__(
        self, context: AppContext, volunteer_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.service = context.office.roster
        self.volunteer_id = volunteer_id
        self.saved_id: int | None = None
        self.deleted = False
        self.errors: dict[str, ErrorLabel] = {}
        self._duplicate_id: int | None = None
        self._enter_filter = EnterMovesOn(self)
        self.setWindowTitle("เพิ่มอาสาสมัคร" if volunteer_id is None else "แก้ไขข้อมูลอาสาสมัคร")

        self.tabs = QTabWidget()
        self.tabs.addTab(scrolling(self._personal_tab()), "ข้อมูลบุคคล")
        self.tabs.addTab(scrolling(self._address_tab()), "ที่อยู่")
        self.tabs.addTab(scrolling(self._terms_tab()), "วาระและสถานะ")
        self.tabs.addTab(scrolling(self._other_tab()), "อื่น ๆ")
        if volunteer_id is not None:
            self.work_tab = VolunteerWorkTab(context, volunteer_id)
            self.work_tab.anonymised.connect(self._after_anonymised)
            self.tabs.addTab(self.work_tab, "ผลงานและประวัติ")

        self.save_button = QPushButton("บันทึก")
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        cancel = self.cancel_button = QPushButton("ยกเลิก")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        if volunteer_id is not None:
            delete = QPushButton("ลบรายการที่บันทึกผิด…")
            delete.setAutoDefault(False)
            delete.clicked.connect(self.delete_record)
            buttons.addWidget(delete)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addLayout(buttons)
        fit_window(self, 860, 640, key="volunteer-dialog")

        if volunteer_id is not None:
            self._load(volunteer_id)
        self._clean_state = self._state()
        if is_anonymised(self.national_id.text().replace("-", "")):
            self._make_read_only()
        for edit in self.findChildren(QLineEdit) + self.findChildren(QComboBox):
            edit.installEventFilter(self._enter_filter)
        self.national_id.setFocus()

    # -- building the tabs --------------------------------------------------------------

    def _row(self, form: QFormLayout, label: str, field: str, widget: QWidget) -> QWidget:
        error = ErrorLabel()
        self.errors[field] = error
        form.addRow(label, widget)
        form.addRow("", error)
        return widget

    def _personal_tab(self) -> QWidget:
        page = QWidget()
        columns = QHBoxLayout(page)
        form = QFormLayout()
        columns.addLayout(form, 1)
        self.photo = PhotoBox()
        columns.addWidget(self.photo)
        self.national_id = QLineEdit()
        self.national_id.setPlaceholderText("13 หลัก เช่น 1-4799-00123-45-6")
        self.national_id.editingFinished.connect(self._check_national_id)
        id_row = QHBoxLayout()
        id_row.addWidget(self.national_id, 1)
        self.open_duplicate = QPushButton("เปิดรายการนั้น")
        self.open_duplicate.setAutoDefault(False)
        self.open_duplicate.hide()
        self.open_duplicate.clicked.connect(self._open_duplicate)
        id_row.addWidget(self.open_duplicate)
        id_widget = QWidget()
        id_widget.setLayout(id_row)
        id_row.setContentsMargins(0, 0, 0, 0)
        self._row(form, field_label("national_id") + " *", "national_id", id_widget)
        self.title = TitleField()
        self._row(form, field_label("title"), "title", self.title)
        form.addRow("", self.title.note)
        self.first_name = QLineEdit()
        self._row(form, field_label("first_name") + " *", "first_name", self.first_name)
        self.last_name = QLineEdit()
        self._row(form, field_label("last_name") + " *", "last_name", self.last_name)
        self.gender = QComboBox()
        self.gender.addItem("— ไม่ระบุ —", None)
        for gender in Gender:
            self.gender.addItem(gender.label, gender.value)
        self.title.title_changed.connect(self._guess_gender)
        self._row(form, field_label("gender"), "gender", self.gender)
        self.birth_date = ThaiDateEdit()
        self._row(form, field_label("birth_date"), "birth_date", self.birth_date)
        self.birth_date.error_label = self.errors["birth_date"]
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("เช่น 081-234-5678")
        self.phone.editingFinished.connect(self._tidy_phone)
        self._row(form, field_label("phone"), "phone", self.phone)
        self.line_id = QLineEdit()
        self._row(form, field_label("line_id"), "line_id", self.line_id)
        self.mentor = QComboBox()
        self.mentor.addItem("— ยังไม่มีพี่เลี้ยง —", None)
        for mentor in self.context.office.mentors.store.all():
            label = mentor.full_name + ("" if mentor.active else " (ไม่ปฏิบัติงานแล้ว)")
            self.mentor.addItem(label, mentor.id)
        self._row(form, "พี่เลี้ยง", "mentor_id", self.mentor)
        return page

    def _address_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.house_no = QLineEdit()
        self._row(form, field_label("house_no"), "house_no", self.house_no)
        self.moo = QLineEdit()
        self.moo.setMaximumWidth(80)
        self._row(form, field_label("moo"), "moo", self.moo)
        self.village = QLineEdit()
        self._row(form, field_label("village"), "village", self.village)
        self.soi = QLineEdit()
        self._row(form, field_label("soi"), "soi", self.soi)
        self.road = QLineEdit()
        self._row(form, field_label("road"), "road", self.road)
        self.area = AreaPicker(self.context.settings.province_code)
        self.area.subdistrict_changed.connect(self._fill_postcode)
        self._row(form, "พื้นที่ *", "subdistrict_code", self.area)
        self.postcode = QLineEdit()
        self.postcode.setMaximumWidth(100)
        self._row(form, field_label("postcode"), "postcode", self.postcode)
        return page

    def _terms_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.status_label = QLabel()
        self.status_label.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.status_label)
        if self.volunteer_id is None:
            group = QGroupBox("แต่งตั้งพร้อมบันทึก (เว้นว่างได้ถ้ายังเป็นผู้สมัคร)")
            group_layout = QVBoxLayout(group)
            self.first_term = TermForm(self.context.settings.term_years)
            self.area.subdistrict_changed.connect(self.first_term.set_home_subdistrict)
            group_layout.addWidget(self.first_term)
            layout.addWidget(group)
            self.status_label.setText(f"สถานะ: {Status.CANDIDATE.label}")
            return page
        self.terms_list = QListWidget()
        self.events_list = QListWidget()
        term_buttons = QHBoxLayout()
        for text, slot in (
            ("เพิ่มวาระ…", self.add_term),
            ("แก้ไขวาระ…", self.edit_term),
        ):
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            term_buttons.addWidget(button)
        term_buttons.addStretch(1)
        status_buttons = QHBoxLayout()
        for change in (StatusChange.SUSPENDED, StatusChange.REINSTATED, StatusChange.EXITED):
            button = QPushButton(f"บันทึก{change.label}…")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, c=change: self.change_status(c))
            status_buttons.addWidget(button)
        status_buttons.addStretch(1)
        layout.addWidget(QLabel("วาระการดำรงตำแหน่ง"))
        layout.addWidget(self.terms_list, 2)
        layout.addLayout(term_buttons)
        layout.addWidget(QLabel("ประวัติสถานะ"))
        layout.addWidget(self.events_list, 1)
        layout.addLayout(status_buttons)
        return page

    def _other_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.education = QComboBox()
        self.education.setEditable(True)
        self.education.addItems(("", *EDUCATION_LEVELS))
        self._row(form, field_label("education"), "education", self.education)
        self.occupation = QLineEdit()
        self._row(form, field_label("occupation"), "occupation", self.occupation)
        self.other_roles = QLineEdit()
        self.other_roles.setPlaceholderText("เช่น อสม., อพม.")
        self._row(form, field_label("other_roles"), "other_roles", self.other_roles)
        self.pdpa_consent = ThaiDateEdit()
        self._row(form, field_label("pdpa_consent_date"), "pdpa_consent_date", self.pdpa_consent)
        self.pdpa_consent.error_label = self.errors["pdpa_consent_date"]
        self.pdpa_purpose = QLineEdit()
        self.pdpa_purpose.setPlaceholderText("เช่น การบริหารงานอาสาสมัครแรงงานและรายงานต่อกระทรวง")
        self._row(form, field_label("pdpa_purpose"), "pdpa_purpose", self.pdpa_purpose)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(90)
        self._row(form, field_label("notes"), "notes", self.notes)
        return page

    # -- loading ------------------------------------------------------------------------

    def _load(self, volunteer_id: int) -> None:
        v = self.service.store.get(volunteer_id)
        self.national_id.setText(format_national_id(v.national_id))
        self.title.set_title(v.title)
        self.first_name.setText(v.first_name)
        self.last_name.setText(v.last_name)
        self.gender.setCurrentIndex(
            max(self.gender.findData(v.gender.value if v.gender else None), 0)
        )
        self.birth_date.set_value(v.birth_date)
        self.phone.setText(format_phone(v.phone) if v.phone else "")
        self.line_id.setText(v.line_id)
        self.mentor.setCurrentIndex(max(self.mentor.findData(v.mentor_id), 0))
        self.house_no.setText(v.house_no)
        self.moo.setText(v.moo)
        self.village.setText(v.village)
        self.soi.setText(v.soi)
        self.road.setText(v.road)
        self.area.set_subdistrict_code(v.subdistrict_code)
        self.postcode.setText(v.postcode)
        self.education.setCurrentText(v.education)
        self.occupation.setText(v.occupation)
        self.other_roles.setText(v.other_roles)
        self.pdpa_consent.set_value(v.pdpa_consent_date)
        self.pdpa_purpose.setText(v.pdpa_purpose)
        self.notes.setPlainText(v.notes)
        stored = self.context.office.roster.photo(volunteer_id)
        self.photo.show_image(stored[0] if stored else None)
        self._show_history()

    def _show_history(self) -> None:
        assert self.volunteer_id is not None
        terms = self.service.store.terms(self.volunteer_id)
        events = self.service.store.events(self.volunteer_id)
        self._terms = terms
        today = self.context.today()
        self.terms_list.clear()
        for term in reversed(terms):
            self.terms_list.addItem(_term_line(term, today))
        self.events_list.clear()
        for event in reversed(events):
            reason = f" — {event.reason.label}" if event.reason else ""
            reference = f" ({event.reference})" if event.reference else ""
            self.events_list.addItem(
                f"{format_thai_date(event.date)}  {event.change.label}{reason}{reference}"
                + (_WAITING if event.date > today else "")
            )
        status = status_at(terms, events, today)
        text = f"สถานะปัจจุบัน: {status.label}"
        scheduled = scheduled_changes(terms, events, today)
        if scheduled:
            text += " · " + " · ".join(change.text() for change in scheduled)
        self.status_label.setText(text)

    # -- live checks --------------------------------------------------------------------

    def _check_national_id(self) -> None:
        error = self.errors["national_id"]
        self._duplicate_id = None
        self.open_duplicate.hide()
        text = self.national_id.text().strip()
        if not text:
            error.clear_error()
            return
        try:
            national_id = normalize_national_id(text)
        except InputError as exc:
            error.show_error(exc.message)
            return
        self.national_id.setText(format_national_id(national_id))
        existing = self.service.store.id_by_national_id(national_id)
        if existing is not None and existing != self.volunteer_id:
            other = self.service.store.get(existing)
            error.show_error(f"เลขนี้มีอยู่ในทะเบียนแล้ว: {other.full_name}")
            self._duplicate_id = existing
            self.open_duplicate.show()
        else:
            error.clear_error()

    def _open_duplicate(self) -> None:
        if self._duplicate_id is not None:
            self.open_other.emit(self._duplicate_id)
            self._clean_state = self._state()  # leaving on purpose: no "discard?" question
            super().reject()

    def _tidy_phone(self) -> None:
        text = self.phone.text().strip()
        if not text:
            self.errors["phone"].clear_error()
            return
        try:
            self.phone.setText(format_phone(normalize_phone(text)))
            self.errors["phone"].clear_error()
        except InputError as exc:
            self.errors["phone"].show_error(exc.message)

    def _guess_gender(self, _title: str) -> None:
        if self.gender.currentData() is not None:
            return
        gender = self.title.gender()
        if gender is not None:
            self.gender.setCurrentIndex(self.gender.findData(gender.value))

    def _fill_postcode(self, subdistrict_code: str) -> None:
        codes = areas.postcodes(subdistrict_code)
        if codes and self.postcode.text().strip() not in codes:
            self.postcode.setText(codes[0])

    # -- reading the form ---------------------------------------------------------------

    def read_form(self) -> tuple[Volunteer, dict[str, str]]:
        """The volunteer as typed, and the problems found, by field."""
        problems: dict[str, str] = {}

        def parse(field: str, fn: Callable[[str], T], text: str) -> T | None:
            try:
                return fn(text)
            except InputError as exc:
                problems[field] = exc.message
                return None

        national_id = parse("national_id", normalize_national_id, self.national_id.text()) or ""
        if not self.national_id.text().strip():
            problems["national_id"] = "กรุณากรอกเลขประจำตัวประชาชน"
        phone = parse("phone", normalize_optional_phone, self.phone.text()) or ""
        birth = parse("birth_date", lambda _: self.birth_date.value(), "")
        consent = parse("pdpa_consent_date", lambda _: self.pdpa_consent.value(), "")
        gender = self.gender.currentData()
        volunteer = Volunteer(
            id=self.volunteer_id,
            national_id=national_id,
            title=self.title.title(),
            first_name=self.first_name.text().strip(),
            last_name=self.last_name.text().strip(),
            gender=Gender(gender) if gender else None,
            birth_date=birth,
            phone=phone,
            line_id=self.line_id.text().strip(),
            house_no=to_arabic_digits(self.house_no.text().strip()),
            moo=to_arabic_digits(self.moo.text().strip()),
            village=self.village.text().strip(),
            soi=self.soi.text().strip(),
            road=self.road.text().strip(),
            subdistrict_code=self.area.subdistrict_code(),
            postcode=to_arabic_digits(self.postcode.text().strip()),
            education=self.education.currentText().strip(),
            occupation=self.occupation.text().strip(),
            other_roles=self.other_roles.text().strip(),
            pdpa_consent_date=consent,
            pdpa_purpose=self.pdpa_purpose.text().strip(),
            mentor_id=self.mentor.currentData(),
            notes=self.notes.toPlainText().strip(),
        )
        from asr_desktop.domain.validation import volunteer_problems

        for problem in volunteer_problems(volunteer, today=self.context.today()):
            problems.setdefault(problem.field, problem.message)
        return volunteer, problems

    def _show_problems(self, problems: dict[str, str]) -> None:
        for field, label in self.errors.items():
            label.show_error(problems.get(field, ""))
        # A tab with a problem on it is marked, so problems on hidden tabs are not missed.
        bar = self.tabs.tabBar()
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            bad = any(
                field in problems and page is not None and page.isAncestorOf(label)
                for field, label in self.errors.items()
            )
            bar.setTabTextColor(index, QColor("#b00020") if bad else QColor())
        if "national_id" not in problems and self._duplicate_id is None:
            self.open_duplicate.hide()

    # -- actions ------------------------------------------------------------------------

    def save(self) -> None:
        volunteer, problems = self.read_form()
        first_term = None
        if self.volunteer_id is None and not self.first_term.is_blank():
            try:
                first_term = self.first_term.value(volunteer_id=0)
            except InputError as exc:
                problems["first_term"] = exc.message
        self._show_problems(problems)
        if problems:
            self._focus_first_problem(problems)
            return
        try:
            if self.volunteer_id is None:
                self.saved_id = self.service.register(
                    volunteer, first_term=first_term, photo=self.photo.change
                )
            else:
                self.service.save(volunteer, photo=self.photo.change)
                self.saved_id = self.volunteer_id
        except DuplicateError as exc:
            self._duplicate_id = exc.existing_id
            self.open_duplicate.show()
            self._show_problems({"national_id": exc.message})
            self.tabs.setCurrentIndex(0)
            return
        except InvalidRecord as exc:
            self._show_problems({p.field: p.message for p in exc.problems})
            self._focus_first_problem({p.field: p.message for p in exc.problems})
            return
        self._clean_state = self._state()
        self.accept()

    def _focus_first_problem(self, problems: dict[str, str]) -> None:
        if "first_term" in problems:
            self.tabs.setCurrentIndex(2)
            ask.warn(self, self.windowTitle(), problems["first_term"])
            return
        for field, label in self.errors.items():
            if field in problems:
                page = label.parentWidget()
                while page is not None and self.tabs.indexOf(page) < 0:
                    page = page.parentWidget()
                if page is not None:
                    self.tabs.setCurrentWidget(page)
                return

    def add_term(self) -> None:
        self._edit_term(None)

    def edit_term(self) -> None:
        row = self.terms_list.currentRow()
        if row < 0:
            ask.inform(self, "แก้ไขวาระ", "กรุณาเลือกวาระที่จะแก้ไข")
            return
        self._edit_term(list(reversed(self._terms))[row])

    def _edit_term(self, term: Term | None) -> None:
        assert self.volunteer_id is not None
        dialog = TermDialog(self.volunteer_id, self.context.settings.term_years, term, self)
        dialog.form.set_home_subdistrict(self.area.subdistrict_code())
        if dialog.exec() and dialog.result_term is not None:
            try:
                self.service.save_term(dialog.result_term)
            except InvalidRecord as exc:
                ask.warn(self, "บันทึกวาระ", exc.message)
                return
            self.saved_id = self.volunteer_id
            self._show_history()

    def change_status(self, change: StatusChange) -> None:
        assert self.volunteer_id is not None
        dialog = StatusChangeDialog(change, self.context.today(), self)
        if not dialog.exec() or dialog.date_value is None:
            return
        on: date = dialog.date_value
        reference, note = dialog.reference.text().strip(), dialog.note.text().strip()
        if change is StatusChange.EXITED:
            reason = dialog.exit_reason
            assert reason is not None
            self.service.record_exit(
                self.volunteer_id, on=on, reason=reason, reference=reference, note=note
            )
        elif change is StatusChange.SUSPENDED:
            self.service.suspend(self.volunteer_id, on=on, reference=reference, note=note)
        else:
            self.service.reinstate(self.volunteer_id, on=on, reference=reference, note=note)
        self.saved_id = self.volunteer_id
        self._show_history()

    def delete_record(self) -> None:
        assert self.volunteer_id is not None
        if not ask.confirm(
            self,
            "ลบรายการ",
            "ลบรายการนี้ออกจากทะเบียนถาวร?\n\nใช้เฉพาะรายการที่บันทึกผิดเท่านั้น "
            'หากอาสาสมัครลาออกหรือพ้นสภาพ ให้ใช้ "บันทึกพ้นสภาพ" ในแท็บวาระและสถานะแทน',
            danger=True,
        ):
            return
        self.service.delete(self.volunteer_id)
        self.deleted = True
        self._clean_state = self._state()
        self.accept()

    def _after_anonymised(self) -> None:
        self.saved_id = self.volunteer_id
        self._clean_state = self._state()
        ask.inform(
            self,
            "ลบข้อมูลระบุตัวตนแล้ว",
            "ลบชื่อ เลขประจำตัวประชาชน วันเกิด ที่อยู่ โทรศัพท์ และรูปถ่ายของอาสาสมัครรายนี้แล้ว "
            "และจะไม่ปรากฏในรายชื่อ บัตร ใบลงชื่อ หรือเกียรติบัตรอีก\n\n"
            "จำนวนในรายงานของช่วงเวลาที่ผ่านมายังนับรวมไว้โดยไม่มีชื่อ",
        )
        self.accept()

    def _make_read_only(self) -> None:
        """An anonymised record keeps its counts for old reports but can no longer be edited:
        no field takes input and no button changes it (only closing, the history and the
        export stay)."""
        for edit in self.findChildren(QLineEdit):
            edit.setReadOnly(True)
        self.notes.setReadOnly(True)
        for combo in self.findChildren(QComboBox):
            combo.setEnabled(False)
        self.photo.setEnabled(False)
        still = {self.cancel_button, *self.work_tab.read_only_buttons}
        for button in self.findChildren(QPushButton):
            button.setEnabled(button in still)
        self.cancel_button.setText("ปิด")
        self.setWindowTitle("ข้อมูลอาสาสมัคร (ลบข้อมูลระบุตัวตนแล้ว)")

    # -- leaving ------------------------------------------------------------------------

    def _state(self) -> tuple[str, ...]:
        """Every field's value, field by field. The fields are listed once: Qt reorders a
        dialog's children when a tab is first shown, so asking for them again would pair
        one field's old value with another's new one (a false "unsaved changes")."""
        if not hasattr(self, "_fields"):
            self._fields = (
                list(self.findChildren(QLineEdit)),
                list(self.findChildren(QComboBox)),
            )
        edits, combos = self._fields
        texts = [w.text() for w in edits]
        texts += [w.currentText() for w in combos]
        texts.append(self.notes.toPlainText())
        texts.append("photo changed" if self.photo.change is not None else "")
        return tuple(texts)

    def has_changes(self) -> bool:
        return self._state() != self._clean_state

    def reject(self) -> None:
        if self.has_changes() and not ask.confirm(
            self, "ยกเลิกการแก้ไข", "ข้อมูลที่แก้ไขยังไม่ได้บันทึก ต้องการปิดโดยไม่บันทึกหรือไม่?"
        ):
            return
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter must never save by accident; Save is a deliberate click or Ctrl+S.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.save()
            return
        if event.key() == Qt.Key.Key_S and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.save()
            return
        super().keyPressEvent(event)
