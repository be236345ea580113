"""Showing and printing the PDFs the app makes, page by page.

PySide6-Essentials has no QtPdf, so pages are rendered with PDFium (pypdfium2) into
QImages: the same images fill the preview and, at printer resolution, the printed page.

Printing is at true size: each page is drawn over the whole sheet (``setFullPage``), from
the paper's corner, so 1 mm in the PDF is 1 mm on paper (an ID card stays 85.6 × 54 mm).
Before printing, the pages to print are looked at once at low resolution: pages without
colour print in grayscale (a quarter of the data), and the user is warned when the paper
is not the document's size or ink would fall into the printer's unprintable margin.
Very long reports print faster through the system's PDF reader (``print_with_reader``).

pypdfium2 is imported when the first PDF is opened or printed, not when a page that
can show one is built (start-up imports only what the first screen needs).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPageLayout, QPainter, QPixmap
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from asr_desktop.ui import ask

if TYPE_CHECKING:
    import pypdfium2 as pdfium

POINTS_PER_INCH = 72
MM_PER_INCH = 25.4
MAX_PRINT_DPI = 600
# The look before printing: 36 dpi is 0.7 mm a pixel, enough to see ink near an edge and
# any colour, and costs ~15 ms a page (most of it PDFium reading the page).
SURVEY_DPI = 36
INK = re.compile(rb"[\x00-\xf5]")  # a gray level darker than near-white
SIZE_TOLERANCE_MM = 2.0
# From this many pages on, the print dialog is preceded by the offer to use the PDF reader:
# at 600 dpi each page is ~0.7 s of rendering and megabytes of spool.
LONG_REPORT_PAGES = 100


def render_page(
    document: pdfium.PdfDocument, index: int, dpi: float, *, grayscale: bool = False
) -> QImage:
    """One page as an image at ``dpi`` (a deep copy: it outlives the PDFium bitmap).

    ``grayscale`` renders one byte a pixel, for pages that have no colour.
    """
    page = document[index]
    try:
        return _render(page, dpi, grayscale)
    finally:
        page.close()


def _render(page: pdfium.PdfPage, dpi: float, grayscale: bool) -> QImage:
    scale = dpi / POINTS_PER_INCH
    if grayscale:
        bitmap = page.render(scale=scale, grayscale=True)
        image_format = QImage.Format.Format_Grayscale8
    else:
        bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
        image_format = QImage.Format.Format_RGBX8888
    try:
        return QImage(
            bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, image_format
        ).copy()
    finally:
        bitmap.close()


@dataclass(frozen=True, slots=True)
class PageSurvey:
    """What printing needs to know of one page, from a low-resolution look at it.

    ``ink`` is the distance in mm from each edge (left, top, right, bottom) to the nearest
    ink, None for a blank page.
    """

    index: int
    width_mm: float
    height_mm: float
    colour: bool
    ink: tuple[float, float, float, float] | None

    @property
    def landscape(self) -> bool:
        return self.width_mm > self.height_mm


def survey_page(document: pdfium.PdfDocument, index: int) -> PageSurvey:
    page = document[index]
    try:
        width_pt, height_pt = page.get_size()
        image = _render(page, SURVEY_DPI, grayscale=False)
    finally:
        page.close()
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    # A page without colour survives a trip through grayscale unchanged.
    colour = gray.convertToFormat(QImage.Format.Format_RGBX8888) != image
    mm_per_px = MM_PER_INCH / SURVEY_DPI
    box = _ink_box(gray)
    ink = None
    if box is not None:
        left, top, right, bottom = box
        ink = (
            left * mm_per_px,
            top * mm_per_px,
            (gray.width() - right) * mm_per_px,
            (gray.height() - bottom) * mm_per_px,
        )
    to_mm = MM_PER_INCH / POINTS_PER_INCH
    return PageSurvey(index, width_pt * to_mm, height_pt * to_mm, colour, ink)


def _ink_box(gray: QImage) -> tuple[int, int, int, int] | None:
    """The pixel box (left, top, right, bottom; right and bottom exclusive) of the ink."""
    data = bytes(gray.constBits())
    stride, width = gray.bytesPerLine(), gray.width()
    left, right, top, bottom = width, 0, -1, -1
    for y in range(gray.height()):
        row = data[y * stride : y * stride + width]
        first = INK.search(row)
        if first is None:
            continue
        last = INK.search(row[::-1])
        assert last is not None
        top = y if top < 0 else top
        bottom = y + 1
        left = min(left, first.start())
        right = max(right, width - last.start())
    return None if top < 0 else (left, top, right, bottom)


class PdfPreview(QWidget):
    """One page at a time, fitted to the width, with previous/next buttons."""

    def __init__(self) -> None:
        super().__init__()
        self._document: pdfium.PdfDocument | None = None
        self._index = 0
        self.image_label = QLabel("ยังไม่มีรายงาน")
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.image_label)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setStyleSheet("QScrollArea { background: #777; }")
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
        layout.addWidget(self.scroll_area, 1)
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
        width_px = max(self.scroll_area.viewport().width() - 24, 400)
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


def pages_to_print(printer: QPrinter, count: int) -> list[int]:
    """The 0-based page indexes the print dialog chose (every page unless a range)."""
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges()
        if not ranges.isEmpty():
            return [index for index in range(count) if ranges.contains(index + 1)]
        if printer.fromPage() > 0:
            last = printer.toPage() or count
            return list(range(printer.fromPage() - 1, min(last, count)))
    return list(range(count))


def _copies(printer: QPrinter) -> int:
    """How many times to draw each page: 1 when the printer driver makes the copies."""
    return 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())


def print_problems(
    paper_mm: tuple[float, float], margin_mm: float, surveys: Sequence[PageSurvey]
) -> list[str]:
    """What the user should hear before printing, in Thai; empty when all is well.

    ``paper_mm`` is the printer's paper (width, height) in portrait, ``margin_mm`` its
    widest unprintable margin (the same on every side, to be safe).
    """
    problems = []
    paper = sorted(paper_mm)
    sizes = {tuple(sorted((s.width_mm, s.height_mm))) for s in surveys}
    wrong = [
        size
        for size in sizes
        if abs(size[0] - paper[0]) > SIZE_TOLERANCE_MM
        or abs(size[1] - paper[1]) > SIZE_TOLERANCE_MM
    ]
    if wrong:
        want = wrong[0]
        problems.append(
            f"กระดาษของเครื่องพิมพ์ขนาด {_size_name(paper)} แต่เอกสารขนาด {_size_name(want)} "
            "โปรแกรมพิมพ์ตามขนาดจริง 100 % ส่วนที่เกินกระดาษจะไม่ถูกพิมพ์ "
            "ควรเปลี่ยนกระดาษเป็น A4 ในหน้าต่างพิมพ์"
        )
    if margin_mm > 0:
        clipped = [
            s.index + 1
            for s in surveys
            if s.ink is not None and min(s.ink) < margin_mm - MM_PER_INCH / SURVEY_DPI
        ]
        if clipped:
            problems.append(
                f"เนื้อหาของ{_pages_text(clipped)}อยู่ใกล้ขอบกระดาษเกินกว่าที่เครื่องพิมพ์พิมพ์ได้ "
                f"(ขอบที่พิมพ์ไม่ได้ {margin_mm:.1f} มม.) ส่วนนั้นจะไม่ปรากฏบนกระดาษ"
            )
    return problems


def _size_name(size: Sequence[float]) -> str:
    short, long = sorted(size)
    named = {(210, 297): "A4", (216, 279): "Letter", (216, 356): "Legal", (148, 210): "A5"}
    name = named.get((round(short), round(long)))
    figures = f"{short:.0f} × {long:.0f} มม."
    return f"{name} ({figures})" if name else figures


def _pages_text(pages: Sequence[int]) -> str:
    shown = ", ".join(str(page) for page in pages[:5])
    more = f" และอีก {len(pages) - 5} หน้า" if len(pages) > 5 else ""
    return f"หน้า {shown}{more}"


def _printer_paper(printer: QPrinter) -> tuple[tuple[float, float], float]:
    """The printer's paper in portrait (mm) and its widest unprintable margin (mm)."""
    layout = QPageLayout(printer.pageLayout())
    size = layout.pageSize().size(layout.pageSize().Unit.Millimeter)
    full = layout.fullRect(QPageLayout.Unit.Millimeter)
    layout.setMode(QPageLayout.Mode.FullPageMode)
    layout.setMargins(layout.minimumMargins())
    printable = layout.paintRect(QPageLayout.Unit.Millimeter)
    margin = max(
        printable.left() - full.left(),
        printable.top() - full.top(),
        full.right() - printable.right(),
        full.bottom() - printable.bottom(),
        0.0,
    )
    return (size.width(), size.height()), margin


def print_pdf(path: Path, parent: QWidget | None) -> bool:
    """Asks for a printer, warns about paper and margins, prints; False when cancelled."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        count = len(document)
        if count >= LONG_REPORT_PAGES and ask.confirm(
            parent,
            "รายงานยาว",
            f"รายงานนี้มี {count} หน้า การพิมพ์จากโปรแกรมนี้ส่งภาพทีละหน้าไปยังเครื่องพิมพ์ "
            "ซึ่งใช้เวลานาน ต้องการพิมพ์ด้วยโปรแกรมอ่าน PDF ของเครื่องแทนหรือไม่",
        ):
            return print_with_reader(path, parent)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(path.name)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle("พิมพ์รายงาน")
        dialog.setMinMax(1, count)
        option = QAbstractPrintDialog.PrintDialogOption
        dialog.setOptions(
            option.PrintPageRange | option.PrintCollateCopies | option.PrintShowPageSize
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        pages = pages_to_print(printer, count)
        if not pages:
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            surveys = [survey_page(document, index) for index in pages]
        finally:
            QApplication.restoreOverrideCursor()
        paper, margin = _printer_paper(printer)
        problems = print_problems(paper, margin, surveys)
        if problems and not ask.confirm(
            parent, "ตรวจก่อนพิมพ์", "\n\n".join([*problems, "พิมพ์ต่อหรือไม่"])
        ):
            return False
    finally:
        document.close()
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        print_to(printer, path, surveys)
    finally:
        QApplication.restoreOverrideCursor()
    return True


def print_to(printer: QPrinter, path: Path, surveys: Sequence[PageSurvey] = ()) -> None:
    """Draws the chosen pages of the PDF on the printer at true size.

    Each page covers the sheet from the paper's corner (full-page mode), turned to the
    page's orientation; it is rendered at the printer's resolution up to 600 dpi, in
    grayscale when it has no colour, and let go before the next (memory stays flat).
    When no page has colour the whole job is grayscale (the printer's colour mode: Qt's
    PDF output and Windows drivers then store one byte a pixel, and a colour laser spares
    its colour toner). Pages the surveys do not cover are surveyed here. Copies are drawn
    here when the printer driver does not make them.
    """
    import pypdfium2 as pdfium

    known = {survey.index: survey for survey in surveys}
    document = pdfium.PdfDocument(str(path))
    try:
        pages = pages_to_print(printer, len(document))
        for index in pages:
            if index not in known:
                known[index] = survey_page(document, index)
        if not any(known[index].colour for index in pages):
            printer.setColorMode(QPrinter.ColorMode.GrayScale)
        copies = _copies(printer)
        if printer.collateCopies():
            order = [index for _ in range(copies) for index in pages]
        else:
            order = [index for index in pages for _ in range(copies)]
        if not order:
            return
        printer.setFullPage(True)
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        painter: QPainter | None = None
        try:
            for number, index in enumerate(order):
                survey = known[index]
                orientation = (
                    QPageLayout.Orientation.Landscape
                    if survey.landscape
                    else QPageLayout.Orientation.Portrait
                )
                if printer.pageLayout().orientation() != orientation:
                    printer.setPageOrientation(orientation)  # from the next page on
                if painter is None:
                    painter = QPainter(printer)
                elif number:
                    printer.newPage()
                image = render_page(document, index, dpi, grayscale=not survey.colour)
                # Placed by the paper's corner and sized by the page: 1 mm is 1 mm.
                paper = printer.paperRect(QPrinter.Unit.DevicePixel)
                px_per_mm = printer.resolution() / MM_PER_INCH
                target = QRectF(
                    paper.x(),
                    paper.y(),
                    survey.width_mm * px_per_mm,
                    survey.height_mm * px_per_mm,
                )
                painter.drawImage(target, image)
                del image
        finally:
            if painter is not None:
                painter.end()
    finally:
        document.close()


def print_with_reader(path: Path, parent: QWidget | None) -> bool:
    """Hands the PDF to the system's PDF reader to print (Windows: its "print" verb).

    The reader sends the pages as vector graphics and text, so a long register prints in
    a fraction of the time and spool; it prints at 100 % when its "actual size" is chosen.
    """
    if sys.platform == "win32":
        try:
            os.startfile(str(path), "print")
        except OSError as exc:
            ask.error(parent, "พิมพ์ไม่สำเร็จ", f"เปิดโปรแกรมอ่าน PDF ไม่ได้: {exc.strerror or exc}")
            return False
        return True
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        ask.error(parent, "พิมพ์ไม่สำเร็จ", "ไม่พบโปรแกรมอ่าน PDF ในเครื่องนี้")
        return False
    ask.inform(
        parent,
        "พิมพ์ด้วยโปรแกรมอ่าน PDF",
        "เปิดรายงานในโปรแกรมอ่าน PDF แล้ว สั่งพิมพ์จากโปรแกรมนั้น (เลือกขนาดจริง 100 %)",
    )
    return True
