"""Loading the bundled Sarabun family into Qt, the same files the PDFs use."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from asr_desktop.assets import FONT_FILES, font_path

UI_FAMILY = "Sarabun"
UI_POINT_SIZE = 10


def install_fonts(app: QApplication) -> None:
    """Registers Sarabun and makes it the application font (Thai shapes correctly in it)."""
    for style in FONT_FILES:
        QFontDatabase.addApplicationFont(str(font_path(style)))
    font = QFont(UI_FAMILY, UI_POINT_SIZE)
    app.setFont(font)
