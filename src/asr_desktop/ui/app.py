"""Starting the desktop app: fonts, the database (first run or demo), the main window."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from asr_desktop import __version__
from asr_desktop.assets import resource_path
from asr_desktop.domain.errors import AsrError
from asr_desktop.domain.progress import ProgressFn
from asr_desktop.services import paths
from asr_desktop.services.office import Office, discard_new_database
from asr_desktop.services.startup import DamagedDatabaseError
from asr_desktop.ui import ask
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.fonts import install_fonts

# Smoke-test hook for the frozen-build test and start-up timing: when set, the app prints
# one line once the main window is on screen and quits this many milliseconds later.
EXIT_AFTER_ENV = "ASR_DESKTOP_EXIT_AFTER_MS"
SHOWN_MESSAGE = "asr-desktop: main window shown"


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="asr-desktop", description="อสร. Desktop")
    parser.add_argument("--demo", action="store_true", help="เปิดฐานข้อมูลตัวอย่าง (จังหวัดสกลนคร)")
    parser.add_argument("--db", type=Path, help="ไฟล์ฐานข้อมูลที่จะเปิด")
    parser.add_argument("--version", action="version", version=f"asr-desktop {__version__}")
    return parser.parse_args(argv)


def database_path(args: argparse.Namespace) -> Path:
    if args.db:
        return Path(args.db)
    return paths.demo_database_path() if args.demo else paths.default_database_path()


def open_context(args: argparse.Namespace, *, started: float | None = None) -> AppContext | None:
    """Opens the database the arguments ask for; None when the user gave up.

    The slow part (start-up checks, a migration, the daily backup, building the demo)
    runs on a worker thread behind a window with progress; the GUI thread then takes its
    own connection to the checked file.

    Raises:
        DamagedDatabaseError: The file failed its quick check (see ``backup_dialogs``).
    """
    from asr_desktop.ui.first_run import FirstRunDialog
    from asr_desktop.ui.startup_window import run_with_progress

    path = database_path(args)
    existed = path.exists()
    demo = bool(args.demo)

    def prepare(progress: ProgressFn) -> tuple[str, list[Path]]:
        # The app makes its database on first run (after asking the province) or for the demo.
        office = Office.open(path, create=True)
        try:
            if demo and not office.is_initialised:
                from asr_desktop.services.demo import build_demo

                build_demo(office.db, progress=progress)
            return office.backup_warning, office.backups
        finally:
            office.close()

    text = "กำลังสร้างข้อมูลตัวอย่าง…" if demo and not path.exists() else "กำลังเปิดฐานข้อมูล…"
    warning, backups = run_with_progress(text, prepare, started=started)
    office = Office.connect(path)
    office.backup_warning, office.backups = warning, backups
    if demo:
        return AppContext(office, is_demo=True)
    if not office.is_initialised:
        dialog = FirstRunDialog(office, path)
        if not dialog.exec():
            office.close()
            if not existed:  # cancelled: leave no half-made office behind
                discard_new_database(path)
            return None
    return AppContext(office)


def main(argv: Sequence[str] | None = None) -> int:
    started = time.perf_counter()
    paths.private_umask()  # backups, exports and databases are personal data
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if QApplication.instance() is None:
        from asr_desktop.ui.display_check import missing_display_library

        problem = missing_display_library()
        if problem:
            print(problem, file=sys.stderr)
            return 1
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ASR Desktop")
    app.setApplicationDisplayName("อสร. Desktop")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource_path("icons", "asr-desktop.png"))))
    install_fonts(app)  # type: ignore[arg-type]
    from asr_desktop.ui.clipboard import install_clean_copy

    install_clean_copy(app)  # type: ignore[arg-type]
    from asr_desktop.ui import backup_dialogs, crash, login, single_instance, thai_qt

    thai_qt.install(app)  # type: ignore[arg-type]

    crash.install(paths.data_dir(), app.activeWindow)  # type: ignore[attr-defined]
    instance = single_instance.SingleInstance(single_instance.instance_key(database_path(args)))
    if not instance.acquire():
        if not single_instance.ask_running_instance(instance.key):
            ask.warn(None, "โปรแกรมเปิดอยู่แล้ว", "อสร. Desktop เปิดฐานข้อมูลนี้อยู่แล้วในอีกหน้าต่างหนึ่ง")
        return 0
    # Until the main window exists (first run, login), a second start raises the dialog.
    instance.activated.connect(single_instance.bring_visible_forward)
    try:
        try:
            context = open_context(args, started=started)
        except DamagedDatabaseError as exc:
            if not backup_dialogs.recover_damaged(exc):
                return 1
            context = open_context(args, started=started)
    except AsrError as exc:
        ask.error(None, "เปิดฐานข้อมูลไม่ได้", exc.message)
        return 1
    if context is None or not login.login(context.office):
        return 0
    from asr_desktop.ui.main_window import MainWindow

    window = MainWindow(context)
    instance.activated.connect(window.bring_forward)
    window.show()
    _exit_after_shown_if_asked(app, window, started)
    try:
        return app.exec()
    finally:
        instance.release()


def _exit_after_shown_if_asked(app: QApplication, window: QWidget, started: float) -> None:
    delay = os.environ.get(EXIT_AFTER_ENV)
    if not delay:
        return

    def shown() -> None:
        # A windowed exe on Windows has no stdout.
        if window.isVisible() and sys.stdout is not None:
            elapsed = time.perf_counter() - started
            print(f"{SHOWN_MESSAGE} ({elapsed:.2f} s after main() started)", flush=True)
        QTimer.singleShot(int(delay), app.quit)

    QTimer.singleShot(0, shown)


if __name__ == "__main__":
    sys.exit(main())
