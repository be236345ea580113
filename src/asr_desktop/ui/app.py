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
from asr_desktop.ui.tasks import GuiThreadCollector

# Smoke-test hook for the frozen-build test and start-up timing: when set, the app prints
# one line once the main window is on screen and quits this many milliseconds later.
EXIT_AFTER_ENV = "ASR_DESKTOP_EXIT_AFTER_MS"
SHOWN_MESSAGE = "asr-desktop: main window shown"


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="asr-desktop", description="อสร. Desktop")
    parser.add_argument("--demo", action="store_true", help="เปิดฐานข้อมูลตัวอย่าง (จังหวัดสกลนคร)")
    parser.add_argument("--db", type=Path, help="ไฟล์ฐานข้อมูลที่จะเปิด")
    parser.add_argument(
        "--hq", action="store_true", help="โหมดสำนักงานส่วนกลาง: รับรายงานของ 77 จังหวัด"
    )
    parser.add_argument("--version", action="version", version=f"asr-desktop {__version__}")
    return parser.parse_args(argv)


def database_path(args: argparse.Namespace) -> Path:
    if args.db:
        return Path(args.db)
    if args.hq:
        return paths.national_database_path()
    return paths.demo_database_path() if args.demo else paths.default_database_path()


def missing_db_reason(args: argparse.Namespace) -> str | None:
    """Why the app will not open the ``--db`` it was given (None when it will).

    A ``--db`` file that is not there is most likely a typing mistake; making an empty
    office there (through the first-run dialog) would hide the mistake behind a blank
    roster. Only the default data path gets a first run; ``--demo`` makes its demo file,
    and ``--hq`` its national database, wherever they are told.
    """
    if args.db is None or args.demo or args.hq:
        return None
    path = Path(args.db)
    if path.exists():
        return None
    return (
        f"ไม่พบไฟล์ฐานข้อมูล {path}: ไม่มีไฟล์อยู่ที่ตำแหน่งนี้ ตรวจสอบชื่อไฟล์และโฟลเดอร์ที่ระบุใน --db\n"
        "ไม่ได้สร้างไฟล์ใดขึ้นใหม่ ถ้าต้องการฐานข้อมูลใหม่ ให้เปิดโปรแกรมโดยไม่ระบุ --db "
        f"(โปรแกรมจะถามจังหวัดแล้วสร้างที่ {paths.default_database_path()}) "
        f'หรือสร้างที่ตำแหน่งนี้ด้วยคำสั่ง asr-cli --db "{path}" init --province <รหัสจังหวัด 2 หลัก>'
    )


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
    if args.hq or _chosen_headquarters(args):
        return None
    existed = path.exists()
    demo = bool(args.demo)

    def prepare(progress: ProgressFn) -> tuple[str, list[Path]]:
        # The app makes its database on first run (after asking the province) or for the demo.
        office = Office.open(path, create=True)
        try:
            if demo and not office.is_initialised:
                from asr_desktop.services.demo.province import build_demo

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
        if dialog.headquarters:  # สำนักงานส่วนกลาง: no office database is kept
            office.close()
            if not existed:
                discard_new_database(path)
            args.hq = True
            return None
    return AppContext(office)


def _chosen_headquarters(args: argparse.Namespace) -> bool:
    """At a plain start, a national database made at first run means headquarters mode."""
    return (
        not (args.db or args.demo)
        and paths.national_database_path().is_file()
        and not (
            paths.default_database_path().is_file() and _is_set_up(paths.default_database_path())
        )
    )


def _is_set_up(path: Path) -> bool:
    from asr_desktop.services.hq.headquarters import office_is_set_up

    return office_is_set_up(path)


def run_headquarters(app: QApplication, path: Path, started: float) -> int:
    """Headquarters mode over the national database ``path`` (made on first use)."""
    from asr_desktop.services.hq.headquarters import Headquarters
    from asr_desktop.ui.hq.context import HQContext
    from asr_desktop.ui.hq.window import HQWindow

    if path.is_file() and path.stat().st_size:
        hq = Headquarters.open(path)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        hq, public = Headquarters.create(path)
        ask.inform(
            None,
            "สร้างฐานข้อมูลส่วนกลางแล้ว",
            f"สร้างฐานข้อมูลส่วนกลางที่ {path}\nและกุญแจส่วนตัวของส่วนกลางไว้ข้างไฟล์ฐานข้อมูล "
            "(สำรองไว้ในที่ปลอดภัย ถ้ากุญแจหายจะเปิดชุดรายงานไม่ได้)\n\n"
            f"กุญแจสาธารณะที่ต้องแจ้งสำนักงานแรงงานจังหวัด:\n{public}",
        )
    window = HQWindow(HQContext(hq))
    window.show()
    _exit_after_shown_if_asked(app, window, started)
    try:
        return app.exec()
    finally:
        hq.close()


def main(argv: Sequence[str] | None = None) -> int:
    started = time.perf_counter()
    paths.private_umask()  # backups, exports and databases are personal data
    args = parse_args(sys.argv[1:] if argv is None else argv)
    refused = missing_db_reason(args)
    if refused and sys.stderr is not None:  # typed on a command line: answer there
        print(refused, file=sys.stderr)
        return 1
    running = QApplication.instance()
    if running is None:
        from asr_desktop.ui.display_check import missing_display_library

        problem = missing_display_library()
        if problem:
            print(problem, file=sys.stderr)
            return 1
    app = running if isinstance(running, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("ASR Desktop")
    app.setApplicationDisplayName("อสร. Desktop")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource_path("icons", "asr-desktop.png"))))
    install_fonts(app)
    if refused:  # a windowed build has no stderr (a shortcut's target, say): a dialog
        ask.error(None, "เปิดฐานข้อมูลไม่ได้", refused)
        return 1
    # Garbage is collected on the GUI thread only: the start-up work, the word list and
    # every task run in other threads (ui/tasks.py says why).
    GuiThreadCollector(app)
    from asr_desktop.ui.clipboard import install_clean_copy

    install_clean_copy(app)
    from asr_desktop.ui import backup_dialogs, crash, login, single_instance, thai_qt

    thai_qt.install(app)

    crash.install(paths.data_dir(), app.activeWindow)
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
    if (context is None and args.hq) or _chosen_headquarters(args):
        try:
            return run_headquarters(app, database_path(args), started)
        except AsrError as exc:
            ask.error(None, "เปิดฐานข้อมูลส่วนกลางไม่ได้", exc.message)
            return 1
        finally:
            instance.release()
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
