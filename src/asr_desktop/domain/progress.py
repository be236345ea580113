"""How long work reports progress and learns it was cancelled, without knowing about Qt.

A long use case takes a ``progress(done, total)`` callback. The GUI's callback raises
:class:`Cancelled` once the user pressed Cancel; the use case lets it propagate, so its
transaction rolls back and nothing is half-written.
"""

from __future__ import annotations

from collections.abc import Callable

ProgressFn = Callable[[int, int], None]


class Cancelled(Exception):
    """The user cancelled the work."""


def no_progress(done: int, total: int) -> None:
    """A progress callback that ignores reports."""
