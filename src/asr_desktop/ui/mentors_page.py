"""พี่เลี้ยง: mentors, their volunteers and load, and the quarterly 3อ 2ส 1ร summary."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from asr_desktop.domain import areas
from asr_desktop.domain.model import Mentor
from asr_desktop.domain.thai_dates import fiscal_quarter, fiscal_year
from asr_desktop.domain.vocabulary import Agency
from asr_desktop.domain.work import ChecklistItem
from asr_desktop.services.changes import Change
from asr_desktop.services.mentors import AttentionRow, MentorLoad
from asr_desktop.ui import ask
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.table_models import Column, RowsModel, SortProxy, fit_header_titles
from asr_desktop.ui.volunteer_list import VolunteerIdsModel
from asr_desktop.ui.widgets import needs_selection


def _score(row: AttentionRow, item: ChecklistItem) -> str:
    value = row.checklist.scores.get(item) if row.checklist else None
    return "–" if value is None else str(value)


def _score_column(item: ChecklistItem) -> Column[AttentionRow]:
    return Column(item.label, lambda r: _score(r, item), align_right=True)


class MentorsPage(QWidget):
    title = "พี่เลี้ยง"
    status_changed = Signal(str)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.service = context.office.mentors

        self.model: RowsModel[MentorLoad] = RowsModel(
            [
                Column(
                    "ชื่อ-สกุล",
                    lambda m: m.mentor.full_name,
                    lambda m: f"{m.mentor.first_name} {m.mentor.last_name}",  # not by title
                ),
                Column(
                    "หน่วยงาน", lambda m: Agency(m.mentor.agency).label if m.mentor.agency else ""
                ),
                Column("ตำแหน่ง", lambda m: m.mentor.position),
                Column(
                    "ดูแลที่ปฏิบัติหน้าที่ (คน)",
                    lambda m: f"{m.active_volunteers:,}",
                    lambda m: m.active_volunteers,
                    align_right=True,
                ),
                Column("สถานะ", lambda m: "ปฏิบัติงาน" if m.mentor.active else "ไม่ปฏิบัติงาน"),
            ]
        )
        self.proxy = SortProxy()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.proxy.sort_remembered(self.table, "mentors")  # ก→ฮ by name
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        for column, width in enumerate((200, 70, 230, 80)):
            self.table.setColumnWidth(column, width)
        fit_header_titles(self.table)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self._mentors_shown = 0  # how many times show_mentor() read a mentor's volunteers
        self.table.selectionModel().selectionChanged.connect(self.show_mentor)

        self.volunteers = QTableView()
        self.volunteers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.volunteers.verticalHeader().setVisible(False)
        self.volunteer_model: VolunteerIdsModel | None = None

        self.quarter = QComboBox()
        self._fill_quarters()
        self.quarter.currentIndexChanged.connect(self.show_summary)
        self.summary_model: RowsModel[AttentionRow] = RowsModel(
            [
                Column("ชื่อ-สกุล", lambda r: r.name),
                Column("ตำบล", lambda r: areas.subdistrict_name(r.subdistrict_code)),
                *[_score_column(item) for item in ChecklistItem],
                Column(
                    "รวม",
                    lambda r: str(r.checklist.total) if r.checklist else "–",
                    lambda r: r.checklist.total if r.checklist else -1,
                    align_right=True,
                ),
                Column(
                    "ควรติดตาม",
                    lambda r: "; ".join(r.reasons),
                    lambda r: -len(r.reasons),
                    colour=lambda r: "#b00020" if r.reasons else None,
                ),
            ]
        )
        self.summary_proxy = SortProxy()
        self.summary_proxy.setSourceModel(self.summary_model)
        self.summary = QTableView()
        self.summary.setModel(self.summary_proxy)
        self.summary.setSortingEnabled(True)
        self.summary.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.summary.verticalHeader().setVisible(False)
        self.summary.setColumnWidth(0, 200)
        self.summary.setColumnWidth(1, 100)
        for column in range(2, 9):
            self.summary.setColumnWidth(column, 62)
        self.summary.horizontalHeader().setStretchLastSection(True)
        self.summary.sortByColumn(9, Qt.SortOrder.AscendingOrder)  # who needs attention first
        self.summary.doubleClicked.connect(lambda _: self.open_checklist())
        self.summary_label = QLabel()

        self.tabs = QTabWidget()
        self.tabs.addTab(self.volunteers, "อาสาสมัครที่มอบหมายให้ดูแล (ทุกสถานะ)")
        checklist_tab = QWidget()
        checklist_top = QHBoxLayout()
        checklist_top.addWidget(QLabel("ไตรมาส"))
        checklist_top.addWidget(self.quarter)
        open_button = QPushButton("ประเมิน…")
        open_button.clicked.connect(self.open_checklist)
        checklist_top.addWidget(open_button)
        needs_selection(self.summary, [open_button], "อาสาสมัคร")
        checklist_top.addWidget(self.summary_label, 1)
        checklist_layout = QVBoxLayout(checklist_tab)
        checklist_layout.addLayout(checklist_top)
        checklist_layout.addWidget(self.summary, 1)
        self.tabs.addTab(checklist_tab, "แบบประเมิน 3อ 2ส 1ร")
        self.tabs.currentChanged.connect(lambda _: self.show_mentor())

        buttons = QHBoxLayout()
        for_mentor: list[QAbstractButton] = []
        for text, slot in (
            ("เพิ่มพี่เลี้ยง", self.new_record),
            ("แก้ไข", self.edit_selected),
            ("มอบหมายทั้งอำเภอ…", self.assign_district),
            ("มอบหมายรายชื่อที่เลือกในทะเบียน", self.assign_roster_selection),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            if slot != self.new_record:
                for_mentor.append(button)
        needs_selection(self.table, for_mentor, "พี่เลี้ยง")
        buttons.addStretch(1)
        heading = QLabel("พี่เลี้ยงอาสาสมัครแรงงาน")
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.mentor_label = QLabel()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.mentor_label)
        right_layout.addWidget(self.tabs, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([260, 440])
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        context.changed.connect(self._on_changed)
        # No load here: page_shown() loads each time the page comes to the front, so a
        # load at build time would be read twice.

    def _fill_quarters(self) -> None:
        today = self.context.today()
        fy, q = fiscal_year(today), fiscal_quarter(today)
        for _ in range(8):
            self.quarter.addItem(f"ปีงบประมาณ {fy} ไตรมาส {q}", (fy, q))
            fy, q = (fy - 1, 4) if q == 1 else (fy, q - 1)

    # -- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        selected = self.selected_mentor()
        loads = self.service.loads()
        self.model.set_rows(loads)
        shown_before = self._mentors_shown
        if selected is not None and selected.id is not None:
            self.select_mentor(selected.id)
        elif loads:
            self.table.selectRow(0)
        # The volunteers shown are read again too (unless selecting the row just did): the
        # same mentor row staying selected sends no selection signal, and after a restore
        # their ids mean other people.
        if self.selected_mentor() is not None:
            if self._mentors_shown == shown_before:
                self.show_mentor()
        else:
            self.volunteer_model = VolunteerIdsModel(self.context, [])
            self.volunteers.setModel(self.volunteer_model)
            self.mentor_label.setText("")
        unassigned = self.context.office.roster.count_without_mentor()
        self.status_changed.emit(f"พี่เลี้ยง {len(loads):,} คน · อาสาสมัครที่ยังไม่มีพี่เลี้ยง {unassigned:,} คน")

    def select_mentor(self, mentor_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            load = self.model.row_object(self.proxy.source_row(row))
            if load.mentor.id == mentor_id:
                self.table.selectRow(row)
                return

    def selected_mentor(self) -> Mentor | None:
        load = self.selected_load()
        return load.mentor if load is not None else None

    def selected_load(self) -> MentorLoad | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_object(self.proxy.mapToSource(rows[0]).row())

    def show_mentor(self) -> None:
        mentor = self.selected_mentor()
        if mentor is None or mentor.id is None:
            return
        self._mentors_shown += 1
        ids = self.service.volunteers_of(mentor.id)
        self.volunteer_model = VolunteerIdsModel(self.context, ids)
        self.volunteers.setModel(self.volunteer_model)
        for column, width in enumerate((220, 120, 120, 80, 110, 110)):
            self.volunteers.setColumnWidth(column, width)
        agency = Agency(mentor.agency).full_name if mentor.agency else ""
        load = self.selected_load()
        serving = load.active_volunteers if load is not None else 0
        # Two different counts, each named for what it counts (the table shows the first).
        self.mentor_label.setText(
            f"{mentor.full_name} · {mentor.position} {agency} · "
            f"ปฏิบัติหน้าที่อยู่ {serving:,} คน จากอาสาสมัครที่มอบหมายให้ดูแลทั้งหมด {len(ids):,} คน"
        )
        if self.tabs.currentIndex() == 1:
            self.show_summary()

    def show_summary(self) -> None:
        mentor = self.selected_mentor()
        if mentor is None or mentor.id is None:
            return
        fy, q = self.quarter.currentData()
        rows = self.service.summary(mentor.id, fy, q)
        self.summary_model.set_rows(rows)
        attention = sum(1 for r in rows if r.needs_attention)
        assessed = sum(1 for r in rows if r.checklist and r.checklist.complete)
        self.summary_label.setText(
            f"ประเมินแล้ว {assessed} จาก {len(rows)} คน · ควรติดตาม {attention} คน"
        )

    # -- actions ----------------------------------------------------------------------

    def new_record(self) -> None:
        from asr_desktop.ui.mentor_dialogs import MentorDialog

        dialog = MentorDialog(self.context, None, self)
        if dialog.exec():
            self.context.notify(Change.MENTORS)
            if dialog.saved_id is not None:
                self.select_mentor(dialog.saved_id)

    def edit_selected(self) -> None:
        from asr_desktop.ui.mentor_dialogs import MentorDialog

        mentor = self.selected_mentor()
        if mentor is not None and MentorDialog(self.context, mentor, self).exec():
            self.context.notify(Change.MENTORS)

    def assign_district(self) -> None:
        from asr_desktop.ui.mentor_dialogs import AssignDistrictDialog

        mentor = self.selected_mentor()
        if mentor is None:
            ask.inform(self, "มอบหมาย", "กรุณาเลือกพี่เลี้ยงก่อน")
            return
        dialog = AssignDistrictDialog(self.context, mentor, self)
        if dialog.exec():
            ask.inform(self, "มอบหมาย", f"มอบหมายอาสาสมัคร {dialog.assigned:,} คนแล้ว")
            self.context.notify(Change.MENTORS)

    def roster_selection(self) -> list[int]:
        """The volunteers selected in the roster page."""
        return self.context.roster_selection()

    def assign_roster_selection(self) -> None:
        mentor = self.selected_mentor()
        ids = self.roster_selection()
        if mentor is None or not ids:
            ask.inform(
                self,
                "มอบหมาย",
                "เลือกพี่เลี้ยงที่นี่ และเลือกรายชื่อในหน้าทะเบียน อสร. ก่อน (กด Ctrl หรือ Shift ค้างเพื่อเลือกหลายคน)",
            )
            return
        if ask.confirm(
            self, "มอบหมาย", f"มอบหมายอาสาสมัคร {len(ids):,} คนให้ {mentor.full_name} หรือไม่"
        ):
            self.service.assign(ids, mentor.id)
            self.context.notify(Change.MENTORS)

    def open_checklist(self) -> None:
        from asr_desktop.ui.mentor_dialogs import ChecklistDialog

        rows = self.summary.selectionModel().selectedRows()
        if not rows:
            return
        row = self.summary_model.row_object(self.summary_proxy.mapToSource(rows[0]).row())
        fy, q = self.quarter.currentData()
        dialog = ChecklistDialog(self.context, row.volunteer_id, fy, q, row.name, self)
        if dialog.exec():
            self.show_summary()

    # -- page interface ---------------------------------------------------------------

    def refresh(self) -> None:
        self.reload()

    def page_shown(self) -> None:
        self.reload()

    def _on_changed(self, changes: frozenset[Change]) -> None:
        if changes & {
            Change.MENTORS,
            Change.VOLUNTEERS,
            Change.ACTIVITIES,
            Change.EVENTS,
            Change.REFERRALS,
        }:
            self.reload()
