"""The headquarters window: the same shell as the office's, with the national pages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QMainWindow, QStackedWidget, QWidget

from asr_desktop import __version__
from asr_desktop.ui.hq.context import HQContext
from asr_desktop.ui.hq.dashboard_page import NationalDashboardPage
from asr_desktop.ui.hq.duplicates_page import DuplicatesPage
from asr_desktop.ui.hq.findings_page import FindingsPage
from asr_desktop.ui.hq.outputs_page import OutputsPage
from asr_desktop.ui.hq.receive_page import ReceivePage
from asr_desktop.ui.hq.roster_page import NationalRosterPage
from asr_desktop.ui.hq.status_page import StatusPage

PAGES: list[Callable[[HQContext], QWidget]] = [
    ReceivePage,
    StatusPage,
    NationalDashboardPage,
    NationalRosterPage,
    DuplicatesPage,
    FindingsPage,
    OutputsPage,
]


class HQWindow(QMainWindow):
    def __init__(self, context: HQContext) -> None:
        super().__init__()
        self.context = context
        self.setWindowTitle(f"อสร. Desktop — สำนักงานส่วนกลาง — {context.hq.path.name}")
        self.resize(1280, 700)  # fits a 1366×768 laptop with the taskbar
        self.navigation = QListWidget()
        self.navigation.setFixedWidth(190)
        self.navigation.setObjectName("navigation")
        # Room above and below each line for Thai upper and lower marks.
        self.navigation.setStyleSheet("QListWidget#navigation::item { padding: 5px 6px; }")
        self.stack = QStackedWidget()
        self.pages: list[QWidget] = []
        for factory in PAGES:
            page = factory(context)
            self.pages.append(page)
            self.navigation.addItem(page.title)  # type: ignore[attr-defined]
            self.stack.addWidget(page)
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        demo = " — กุญแจตัวอย่าง (DEMO) ห้ามใช้กับข้อมูลจริง" if context.hq.uses_demo_key else ""
        self.statusBar().addWidget(QLabel(f"ฐานข้อมูลส่วนกลาง: {context.hq.path}{demo}"))
        self.statusBar().addPermanentWidget(QLabel(f"รุ่น {__version__}"))
        refresh = QAction("รีเฟรช", self)
        refresh.setShortcut(QKeySequence("F5"))
        refresh.triggered.connect(self._refresh)
        find = QAction("ค้นหา", self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self._find)
        self.addActions([refresh, find])
        self.navigation.setCurrentRow(0)

    def show_page(self, page_type: type) -> QWidget:
        for i, page in enumerate(self.pages):
            if isinstance(page, page_type):
                self.navigation.setCurrentRow(i)
                return page
        raise LookupError(page_type)

    def _refresh(self) -> None:
        refresh = getattr(self.stack.currentWidget(), "refresh", None)
        if refresh is not None:
            refresh()

    def _find(self) -> None:
        page = self.show_page(NationalRosterPage)
        page.focus_search()  # type: ignore[attr-defined]
