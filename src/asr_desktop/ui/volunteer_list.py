"""A list of given volunteers (the dashboard's "who are they?"), fetched lazily by id.

The roster page filters by its own fields; some figures (terms ending within 90 days, no
activity for 3 months) are lists the services compute, so they open here instead.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from asr_desktop.services.changes import Change
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.roster_model import (
    COL_DISTRICT,
    COL_NAME,
    COL_PHONE,
    COL_STATUS,
    COL_SUBDISTRICT,
    COL_TERM_END,
    COL_TIER,
    COLUMNS,
    VolunteerRowsModel,
)
from asr_desktop.ui.screen_fit import fit_window

_Index = QModelIndex | QPersistentModelIndex
_BLOCK = 200
# The roster's columns without the national ID.
SHOWN = (COL_NAME, COL_SUBDISTRICT, COL_DISTRICT, COL_TIER, COL_STATUS, COL_TERM_END, COL_PHONE)
HEADERS = tuple(COLUMNS[column][0] for column in SHOWN)


class VolunteerIdsModel(VolunteerRowsModel):
    """Volunteers in a fixed order given by their ids (the roster's columns minus the ID)."""

    def __init__(self, context: AppContext, ids: list[int]) -> None:
        super().__init__(context, ids, SHOWN)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Plain text only: the list is for finding people, not for the roster's colours.
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return super().data(index, role)


class VolunteerListDialog(QDialog):
    def __init__(
        self, context: AppContext, title: str, ids: list[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        fit_window(self, 900, 560, key="volunteer-list")
        self.context = context
        self.model = VolunteerIdsModel(context, ids)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        for column, width in enumerate((220, 120, 120, 80, 110, 110)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        heading = QLabel(f"{title} — {len(ids):,} คน")
        heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def _open(self, index: QModelIndex) -> None:
        from asr_desktop.ui.volunteer_dialog import VolunteerDialog

        dialog = VolunteerDialog(self.context, self.model.volunteer_id(index.row()), self)
        dialog.exec()
        if dialog.saved_id is not None:
            self.context.notify(Change.VOLUNTEERS)
