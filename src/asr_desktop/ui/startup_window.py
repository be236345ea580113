"""The first thing on screen: a small window that says what the app is doing while the
database opens in the background (building the demo, a migration, the first backup of
the day on a large file), instead of nothing for many seconds."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from asr_desktop.domain.progress import ProgressFn
from asr_desktop.domain.thai_words import with_word_breaks
from asr_desktop.ui.screen_fit import fit_window
from asr_desktop.ui.tasks import Worker

# With the app's smoke-test hook set, this line is printed once the window is on screen.
PROGRESS_SHOWN_MESSAGE = "asr-desktop: start-up progress shown"

# What the window says (its Thai is in domain.thai_words.FIRST_SCREEN_WORDS).
OPENING_TEXT = "กำลังเปิดฐานข้อมูล…"
BUILDING_DEMO_TEXT = "กำลังสร้างข้อมูลตัวอย่าง…"


class StartupWindow(QWidget):
    def __init__(self, text: str) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle("กำลังเริ่มโปรแกรม")
        self.heading = QLabel("อสร. Desktop")
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.step = QLabel(with_word_breaks(text))
        self.step.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the work reports how far it is
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.step)
        layout.addWidget(self.bar)
        fit_window(self, 440)

    def show_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))


def run_with_progress(
    text: str, work: Callable[[ProgressFn], Any], *, started: float | None = None
) -> Any:
    """Shows the start-up window, runs ``work`` on a worker thread, returns its result.

    The GUI thread keeps painting the window while it waits. An exception raised by the
    work is raised again here, on the GUI thread, for the caller's usual handling.
    """
    window = StartupWindow(text)
    window.show()
    if started is not None and os.environ.get("ASR_DESKTOP_EXIT_AFTER_MS") and sys.stdout:
        elapsed = time.perf_counter() - started
        print(f"{PROGRESS_SHOWN_MESSAGE} ({elapsed:.2f} s after main() started)", flush=True)
    outcome: dict[str, Any] = {}
    loop = QEventLoop()
    worker = Worker(work)
    worker.progressed.connect(window.show_progress)
    worker.succeeded.connect(lambda result: outcome.update(result=result))
    worker.failed.connect(lambda exc: outcome.update(error=exc))
    worker.finished.connect(loop.quit)
    worker.start()
    loop.exec()
    worker.wait()
    window.close()
    window.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")
