"""Starting the desktop app: fonts, the database (first run or demo), the main window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")

from PySide6.QtWidgets import QApplication

from asr_desktop import __version__
from asr_desktop.domain.errors import AsrError
from asr_desktop.services import paths
from asr_desktop.services.startup import DamagedDatabaseError, open_office_database
from asr_desktop.store.settings import is_initialised
from asr_desktop.ui import ask
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.fonts import install_fonts


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


def open_context(args: argparse.Namespace) -> AppContext | None:
    """Opens the database the arguments ask for; None when the user gave up.

    Raises:
        DamagedDatabaseError: The file failed its quick check (see ``backup_dialogs``).
    """
    from asr_desktop.ui.first_run import FirstRunDialog

    path = database_path(args)
    if args.demo:
        db = open_office_database(path).db
        if not is_initialised(db):
            from asr_desktop.services.demo import build_demo

            build_demo(db)
        return AppContext(db, path, is_demo=True)
    db = open_office_database(path).db
    if not is_initialised(db):
        dialog = FirstRunDialog(db, path)
        if not dialog.exec():
            db.close()
            return None
    return AppContext(db, path)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ASR Desktop")
    app.setApplicationDisplayName("อสร. Desktop")
    app.setApplicationVersion(__version__)
    install_fonts(app)  # type: ignore[arg-type]
    from asr_desktop.ui import backup_dialogs, crash, login, single_instance

    crash.install(paths.data_dir(), app.activeWindow)  # type: ignore[attr-defined]
    instance = single_instance.SingleInstance(single_instance.instance_key(database_path(args)))
    if not instance.acquire():
        if not single_instance.ask_running_instance(instance.key):
            ask.warn(None, "โปรแกรมเปิดอยู่แล้ว", "อสร. Desktop เปิดฐานข้อมูลนี้อยู่แล้วในอีกหน้าต่างหนึ่ง")
        return 0
    try:
        try:
            context = open_context(args)
        except DamagedDatabaseError as exc:
            if not backup_dialogs.recover_damaged(exc):
                return 1
            context = open_context(args)
    except AsrError as exc:
        ask.error(None, "เปิดฐานข้อมูลไม่ได้", exc.message)
        return 1
    if context is None or not login.login(context.db):
        return 0
    from asr_desktop.ui.main_window import MainWindow

    window = MainWindow(context)
    instance.activated.connect(window.bring_forward)
    window.show()
    try:
        return app.exec()
    finally:
        instance.release()


if __name__ == "__main__":
    sys.exit(main())
