"""Opens every page and dialog on the screen Qt was started with; prints what does not fit.

Run in a child process by ``test_screens.py`` (the screen size and scale factor must be
set before Qt starts): ``QT_QPA_PLATFORM=offscreen:configfile=screen.json
QT_SCALE_FACTOR=1.25 python tests/ui/screen_check.py [screenshot-folder]``. It prints one
JSON object: ``{"screen": ..., "windows": [...], "problems": [...]}``. A problem is a
window larger than the available geometry, a button outside it, or a label whose Thai
text does not fit its box (clipped, or one unbroken line wider than the label).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
os.environ.setdefault("ASR_DESKTOP_DATA", tempfile.mkdtemp(prefix="asr-screens-"))

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QMessageBox,
    QStyle,
    QTableView,
    QWidget,
)

TODAY = date(2026, 11, 24)


def _inside_scroll_area(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text or label.textFormat() == Qt.TextFormat.RichText or "<" in text:
        return None
    box = label.contentsRect()
    if box.width() <= 0:
        return None
    metrics = QFontMetrics(label.font())
    flags = Qt.TextFlag.TextWordWrap if label.wordWrap() else 0
    needed = metrics.boundingRect(QRect(0, 0, box.width(), 100_000), int(flags), text)
    if needed.width() > box.width() + 1:
        return f"กว้างเกิน {needed.width()} > {box.width()}"
    if needed.height() > box.height() + 1:
        return f"สูงเกิน {needed.height()} > {box.height()}"
    return None


def _table_problems(view: QTableView) -> list[str]:
    """Cells of a word-wrapping table, and header titles, that run past their column."""
    found: list[str] = []
    model = view.model()
    if model is None:
        return found
    wrap = int(Qt.TextFlag.TextWordWrap)
    header = view.horizontalHeader()
    metrics = QFontMetrics(header.font())
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    for column in range(model.columnCount()):
        if header.isSectionHidden(column):
            continue
        room = header.sectionSize(column) - 2 * margin
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        needed = metrics.boundingRect(QRect(0, 0, room, 10_000), wrap, title).width()
        if title and needed > room + 1:
            found.append(f"หัวตาราง {title!r} กว้าง {needed} > {room}")
        width = header.sectionSize(column) - 8
        if not view.wordWrap():
            continue
        cell_metrics = QFontMetrics(view.font())
        for row in range(min(model.rowCount(), 25)):
            if view.rowHeight(row) < 2 * cell_metrics.lineSpacing():
                continue  # a one-line row elides ("…") with or without line breaking
            text = model.index(row, column).data()
            if not isinstance(text, str) or not text:
                continue
            needed = cell_metrics.boundingRect(QRect(0, 0, width, 10_000), wrap, text).width()
            if needed > width + 1:
                found.append(f"ช่อง {text[:30]!r} กว้าง {needed} > {width}")
    return found


def check_window(name: str, window: QWidget, problems: list[dict[str, object]]) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for _ in range(3):
        app.processEvents()
    area = window.screen().availableGeometry()
    frame = window.frameGeometry()
    if not area.contains(frame):
        problems.append(
            {"window": name, "what": "window", "rect": frame.getRect(), "area": area.getRect()}
        )
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible() or _inside_scroll_area(button, window):
            continue
        rect = _global_rect(button)
        if not area.contains(rect) or not frame.contains(rect):
            problems.append(
                {"window": name, "what": "button", "text": button.text(), "rect": rect.getRect()}
            )
    for table in window.findChildren(QTableView):
        if table.isVisible():
            for why in _table_problems(table):
                problems.append({"window": name, "what": "table", "why": why})
    for label in window.findChildren(QLabel):
        # Labels inside a scroll area are checked too (a dashboard card's caption is),
        # whether or not they are scrolled into view.
        if not label.isVisible():
            continue
        problem = _label_problem(label)
        if problem:
            problems.append(
                {"window": name, "what": "label", "text": label.text()[:60], "why": problem}
            )


def thai_line_breaking() -> bool:
    """Whether Qt can break Thai between words here (libthai loaded): Windows cannot."""
    from PySide6.QtGui import QFont

    metrics = QFontMetrics(QFont("Sarabun", 12))
    text = "สำนักงานแรงงานจังหวัดสกลนครขอเชิญอาสาสมัครแรงงานเข้าร่วมประชุม"
    box = metrics.boundingRect(QRect(0, 0, 120, 10_000), int(Qt.TextFlag.TextWordWrap), text)
    return box.width() <= 121


def main() -> int:
    shots = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    app = QApplication(sys.argv[:1])
    from asr_desktop.services.demo.province import build_demo
    from asr_desktop.services.office import Office
    from asr_desktop.store.database import memory_database
    from asr_desktop.ui.context import AppContext
    from asr_desktop.ui.fonts import install_fonts
    from asr_desktop.ui.main_window import MainWindow

    install_fonts(app)
    db = memory_database()
    build_demo(db, volunteers=300, today=TODAY)
    office = Office.adopt(db, Path(tempfile.mkdtemp()) / "demo.db", today=lambda: TODAY)
    context = AppContext(office, is_demo=True)
    window = MainWindow(context)
    window.show()
    dashboard = window.page(0)
    for _ in range(500):  # the dashboard's figures follow its first paint
        if dashboard.figures is not None:
            break
        app.processEvents()
        time.sleep(0.01)
    problems: list[dict[str, object]] = []
    seen: list[dict[str, object]] = []

    def look(name: str, widget: QWidget) -> None:
        check_window(name, widget, problems)
        seen.append({"window": name, "rect": widget.frameGeometry().getRect()})
        if shots is not None:
            shots.mkdir(parents=True, exist_ok=True)
            widget.grab().save(str(shots / f"{name}.png"))

    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        look(f"page{row}-{type(window.stack.currentWidget()).__name__}", window)
    if shots is not None:
        dashboard.coverage_chart.grab().save(str(shots / "dashboard-coverage-chart.png"))
        dashboard.activity_chart.grab().save(str(shots / "dashboard-activity-chart.png"))

    for name, make in dialogs(context, window).items():
        dialog = make()
        dialog.show()
        look(name, dialog)
        dialog.close()
        dialog.deleteLater()

    screen = app.primaryScreen()
    print(
        json.dumps(
            {
                "screen": screen.availableGeometry().getRect(),
                "dpr": screen.devicePixelRatio(),
                "thai_line_breaking": thai_line_breaking(),
                "windows": seen,
                "problems": problems,
            },
            ensure_ascii=False,
        )
    )
    return 0


def dialogs(context, window: QWidget) -> dict[str, Callable[[], QWidget]]:  # type: ignore[no-untyped-def]
    """Every dialog of the app, filled as a clerk would see it."""
    from asr_desktop.domain.thai_words import with_word_breaks
    from asr_desktop.domain.vocabulary import StatusChange
    from asr_desktop.ui.activity_dialog import ActivityDialog
    from asr_desktop.ui.categories_dialog import CategoriesDialog
    from asr_desktop.ui.event_dialog import EventDialog
    from asr_desktop.ui.first_run import FirstRunDialog
    from asr_desktop.ui.import_dialog import ImportDialog
    from asr_desktop.ui.login import PasswordDialog
    from asr_desktop.ui.mentor_dialogs import AssignDistrictDialog, ChecklistDialog, MentorDialog
    from asr_desktop.ui.referral_dialog import ReferralDialog
    from asr_desktop.ui.settings_dialog import SettingsDialog
    from asr_desktop.ui.startup_window import StartupWindow
    from asr_desktop.ui.term_dialogs import StatusChangeDialog, TermDialog
    from asr_desktop.ui.volunteer_dialog import VolunteerDialog
    from asr_desktop.ui.volunteer_list import VolunteerListDialog

    office = context.office
    first_id = office.db.execute("SELECT min(id) FROM volunteers").fetchone()[0]
    mentor = office.mentors.loads()[0].mentor

    def import_preview() -> QWidget:
        from asr_desktop.services.reporting.workbooks import export_roster
        from asr_desktop.services.roster_import.plan import build_plan

        dialog = ImportDialog(context, window)
        path = Path(tempfile.mkdtemp()) / "roster.xlsx"
        export_roster(office.db, path, today=TODAY)
        dialog.set_path(path)
        while dialog.sheet_reader.busy:  # the sheet list is read in the background
            QApplication.processEvents()
            time.sleep(0.01)
        dialog._show_plan(build_plan(office.db, path, today=TODAY))
        return dialog

    def message() -> QWidget:
        text = (
            "นำเข้าไม่ได้ แถวที่ 12 เลขประจำตัวประชาชน 3-4701-00012-34-5 ซ้ำกับแถวที่ 48 "
            "ในไฟล์เดียวกัน กรุณาแก้ไขไฟล์แล้วลองใหม่อีกครั้ง"
        )
        return QMessageBox(QMessageBox.Icon.Warning, "นำเข้าไม่ได้", with_word_breaks(text))

    return {
        "volunteer-new": lambda: VolunteerDialog(context, None, window),
        "volunteer-edit": lambda: VolunteerDialog(context, first_id, window),
        "volunteer-edit-work": lambda: _on_last_tab(VolunteerDialog(context, first_id, window)),
        "import-choose": lambda: ImportDialog(context, window),
        "import-preview": import_preview,
        "event": lambda: EventDialog(context, None, window),
        "activity": lambda: ActivityDialog(context, None, window),
        "referral": lambda: ReferralDialog(context, None, window),
        "mentor": lambda: MentorDialog(context, mentor, window),
        "assign-district": lambda: AssignDistrictDialog(context, mentor, window),
        "checklist": lambda: ChecklistDialog(context, first_id, 2569, 1, "นายทดสอบ", window),
        "term": lambda: TermDialog(first_id, 2, None, window),
        "status-change": lambda: StatusChangeDialog(StatusChange.SUSPENDED, TODAY, window),
        "settings": lambda: SettingsDialog(context, window),
        "categories": lambda: CategoriesDialog(context, window),
        "volunteer-list": lambda: VolunteerListDialog(
            context, "อาสาสมัครที่ครบวาระภายใน 90 วัน", list(range(first_id, first_id + 40)), window
        ),
        "password": lambda: PasswordDialog(office, window),
        "message": message,
        "startup": lambda: StartupWindow("กำลังสร้างข้อมูลตัวอย่าง…"),
        "first-run": lambda: FirstRunDialog(office, Path("C:/Users/clerk/AppData/Local/asr.db")),
    }


def _on_last_tab(dialog):  # type: ignore[no-untyped-def]
    dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)
    return dialog


if __name__ == "__main__":
    sys.exit(main())
