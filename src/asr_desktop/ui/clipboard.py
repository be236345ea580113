"""Copying from the app never carries the display-only word-break marks (U+200B).

Labels, message boxes and table cells show Thai with U+200B between words so Qt can wrap
it on Windows (no libthai there). Whatever route a copy takes (Ctrl+C on a message box,
selecting a label, a cell), the text lands on the clipboard owned by this app; the hook
below takes the marks out before another program can paste them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard, QGuiApplication

from asr_desktop.domain.thai_words import ZWSP


def install_clean_copy(app: QGuiApplication) -> None:
    clipboard = app.clipboard()

    def clean(mode: QClipboard.Mode = QClipboard.Mode.Clipboard) -> None:
        ours = (
            clipboard.ownsClipboard()
            or app.applicationState() is Qt.ApplicationState.ApplicationActive
        )
        if not ours and mode is QClipboard.Mode.Clipboard:
            return  # another program's text is not ours to change
        text = clipboard.text(mode)
        if ZWSP in text:
            clipboard.setText(text.replace(ZWSP, ""), mode)

    clipboard.dataChanged.connect(clean)
    clipboard.selectionChanged.connect(lambda: clean(QClipboard.Mode.Selection))
