"""Print benchmark: what ``ui.pdf_view.print_to`` sends to a printer for a long report.

A Qt PDF printer (A4, HighResolution) stands in for the spooler: the size of its output is
the size of the print job's page images, the time is the time the app is busy printing.

    asr-cli --db big.db demo --volunteers 8000
    asr-cli --db big.db report roster --pdf roster.pdf
    QT_QPA_PLATFORM=offscreen python benchmarks/print_spool.py roster.pdf [--pages 1-50]

Prints pages, seconds, spool bytes and the process's peak memory before and after.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from asr_desktop.ui.pdf_view import print_to


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pdf", type=Path)
    parser.add_argument("--pages", help="a range such as 1-50 (default: every page)")
    parser.add_argument("--out", type=Path, help="keep the printed PDF here")
    args = parser.parse_args()

    app = QApplication.instance() or QApplication([])
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    if args.pages:
        first, _, last = args.pages.partition("-")
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(int(first), int(last or first))
    with tempfile.TemporaryDirectory() as folder:
        out = args.out or Path(folder) / "spool.pdf"
        printer.setOutputFileName(str(out))
        before = _peak_mb()
        started = time.perf_counter()
        print_to(printer, args.pdf)
        seconds = time.perf_counter() - started
        size = out.stat().st_size
    app.processEvents()
    print(f"{args.pdf.name}: pages {args.pages or 'all'}, printer {printer.resolution()} dpi")
    print(f"  time      {seconds:8.1f} s")
    print(f"  spool     {size / 2**20:8.1f} MB")
    print(f"  peak RSS  {before:8.0f} MB before printing, {_peak_mb():.0f} MB after")


if __name__ == "__main__":
    main()
