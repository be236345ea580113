"""Showing and printing the PDFs the app makes, page by page.

PySide6-Essentials has no QtPdf, so pages are rendered with PDFium (pypdfium2) into
QImages: the same images fill the preview and, at printer resolution, the printed page.
pypdfium2 is imported when the first PDF is opened, not when a page that can show one is
built (start-up imports only what the first screen needs).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    import pypdfium2 as pdfium

POINTS_PER_INCH = 72
MAX_PRINT_DPI = 300


def render_page(document: pdfium.PdfDocument, index: int, dpi: float) -> QImage:
    """One page as an image at ``dpi`` (a deep copy: it outlives the PDFium bitmap)."""
    page = document[index]
    try:
        bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True, prefer_bgrx=True)
        image = QImage(
            bitmap.buffer,
            bitmap.width,
            bitmap.height,
            bitmap.stride,
            QImage.Format.Format_RGBX8888,
        ).copy()
        bitmap.close()
        return image
    finally:
        page.close()


class PdfPreview(QWidget):
    """One page at a time, fitted to the width, with previous/next buttons."""

    def __init__(self) -> None:
        super().__init__()
        self._document: pdfium.PdfDocument | None = None
        self._index = 0
        self.image_label = QLabel("ยังไม่มีรายงาน")
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.image_label)
        self.scroll.setWidgetResizable(True)
        self.scroll.setStyleSheet("QScrollArea { background: #777; }")
        self.previous_button = QPushButton("◀ หน้าก่อน")
        self.next_button = QPushButton("หน้าถัดไป ▶")
        self.page_label = QLabel()
        self.previous_button.clicked.connect(lambda: self.show_page(self._index - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self._index + 1))
        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.page_label)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        self._update_buttons()

    @property
    def page_count(self) -> int:
        return len(self._document) if self._document is not None else 0

    def load(self, path: Path) -> None:
        import pypdfium2 as pdfium

        self.clear()
        self._document = pdfium.PdfDocument(str(path))
        self.show_page(0)

    def clear(self) -> None:
        if self._document is not None:
            self._document.close()
        self._document = None
        self._index = 0
        self.image_label.setPixmap(QPixmap())
        self.image_label.setText("ยังไม่มีรายงาน")
        self._update_buttons()

    def show_page(self, index: int) -> None:
        if self._document is None or not 0 <= index < self.page_count:
            return
        self._index = index
        width_px = max(self.scroll.viewport().width() - 24, 400)
        page_width_pt = self._document[index].get_width()
        dpi = width_px / page_width_pt * POINTS_PER_INCH
        image = render_page(self._document, index, dpi)
        self.image_label.setPixmap(QPixmap.fromImage(image))
        self._update_buttons()

    def _update_buttons(self) -> None:
        count = self.page_count
        self.page_label.setText(f"หน้า {self._index + 1}/{count}" if count else "")
        self.previous_button.setEnabled(self._index > 0)
        self.next_button.setEnabled(self._index + 1 < count)


def print_pdf(path: Path, parent: QWidget | None) -> bool:
    """Asks for a printer and prints every page; False when the user cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(path.name)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("พิมพ์รายงาน")
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    print_to(printer, path)
    return True


def print_to(printer: QPrinter, path: Path) -> None:
    """Draws each page of the PDF on the printer, scaled to fit its page area."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        painter = QPainter(printer)
        try:
            for index in range(len(document)):
                if index:
                    printer.newPage()
                image = render_page(document, index, dpi)
                area = painter.viewport()
                size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(area.x(), area.y(), size.width(), size.height()), image)
        finally:
            painter.end()
    finally:
        document.close()
