"""The task runner: work off the GUI thread, garbage collected on the GUI thread only."""

import gc

from PySide6.QtWidgets import QWidget

from asr_desktop.ui.tasks import GuiThreadCollector, TaskRunner


def test_no_automatic_collection_while_a_worker_runs(qtbot) -> None:
    """A collection in the worker could free a GUI-thread Qt wrapper there and crash."""
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner(parent)
    seen: list[bool] = []
    assert gc.isenabled()
    with qtbot.waitSignal(runner.finished, timeout=10_000):
        runner.run(
            "ทดสอบ",
            lambda progress: gc.isenabled(),
            on_done=seen.append,
            on_error=lambda exc: seen.append(exc),  # type: ignore[arg-type]
        )
    assert seen == [False]
    assert gc.isenabled()


def test_the_app_collects_on_its_own_timer(qtbot, qapp) -> None:
    collector = GuiThreadCollector(qapp)
    try:
        assert not gc.isenabled()
        garbage = [[] for _ in range(gc.get_threshold()[0] + 10)]
        for item in garbage:
            item.append(item)  # cycles only the collector frees
        del garbage, item
        qtbot.waitUntil(lambda: gc.get_count()[0] <= gc.get_threshold()[0], timeout=2_000)
    finally:
        collector.deleteLater()
        collector._timer.stop()
        gc.enable()
