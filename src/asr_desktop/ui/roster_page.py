"""ทะเบียน อสร.: the roster with search-as-you-type, filters and the volunteer dialog."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from asr_desktop.domain import areas
from asr_desktop.domain.national_id import ids_in_search
from asr_desktop.domain.vocabulary import Status, Tier
from asr_desktop.services.changes import Change
from asr_desktop.services.roster import RosterFilter
from asr_desktop.ui import document_actions
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.roster_model import COLUMNS, RosterModel
from asr_desktop.ui.tasks import TaskRunner
from asr_desktop.ui.widgets import ErrorLabel, needs_selection

SEARCH_DELAY_MS = 120
_ANY = "ทั้งหมด"


class RosterPage(QWidget):
    title = "ทะเบียน อสร."
    status_changed = Signal(str)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.model = RosterModel(context)
        context.roster_selection = self.selected_ids

        self.search = QLineEdit()
        self.search.setPlaceholderText("ค้นหาชื่อ นามสกุล เลขประจำตัวประชาชน โทรศัพท์ หรือตำบล")
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._search_timer.start)
        self.search_note = ErrorLabel()

        self.district = QComboBox()
        self.subdistrict = QComboBox()
        self.status = QComboBox()
        self.tier = QComboBox()
        self.mentor = QComboBox()
        self._fill_filters()
        self.district.currentIndexChanged.connect(self._district_changed)
        for combo in (self.subdistrict, self.status, self.tier, self.mentor):
            combo.currentIndexChanged.connect(self.apply_filter)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((215, 150, 115, 115, 75, 125, 105, 110)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)

        add_button = QPushButton("เพิ่มอาสาสมัคร")
        add_button.clicked.connect(self.new_record)
        edit_button = QPushButton("แก้ไข")
        edit_button.clicked.connect(self.edit_selected)
        needs_selection(self.table, [edit_button], "อาสาสมัคร")

        filters = QHBoxLayout()
        for label, combo in (
            ("อำเภอ", self.district),
            ("ตำบล", self.subdistrict),
            ("สถานะ", self.status),
            ("ระดับ", self.tier),
            ("พี่เลี้ยง", self.mentor),
        ):
            filters.addWidget(QLabel(label))
            filters.addWidget(combo, 1)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(add_button)
        top.addWidget(edit_button)
        import_button = QPushButton("นำเข้าจาก Excel…")
        import_button.clicked.connect(self.import_roster)
        top.addWidget(import_button)
        cards_button = QPushButton("พิมพ์บัตร…")
        cards_button.setToolTip(
            "บัตรประจำตัวของอาสาสมัครที่เลือก (ที่ปฏิบัติหน้าที่และอยู่ในวาระ) ถ้าไม่ได้เลือก จะพิมพ์ทุกคนที่แสดงอยู่"
        )
        cards_button.clicked.connect(self.print_cards)
        top.addWidget(cards_button)
        self.runner = TaskRunner(self)
        layout = QVBoxLayout(self)
        heading = QLabel(self.title)
        heading.setObjectName("pageHeading")
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(heading)
        layout.addLayout(top)
        layout.addWidget(self.search_note)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

        context.changed.connect(self._on_changed)
        self.apply_filter()

    # -- filters ------------------------------------------------------------------------

    def _fill_filters(self) -> None:
        province = self.context.settings.province_code
        self.district.blockSignals(True)
        self.district.clear()
        self.district.addItem(_ANY, "")
        for code, name in areas.districts(province):
            self.district.addItem(name, code)
        self.district.blockSignals(False)
        self._fill_subdistricts()
        self.status.clear()
        self.status.addItem(_ANY, None)
        for status in Status:
            self.status.addItem(status.label, status.value)
        self.tier.clear()
        self.tier.addItem(_ANY, None)
        for tier in Tier:
            self.tier.addItem(tier.short_label, tier.value)
        self._fill_mentors()

    def _fill_subdistricts(self) -> None:
        self.subdistrict.blockSignals(True)
        self.subdistrict.clear()
        self.subdistrict.addItem(_ANY, "")
        district = self.district.currentData()
        if district:
            for code, name in areas.subdistricts(district):
                self.subdistrict.addItem(name, code)
        self.subdistrict.setEnabled(bool(district))
        self.subdistrict.blockSignals(False)

    def _fill_mentors(self) -> None:
        current = self.mentor.currentData()
        self.mentor.blockSignals(True)
        self.mentor.clear()
        self.mentor.addItem(_ANY, None)
        self.mentor.addItem("ยังไม่มีพี่เลี้ยง", 0)
        for mentor in self.context.office.mentors.store.all():
            self.mentor.addItem(mentor.full_name, mentor.id)
        index = self.mentor.findData(current)
        self.mentor.setCurrentIndex(max(index, 0))
        self.mentor.blockSignals(False)

    def _district_changed(self) -> None:
        self._fill_subdistricts()
        self.apply_filter()

    def current_filter(self) -> RosterFilter:
        status = self.status.currentData()
        tier = self.tier.currentData()
        search, reason = ids_in_search(self.search.text())
        self.search_note.show_error(reason)
        return RosterFilter(
            search=search,
            district_code=self.district.currentData() or "",
            subdistrict_code=self.subdistrict.currentData() or "",
            status=Status(status) if status else None,
            tier=Tier(tier) if tier else None,
            mentor_id=self.mentor.currentData(),
        )

    def set_filter(self, roster_filter: RosterFilter) -> None:
        """Shows the roster narrowed as given (used by the dashboard's figures)."""
        for combo, value in (
            (self.district, roster_filter.district_code),
            (self.status, roster_filter.status.value if roster_filter.status else None),
            (self.tier, roster_filter.tier.value if roster_filter.tier else None),
            (self.mentor, roster_filter.mentor_id),
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)
        self._fill_subdistricts()
        self.subdistrict.setCurrentIndex(
            max(self.subdistrict.findData(roster_filter.subdistrict_code), 0)
        )
        self.search.blockSignals(True)
        self.search.setText(roster_filter.search)
        self.search.blockSignals(False)
        self.apply_filter()

    def apply_filter(self) -> None:
        self._search_timer.stop()
        selected = self.selected_id()
        self.model.set_filter(self.current_filter())
        if selected is not None:
            self.select_volunteer(selected)
        self._report_count()

    def _report_count(self) -> None:
        shown = self.model.rowCount()
        self.status_changed.emit(f"แสดง {shown:,} คน")

    # -- selection and editing -------------------------------------------------------

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.volunteer_id(rows[0].row()) if rows else None

    def selected_ids(self) -> list[int]:
        """The selected volunteers, in the order shown."""
        model = self.table.selectionModel()
        rows = sorted(index.row() for index in model.selectedRows()) if model else []
        return [self.model.volunteer_id(row) for row in rows]

    def shown_ids(self) -> list[int]:
        return [self.model.volunteer_id(row) for row in range(self.model.rowCount())]

    def import_roster(self) -> None:
        from asr_desktop.ui.import_dialog import open_import_dialog  # openpyxl: only now

        open_import_dialog(self.context, self)

    def print_cards(self) -> None:
        """ID cards for the selection, or for everyone the filters show when none is selected."""
        ids = self.selected_ids() or self.shown_ids()
        document_actions.id_cards(self.context, self.runner, self, ids)

    def select_volunteer(self, volunteer_id: int) -> None:
        row = self.model.row_of(volunteer_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _open_index(self, index: QModelIndex) -> None:
        self.open_volunteer(self.model.volunteer_id(index.row()))

    def edit_selected(self) -> None:
        volunteer_id = self.selected_id()
        if volunteer_id is not None:
            self.open_volunteer(volunteer_id)

    def new_record(self) -> None:
        self.open_volunteer(None)

    def open_volunteer(self, volunteer_id: int | None) -> None:
        from asr_desktop.ui.volunteer_dialog import VolunteerDialog

        dialog = VolunteerDialog(self.context, volunteer_id, self)
        dialog.open_other.connect(self._open_other_later)
        dialog.exec()
        if dialog.saved_id is not None or dialog.deleted:
            self.context.notify(Change.VOLUNTEERS)
            if dialog.saved_id is not None:
                self.select_volunteer(dialog.saved_id)

    def _open_other_later(self, volunteer_id: int) -> None:
        # The first dialog closes before the other record opens.
        QTimer.singleShot(0, lambda: self.open_volunteer(volunteer_id))

    # -- page interface -------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def refresh(self) -> None:
        self._fill_mentors()
        selected = self.selected_id()
        self.model.reload(self.current_filter())
        if selected is not None:
            self.select_volunteer(selected)
        self._report_count()

    def page_shown(self) -> None:
        self._report_count()

    def _on_changed(self, changes: frozenset[Change]) -> None:
        if changes & {Change.VOLUNTEERS, Change.MENTORS}:
            self.refresh()
        elif Change.SETTINGS in changes:
            self._fill_filters()
            self.apply_filter()


__all__ = ["COLUMNS", "RosterPage"]
