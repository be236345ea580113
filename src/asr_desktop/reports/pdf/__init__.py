"""Thai-correct PDF output with reportlab: fonts, shaping, line breaking, report layout.

reportlab alone misplaces Thai tone marks, breaks lines inside words and writes a text
layer that does not read back. This package sets Thai itself:

- :mod:`.fonts` registers the Sarabun family and fixes the text layer of shaped glyphs;
- :mod:`.shaping` shapes a line with HarfBuzz; :mod:`.drawing` writes it to a page;
- :mod:`.line_breaking` breaks at Thai word boundaries (pythainlp newmm);
- :mod:`.thai_text` has the ``ThaiParagraph`` flowable and ``draw_thai_line``;
- :mod:`.table` pages long tables; :mod:`.document` builds a whole A4 report.

A report is a thin function that prepares rows and calls :func:`build_table_report`.
"""

from asr_desktop.domain.progress import Cancelled
from asr_desktop.reports.pdf.document import (
    BODY_SIZE,
    SMALL_SIZE,
    TABLE_SIZE,
    TITLE_SIZE,
    Signature,
    build_table_report,
)
from asr_desktop.reports.pdf.fonts import BOLD, BOLD_ITALIC, FAMILY, ITALIC, REGULAR, register_fonts
from asr_desktop.reports.pdf.line_breaking import break_lines
from asr_desktop.reports.pdf.table import Column, GroupHeading, ReportTable, Row, Subtotal
from asr_desktop.reports.pdf.thai_text import ThaiParagraph, ThaiStyle, draw_thai_line

__all__ = [
    "BODY_SIZE",
    "BOLD",
    "BOLD_ITALIC",
    "FAMILY",
    "ITALIC",
    "REGULAR",
    "SMALL_SIZE",
    "TABLE_SIZE",
    "TITLE_SIZE",
    "Cancelled",
    "Column",
    "GroupHeading",
    "ReportTable",
    "Row",
    "Signature",
    "Subtotal",
    "ThaiParagraph",
    "ThaiStyle",
    "break_lines",
    "build_table_report",
    "draw_thai_line",
    "register_fonts",
]
