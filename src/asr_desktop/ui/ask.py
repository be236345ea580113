"""Every modal question and message the app shows goes through here, so tests can patch
these functions instead of clicking through real dialogs."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from asr_desktop.domain.thai_words import with_word_breaks


def confirm(parent: QWidget | None, title: str, question: str, *, danger: bool = False) -> bool:
    """Asks a yes/no question; No is the default."""
    box = QMessageBox(
        QMessageBox.Icon.Warning if danger else QMessageBox.Icon.Question,
        title,
        question,
        parent=parent,
    )
    yes = box.addButton("ใช่", QMessageBox.ButtonRole.YesRole)
    no = box.addButton("ไม่ใช่", QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes


def inform(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.information(parent, title, with_word_breaks(message))


def warn(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, with_word_breaks(message))


def error(parent: QWidget | None, title: str, message: str, details: str = "") -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, with_word_breaks(message), parent=parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def open_file(parent: QWidget | None, title: str, file_filter: str) -> str | None:
    """Asks for a file to open; None when the user cancels."""
    from PySide6.QtWidgets import QFileDialog

    from asr_desktop.ui import thai_qt

    path, _ = QFileDialog.getOpenFileName(parent, title, str(thai_qt.start_folder()), file_filter)
    if path:
        thai_qt.remember(path)
    return path or None


def save_file(parent: QWidget | None, title: str, suggested: str, file_filter: str) -> str | None:
    """Asks where to save a file; None when the user cancels."""
    from PySide6.QtWidgets import QFileDialog

    from asr_desktop.ui import thai_qt

    path, _ = QFileDialog.getSaveFileName(parent, title, thai_qt.start_path(suggested), file_filter)
    if path:
        thai_qt.remember(path)
    return path or None
