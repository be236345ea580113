"""กิจกรรม/อบรม: trainings, seminars and meetings, with attendance counted by role."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from asr_desktop.domain.errors import AsrError
from asr_desktop.domain.thai_dates import format_thai_date
from asr_desktop.domain.thai_words import with_word_breaks
from asr_desktop.domain.work import AttendeeRole, Event
from asr_desktop.services.certificates import CertificateHolder, certificate_holder
from asr_desktop.services.changes import Change
from asr_desktop.services.events import AttendeeRow, erased_words
from asr_desktop.ui import ask, document_actions
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.table_models import Column, RowsModel, SortProxy
from asr_desktop.ui.tasks import TaskRunner
from asr_desktop.ui.widgets import needs_selection

FOUND_STYLE = "color: #1b5e20;"
ERASED_STYLE = "color: #8a5300;"
NOT_FOUND_STYLE = "color: #b00020;"

EventDocument = Callable[[AppContext, TaskRunner, QWidget, int], None]
"""A document_actions function that prints something for one event."""


def _dates(e: Event) -> str:
    text = format_thai_date(e.start_date)
    if e.end_date and e.end_date != e.start_date:
        text += " – " + format_thai_date(e.end_date)
    return text


class EventsPage(QWidget):
    title = "กิจกรรม/อบรม"
    status_changed = Signal(str)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.store = context.office.events.store
        self._counts: dict[int, dict[AttendeeRole, int]] = {}
        columns: list[Column[Event]] = [
            Column("วันที่", _dates, lambda e: e.start_date),
            Column("ชื่อกิจกรรม", lambda e: e.title),
            Column("ประเภท", lambda e: e.kind.label),
            Column("ปีงบ", lambda e: str(e.fiscal_year or ""), lambda e: e.fiscal_year),
            Column("สถานที่", lambda e: e.venue),
        ]
        columns.extend(self._role_column(role) for role in AttendeeRole)
        self.model: RowsModel[Event] = RowsModel(columns)
        self.proxy = SortProxy()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.proxy.sort_remembered(self.table, "events", 0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        for column, width in enumerate((175, 310, 60, 50, 170)):
            self.table.setColumnWidth(column, width)
        for column in range(5, 5 + len(AttendeeRole)):
            self.table.setColumnWidth(column, 66)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._show_attendees)

        self.attendee_model: RowsModel[AttendeeRow] = RowsModel(
            [
                Column("ชื่อ-สกุล", lambda a: a.name),
                Column("บทบาท", lambda a: a.attendee.role.label),
                Column("การเข้าร่วม", lambda a: "มา" if a.attendee.attended else "ไม่มา"),
            ]
        )
        self.attendees = QTableView()
        self.attendees.setModel(self.attendee_model)
        self.attendees.verticalHeader().setVisible(False)
        self.attendees.setColumnWidth(0, 240)
        self.attendees.horizontalHeader().setStretchLastSection(True)
        self.attendee_label = QLabel("เลือกกิจกรรมเพื่อดูรายชื่อผู้เข้าร่วม")

        add = QPushButton("เพิ่มกิจกรรม")
        add.clicked.connect(self.new_record)
        edit = QPushButton("แก้ไข")
        edit.clicked.connect(self.edit_selected)
        delete = QPushButton("ลบ")
        delete.clicked.connect(self.delete_selected)
        signin = QPushButton("ใบลงชื่อ…")
        signin.setToolTip("พิมพ์ใบลงชื่อของกิจกรรมที่เลือก")
        signin.clicked.connect(lambda: self._document(document_actions.signin_sheet))
        certificates = QPushButton("เกียรติบัตร…")
        certificates.setToolTip("พิมพ์เกียรติบัตรให้ผู้ที่เข้าร่วมกิจกรรมที่เลือก")
        certificates.clicked.connect(lambda: self._document(document_actions.certificates))
        needs_selection(self.table, [edit, delete, signin, certificates], "กิจกรรม")
        self.runner = TaskRunner(self)
        heading = QLabel(self.title)
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        for button in (add, edit, delete, signin, certificates):
            top.addWidget(button)
        self.serial_search = QLineEdit()
        self.serial_search.setPlaceholderText("เลขที่เกียรติบัตร เช่น 47-0012-V00345")
        self.serial_search.setToolTip(
            "พิมพ์เลขที่ที่มุมล่างของเกียรติบัตร (มีคำว่า เลขที่ หรือเลขไทยก็ได้) แล้วกด Enter"
        )
        self.serial_search.setClearButtonEnabled(True)
        self.serial_search.setMinimumWidth(260)
        self.serial_search.returnPressed.connect(self.look_up_certificate)
        look_up = QPushButton("ตรวจเกียรติบัตร")
        look_up.setToolTip("ดูว่าเกียรติบัตรเลขที่นี้ออกให้ใคร ในกิจกรรมใด")
        look_up.clicked.connect(self.look_up_certificate)
        self.certificate_result = QLabel()
        self.certificate_result.setWordWrap(True)
        self.certificate_result.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.certificate_result.hide()
        search_row = QHBoxLayout()
        search_row.addWidget(QLabel("ตรวจเลขที่เกียรติบัตร:"))
        search_row.addWidget(self.serial_search)
        search_row.addWidget(look_up)
        search_row.addWidget(self.certificate_result, 1)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.attendee_label)
        lower_layout.addWidget(self.attendees, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setSizes([300, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(search_row)
        layout.addWidget(splitter, 1)
        context.on_change({Change.EVENTS}, self.reload)
        self.reload()

    def _role_column(self, role: AttendeeRole) -> Column[Event]:
        return Column(
            role.label,
            lambda e: str(self._role_count(e, role)),
            lambda e: self._role_count(e, role),
            align_right=True,
        )

    def _role_count(self, event: Event, role: AttendeeRole) -> int:
        assert event.id is not None
        if event.id not in self._counts:
            self._counts[event.id] = self.store.role_counts(event.id)
        return self._counts[event.id][role]

    def reload(self) -> None:
        self._counts.clear()
        events = self.store.all()
        self.model.set_rows(events)
        self.attendee_model.set_rows([])
        self.attendee_label.setText("เลือกกิจกรรมเพื่อดูรายชื่อผู้เข้าร่วม")
        self.certificate_result.hide()  # an edited or deleted event may have changed it
        self.status_changed.emit(f"แสดง {len(events):,} กิจกรรม")
        if events:
            self.table.selectRow(0)

    def selected_event(self) -> Event | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_object(self.proxy.mapToSource(rows[0]).row())

    def _show_attendees(self) -> None:
        event = self.selected_event()
        if event is None or event.id is None:
            return
        people = self.context.office.events.people(event.id)
        self.attendee_model.set_rows(people.rows)
        counts = self.store.role_counts(event.id)
        self.attendee_label.setText(
            f"ผู้เข้าร่วม {event.title}: มา {sum(counts.values())} คน ("
            + " · ".join(f"{r.label} {n}" for r, n in counts.items())
            + f") จากรายชื่อ {len(people.rows) + len(people.erased)} คน"
            + erased_words(len(people.erased))
        )

    def look_up_certificate(self) -> None:
        """Show whom the typed certificate serial was made out to, with its event selected
        and the person's row on the list (an erased person is valid but never named)."""
        try:
            holder = certificate_holder(self.context.office.db, self.serial_search.text())
        except AsrError as exc:
            self._show_certificate(exc.message, NOT_FOUND_STYLE)
            return
        self.select_event(holder.event.id)
        self._select_attendee(holder)
        self._show_certificate(holder.describe(), ERASED_STYLE if holder.erased else FOUND_STYLE)

    def _show_certificate(self, message: str, style: str) -> None:
        self.certificate_result.setStyleSheet(style)
        self.certificate_result.setText(with_word_breaks(message))
        self.certificate_result.show()

    def select_event(self, event_id: int | None) -> None:
        for row, event in enumerate(self.model.rows):
            if event.id == event_id:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                self.table.selectRow(index.row())
                self.table.scrollTo(index)
                return

    def _select_attendee(self, holder: CertificateHolder) -> None:
        self.attendees.clearSelection()
        for row, line in enumerate(self.attendee_model.rows):
            if line.attendee.id == holder.attendee.id:
                self.attendees.selectRow(row)
                self.attendees.scrollTo(self.attendee_model.index(row, 0))
                return

    def focus_search(self) -> None:
        self.serial_search.setFocus()
        self.serial_search.selectAll()

    def new_record(self) -> None:
        from asr_desktop.ui.event_dialog import EventDialog

        if EventDialog(self.context, None, self).exec():
            self.context.notify(Change.EVENTS)

    def _document(self, action: EventDocument) -> None:
        event = self.selected_event()
        if event is None or event.id is None:
            ask.inform(self, "พิมพ์เอกสาร", "กรุณาเลือกกิจกรรมก่อน")
            return
        action(self.context, self.runner, self, event.id)

    def edit_selected(self) -> None:
        from asr_desktop.ui.event_dialog import EventDialog

        event = self.selected_event()
        if event is not None and EventDialog(self.context, event, self).exec():
            self.context.notify(Change.EVENTS)

    def delete_selected(self) -> None:
        event = self.selected_event()
        if (
            event is not None
            and event.id is not None
            and ask.confirm(
                self, "ลบกิจกรรม", f"ลบ {event.title} พร้อมรายชื่อผู้เข้าร่วมหรือไม่", danger=True
            )
        ):
            self.store.delete(event.id)
            self.context.notify(Change.EVENTS)

    def refresh(self) -> None:
        self.reload()

    def page_shown(self) -> None:
        self.status_changed.emit(f"แสดง {self.model.rowCount():,} กิจกรรม")
