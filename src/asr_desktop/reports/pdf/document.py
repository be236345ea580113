"""A generic A4 report: title, a long table, signature blocks, header and "หน้า x/y".

A report is a thin function that prepares its rows and calls :func:`build_table_report`.

Type sizes: official print uses TH Sarabun at 16 pt. Sarabun (the OFL family we can ship)
draws Thai much larger at the same point size (its Thai consonants are 0.586 em tall),
so 16 pt TH Sarabun looks like Sarabun at about 14 pt: body text is :data:`BODY_SIZE`,
tables :data:`TABLE_SIZE`, the running header and footer :data:`SMALL_SIZE`.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
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
from asr_desktop.reports.pdf.table import Column, GroupHeading, ReportTable, Row, Subtotal
from asr_desktop.reports.pdf.thai_text import ThaiParagraph, ThaiStyle, draw_thai_line

BODY_SIZE = 14.0
TABLE_SIZE = 12.0
TITLE_SIZE = 16.0
SMALL_SIZE = 11.0

MARGIN_LEFT: float = 2.0 * cm
MARGIN_RIGHT: float = 1.5 * cm
MARGIN_TOP: float = 2.2 * cm  # the running header sits in this margin
MARGIN_BOTTOM: float = 1.8 * cm  # and the page number in this one

ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Signature:
    """A signature block: ลงชื่อ ......, (name), position (may hold line feeds)."""

    name: str
    position: str


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
    progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write an A4 report as PDF to a path or a binary stream; returns the page count.

    Every page carries the office name and the period at the top and "หน้า x/y" at the
    bottom. ``columns`` widths are relative: the table fills the width between margins.
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
    page = PageGeometry(A4 if orientation == "portrait" else landscape(A4))

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
        [Column(digits(c.header), c.width, c.align) for c in columns],
        source,
        [Signature(digits(s.name), digits(s.position)) for s in signatures],
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

    @property
    def frame_width(self) -> float:
        return self.size[0] - MARGIN_LEFT - MARGIN_RIGHT

    @property
    def frame_height(self) -> float:
        return self.size[1] - MARGIN_TOP - MARGIN_BOTTOM


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
    scale = page.frame_width / sum(column.width for column in columns)
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
            [column.width * scale for column in columns],
            body=ThaiStyle(REGULAR, TABLE_SIZE),
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

    def header(canvas: Canvas, _doc: Any) -> None:
        top = height - MARGIN_TOP + 0.5 * cm
        right = width - MARGIN_RIGHT
        canvas.saveState()
        draw_thai_line(canvas, MARGIN_LEFT, top, office_name, REGULAR, SMALL_SIZE)
        draw_thai_line(canvas, right, top, period_text, REGULAR, SMALL_SIZE, "right")
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_LEFT, top - 0.2 * cm, right, top - 0.2 * cm)
        canvas.restoreState()

    def footer(canvas: Canvas, number: int, pages: int) -> None:
        text = digits(f"หน้า {number}/{pages}")
        y = MARGIN_BOTTOM - 0.9 * cm
        draw_thai_line(canvas, width / 2, y, text, REGULAR, SMALL_SIZE, "center")

    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=page.size,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=office_name,
        creator="อสร. Desktop",
    )
    frame = Frame(
        MARGIN_LEFT, MARGIN_BOTTOM, page.frame_width, page.frame_height, 0, 0, 0, 0, id="body"
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


def signature_blocks(signatures: Sequence[Signature], width: float) -> Flowable:
    """Signature blocks two to a row, each centred in its half."""
    style = ThaiStyle(REGULAR, BODY_SIZE, alignment="center")
    blocks = [
        [
            ThaiParagraph("ลงชื่อ " + "." * 40, style),
            ThaiParagraph(f"({signature.name})", style),
            ThaiParagraph(signature.position, style),
        ]
        for signature in signatures
    ]
    per_row = 1 if len(blocks) == 1 else 2
    grid: list[list[Any]] = []
    for start in range(0, len(blocks), per_row):
        cells: list[Any] = blocks[start : start + per_row]
        grid.append(cells + [""] * (per_row - len(cells)))
    column = width / per_row if per_row == 2 else width / 2
    table = LayoutTable(
        grid,
        colWidths=[column] * per_row,
        hAlign="CENTER" if per_row == 1 else "LEFT",
        style=[
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5 * cm),
        ],
    )
    return table


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
