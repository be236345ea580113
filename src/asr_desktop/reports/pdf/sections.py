"""An A4 report of several parts: headings, paragraphs, tables and charts, one after another.

:func:`build_table_report` makes a report of one long table; the monthly report and the
coverage report need several tables with a heading each, a summary paragraph and charts.
They share its page geometry, running header, "หน้า x/y", signature blocks, Thai digits and
write-only-when-done behaviour.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import BinaryIO, Literal

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, Spacer
from reportlab.platypus.flowables import Flowable

from asr_desktop.domain.progress import Cancelled
from asr_desktop.domain.thai_digits import to_thai_digits
from asr_desktop.reports.pdf.charts import BarChart, PieChart
from asr_desktop.reports.pdf.document import (
    BODY_SIZE,
    TABLE_LEADING,
    TABLE_SIZE,
    TITLE_SIZE,
    Margins,
    PageGeometry,
    ProgressCallback,
    Signature,
    convert_row,
    render_pages,
    same_digits,
    signature_blocks,
    write_pdf,
)
from asr_desktop.reports.pdf.fonts import BOLD, REGULAR, register_fonts
from asr_desktop.reports.pdf.table import Column, ReportTable, Row, fit_widths
from asr_desktop.reports.pdf.thai_text import ThaiParagraph, ThaiStyle


@dataclass(frozen=True, slots=True)
class Imprint:
    """What every printed report takes from the office settings."""

    office_name: str
    signatures: tuple[Signature, ...] = ()
    thai_digits: bool = False
    margins: Margins = field(default_factory=Margins)


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading, kept on the page of what follows it."""

    text: str


@dataclass(frozen=True, slots=True)
class Text:
    """A paragraph of body text (justified, as Thai official writing is)."""

    text: str


@dataclass(frozen=True, slots=True)
class TableSection:
    """A table; ``columns`` widths are relative and fill the frame's width."""

    columns: Sequence[Column]
    rows: Sequence[Row]


Section = Heading | Text | TableSection | BarChart | PieChart


def build_sections_report(
    out: str | os.PathLike[str] | BinaryIO,
    *,
    title: str,
    office_name: str,
    period_text: str,
    sections: Sequence[Section],
    subtitle_lines: Sequence[str] = (),
    signatures: Sequence[Signature] = (),
    orientation: Literal["portrait", "landscape"] = "portrait",
    thai_digits: bool = False,
    margins: Margins | None = None,
    progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the report as PDF to a path or a binary stream; returns the page count.

    As :func:`build_table_report`: ``period_text`` comes formatted (พ.ศ.), ``thai_digits``
    prints every 0-9 as ๐-๙ (chart labels too), ``progress(done, total)`` counts sections,
    and when ``is_cancelled()`` turns True :class:`Cancelled` is raised and nothing is
    written.
    """
    register_fonts()
    digits = to_thai_digits if thai_digits else same_digits
    page = PageGeometry(A4 if orientation == "portrait" else landscape(A4), margins or Margins())
    total = len(sections) + 1

    def step(done: int) -> None:
        if is_cancelled is not None and is_cancelled():
            raise Cancelled
        if progress is not None:
            progress(done, total)

    story: list[Flowable] = [
        ThaiParagraph(digits(title), ThaiStyle(BOLD, TITLE_SIZE, alignment="center")),
        *(
            ThaiParagraph(digits(line), ThaiStyle(REGULAR, BODY_SIZE, alignment="center"))
            for line in subtitle_lines
        ),
        Spacer(1, 0.2 * cm),
    ]
    for number, section in enumerate(sections):
        story.append(_flowable(section, page, digits))
        step(number + 1)
    if signatures:
        converted = [Signature(digits(s.name), digits(s.position), s.role) for s in signatures]
        blocks = KeepTogether([signature_blocks(converted, page.frame_width)])
        if sections and isinstance(sections[-1], Text):
            # A closing paragraph goes over to the signatures' page rather than leave them
            # alone on the last page.
            # (with its heading, if it has one).
            tail = 2 if len(sections) > 1 and isinstance(sections[-2], Heading) else 1
            story[-tail:] = [KeepTogether([*story[-tail:], Spacer(1, 0.8 * cm), blocks])]
        else:
            story += [Spacer(1, 0.8 * cm), blocks]
    pdf, pages = render_pages(
        story, page, digits(office_name), digits(period_text), digits, title=title
    )
    step(total)
    write_pdf(out, pdf)
    return pages


def _flowable(section: Section, page: PageGeometry, digits: Callable[[str], str]) -> Flowable:
    if isinstance(section, Heading):
        heading = ThaiParagraph(
            digits(section.text), ThaiStyle(BOLD, BODY_SIZE, space_before=10, space_after=4)
        )
        heading.keepWithNext = True
        return heading
    if isinstance(section, Text):
        style = ThaiStyle(REGULAR, BODY_SIZE, alignment="justify", space_after=4)
        return ThaiParagraph(digits(section.text), style)
    if isinstance(section, TableSection):
        columns = [replace(c, header=digits(c.header)) for c in section.columns]
        rows = [convert_row(row, digits) for row in section.rows]
        body = ThaiStyle(REGULAR, TABLE_SIZE, leading=TABLE_LEADING)
        return ReportTable(
            columns,
            rows,
            fit_widths(columns, rows, page.frame_width, body),
            body=body,
            full_height=page.frame_height,
        )
    return section.flowable(digits)
