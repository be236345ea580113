"""What every page and dialog is given: the :class:`Office`, change notices, navigation.

Passed in through constructors (no global registry). The GUI reaches the data only
through ``context.office`` (its services); it never holds a ``Database``.

- ``notify(Change.X, ...)`` after a write tells every page that data of those kinds
  changed; a page subscribes with ``on_change({Change.X}, slot)``.
- ``navigate(target)`` asks the main window to show a page in a given state ("the roster
  filtered to…", "the activities of a month"); the target is a typed value, not a class
  name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QObject, Signal, SignalInstance

from asr_desktop.domain.month import Month
from asr_desktop.domain.settings import OfficeSettings
from asr_desktop.services.changes import Change
from asr_desktop.services.office import Office
from asr_desktop.services.roster import RosterFilter


@dataclass(frozen=True, slots=True)
class ShowRoster:
    """The roster page with this filter."""

    roster_filter: RosterFilter


@dataclass(frozen=True, slots=True)
class ShowActivities:
    """The activities page at this month."""

    month: Month


@dataclass(frozen=True, slots=True)
class ShowOverdueReferrals:
    """The referrals page listing overdue follow-ups."""


NavigationTarget = ShowRoster | ShowActivities | ShowOverdueReferrals


@runtime_checkable
class Page(Protocol):
    """What the main window needs of a page (a QWidget subclass).

    ``status_changed`` (a ``Signal(str)``) carries the page's count for the status bar;
    ``page_shown`` is called each time the page comes to the front; ``refresh`` is F5.
    """

    title: str
    status_changed: SignalInstance

    def page_shown(self) -> None: ...

    def refresh(self) -> None: ...


@runtime_checkable
class AddsRecords(Protocol):
    """A page where แฟ้ม → เพิ่มรายการใหม่ (Ctrl+N) makes sense."""

    def new_record(self) -> None: ...


@runtime_checkable
class Prints(Protocol):
    """A page with something to print (Ctrl+P)."""

    def print_current(self) -> None: ...


@runtime_checkable
class Searches(Protocol):
    """A page with a search box (Ctrl+F)."""

    def focus_search(self) -> None: ...


class AppContext(QObject):
    changed = Signal(object)
    """frozenset[Change]: the kinds of data a write changed."""
    navigation = Signal(object)
    """A :data:`NavigationTarget` for the main window to show."""

    def __init__(self, office: Office, *, is_demo: bool = False) -> None:
        super().__init__()
        self.office = office
        self.is_demo = is_demo
        self.roster_selection: Callable[[], list[int]] = list
        """The volunteers selected in the roster page (set by that page)."""

    @property
    def db_path(self) -> Path:
        """The database file (workers open their own ``Office`` on it)."""
        return self.office.path or Path(":memory:")

    @property
    def today(self) -> Callable[[], date]:
        return self.office.today

    @property
    def settings(self) -> OfficeSettings:
        return self.office.settings

    def worker_office(self) -> Office:
        """Call in a worker thread: that thread's own ``Office`` on the same file."""
        return Office.connect(self.db_path, today=self.office.today)

    def reload_settings(self) -> None:
        self.office.reload_settings()
        self.notify(Change.SETTINGS)

    def notify(self, *changes: Change) -> None:
        """Tells every page that data of these kinds changed."""
        self.changed.emit(frozenset(changes))

    def on_change(self, kinds: Iterable[Change], slot: Callable[[], object]) -> None:
        """Calls ``slot`` after any change of one of ``kinds``."""
        wanted = frozenset(kinds)

        def maybe(changes: frozenset[Change]) -> None:
            if changes & wanted:
                slot()

        self.changed.connect(maybe)

    def navigate(self, target: NavigationTarget) -> None:
        self.navigation.emit(target)
