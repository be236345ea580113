"""Uncaught exceptions in the GUI: a Thai dialog, a rotating log, and the app keeps going.

Qt calls ``sys.excepthook`` for an exception that escapes a slot, then carries on, so
showing a dialog there keeps the app alive. A storage failure (full disk, read-only
file) is not a bug: it gets its plain reason instead of the crash dialog.
"""

from __future__ import annotations

import html
import logging
import logging.handlers
import platform
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from asr_desktop import __version__
from asr_desktop.domain.errors import AsrError
from asr_desktop.domain.thai_words import with_word_breaks
from asr_desktop.services.startup import explain, is_storage_failure
from asr_desktop.ui import ask

LOG_FILE_NAME = "asr-desktop.log"
log = logging.getLogger("asr_desktop")


def install_log(folder: Path) -> Path:
    """Sends the app's log to a rotating file in the data folder (5 files of 1 MB)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE_NAME
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in log.handlers):
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=4, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    return path


LINE_HEIGHT = 150
"""Per cent of the font's height between lines of the crash message."""


class CrashDialog(QDialog):
    """ขออภัย เกิดข้อผิดพลาด: what happened, that the work so far is saved, copy details."""

    def __init__(self, details: str, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("เกิดข้อผิดพลาดในโปรแกรม")
        self.details = details
        lines = [
            "ขออภัย โปรแกรมทำงานผิดพลาดระหว่างคำสั่งล่าสุด",
            "ข้อมูลที่บันทึกไว้แล้วยังอยู่ครบ คำสั่งที่ผิดพลาดอาจไม่ได้บันทึก กรุณาตรวจสอบแล้วลองอีกครั้ง",
            'ถ้าเกิดซ้ำ กด "คัดลอกรายละเอียด" แล้วส่งให้ผู้ดูแลโปรแกรม',
        ]
        if log_path:
            lines.append(f"รายละเอียดถูกบันทึกไว้ในไฟล์ {log_path}")
        # Thai marks above and below the line touch the next line at Qt's default leading;
        # word-break marks: Windows' Qt cannot break Thai lines itself.
        message = QLabel(
            "".join(
                f'<p style="line-height: {LINE_HEIGHT}%;">{html.escape(with_word_breaks(line))}</p>'
                for line in lines
            )
        )
        message.setTextFormat(Qt.TextFormat.RichText)
        message.setWordWrap(True)
        self.text = QPlainTextEdit(details)
        self.text.setReadOnly(True)
        self.text.setMinimumSize(560, 180)
        self.copy_button = QPushButton("คัดลอกรายละเอียด")
        self.copy_button.clicked.connect(self.copy_details)
        buttons = QDialogButtonBox()
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton("ปิด", QDialogButtonBox.ButtonRole.AcceptRole)
        close.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)
        self.copy_button.setText("คัดลอกแล้ว")


def describe(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    lines = traceback.format_exception(exc_type, exc, tb)
    header = (
        f"อสร. Desktop {__version__} · Python {platform.python_version()} · {platform.platform()}\n"
    )
    return header + "".join(lines)


class ExceptionHandler:
    """The ``sys.excepthook`` of the GUI. ``show`` is replaceable in tests."""

    def __init__(self, log_path: Path | None, parent: Callable[[], QWidget | None]) -> None:
        self.log_path = log_path
        self.parent = parent
        self.showing = False

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        details = describe(exc_type, exc, tb)
        log.error("uncaught exception\n%s", details)
        if self.showing:  # an error while the dialog is up: logged, not stacked
            return
        self.showing = True
        try:
            if isinstance(exc, AsrError):
                ask.warn(self.parent(), "ทำรายการไม่สำเร็จ", exc.message)
            elif is_storage_failure(exc):
                ask.warn(self.parent(), "บันทึกไม่สำเร็จ", explain(exc).message)
            else:
                self.show(details)
        finally:
            self.showing = False

    def show(self, details: str) -> None:
        CrashDialog(details, self.log_path, self.parent()).exec()


def install(log_folder: Path, parent: Callable[[], QWidget | None]) -> ExceptionHandler:
    handler = ExceptionHandler(install_log(log_folder), parent)
    sys.excepthook = handler
    return handler
