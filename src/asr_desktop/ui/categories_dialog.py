"""The office's own activity categories: add, rename or hide duties, missions, groups."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from asr_desktop.domain.errors import InputError
from asr_desktop.domain.work import CategoryKind
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.screen_fit import fit_window
from asr_desktop.ui.widgets import ErrorLabel


class CategoriesDialog(QDialog):
    """Ticked categories are offered for new entries; unticked ones stay on old records."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("หมวดหมู่ผลการปฏิบัติงาน")
        fit_window(self, 560, 480, key="categories-dialog")
        self.context = context
        self.store = context.office.categories
        self.changed = False
        self.kind = QComboBox()
        for kind in CategoryKind:
            self.kind.addItem(kind.label, kind.value)
        self.kind.currentIndexChanged.connect(self.reload)
        self.items = QListWidget()
        self.items.itemChanged.connect(self._toggled)
        self.new_label = QLineEdit()
        self.new_label.setPlaceholderText("ชื่อหมวดใหม่")
        add = QPushButton("เพิ่ม")
        add.clicked.connect(self.add)
        self.error = ErrorLabel()
        close = QPushButton("ปิด")
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.new_label, 1)
        row.addWidget(add)
        layout = QVBoxLayout(self)
        layout.addWidget(self.kind)
        layout.addWidget(self.items, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.reload()

    def current_kind(self) -> CategoryKind:
        return CategoryKind(self.kind.currentData())

    def reload(self) -> None:
        self.items.blockSignals(True)
        self.items.clear()
        for category in self.store.all(self.current_kind(), active_only=False):
            item = QListWidgetItem(category.label)
            item.setData(Qt.ItemDataRole.UserRole, category.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if category.active else Qt.CheckState.Unchecked
            )
            self.items.addItem(item)
        self.items.blockSignals(False)

    def add(self) -> None:
        try:
            self.store.add(self.current_kind(), self.new_label.text())
        except InputError as exc:
            self.error.show_error(exc.message)
            return
        self.error.clear_error()
        self.new_label.clear()
        self.changed = True
        self.reload()

    def _toggled(self, item: QListWidgetItem) -> None:
        active = item.checkState() == Qt.CheckState.Checked
        self.store.set_active(item.data(Qt.ItemDataRole.UserRole), active)
        self.changed = True
