"""What every page and dialog is given: the database, the office settings and a clock.

Passed in through constructors (no global registry). ``changed`` tells pages that data
of a kind ("volunteers", "mentors", "settings", …) was changed elsewhere, so they refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from sqlite_utils import Database

from asr_desktop.domain.settings import OfficeSettings
from asr_desktop.store.settings import load_settings


class AppContext(QObject):
    changed = Signal(str)

    def __init__(
        self,
        db: Database,
        db_path: Path,
        *,
        today: Callable[[], date] = date.today,
        is_demo: bool = False,
    ) -> None:
        super().__init__()
        self.db = db
        self.db_path = db_path
        self.today = today
        self.is_demo = is_demo
        self.settings: OfficeSettings = load_settings(db)

    def reload_settings(self) -> None:
        self.settings = load_settings(self.db)
        self.changed.emit("settings")

    def notify(self, kind: str) -> None:
        """Tells every page that data of ``kind`` changed."""
        self.changed.emit(kind)
