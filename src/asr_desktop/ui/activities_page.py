"""ผลการปฏิบัติงาน: the month grid for paper forms, and the month's detailed entries."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from asr_desktop.domain import areas
from asr_desktop.domain.month import Month
from asr_desktop.domain.thai_dates import format_thai_date
from asr_desktop.domain.vocabulary import Agency
from asr_desktop.domain.work import Activity
from asr_desktop.services.changes import Change
from asr_desktop.ui import ask
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.month_grid_model import FIXED_COLUMNS, MonthGridModel
from asr_desktop.ui.table_models import Column, RowsModel, SortProxy
from asr_desktop.ui.widgets import ErrorLabel, needs_selection

MONTHS_OFFERED = 24
_Index = QModelIndex | QPersistentModelIndex


class CountDelegate(QStyledItemDelegate):
    """A plain line editor for counts (Thai digits allowed), text selected for overtyping."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        editor.setMaxLength(6)
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)  # made by createEditor
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class ActivitiesPage(QWidget):
    title = "ผลการปฏิบัติงาน"
    status_changed = Signal(str)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.service = context.office.activities
        self._names: dict[int, str] = {}
        self._erased = (0, 0)

        self.month = QComboBox()
        self._fill_months()
        self.district = QComboBox()
        self.mentor = QComboBox()
        self._fill_filters()
        self.follow_previous = QCheckBox("ตามโครงสร้างเดือนก่อน")
        self.follow_previous.setToolTip(
            "แสดงเฉพาะอาสาสมัครและภารกิจที่มีรายงานเมื่อเดือนก่อน พร้อมจำนวนของเดือนก่อนเป็นตัวเลขสีเทาในวงเล็บ"
        )
        for widget in (self.month, self.district, self.mentor):
            widget.currentIndexChanged.connect(self.reload)
        self.follow_previous.toggled.connect(self.reload)

        self.grid_model = MonthGridModel(self.service)
        self.grid_model.totals_changed.connect(self._report)
        self.error = ErrorLabel()
        self.grid_model.problem.connect(self.error.show_error)
        self.grid = QTableView()
        self.grid.setModel(self.grid_model)
        self.grid.setItemDelegate(CountDelegate(self.grid))
        self.grid.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.verticalHeader().setDefaultSectionSize(26)
        self.grid.horizontalHeader().setDefaultSectionSize(76)
        self.grid.horizontalHeader().setMinimumSectionSize(60)
        self.grid.setWordWrap(True)

        self.entries_model: RowsModel[Activity] = RowsModel(self._entry_columns())
        self.entries_proxy = SortProxy()
        self.entries_proxy.setSourceModel(self.entries_model)
        self.entries = QTableView()
        self.entries.setModel(self.entries_proxy)
        self.entries_proxy.sort_remembered(
            self.entries, "activity-entries", 0, Qt.SortOrder.DescendingOrder
        )
        self.entries.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.entries.verticalHeader().setVisible(False)
        for column, width in enumerate((100, 200, 100, 270, 70, 55, 55)):
            self.entries.setColumnWidth(column, width)
        self.entries.horizontalHeader().setStretchLastSection(True)
        self.entries.doubleClicked.connect(lambda _: self.edit_entry())

        self.tabs = QTabWidget()
        self.tabs.addTab(self.grid, "ตารางรายเดือน")
        entries_tab = QWidget()
        entry_buttons = QHBoxLayout()
        entry_actions: list[QAbstractButton] = []
        for text, slot in (("แก้ไข…", self.edit_entry), ("ลบ", self.delete_entry)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            entry_buttons.addWidget(button)
            entry_actions.append(button)
        needs_selection(self.entries, entry_actions, "รายการ")
        entry_buttons.addStretch(1)
        entries_layout = QVBoxLayout(entries_tab)
        entries_layout.addLayout(entry_buttons)
        entries_layout.addWidget(self.entries, 1)
        self.tabs.addTab(entries_tab, "รายการแบบละเอียด")

        new_entry = QPushButton("บันทึกแบบละเอียด…")
        new_entry.clicked.connect(self.new_record)
        categories = QPushButton("หมวดหมู่…")
        categories.clicked.connect(self.edit_categories)
        self.summary = QLabel()
        heading = QLabel(self.title)
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(new_entry)
        top.addWidget(categories)
        filters = QHBoxLayout()
        for label, widget in (
            ("เดือน", self.month),
            ("อำเภอ", self.district),
            ("พี่เลี้ยง", self.mentor),
        ):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget, 1)
        filters.addWidget(self.follow_previous)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        context.changed.connect(self._on_changed)
        self.reload()

    # -- choices ----------------------------------------------------------------------

    def _fill_months(self) -> None:
        today = self.context.today()
        self.month.blockSignals(True)
        self.month.clear()
        for month in Month.recent(today, MONTHS_OFFERED):
            self.month.addItem(month.thai(), (month.year, month.month))
        self.month.blockSignals(False)

    def _fill_filters(self) -> None:
        self.district.clear()
        self.district.addItem("ทุกอำเภอ", "")
        for code, name in areas.districts(self.context.settings.province_code):
            self.district.addItem(name, code)
        self.mentor.clear()
        self.mentor.addItem("ทุกคน", None)
        for mentor in self.context.office.mentors.store.all():
            self.mentor.addItem(mentor.full_name, mentor.id)

    def current_month(self) -> Month:
        # The combo box holds (year, month) tuples: Qt compares those by value in findData.
        year, month = self.month.currentData()
        return Month(int(year), int(month))

    def set_month(self, month: Month) -> None:
        """Shows a month (used by the dashboard); months older than the list are added."""
        index = self.month.findData((month.year, month.month))
        if index < 0:
            self.month.addItem(month.thai(), (month.year, month.month))
            index = self.month.count() - 1
        self.month.setCurrentIndex(index)
        self.reload()

    # -- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        month = self.current_month()
        grid = self.service.grid(
            month,
            district_code=self.district.currentData() or "",
            mentor_id=self.mentor.currentData(),
            follow_previous=self.follow_previous.isChecked(),
        )
        self.grid_model.load(grid)
        self._erased = grid.erased
        header = self.grid.horizontalHeader()
        # The name column holds the whole name and the tier ("… (แกนนำ)"), not "…".
        header.resizeSection(0, min(max(self.grid.sizeHintForColumn(0) + 8, 205), 420))
        header.resizeSection(1, min(max(self.grid.sizeHintForColumn(1) + 8, 88), 200))
        header.resizeSection(self.grid_model.columnCount() - 1, 92)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        entries = self.service.in_month(month)
        self._names = self.context.office.roster.display_names(a.volunteer_id for a in entries)
        self.entries_model.set_rows(entries)
        self.error.clear_error()
        self._report()

    def _report(self) -> None:
        model = self.grid_model
        month = self.current_month()
        quiet = model.volunteer_rows - model.reported_count()
        self.summary.setText(
            f"{month.thai()}: รายงานแล้ว {model.reported_count():,} จาก "
            f"{model.volunteer_rows:,} คน · ยังไม่มีรายงาน {quiet:,} คน (แถวสีชมพู) · "
            f"รวม {model.grand_total():,} ครั้ง" + _erased_words(*self._erased)
        )
        self.status_changed.emit(f"แสดง {model.volunteer_rows:,} คน")

    def _entry_columns(self) -> list[Column[Activity]]:
        labels = self.context.office.categories.labels()

        def name(a: Activity) -> str:
            return self._names.get(a.volunteer_id, "")

        return [
            Column("วันที่", lambda a: format_thai_date(a.date), lambda a: a.date),
            Column("อาสาสมัคร", name),
            Column("ตำบล", lambda a: areas.subdistrict_name(a.subdistrict_code)),
            Column("ภารกิจ", lambda a: labels.get(a.mission_id, "")),
            Column("หน่วยงาน", lambda a: Agency(a.agency).label if a.agency else ""),
            Column("ชาย", lambda a: str(a.people_male), lambda a: a.people_male, align_right=True),
            Column(
                "หญิง", lambda a: str(a.people_female), lambda a: a.people_female, align_right=True
            ),
            Column("หมายเหตุ", lambda a: a.note),
        ]

    # -- actions ----------------------------------------------------------------------

    def focus_cell(self, row: int, mission_column: int) -> None:
        index = self.grid_model.index(row, FIXED_COLUMNS + mission_column)
        self.grid.setCurrentIndex(index)
        self.grid.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def new_record(self) -> None:
        from asr_desktop.ui.activity_dialog import ActivityDialog

        month = self.current_month()
        today = self.context.today()
        default = today if today in month else month.first_day
        dialog = ActivityDialog(self.context, None, self, default_date=default)
        if dialog.exec():
            self.context.notify(Change.ACTIVITIES)

    def _selected_entry(self) -> Activity | None:
        rows = self.entries.selectionModel().selectedRows()
        if not rows:
            return None
        return self.entries_model.row_object(self.entries_proxy.mapToSource(rows[0]).row())

    def edit_entry(self) -> None:
        from asr_desktop.ui.activity_dialog import ActivityDialog

        activity = self._selected_entry()
        if activity is not None and ActivityDialog(self.context, activity, self).exec():
            self.context.notify(Change.ACTIVITIES)

    def delete_entry(self) -> None:
        activity = self._selected_entry()
        if activity is None or activity.id is None:
            return
        if ask.confirm(self, "ลบรายการ", "ลบผลการปฏิบัติงานรายการนี้หรือไม่", danger=True):
            self.service.delete(activity.id)
            self.context.notify(Change.ACTIVITIES)

    def edit_categories(self) -> None:
        from asr_desktop.ui.categories_dialog import CategoriesDialog

        dialog = CategoriesDialog(self.context, self)
        dialog.exec()
        if dialog.changed:
            self.entries_model.set_columns(self._entry_columns())  # labels read afresh
            self.reload()

    # -- page interface ---------------------------------------------------------------

    def refresh(self) -> None:
        self.reload()

    def page_shown(self) -> None:
        self._report()

    def focus_search(self) -> None:
        self.grid.setFocus()

    def _on_changed(self, changes: frozenset[Change]) -> None:
        if changes & {Change.ACTIVITIES, Change.VOLUNTEERS}:
            self.reload()
        elif changes & {Change.MENTORS, Change.SETTINGS}:
            for combo in (self.district, self.mentor):
                combo.blockSignals(True)
            self._fill_filters()
            for combo in (self.district, self.mentor):
                combo.blockSignals(False)
            self.reload()


def _erased_words(people: int, count: int) -> str:
    """The month's work by erased people, whom the grid and the entries leave out: a
    number, never a name."""
    if not people:
        return ""
    return f" · ไม่แสดงผู้ที่ลบข้อมูลแล้ว {people:,} คน ({count:,} ครั้ง)"
