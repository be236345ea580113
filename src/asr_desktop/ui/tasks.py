"""Running long work off the GUI thread, with a progress dialog and a Cancel button.

Usage::

    runner.run("กำลังนำเข้า…", lambda progress: import_roster(path, progress=progress),
               on_done=show_result)

The function runs in a worker thread. It must open its own database connection there
(``store.database.connect(path)``), because a SQLite connection belongs to the thread that
made it, and it must not touch widgets. ``on_done`` and ``on_error`` run on the GUI thread.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from asr_desktop.domain.progress import Cancelled, ProgressFn

_PROGRESS_INTERVAL_S = 0.05


# Python's cyclic garbage collector runs in whichever thread happens to allocate. When a
# worker's collection frees a Qt wrapper made on the GUI thread, Qt deletes the widget
# from the wrong thread and the process dies (a segfault seen in CI while a worker read an
# Excel template). So collection belongs to the GUI thread: while work runs elsewhere the
# automatic collector is off, and the app collects from a GUI-thread timer (as Anki does).
_workers_running = 0
_collector_was_enabled = True


def _worker_starting() -> None:
    global _workers_running, _collector_was_enabled
    if _workers_running == 0:
        gc.collect()
        _collector_was_enabled = gc.isenabled()
        gc.disable()
    _workers_running += 1


def _worker_finished() -> None:
    global _workers_running
    _workers_running -= 1
    if _workers_running == 0 and _collector_was_enabled:
        gc.enable()


class GuiThreadCollector(QObject):
    """Does the collector's work on the GUI thread, for the app's whole run."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        global _collector_was_enabled
        _collector_was_enabled = False
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        self._timer.start(250)

    @staticmethod
    def collect() -> None:
        """What the automatic collector would do by now: the generation due, if any."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if counts[0] <= thresholds[0]:
            return
        generation = 2 if counts[2] > thresholds[2] else 1 if counts[1] > thresholds[1] else 0
        gc.collect(generation)


class Worker(QThread):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable[[ProgressFn], Any]) -> None:
        super().__init__()
        self._fn = fn
        self._cancel_requested = False
        self._last_emit = 0.0

    def cancel(self) -> None:
        self._cancel_requested = True

    def _report(self, done: int, total: int) -> None:
        if self._cancel_requested:
            raise Cancelled
        # Work may report every row; the dialog needs a few updates a second, and a flood
        # of queued signals would only slow both threads down.
        now = time.monotonic()
        if now - self._last_emit >= _PROGRESS_INTERVAL_S or done >= total:
            self._last_emit = now
            self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            result = self._fn(self._report)
        except BaseException as exc:  # handed to the GUI thread, which decides what to show
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)


class TaskRunner(QObject):
    """Runs one piece of long work at a time and reports back on the GUI thread."""

    finished = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._worker: Worker | None = None
        self._dialog: QProgressDialog | None = None

    @property
    def busy(self) -> bool:
        return self._worker is not None

    def cancel(self) -> None:
        """What the dialog's Cancel button does: asks the work to stop at its next report."""
        if self._worker is not None:
            self._worker.cancel()
        if self._dialog is not None:
            self._dialog.setLabelText("กำลังยกเลิก…")

    def run(
        self,
        title: str,
        fn: Callable[[ProgressFn], Any],
        *,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_cancelled: Callable[[], None] | None = None,
    ) -> None:
        if self._worker is not None:
            raise RuntimeError("another task is running")
        dialog = QProgressDialog(title, "ยกเลิก", 0, 0, self._parent)
        dialog.setWindowTitle("โปรดรอสักครู่")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        worker = Worker(fn)
        dialog.canceled.connect(self.cancel)
        worker.progressed.connect(self._show_progress)

        def succeeded(result: Any) -> None:
            self._finish()
            on_done(result)

        def failed(exc: BaseException) -> None:
            self._finish()
            if isinstance(exc, Cancelled):
                if on_cancelled is not None:
                    on_cancelled()
            else:
                on_error(exc)

        worker.succeeded.connect(succeeded)
        worker.failed.connect(failed)
        self._worker, self._dialog = worker, dialog
        _worker_starting()
        worker.start()

    def _show_progress(self, done: int, total: int) -> None:
        if self._dialog is not None:
            self._dialog.setMaximum(max(total, 0))
            self._dialog.setValue(min(done, total))

    def _finish(self) -> None:
        if self._worker is not None:
            self._worker.wait()
            self._worker.deleteLater()
            _worker_finished()
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
        self._worker = self._dialog = None
        self.finished.emit()
