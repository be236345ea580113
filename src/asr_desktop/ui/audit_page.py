"""ประวัติการแก้ไข: the audit log, read-only, filtered in SQL and fetched lazily."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from asr_desktop.domain.errors import InputError
from asr_desktop.domain.thai_dates import format_thai_date
from asr_desktop.services.audit_log import ACTION_LABELS, RECORD_TYPE_LABELS, AuditFilter
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.widgets import ErrorLabel, ThaiDateEdit

COLUMNS = ("เวลา", "ผู้ใช้", "การกระทำ", "ประเภทข้อมูล", "รหัส", "สรุป")
BLOCK = 200
_ANY = "ทั้งหมด"
Index = QModelIndex | QPersistentModelIndex


def thai_timestamp(iso: str) -> str:
    try:
        at = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{format_thai_date(at.date())} {at:%H:%M:%S}"


class AuditModel(QAbstractTableModel):
    """Holds only the ids of the matching entries; rows are fetched in blocks on demand."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.filter = AuditFilter()
        self.ids: list[int] = []
        self._rows: dict[int, dict[str, Any]] = {}

    def set_filter(self, audit_filter: AuditFilter) -> None:
        self.beginResetModel()
        self.filter = audit_filter
        self.ids = self.context.office.audit.ids(audit_filter)
        self._rows = {}
        self.endResetModel()

    def refresh(self) -> None:
        self.set_filter(self.filter)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def entry(self, row: int) -> dict[str, Any]:
        entry_id = self.ids[row]
        if entry_id not in self._rows:
            start = row - row % BLOCK
            self._rows.update(self.context.office.audit.rows(self.ids[start : start + BLOCK]))
        return self._rows[entry_id]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.ids):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        entry = self.entry(index.row())
        column = index.column()
        if column == 0:
            return thai_timestamp(entry["at"])
        if column == 1:
            return entry["os_user"]
        if column == 2:
            return ACTION_LABELS.get(entry["action"], entry["action"])
        if column == 3:
            return RECORD_TYPE_LABELS.get(entry["record_type"], entry["record_type"])
        if column == 4:
            return "" if entry["record_id"] is None else str(entry["record_id"])
        return readable_summary(entry["summary"])

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def readable_summary(summary: str) -> str:
    """The store writes "volunteer 12" for terms and events; show it in Thai."""
    if summary.startswith("volunteer "):
        return "อาสาสมัครรหัส " + summary.removeprefix("volunteer ")
    return summary


def describe_change(entry: dict[str, Any]) -> str:
    """Before and after of one entry as lines a person can read."""
    before = json.loads(entry["before"]) if entry["before"] else {}
    after = json.loads(entry["after"]) if entry["after"] else {}
    lines = [
        f"{thai_timestamp(entry['at'])} · {entry['os_user']} · "
        f"{ACTION_LABELS.get(entry['action'], entry['action'])} "
        f"{RECORD_TYPE_LABELS.get(entry['record_type'], entry['record_type'])}"
        + (f" รหัส {entry['record_id']}" if entry["record_id"] is not None else ""),
        readable_summary(entry["summary"]),
    ]
    if entry.get("redacted_at"):
        lines.append(f"(ปิดบังข้อมูลระบุตัวตนเมื่อ {thai_timestamp(entry['redacted_at'])})")
    lines.append("")
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if entry["before"] and entry["after"]:
            lines.append(f"{key}: {_show(old)} → {_show(new)}")
        else:
            lines.append(f"{key}: {_show(new if entry['after'] else old)}")
    return "\n".join(lines)


def _show(value: Any) -> str:
    return "(ว่าง)" if value in (None, "") else str(value)


class AuditPage(QWidget):
    title = "ประวัติการแก้ไข"
    status_changed = Signal(str)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.model = AuditModel(context)
        self.count = QLabel()

        self.record_type = QComboBox()
        self.record_id = QLineEdit()
        self.record_id.setPlaceholderText("รหัสรายการ")
        self.record_id.setMaximumWidth(110)
        self.user = QComboBox()
        self.use_dates = QCheckBox("ช่วงวันที่")
        # Dates typed and shown in พ.ศ., like everywhere else in the app.
        self.date_error = ErrorLabel()
        self.date_from = ThaiDateEdit(self.date_error)
        self.date_to = ThaiDateEdit(self.date_error)
        today = context.today()
        self.date_from.set_value(today - timedelta(days=30))
        self.date_to.set_value(today)
        for edit in (self.date_from, self.date_to):
            edit.setMaximumWidth(120)
            edit.setEnabled(False)

        filters = QHBoxLayout()
        for label, widget in (("ประเภทข้อมูล", self.record_type), ("ผู้ใช้", self.user)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.record_id)
        filters.addWidget(self.use_dates)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel("ถึง"))
        filters.addWidget(self.date_to)
        filters.addStretch(1)
        filters.addWidget(self.count)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((170, 110, 120, 130, 70)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.detail = QPlainTextEdit(readOnly=True)
        self.detail.setPlaceholderText("เลือกรายการเพื่อดูค่าก่อนและหลังการแก้ไข")

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([500, 200])
        heading = QLabel(self.title)
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(filters)
        layout.addWidget(self.date_error)
        layout.addWidget(splitter, 1)
        for edit in (self.date_from, self.date_to):
            edit.editingFinished.connect(self.apply_filter)
        self.use_dates.toggled.connect(self._dates_toggled)
        self.record_type.currentIndexChanged.connect(self.apply_filter)
        self.user.currentIndexChanged.connect(self.apply_filter)
        self.record_id.textChanged.connect(self.apply_filter)
        # No load here: page_shown() (or show_record()) reads the choices and the entries,
        # so a load at build time would be read twice.

    def _fill_choices(self) -> None:
        for combo, values, labels in (
            (self.record_type, self.context.office.audit.record_types(), RECORD_TYPE_LABELS),
            (self.user, self.context.office.audit.users(), {}),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_ANY, "")
            for value in values:
                combo.addItem(labels.get(value, value), value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.apply_filter()

    def current_filter(self) -> AuditFilter:
        text = self.record_id.text().strip()
        use_dates = self.use_dates.isChecked()
        return AuditFilter(
            record_type=self.record_type.currentData() or "",
            record_id=int(text) if text.isdigit() else None,
            os_user=self.user.currentData() or "",
            date_from=_typed_date(self.date_from) if use_dates else None,
            date_to=_typed_date(self.date_to) if use_dates else None,
        )

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())
        self.count.setText(f"{len(self.model.ids):,} รายการ")
        self.detail.clear()

    def show_record(self, record_type: str, record_id: int) -> None:
        """Shows only the history of one record (e.g. from the volunteer dialog)."""
        self._fill_choices()
        for widget in (self.record_type, self.record_id):
            widget.blockSignals(True)
        self.record_type.setCurrentIndex(max(self.record_type.findData(record_type), 0))
        self.record_id.setText(str(record_id))
        for widget in (self.record_type, self.record_id):
            widget.blockSignals(False)
        self.apply_filter()  # once, not once for each box

    def _show_detail(self, current: QModelIndex) -> None:
        if current.isValid():
            self.detail.setPlainText(describe_change(self.model.entry(current.row())))

    def refresh(self) -> None:
        self._fill_choices()
        self.apply_filter()

    def page_shown(self) -> None:
        self.refresh()

    def focus_search(self) -> None:
        self.record_id.setFocus()


def _typed_date(edit: ThaiDateEdit) -> date | None:
    """The date in a filter box; an unreadable one filters nothing (its reason is shown)."""
    try:
        return edit.value()
    except InputError:
        return None
