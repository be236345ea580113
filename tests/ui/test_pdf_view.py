import itertools
import re
from datetime import date

import pypdfium2 as pdfium
import pytest
from PySide6.QtGui import QImage, QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from asr_desktop.reports.pdf.id_cards import CardData, build_id_cards
from asr_desktop.ui import pdf_view
from asr_desktop.ui.pdf_view import PageSurvey, PdfPreview, print_problems, print_to

MM = 72 / 25.4  # points per mm


def three_page_pdf(path):
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for number in range(3):
        pdf.setFillColorRGB(0, 0, 0)
        pdf.rect(50, 50, 200, 200 + number * 100, fill=1)
        pdf.showPage()
    pdf.save()
    return path


def card_sheet(path):
    cards = [
        CardData(
            name="นางสาวสมศรี ใจดี",
            tier_label="แกนนำอาสาสมัครแรงงานระดับตำบล",
            area="ต.ท่าแร่ อ.เมืองสกลนคร",
            card_no=f"สน-2568-{n:05d}",
            issued=date(2025, 10, 1),
            expires=date(2028, 9, 30),
        )
        for n in range(1, 11)
    ]
    build_id_cards(path, cards, office_name="สำนักงานแรงงานจังหวัดสกลนคร")
    return path


def pdf_printer(out, page_size=QPageSize.PageSizeId.A4, dpi=150):
    """A PDF printer; 150 dpi keeps the tests quick (HighResolution is 1200)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(dpi)
    printer.setPageSize(QPageSize(page_size))
    printer.setOutputFileName(str(out))
    return printer


def page_images(path):
    """(image object, page) pairs of a printed PDF, one image a page."""
    document = pdfium.PdfDocument(str(path))
    found = []
    for page in document:
        images = [obj for obj in page.get_objects() if isinstance(obj, pdfium.PdfImage)]
        assert len(images) == 1
        found.append((images[0], page))
    return document, found


def as_gray(image_object) -> QImage:
    bitmap = image_object.get_bitmap(render=False)
    formats = {1: QImage.Format.Format_Grayscale8, 3: QImage.Format.Format_BGR888}
    image = QImage(
        bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, formats[bitmap.n_channels]
    ).copy()
    return image.convertToFormat(QImage.Format.Format_Grayscale8)


def dark_centres(line: bytes) -> list[float]:
    """Centres (in pixels) of the runs of dark pixels along one line of a gray image."""
    return [(m.start() + m.end() - 1) / 2 for m in re.finditer(rb"[\x00-\x7f]+", line)]


def row(image: QImage, y: int) -> bytes:
    data = bytes(image.constBits())
    return data[y * image.bytesPerLine() : y * image.bytesPerLine() + image.width()]


def column(image: QImage, x: int) -> bytes:
    data = bytes(image.constBits())
    stride = image.bytesPerLine()
    return bytes(data[y * stride + x] for y in range(image.height()))


def test_preview_pages_through_a_pdf(qtbot, tmp_path):
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.resize(700, 900)
    preview.load(three_page_pdf(tmp_path / "r.pdf"))
    assert preview.page_count == 3 and preview.page_label.text() == "หน้า 1/3"
    assert not preview.previous_button.isEnabled()
    pixmap = preview.image_label.pixmap()
    assert pixmap.width() > 400 and pixmap.height() > pixmap.width()  # A4 portrait
    preview.next_button.click()
    preview.next_button.click()
    assert preview.page_label.text() == "หน้า 3/3" and not preview.next_button.isEnabled()
    preview.clear()
    assert preview.page_count == 0


def test_prints_every_page_in_grayscale_when_there_is_no_colour(qtbot, tmp_path):
    out = tmp_path / "printed.pdf"
    print_to(pdf_printer(out), three_page_pdf(tmp_path / "r.pdf"))

    document, images = page_images(out)
    assert len(images) == 3
    assert all(image.get_bitmap(render=False).n_channels == 1 for image, _ in images)
    document.close()


@pytest.mark.slow  # one A4 page at 600 dpi: ~12 s under this machine's shared load
def test_card_sheet_prints_at_true_size(qtbot, tmp_path):
    out = tmp_path / "printed.pdf"
    printer = pdf_printer(out, dpi=1200)  # a 1200 dpi printer gets 600 dpi page images
    # Qt's default margins (10 pt) made the old code shrink every page to 96.5 %.
    assert printer.pageLayout().margins().left() > 0
    print_to(printer, card_sheet(tmp_path / "cards.pdf"))

    document, [(image, page)] = page_images(out)
    # The page image: A4 at the rendered resolution (600 dpi), from the paper's corner.
    width_px, height_px = image.get_px_size()
    assert abs(width_px - 210 / 25.4 * 600) <= 1 and abs(height_px - 297 / 25.4 * 600) <= 1
    # Offset 0: its top-left corner is the paper's (PDF y runs upwards from the bottom).
    page_width, page_height = page.get_size()
    assert (page_width, page_height) == pytest.approx((210 * MM, 297 * MM), abs=0.5)
    left, bottom, right, top = image.get_bounds()
    assert left == pytest.approx(0, abs=0.05) and top == pytest.approx(page_height, abs=0.05)
    assert (right - left, top - bottom) == pytest.approx((210 * MM, 297 * MM), abs=0.1 * MM)
    gray = as_gray(image)
    assert image.get_bitmap(render=False).n_channels == 3  # the cards' band is blue
    document.close()

    # The cut marks on the image: above the grid (5.5-11.5 mm from the top) one at each
    # column line, beside it (11.4-17.4 mm from the left) one at each row line.
    px_per_mm = width_px / 210
    across = dark_centres(row(gray, round(8.5 * px_per_mm)))
    down = dark_centres(column(gray, round(14.4 * px_per_mm)))
    assert len(across) == 3 and len(down) == 6
    widths = [(b - a) / px_per_mm for a, b in itertools.pairwise(across)]
    heights = [(b - a) / px_per_mm for a, b in itertools.pairwise(down)]
    assert widths == pytest.approx([85.6, 85.6], abs=0.3)
    assert heights == pytest.approx([54.0] * 5, abs=0.3)
    # And the grid sits where the PDF put it: centred, 19.4 mm from the left edge.
    assert across[0] / px_per_mm == pytest.approx(19.4, abs=0.3)


def test_page_range_and_copies_are_honoured(qtbot, tmp_path):
    source = three_page_pdf(tmp_path / "r.pdf")
    printed = {}
    for collate in (True, False):
        out = tmp_path / f"collate-{collate}.pdf"
        printer = pdf_printer(out)
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 3)
        printer.setCopyCount(2)
        printer.setCollateCopies(collate)
        print_to(printer, source)
        document, images = page_images(out)
        # Pages 2 and 3 have black boxes of different heights: tell them by their ink.
        heights = []
        for image, _page in images:
            gray = as_gray(image)
            heights.append(sum(1 for b in column(gray, gray.width() // 8) if b < 128))
        printed[collate] = heights
        document.close()
    tall, taller = printed[True][:2]
    assert taller > tall
    assert printed[True] == [tall, taller, tall, taller]
    assert printed[False] == [tall, tall, taller, taller]


def test_landscape_pages_turn_the_paper(qtbot, tmp_path):
    source = tmp_path / "wide.pdf"
    pdf = canvas.Canvas(str(source), pagesize=(A4[1], A4[0]))
    pdf.rect(100, 100, 600, 50, fill=1)
    pdf.showPage()
    pdf.save()
    out = tmp_path / "printed.pdf"
    print_to(pdf_printer(out), source)
    document, [(image, page)] = page_images(out)
    page_width, page_height = page.get_size()
    assert (page_width, page_height) == pytest.approx((297 * MM, 210 * MM), abs=0.5)
    left, bottom, right, top = image.get_bounds()
    assert left == pytest.approx(0, abs=0.05) and top == pytest.approx(page_height, abs=0.05)
    assert (right - left, top - bottom) == pytest.approx((297 * MM, 210 * MM), abs=0.1 * MM)
    document.close()


def survey(index=0, ink=(20.0, 15.0, 20.0, 15.0), size=(210.0, 297.0)):
    return PageSurvey(index, size[0], size[1], colour=False, ink=ink)


def test_problems_name_a_paper_that_is_not_the_documents():
    assert print_problems((210, 297), 4.2, [survey(), survey(1, size=(297, 210))]) == []
    [problem] = print_problems((215.9, 279.4), 0, [survey()])
    assert "Letter (216 × 279 มม.)" in problem and "A4 (210 × 297 มม.)" in problem


def test_problems_name_pages_with_ink_in_the_unprintable_margin():
    pages = [survey(0), survey(1, ink=(2.0, 15, 20, 15)), survey(2, ink=None)]
    [problem] = print_problems((210, 297), 4.2, pages)
    assert "หน้า 2อยู่" in problem and "4.2 มม." in problem
    assert print_problems((210, 297), 0, pages) == []


def test_survey_sees_colour_and_the_ink_box(qtbot, tmp_path):
    document = pdfium.PdfDocument(str(card_sheet(tmp_path / "cards.pdf")))
    cards = pdf_view.survey_page(document, 0)
    document.close()
    assert cards.colour
    assert (cards.width_mm, cards.height_mm) == pytest.approx((210, 297), abs=0.01)
    left, top, _right, _bottom = cards.ink
    assert left == pytest.approx(11.4, abs=1.0)  # the side cut marks
    assert top == pytest.approx(5.5, abs=1.0)  # the top cut marks

    document = pdfium.PdfDocument(str(three_page_pdf(tmp_path / "r.pdf")))
    boxes = pdf_view.survey_page(document, 0)
    document.close()
    assert not boxes.colour
    assert boxes.ink[0] == pytest.approx(50 / MM, abs=1.0)


class FakeDialog:
    """Stands in for QPrintDialog: the user chose a PDF printer with Letter paper."""

    def __init__(self, printer, _parent):
        self.printer = printer

    def setWindowTitle(self, _title):
        pass

    def setMinMax(self, low, high):
        assert (low, high) == (1, 3)

    def setOptions(self, _options):
        pass

    def exec(self):
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setResolution(150)
        self.printer.setOutputFileName(str(FakeDialog.out))
        self.printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
        return QDialog.DialogCode.Accepted


@pytest.mark.parametrize("go_on", [False, True])
def test_print_pdf_warns_about_letter_paper_through_ask(qtbot, tmp_path, monkeypatch, go_on):
    FakeDialog.out = tmp_path / "printed.pdf"
    monkeypatch.setattr(pdf_view, "QPrintDialog", FakeDialog)
    asked = []

    def confirm(_parent, title, question, **_kw):
        asked.append((title, question))
        return go_on

    monkeypatch.setattr(pdf_view.ask, "confirm", confirm)
    done = pdf_view.print_pdf(three_page_pdf(tmp_path / "r.pdf"), None)

    [(_title, question)] = asked
    assert "Letter" in question and "A4" in question
    assert done is go_on
    assert FakeDialog.out.exists() is go_on


def test_long_reports_are_offered_to_the_pdf_reader(qtbot, tmp_path, monkeypatch):
    source = tmp_path / "long.pdf"
    pdf = canvas.Canvas(str(source), pagesize=A4)
    for _ in range(pdf_view.LONG_REPORT_PAGES):
        pdf.rect(50, 50, 100, 100, fill=1)
        pdf.showPage()
    pdf.save()
    handed = []
    monkeypatch.setattr(pdf_view.ask, "confirm", lambda *_a, **_k: True)
    monkeypatch.setattr(
        pdf_view, "print_with_reader", lambda path, _parent: handed.append(path) or True
    )
    assert pdf_view.print_pdf(source, None)
    assert handed == [source]
