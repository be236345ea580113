"""An event with its attendees: volunteers and mentors picked from the lists, guests typed in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from asr_desktop.domain.errors import InputError
from asr_desktop.domain.work import Attendee, AttendeeRole, Event, EventKind
from asr_desktop.services.certificates import listed_serials
from asr_desktop.services.events import erased_words
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.pickers import VolunteerPicker
from asr_desktop.ui.screen_fit import fit_window, scrolling
from asr_desktop.ui.table_models import Column, RowsModel
from asr_desktop.ui.widgets import ErrorLabel, ThaiDateEdit, save_cancel_buttons


@dataclass(slots=True)
class AttendeeLine:
    attendee: Attendee
    name: str
    detail: str
    serial: str = ""
    """เลขที่เกียรติบัตร as printed, for a saved event's attendee (looked up here)."""


def role_summary(lines: Sequence[Attendee], erased: Sequence[Attendee] = ()) -> str:
    """'เข้าร่วม 42 คน (ลบข้อมูลแล้ว 1 คน): แกนนำ 12 · เครือข่าย 30 · …' for those who
    attended; ``erased`` are the erased volunteers on the list, counted but never shown."""
    counts = dict.fromkeys(AttendeeRole, 0)
    for a in [*lines, *erased]:
        if a.attended:
            counts[a.role] += 1
    total = sum(counts.values())
    gone = sum(1 for a in erased if a.attended)
    return f"เข้าร่วม {total} คน{erased_words(gone)}: " + " · ".join(
        f"{r.label} {n}" for r, n in counts.items()
    )


class EventDialog(QDialog):
    def __init__(
        self, context: AppContext, event: Event | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.record = event
        self.saved_id: int | None = None
        self.erased: list[Attendee] = []
        """Erased volunteers on the list: never shown, counted in the summary, kept on save."""
        self.service = context.office.events
        self.setWindowTitle("เพิ่มกิจกรรม/อบรม" if event is None else "แก้ไขกิจกรรม/อบรม")
        fit_window(self, 900, 720, key="event-dialog")
        self.error = ErrorLabel()
        self.title_edit = QLineEdit()
        self.kind = QComboBox()
        for kind in EventKind:
            self.kind.addItem(kind.label, kind.value)
        self.project = QLineEdit()
        self.start = ThaiDateEdit(self.error)
        self.start.set_value(context.today())
        self.end = ThaiDateEdit(self.error)
        self.venue = QLineEdit()
        self.organiser = QLineEdit(context.settings.office_name)
        self.topics = QPlainTextEdit()
        self.topics.setFixedHeight(54)
        form = QFormLayout()
        form.addRow("ชื่อกิจกรรม", self.title_edit)
        form.addRow("ประเภท", self.kind)
        form.addRow("โครงการ", self.project)
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(QLabel("ถึง"))
        dates.addWidget(self.end)
        form.addRow("วันที่", dates)
        form.addRow("สถานที่", self.venue)
        form.addRow("ผู้จัด", self.organiser)
        form.addRow("หัวข้อ", self.topics)

        self.lines: RowsModel[AttendeeLine] = RowsModel(
            [
                Column("ชื่อ-สกุล", lambda a: a.name),
                Column("บทบาท", lambda a: a.attendee.role.label),
                Column("หน่วยงาน/ตำแหน่ง", lambda a: a.detail),
                Column(
                    "การเข้าร่วม",
                    lambda a: "มา" if a.attendee.attended else "ไม่มา",
                    colour=lambda a: None if a.attendee.attended else "#b00020",
                ),
                Column("เลขที่เกียรติบัตร", lambda a: a.serial),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.lines)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setColumnWidth(0, 240)
        self.table.setColumnWidth(1, 100)
        self.table.setColumnWidth(2, 260)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel()

        self.volunteer = VolunteerPicker(context)
        add_volunteer = QPushButton("เพิ่มอาสาสมัคร")
        add_volunteer.clicked.connect(self.add_volunteer)
        self.mentor = QComboBox()
        for mentor in context.office.mentors.store.all(active_only=True):
            self.mentor.addItem(mentor.full_name, mentor.id)
        add_mentor = QPushButton("เพิ่มพี่เลี้ยง")
        add_mentor.clicked.connect(self.add_mentor)
        self.guest_name = QLineEdit()
        self.guest_name.setPlaceholderText("ชื่อ-สกุล")
        self.guest_org = QLineEdit()
        self.guest_org.setPlaceholderText("หน่วยงาน")
        self.guest_role = QComboBox()
        for role in (AttendeeRole.STAFF, AttendeeRole.OTHER):
            self.guest_role.addItem(role.label, role.value)
        add_guest = QPushButton("เพิ่มผู้เข้าร่วมอื่น")
        add_guest.clicked.connect(self.add_guest)
        toggle = QPushButton("สลับ มา/ไม่มา")
        toggle.clicked.connect(self.toggle_attended)
        remove = QPushButton("นำออก")
        remove.clicked.connect(self.remove_selected)

        people = QGroupBox("ผู้เข้าร่วม")
        row1, row2, row3, row4 = QHBoxLayout(), QHBoxLayout(), QHBoxLayout(), QHBoxLayout()
        row1.addWidget(self.volunteer, 1)
        row1.addWidget(add_volunteer)
        row2.addWidget(self.mentor, 1)
        row2.addWidget(add_mentor)
        row3.addWidget(self.guest_name, 2)
        row3.addWidget(self.guest_org, 2)
        row3.addWidget(self.guest_role)
        row3.addWidget(add_guest)
        row4.addWidget(self.summary, 1)
        row4.addWidget(toggle)
        row4.addWidget(remove)
        people_layout = QVBoxLayout(people)
        for row in (row1, row2, row3):
            people_layout.addLayout(row)
        people_layout.addWidget(self.table, 1)
        people_layout.addLayout(row4)

        buttons = save_cancel_buttons(self.save, self.reject)
        # The form and the attendees scroll together on a short screen; the buttons stay.
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(form)
        content_layout.addWidget(people, 1)
        self.table.setMinimumHeight(160)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(content), 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if event is not None:
            self._load(event)
        self._update_summary()

    def _load(self, e: Event) -> None:
        self.title_edit.setText(e.title)
        self.kind.setCurrentIndex(max(self.kind.findData(e.kind.value), 0))
        self.project.setText(e.project)
        self.start.set_value(e.start_date)
        self.end.set_value(e.end_date)
        self.venue.setText(e.venue)
        self.organiser.setText(e.organiser)
        self.topics.setPlainText(e.topics)
        assert e.id is not None
        people = self.service.people(e.id)
        self.erased = people.erased
        serials = listed_serials(self.context.office.db, e.id)
        self.lines.set_rows(
            [
                AttendeeLine(r.attendee, r.name, self._detail(r), serial)
                for r, serial in zip(people.rows, serials, strict=True)
            ]
        )

    def _detail(self, row: object) -> str:
        from asr_desktop.domain import areas

        detail = str(getattr(row, "detail", "") or "")
        if detail.isdigit() and len(detail) == 6:
            return "ต." + areas.subdistrict_name(detail)
        return detail

    def _add(self, line: AttendeeLine) -> None:
        a = line.attendee
        for existing in self.lines.rows:
            e = existing.attendee
            if (a.volunteer_id and e.volunteer_id == a.volunteer_id) or (
                a.mentor_id and e.mentor_id == a.mentor_id
            ):
                self.error.show_error(f"{line.name} อยู่ในรายชื่อแล้ว")
                return
        self.error.clear_error()
        self.lines.set_rows([*self.lines.rows, line])
        self._update_summary()

    def add_volunteer(self) -> None:
        volunteer_id = self.volunteer.volunteer_id()
        if volunteer_id is None:
            self.error.show_error("กรุณาค้นหาและเลือกอาสาสมัคร")
            return
        on = self.start.value() or self.context.today()
        attendee = self.service.volunteer_attendee(volunteer_id, on=on)
        name = self.volunteer.matches.currentText().split(" — ")[0]
        detail = self.volunteer.matches.currentText().partition(" — ")[2]
        self._add(AttendeeLine(attendee, name, detail))

    def add_mentor(self) -> None:
        mentor_id = self.mentor.currentData()
        if mentor_id is not None:
            attendee = Attendee(AttendeeRole.MENTOR, mentor_id=mentor_id)
            self._add(AttendeeLine(attendee, self.mentor.currentText(), "พี่เลี้ยง"))

    def add_guest(self) -> None:
        name = self.guest_name.text().strip()
        if not name:
            self.error.show_error("กรุณากรอกชื่อผู้เข้าร่วม")
            return
        attendee = Attendee(
            AttendeeRole(self.guest_role.currentData()),
            guest_name=name,
            guest_organisation=self.guest_org.text().strip(),
        )
        self._add(AttendeeLine(attendee, name, attendee.guest_organisation))
        self.guest_name.clear()
        self.guest_org.clear()

    def _selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def toggle_attended(self) -> None:
        rows = self.lines.rows
        for i in self._selected_rows():
            rows[i].attendee.attended = not rows[i].attendee.attended
        self.lines.set_rows(rows)
        self._update_summary()

    def remove_selected(self) -> None:
        drop = set(self._selected_rows())
        self.lines.set_rows([r for i, r in enumerate(self.lines.rows) if i not in drop])
        self._update_summary()

    def _update_summary(self) -> None:
        self.summary.setText(role_summary([line.attendee for line in self.lines.rows], self.erased))

    def _role_on(self, attendee: Attendee, day: date) -> Attendee:
        if attendee.volunteer_id is None:
            return attendee
        role = self.service.volunteer_attendee(attendee.volunteer_id, on=day).role
        return replace(attendee, role=role)

    def save(self) -> None:
        try:
            start = self.start.value()
            if start is None:
                raise InputError("กรุณากรอกวันที่เริ่ม", "start_date")
            event = Event(
                title=self.title_edit.text().strip(),
                start_date=start,
                kind=EventKind(self.kind.currentData()),
                end_date=self.end.value(),
                project=self.project.text().strip(),
                fiscal_year=None,
                venue=self.venue.text().strip(),
                organiser=self.organiser.text().strip(),
                topics=self.topics.toPlainText().strip(),
                note=self.record.note if self.record else "",
                id=self.record.id if self.record else None,
            )
            # The roles as at the first day saved, should it have changed since the adding.
            attendees = [self._role_on(line.attendee, start) for line in self.lines.rows]
            self.saved_id = self.service.save(event, attendees)
        except InputError as exc:
            self.error.show_error(exc.message)
            return
        self.accept()
