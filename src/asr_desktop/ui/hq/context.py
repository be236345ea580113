"""What every headquarters page shares: the national database and a change signal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Signal

from asr_desktop.services.hq.headquarters import Headquarters


class HQContext(QObject):
    """Holds the open :class:`Headquarters`; ``changed`` fires after packages arrive."""

    changed = Signal()

    def __init__(self, hq: Headquarters, *, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self.hq = hq
        self.today = today

    def notify(self) -> None:
        self.changed.emit()
