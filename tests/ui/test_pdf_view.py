from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from asr_desktop.ui.pdf_view import PdfPreview, print_to


def three_page_pdf(path):
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for number in range(3):
        pdf.setFillColorRGB(0, 0, 0)
        pdf.rect(50, 50, 200, 200 + number * 100, fill=1)
        pdf.showPage()
    pdf.save()
    return path


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


def test_prints_every_page(qtbot, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    print_to(printer, three_page_pdf(tmp_path / "r.pdf"))
    import pypdfium2 as pdfium

    assert len(pdfium.PdfDocument(str(out))) == 3
