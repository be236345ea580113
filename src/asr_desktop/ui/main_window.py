"""The one window: a navigation list on the left, one page at a time on the right.

This module only wires things together. Each feature is a page module with a class that
takes the :class:`AppContext` and is a :class:`~asr_desktop.ui.context.Page` (``title``,
``status_changed``, ``page_shown()``, ``refresh()``); pages that are also ``AddsRecords``,
``Searches`` or ``Prints`` get the standard shortcuts. Other parts ask for a page through
``context.navigate(target)`` with a typed target.

Only the first page is built (and its module imported) before the window is shown; each
other page is built on its first visit, or in the idle moments after the window is on
screen, one at a time (:meth:`MainWindow.build_next_page`). A page not built yet has
nothing to refresh: it reads the current data when it is built.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)

from asr_desktop import __version__
from asr_desktop.domain import thai_words
from asr_desktop.services.changes import Change
from asr_desktop.ui import ask, backup_dialogs
from asr_desktop.ui.context import (
    AddsRecords,
    AppContext,
    NavigationTarget,
    Page,
    Prints,
    Searches,
    ShowActivities,
    ShowOverdueReferrals,
    ShowRoster,
)
from asr_desktop.ui.excel_actions import add_excel_actions
from asr_desktop.ui.screen_fit import fit_window

PageFactory = Callable[[AppContext], QWidget]
_P = TypeVar("_P", bound=QWidget)


@dataclass(frozen=True, slots=True)
class PageEntry:
    """A page of the navigation, named so that its module is imported only when needed.

    ``title`` is the page class's own ``title`` (a test checks that they agree).
    """

    title: str
    module: str
    class_name: str

    def page_class(self) -> PageFactory:
        page_class: PageFactory = getattr(importlib.import_module(self.module), self.class_name)
        return page_class

    def is_for(self, page_type: type[QWidget]) -> bool:
        return (page_type.__module__, page_type.__name__) == (self.module, self.class_name)


# The navigation, in order (docs/ARCHITECTURE.md, "Where a new feature's files go").
PAGES: list[PageEntry] = [
    PageEntry("หน้าหลัก", "asr_desktop.ui.dashboard_page", "DashboardPage"),
    PageEntry("ทะเบียน อสร.", "asr_desktop.ui.roster_page", "RosterPage"),
    PageEntry("พี่เลี้ยง", "asr_desktop.ui.mentors_page", "MentorsPage"),
    PageEntry("ผลการปฏิบัติงาน", "asr_desktop.ui.activities_page", "ActivitiesPage"),
    PageEntry("การส่งต่อ", "asr_desktop.ui.referrals_page", "ReferralsPage"),
    PageEntry("กิจกรรม/อบรม", "asr_desktop.ui.events_page", "EventsPage"),
    PageEntry("รายงาน", "asr_desktop.ui.reports_page", "ReportsPage"),
    PageEntry("ประวัติการแก้ไข", "asr_desktop.ui.audit_page", "AuditPage"),
]

# After the window is shown, the other pages are built one at a time this long apart,
# so the first screen's figures and the user's first clicks come first.
PREBUILD_DELAY_MS = 300


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setWindowTitle(self._title())
        fit_window(self, 1280, 800, key="main-window")

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setStyleSheet("QListWidget#navigation::item { padding: 5px 10px; }")
        self.stack = QStackedWidget()
        self._pages: list[QWidget | None] = [None] * len(PAGES)
        self._status_texts: dict[int, str] = {}
        self._prebuild = QTimer(self)
        self._prebuild.setSingleShot(True)
        self._prebuild.setInterval(PREBUILD_DELAY_MS)
        self._prebuild.timeout.connect(self.build_next_page)
        self._words_loading = False
        for entry in PAGES:
            self.navigation.addItem(entry.title)
        self.navigation.currentRowChanged.connect(self._show_page)
        self.navigation.setFixedWidth(self.navigation.sizeHintForColumn(0) + 28)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self._build_status_bar()
        context.changed.connect(self._on_changed)
        context.navigation.connect(self.go_to)
        self.navigation.setCurrentRow(0)

    def _title(self) -> str:
        # Qt appends the application's display name ("— อสร. Desktop") itself.
        office = self.context.settings.office_name or "สำนักงานแรงงานจังหวัด"
        demo = " (ข้อมูลตัวอย่าง)" if self.context.is_demo else ""
        return f"{office}{demo}"

    # -- pages --------------------------------------------------------------------------

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def page(self, row: int) -> QWidget:
        """The page at ``row`` of the navigation, built now if it was not yet."""
        page = self._pages[row]
        if page is None:
            page = PAGES[row].page_class()(self.context)
            assert isinstance(page, Page), f"{type(page).__name__} is not a Page"
            self._pages[row] = page
            self.stack.addWidget(page)
            page.status_changed.connect(lambda text, p=page: self._page_status(p, text))
        return page

    def built_pages(self) -> list[QWidget]:
        """The pages built so far, in navigation order."""
        return [page for page in self._pages if page is not None]

    def show_page(self, page_type: type[_P]) -> _P:
        """Switches to the page of the given class (building it if need be) and returns it."""
        for row, entry in enumerate(PAGES):
            if entry.is_for(page_type):
                self.navigation.setCurrentRow(row)
                page = self.page(row)
                assert isinstance(page, page_type)
                return page
        raise LookupError(page_type)

    def _show_page(self, row: int) -> None:
        page = self.page(row)
        self.stack.setCurrentWidget(page)
        self.show_count(self._status_texts.get(id(page), ""))
        if isinstance(page, Page):
            page.page_shown()

    def build_next_page(self) -> None:
        """Builds the first page not built yet, then schedules the next one."""
        if not self.isVisible():
            return
        row = next((r for r, page in enumerate(self._pages) if page is None), None)
        if not self._words_loading:
            # pythainlp and its word list (~0.5 s) load in a thread while the pages build;
            # a page that needs word breaks sooner waits for that load (never repeats it).
            self._words_loading = True
            thai_words.warm_up()
        if row is not None:
            self.page(row)
            self._prebuild.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._prebuild.isActive():
            self._prebuild.start()

    def go_to(self, target: NavigationTarget) -> None:
        """Shows the page a target names, in the state it asks for."""
        # Imported here, not at the top: importing a page's module is part of building it.
        if isinstance(target, ShowRoster):
            from asr_desktop.ui.roster_page import RosterPage

            self.show_page(RosterPage).set_filter(target.roster_filter)
        elif isinstance(target, ShowActivities):
            from asr_desktop.ui.activities_page import ActivitiesPage

            page = self.show_page(ActivitiesPage)
            page.set_month(target.month)
        elif isinstance(target, ShowOverdueReferrals):
            from asr_desktop.ui.referrals_page import ReferralsPage

            self.show_page(ReferralsPage).show_overdue()

    def new_record(self) -> None:
        page = self.current_page()
        if isinstance(page, AddsRecords):
            page.new_record()

    def print_current(self) -> None:
        page = self.current_page()
        if isinstance(page, Prints):
            page.print_current()

    def focus_search(self) -> None:
        page = self.current_page()
        if isinstance(page, Searches):
            page.focus_search()

    # -- menus and status bar -----------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("แฟ้ม")
        file_menu.addAction(
            self._action("เพิ่มรายการใหม่…", self.new_record, QKeySequence.StandardKey.New)
        )
        file_menu.addAction(
            self._action("พิมพ์…", self.print_current, QKeySequence.StandardKey.Print)
        )
        file_menu.addSeparator()
        self.excel_tasks = add_excel_actions(file_menu, self.context, self)
        file_menu.addSeparator()
        file_menu.addAction(self._action("ตั้งค่าสำนักงาน…", self.edit_settings))
        file_menu.addSeparator()
        self._add_safety_actions(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self._action("ออกจากโปรแกรม", self.close, QKeySequence("Alt+F4")))

        edit_menu = bar.addMenu("แก้ไข")
        edit_menu.addAction(self._action("ค้นหา", self.focus_search, QKeySequence.StandardKey.Find))
        view_menu = bar.addMenu("มุมมอง")
        view_menu.addAction(self._action("รีเฟรช", self.refresh, QKeySequence("F5")))
        self.menu_help = bar.addMenu("ช่วยเหลือ")
        self.menu_help.addAction(self._action("เกี่ยวกับโปรแกรม…", self.show_about))

    def _build_status_bar(self) -> None:
        self.status_office = QLabel()
        self.status_count = QLabel()
        self.status_database = QLabel()
        self.status_database.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar = self.statusBar()
        bar.addWidget(self.status_office)
        bar.addWidget(self.status_count)
        self.status_backup = QLabel()
        bar.addPermanentWidget(self.status_backup)
        bar.addPermanentWidget(self.status_database)
        self._update_status_bar()

    def _update_status_bar(self) -> None:
        settings = self.context.settings
        self.status_office.setText(settings.office_name)
        self.status_database.setText(f"ฐานข้อมูล: {self.context.db_path}")
        self.status_backup.setText(backup_dialogs.last_backup_text(self.context.db_path))

    def _page_status(self, page: QWidget, text: str) -> None:
        """Each page's last status text is kept; only the page on screen shows its own."""
        self._status_texts[id(page)] = text
        if page is self.stack.currentWidget():
            self.show_count(text)

    def show_count(self, text: str) -> None:
        """Pages report how many records they show here."""
        self.status_count.setText(text)

    # -- actions ------------------------------------------------------------------------

    def refresh(self) -> None:
        page = self.current_page()
        if isinstance(page, Page):
            page.refresh()

    def edit_settings(self) -> None:
        from asr_desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.context, self)
        if dialog.exec():
            self.context.reload_settings()

    def _add_safety_actions(self, menu: QMenu) -> None:
        from asr_desktop.ui.login import PasswordDialog

        def then_update(action: Callable[[QWidget, AppContext], object]) -> Callable[[], None]:
            def run() -> None:
                action(self, self.context)
                self._update_status_bar()

            return run

        menu.addAction(self._action("สำรองข้อมูลไปที่…", then_update(backup_dialogs.back_up_to)))
        menu.addAction(self._action("กู้คืนข้อมูล…", then_update(backup_dialogs.restore_from)))
        menu.addAction(self._action("ตรวจสอบฐานข้อมูล", then_update(backup_dialogs.check_now)))
        menu.addAction(
            self._action(
                "รหัสผ่านเข้าโปรแกรม…", lambda: PasswordDialog(self.context.office, self).exec()
            )
        )

    def bring_forward(self) -> None:
        """A second start of the app asked for this window."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def _on_changed(self, changes: frozenset[Change]) -> None:
        if Change.SETTINGS in changes:
            self.setWindowTitle(self._title())
            self._update_status_bar()

    def show_about(self) -> None:
        ask.inform(
            self,
            "เกี่ยวกับ อสร. Desktop",
            f"อสร. Desktop รุ่น {__version__}\n"
            "ทะเบียนและรายงานอาสาสมัครแรงงาน สำหรับสำนักงานแรงงานจังหวัด\n\n"
            f"ฐานข้อมูล: {self.context.db_path}",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self._prebuild.stop()
        self.context.office.close()
        super().closeEvent(event)
