"""A generic A4 report: title, a long table, signature blocks, header and "หน้า x/y".

A report is a thin function that prepares its rows and calls :func:`build_table_report`.

Type sizes: official print uses TH Sarabun at 16 pt. Sarabun (the OFL family we can ship)
draws Thai much larger at the same point size (its Thai consonants are 0.586 em tall),
so 16 pt TH Sarabun looks like Sarabun at about 14 pt (a ratio of 0.875): body text is
:data:`BODY_SIZE` (TH Sarabun 16 pt), tables :data:`TABLE_SIZE` (no smaller than TH
Sarabun 14 pt), the running header and footer :data:`SMALL_SIZE`.

Margins follow the Thai official-document convention (3 cm left, 2 cm right, 2.5 cm top,
2 cm bottom) unless the office sets others (:class:`Margins`).
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO, Literal

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, KeepTogether, PageTemplate, Spacer
from reportlab.platypus import Table as LayoutTable
from reportlab.platypus.flowables import Flowable

from asr_desktop.domain.progress import Cancelled
from asr_desktop.domain.thai_digits import to_thai_digits
from asr_desktop.reports.pdf.fonts import BOLD, REGULAR, register_fonts
from asr_desktop.reports.pdf.pdfa import make_pdfa
from asr_desktop.reports.pdf.shaping import text_width
from asr_desktop.reports.pdf.table import (
    Column,
    GroupHeading,
    ReportTable,
    Row,
    Subtotal,
    fit_widths,
)
from asr_desktop.reports.pdf.thai_text import ThaiParagraph, ThaiStyle, draw_thai_line

TH_SARABUN_RATIO = 0.875  # Sarabun size that looks like a TH Sarabun size, per point
BODY_SIZE = 16 * TH_SARABUN_RATIO  # 14.0
TABLE_SIZE = 14 * TH_SARABUN_RATIO  # 12.25
TITLE_SIZE = 18 * TH_SARABUN_RATIO  # 15.75
# Table lines are 1.3 em apart (body text 1.4): the cell padding keeps a stacked mark
# (1.25 em above the baseline) and a below vowel (0.33 em under it) clear of the rules,
# and a long register gets about 6 % more rows on a page.
TABLE_LEADING = TABLE_SIZE * 1.3
SMALL_SIZE = 11.0

MARGIN_LEFT: float = 3.0 * cm
MARGIN_RIGHT: float = 2.0 * cm
MARGIN_TOP: float = 2.5 * cm  # the running header sits in this margin
MARGIN_BOTTOM: float = 2.0 * cm  # and the page number in this one


@dataclass(frozen=True, slots=True)
class Margins:
    """Page margins in points; the default is the Thai official-document convention."""

    left: float = MARGIN_LEFT
    right: float = MARGIN_RIGHT
    top: float = MARGIN_TOP
    bottom: float = MARGIN_BOTTOM

    @classmethod
    def from_mm(cls, left: float, right: float, top: float, bottom: float) -> Margins:
        """From millimetres (as the office settings hold them), each kept within 5–50 mm."""

        def points(value: float) -> float:
            return float(min(max(float(value), 5.0), 50.0) / 10 * cm)

        return cls(points(left), points(right), points(top), points(bottom))


ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Signature:
    """A signature block: ลงชื่อ ...... role, (name), position (may hold line feeds) and a
    date line. ``role`` is the signer's part: ผู้รายงาน, ผู้รับรอง."""

    name: str
    position: str
    role: str = ""


def build_table_report(
    out: str | os.PathLike[str] | BinaryIO,
    *,
    title: str,
    office_name: str,
    period_text: str,
    columns: Sequence[Column],
    rows: Iterable[Row],
    subtitle_lines: Sequence[str] = (),
    signatures: Sequence[Signature] = (),
    orientation: Literal["portrait", "landscape"] = "portrait",
    thai_digits: bool = False,
    margins: Margins | None = None,
    progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write an A4 report as PDF to a path or a binary stream; returns the page count.

    Every page carries the office name and the period at the top and "หน้า x/y" at the
    bottom. ``columns`` widths come from the cells (see :func:`.table.fit_widths`) and the
    table fills the width between margins.
    ``rows`` holds tuples of cell texts, :class:`GroupHeading` and :class:`Subtotal`.
    ``period_text`` comes formatted (พ.ศ.). With ``thai_digits`` every 0-9 prints as ๐-๙.

    ``progress(done, total)`` counts rows laid out. ``is_cancelled()`` is polled as pages
    are made; when it returns True, :class:`Cancelled` is raised and nothing is written
    (a file at ``out`` is only replaced once the whole PDF is ready).
    """
    register_fonts()
    digits = to_thai_digits if thai_digits else same_digits
    source = [convert_row(row, digits) for row in rows]
    total = len(source)
    page = PageGeometry(A4 if orientation == "portrait" else landscape(A4), margins or Margins())

    def check() -> None:
        if is_cancelled is not None and is_cancelled():
            raise Cancelled

    def rows_done(done: int) -> None:
        check()
        if progress is not None:
            progress(done, total)

    story = _story(
        page,
        digits(title),
        [digits(line) for line in subtitle_lines],
        [replace(c, header=digits(c.header)) for c in columns],
        source,
        [Signature(digits(s.name), digits(s.position), s.role) for s in signatures],
        rows_done,
    )
    check()
    pdf, pages = render_pages(
        story, page, digits(office_name), digits(period_text), digits, title=title
    )
    if progress is not None:
        progress(total, total)
    write_pdf(out, pdf)
    return pages


@dataclass(frozen=True, slots=True)
class PageGeometry:
    size: tuple[float, float]
    margins: Margins = field(default_factory=Margins)

    @property
    def frame_width(self) -> float:
        return self.size[0] - self.margins.left - self.margins.right

    @property
    def frame_height(self) -> float:
        return self.size[1] - self.margins.top - self.margins.bottom


def _story(
    page: PageGeometry,
    title: str,
    subtitle_lines: list[str],
    columns: list[Column],
    rows: list[Row],
    signatures: list[Signature],
    rows_done: Callable[[int], None],
) -> list[Flowable]:
    """Title, subtitles, the table and the signature blocks, texts already converted."""
    body = ThaiStyle(REGULAR, TABLE_SIZE, leading=TABLE_LEADING)
    widths = fit_widths(columns, rows, page.frame_width, body)
    closing: list[Flowable] = []
    closing_height = 0.0
    if signatures:
        blocks = signature_blocks(signatures, page.frame_width)
        closing = [Spacer(1, 0.8 * cm), KeepTogether([blocks])]
        closing_height = 0.8 * cm + blocks.wrap(page.frame_width, page.frame_height)[1]
    subtitle_style = ThaiStyle(REGULAR, BODY_SIZE, alignment="center")
    return [
        ThaiParagraph(title, ThaiStyle(BOLD, TITLE_SIZE, alignment="center")),
        *(ThaiParagraph(line, subtitle_style) for line in subtitle_lines),
        Spacer(1, 0.3 * cm),
        ReportTable(
            columns,
            rows,
            widths,
            body=body,
            full_height=page.frame_height,
            keep_after=closing_height,
            on_rows_done=rows_done,
        ),
        *closing,
    ]


def render_pages(
    story: list[Flowable],
    page: PageGeometry,
    office_name: str,
    period_text: str,
    digits: Callable[[str], str],
    *,
    title: str,
) -> tuple[bytes, int]:
    """Lay out ``story`` with the running header and "หน้า x/y"; the PDF and its pages."""
    width, height = page.size
    margin = page.margins

    def header(canvas: Canvas, _doc: Any) -> None:
        top = height - margin.top + 0.5 * cm
        right = width - margin.right
        canvas.saveState()
        draw_thai_line(canvas, margin.left, top, office_name, REGULAR, SMALL_SIZE)
        draw_thai_line(canvas, right, top, period_text, REGULAR, SMALL_SIZE, "right")
        canvas.setLineWidth(0.5)
        canvas.line(margin.left, top - 0.2 * cm, right, top - 0.2 * cm)
        canvas.restoreState()

    def footer(canvas: Canvas, number: int, pages: int) -> None:
        text = digits(f"หน้า {number}/{pages}")
        y = margin.bottom - 0.9 * cm
        draw_thai_line(canvas, width / 2, y, text, REGULAR, SMALL_SIZE, "center")

    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=page.size,
        leftMargin=margin.left,
        rightMargin=margin.right,
        topMargin=margin.top,
        bottomMargin=margin.bottom,
        title=title,
        author=office_name,
        creator="อสร. Desktop",
        initialFontName=REGULAR,
    )
    frame = Frame(
        margin.left, margin.bottom, page.frame_width, page.frame_height, 0, 0, 0, 0, id="body"
    )
    document.addPageTemplates([PageTemplate(id="report", frames=[frame], onPage=header)])
    page_count = [0]

    def make_canvas(*args: Any, **kwargs: Any) -> Canvas:
        return _NumberedCanvas(*args, footer=footer, page_count=page_count, **kwargs)

    with _binary_streams():
        document.build(story, canvasmaker=make_canvas)
    return buffer.getvalue(), page_count[0]


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Write compressed streams as binary, without ASCII85 on top.

    ASCII85 only keeps a PDF 7-bit clean, which nobody needs now; reportlab's pure-Python
    encoder took a tenth of the time of a long report and made the file 25 % larger.
    """
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def same_digits(text: str) -> str:
    return text


def convert_row(row: Row, digits: Callable[[str], str]) -> Row:
    if isinstance(row, GroupHeading):
        return GroupHeading(digits(row.text))
    if isinstance(row, Subtotal):
        return Subtotal(tuple(digits(cell) for cell in row.cells))
    return tuple(digits(cell) for cell in row)


DATE_LINE = "วันที่ " + "." * 8 + " / " + "." * 12 + " / " + "." * 8


def signature_blocks(signatures: Sequence[Signature], width: float) -> Flowable:
    """Signature blocks two to a row, each centred in its half: ลงชื่อ ...... role,
    (name), position, and a date line to fill in by hand."""
    style = ThaiStyle(REGULAR, BODY_SIZE, alignment="center", breaks="spaces")
    per_row = 1 if len(signatures) == 1 else 2
    column = width / per_row if per_row == 2 else width / 2
    dots = _signature_dots(signatures, column - 2 * SIGNATURE_GAP)
    blocks = [
        [
            ThaiParagraph(f"ลงชื่อ {dots} {signature.role}".rstrip(), style),
            ThaiParagraph(f"({signature.name})", style),
            ThaiParagraph(signature.position, style),
            ThaiParagraph(DATE_LINE, style),
        ]
        for signature in signatures
    ]
    grid: list[list[Any]] = []
    for start in range(0, len(blocks), per_row):
        cells: list[Any] = blocks[start : start + per_row]
        grid.append(cells + [""] * (per_row - len(cells)))
    table = LayoutTable(
        grid,
        colWidths=[column] * per_row,
        hAlign="CENTER" if per_row == 1 else "LEFT",
        style=[
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # not reportlab's unembedded Helvetica
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5 * cm),
        ],
    )
    return table


SIGNATURE_GAP = 6.0  # points, reportlab's cell padding either side of a signature block
SIGNATURE_DOTS = 36


def _signature_dots(signatures: Sequence[Signature], room: float) -> str:
    """The dotted line to sign on: as long as in landscape (36 dots) where there is room,
    shorter in a portrait half-page, so that "ลงชื่อ ..... ผู้รายงาน" stays on one line
    and every block has the same line."""
    dot = text_width(".", REGULAR, BODY_SIZE)
    words = max(text_width(f"ลงชื่อ  {s.role}", REGULAR, BODY_SIZE) for s in signatures)
    return "." * max(12, min(SIGNATURE_DOTS, int((room - words) / dot)))


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds pages back until the end, so each footer can say how many there are."""

    def __init__(
        self,
        *args: Any,
        footer: Callable[[Canvas, int, int], None],
        page_count: list[int],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        make_pdfa(self)
        self._pages: list[dict[str, Any]] = []
        self._footer = footer
        self._page_count = page_count

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        pages = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._footer(self, number, pages)
            super().showPage()
        self._page_count[0] = pages
        super().save()


def write_pdf(out: str | os.PathLike[str] | BinaryIO, data: bytes) -> None:
    if isinstance(out, (str, os.PathLike)):
        target = Path(out)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    else:
        out.write(data)
