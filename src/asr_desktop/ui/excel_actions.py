"""Menu actions for Excel: import, export the roster, send the monthly package.

Each action asks what it needs (file, month, folder) through small functions that tests
replace, then runs the service in the background with progress and Cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QWidget

from asr_desktop.domain.errors import AsrError
from asr_desktop.domain.month import Month
from asr_desktop.domain.progress import ProgressFn
from asr_desktop.services.office import Office
from asr_desktop.services.paths import data_dir
from asr_desktop.ui import ask, thai_qt
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from asr_desktop.services.reporting.package import PackageResult


def choose_month(parent: QWidget, today: date) -> Month | None:
    months = Month.recent(today)
    labels = [m.thai() for m in months]
    # The usual case is last month's report, sent early in the new month.
    label, ok = QInputDialog.getItem(parent, "ส่งรายงานประจำเดือน", "เดือน", labels, 1, False)
    return months[labels.index(label)] if ok else None


def choose_folder(parent: QWidget) -> Path | None:
    folder = QFileDialog.getExistingDirectory(
        parent, "เลือกโฟลเดอร์สำหรับชุดรายงาน", str(thai_qt.start_folder())
    )
    if folder:
        thai_qt.remember(folder)
    return Path(folder) if folder else None


def choose_save_path(parent: QWidget, suggested: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(
        parent, "บันทึกไฟล์ Excel", thai_qt.start_path(suggested), "Excel (*.xlsx)"
    )
    if path:
        thai_qt.remember(path)
    return Path(path) if path else None


def _on_error(parent: QWidget, title: str) -> Callable[[BaseException], None]:
    def show(exc: BaseException) -> None:
        message = exc.message if isinstance(exc, AsrError) else f"เกิดข้อผิดพลาด: {exc!r}"
        ask.error(parent, title, message)

    return show


def export_roster_action(context: AppContext, parent: QWidget, runner: TaskRunner) -> None:
    out = choose_save_path(parent, "ทะเบียน อสร.xlsx")
    if out is None:
        return
    db_path, today = context.db_path, context.today()

    def work(progress: ProgressFn) -> int:
        from asr_desktop.services.reporting.workbooks import export_roster  # openpyxl: only now

        db = Office.connect(db_path).db  # the worker's own connection
        try:
            return export_roster(db, out, today=today, progress=progress)
        finally:
            db.close()

    runner.run(
        "กำลังส่งออกทะเบียน…", work,
        on_done=lambda n: ask.inform(parent, "ส่งออกแล้ว", f"ส่งออกทะเบียน {n:,} คนไปที่ {out}"),
        on_error=_on_error(parent, "ส่งออกไม่ได้"),
    )  # fmt: skip


def monthly_package_action(context: AppContext, parent: QWidget, runner: TaskRunner) -> None:
    """ส่งรายงานประจำเดือน: the month's workbook (+ PDF) and manifest, logged with a copy."""
    month = choose_month(parent, context.today())
    if month is None:
        return
    folder = choose_folder(parent)
    if folder is None:
        return
    db_path, today = context.db_path, context.today()
    keep = data_dir() if context.db_path.parent == data_dir() else context.db_path.parent

    def work(progress: ProgressFn) -> PackageResult:
        from asr_desktop.services.reporting.package import (
            build_package,  # openpyxl, reportlab: only now
        )

        db = Office.connect(db_path).db  # the worker's own connection
        try:
            return build_package(
                db,
                month=month,
                out_dir=folder,
                data_dir=keep,
                today=today,
                progress=progress,
            )
        finally:
            db.close()

    def done(result: PackageResult) -> None:
        files = "\n".join(f"• {f.name} ({f.size:,} ไบต์)" for f in result.files)
        ask.inform(
            parent, "ส่งรายงานประจำเดือน",
            f"บันทึกชุดรายงาน{month.thai()} {result.package}\n"
            f"ลงนามและปิดผนึกแล้ว ภายในมี\n{files}\n• manifest.json และลายมือชื่อดิจิทัล\n\n"
            f"รหัสกุญแจลงนามของสำนักงาน {result.key_fingerprint}\n"
            f"เก็บสำเนาไว้ที่ {result.frozen_copy}",
        )  # fmt: skip

    runner.run("กำลังจัดทำชุดรายงาน…", work, on_done=done,
               on_error=_on_error(parent, "จัดทำชุดรายงานไม่ได้"))  # fmt: skip


def import_action(context: AppContext, parent: QWidget) -> None:
    from asr_desktop.ui.import_dialog import open_import_dialog  # openpyxl: only now

    open_import_dialog(context, parent)


def add_excel_actions(menu: QMenu, context: AppContext, parent: QWidget) -> TaskRunner:
    """Adds the Excel actions to a menu (the main window's แฟ้ม menu)."""
    runner = TaskRunner(parent)
    for text, slot in (
        ("นำเข้าจาก Excel…", lambda: import_action(context, parent)),
        ("ส่งออกทะเบียนเป็น Excel…", lambda: export_roster_action(context, parent, runner)),
        ("ส่งรายงานประจำเดือน…", lambda: monthly_package_action(context, parent, runner)),
    ):
        action = QAction(text, parent)
        action.triggered.connect(slot)
        menu.addAction(action)
    return runner
