"""Choosing a volunteer among 100,000: type part of a name, ID or tambon, pick a match."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from asr_desktop.domain import areas
from asr_desktop.domain.erasure import is_erased_id
from asr_desktop.services.roster import RosterFilter
from asr_desktop.ui.context import AppContext

MAX_MATCHES = 50
ERASED_VOLUNTEER = "(อาสาสมัครที่ลบข้อมูลระบุตัวตนแล้ว)"


class VolunteerPicker(QWidget):
    """A search field and the matching volunteers (at most 50, by name)."""

    volunteer_changed = Signal(object)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.search = QLineEdit()
        self.search.setPlaceholderText("พิมพ์ชื่อ เลขประจำตัว หรือตำบล")
        self.matches = QComboBox()
        self.matches.setMinimumWidth(300)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.find_matches)
        self.search.textChanged.connect(self._timer.start)
        self.matches.currentIndexChanged.connect(
            lambda: self.volunteer_changed.emit(self.volunteer_id())
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.matches, 2)

    def find_matches(self) -> None:
        self._timer.stop()
        text = self.search.text().strip()
        self.matches.blockSignals(True)
        self.matches.clear()
        if text:
            ids = self.context.office.roster.ids(RosterFilter(search=text), limit=MAX_MATCHES)
            self._add(ids)
        self.matches.blockSignals(False)
        self.volunteer_changed.emit(self.volunteer_id())

    def _add(self, ids: list[int]) -> None:
        rows = self.context.office.roster.rows(ids)
        for vid in ids:
            r = rows[vid]
            if is_erased_id(r.national_id):
                # Only an old record's own volunteer (set_volunteer): searches never find
                # an erased person, and they are not named.
                self.matches.addItem(ERASED_VOLUNTEER, vid)
                continue
            tambon = areas.subdistrict_name(r.subdistrict_code)
            self.matches.addItem(f"{r.title}{r.first_name} {r.last_name} — ต.{tambon}", vid)

    def volunteer_id(self) -> int | None:
        data = self.matches.currentData()
        return int(data) if data is not None else None

    def set_volunteer(self, volunteer_id: int | None) -> None:
        self.matches.blockSignals(True)
        self.matches.clear()
        if volunteer_id is not None:
            self._add([volunteer_id])
        self.matches.blockSignals(False)
        self.volunteer_changed.emit(self.volunteer_id())
