"""Guards against a binding bug that would crash the app after a long session.

PySide6-Essentials 6.12.0 drops a reference to ``True`` every time Python calls
``Signal.emit()``; after a few thousand emissions (typing a month of counts into the grid
is enough) ``True``'s count reaches zero and Python aborts. pyproject.toml keeps PySide6
below 6.12; this test fails on any version that has the bug.
"""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(str)
    bare = Signal()


def test_emitting_signals_keeps_references_to_true_and_none():
    emitter = _Emitter()
    received = []
    emitter.changed.connect(received.append)
    before_true, before_none = sys.getrefcount(True), sys.getrefcount(None)
    for n in range(500):
        emitter.changed.emit(str(n))
        emitter.bare.emit()
    lost_true = before_true - sys.getrefcount(True)
    lost_none = before_none - sys.getrefcount(None)
    assert len(received) == 500
    assert lost_true < 50 and lost_none < 50, (lost_true, lost_none)
