"""Reading a report template: an ordinary .xlsx form with named placeholders.

An office can point the app at its own form, so everything the writer needs is read from
the file itself (see README, "แม่แบบรายงาน Excel"):

* ``{{office}}``, ``{{province}}``, ``{{month_th}}`` … in any cell of any sheet are
  replaced by their values (several may share one cell, with other text around them).
* The **table row** is the first row that holds a cell ``{{TABLE.FIELD}}``, for example
  ``{{roster.national_id}}``. It is written once per record, with that row's cell styles;
  rows above it (titles, headers) are written once before the table, rows below it
  (totals, signatures) once after it.
* Below the table, ``{{TABLE.FIELD:sum}}`` is the sum of a column and ``{{TABLE:count}}``
  the number of records (also usable above the table, e.g. in a title).
* The row just above the table row is the header row: it gets the auto filter and is
  repeated on every printed page together with the rows the template already repeats.
"""

from __future__ import annotations

import re
from copy import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.utils import column_index_from_string
from openpyxl.worksheet.worksheet import Worksheet

from asr_desktop.domain.errors import AsrError

PLACEHOLDER = re.compile(r"\{\{\s*([a-z_][a-z0-9_]*)(?:\.([a-z_][a-z0-9_]*))?(?::([a-z]+))?\s*\}\}")
"""``{{name}}``, ``{{table.field}}``, ``{{table.field:sum}}`` or ``{{table:count}}``."""


class TemplateError(AsrError):
    """The template file cannot be used; ``message`` says why in Thai."""


@dataclass(slots=True)
class CellStyle:
    """The parts of a cell's look that are copied to the output."""

    font: Any = None
    border: Any = None
    fill: Any = None
    alignment: Any = None
    number_format: str = "General"
    protection: Any = None

    @classmethod
    def of(cls, cell: Cell | MergedCell) -> CellStyle | None:
        if not cell.has_style:
            return None
        return cls(
            copy(cell.font),
            copy(cell.border),
            copy(cell.fill),
            copy(cell.alignment),
            cell.number_format,
            copy(cell.protection),
        )


@dataclass(slots=True)
class TemplateCell:
    value: Any
    style: CellStyle | None


@dataclass(slots=True)
class TemplateRow:
    cells: list[TemplateCell]
    height: float | None = None


@dataclass(slots=True)
class TableColumn:
    """One column of the table row: the field it shows (or a fixed value) and its style."""

    field: str | None
    value: Any
    style: CellStyle | None


@dataclass(slots=True)
class TemplateSheet:
    title: str
    before: list[TemplateRow]
    """Rows above the table row (all rows when the sheet has no table)."""
    table: str | None
    columns: list[TableColumn]
    after: list[TemplateRow]
    table_row_height: float | None
    merges: list[tuple[int, int, int, int]]
    """(min_row, min_col, max_row, max_col) in template row numbers."""
    widths: dict[int, float]
    freeze: str | None
    print_title_rows: str | None
    landscape: bool
    margins: Any = None
    header_footer: Any = None
    print_title_cols: str | None = None
    """Columns repeated at the left of every printed page (the names), e.g. "A:D"."""
    print_columns: tuple[str, str] | None = None
    """First and last column of the template's print area (its rows follow the data)."""
    max_column: int = 1
    fields: list[str] = field(default_factory=list)

    @property
    def table_row(self) -> int:
        """1-based row number of the table row in the template (0 without a table)."""
        return len(self.before) + 1 if self.table else 0


@dataclass(slots=True)
class ReportTemplate:
    path: Path
    sheets: list[TemplateSheet]

    def placeholders(self) -> set[str]:
        """Every plain ``{{name}}`` the template uses (to check a custom form)."""
        names: set[str] = set()
        for sheet in self.sheets:
            for row in (*sheet.before, *sheet.after):
                for cell in row.cells:
                    if isinstance(cell.value, str):
                        names.update(m[0] for m in PLACEHOLDER.findall(cell.value) if not m[1])
        return names


def load_template(path: Path) -> ReportTemplate:
    """Reads a template.

    Raises:
        TemplateError: the file is missing, not an .xlsx workbook, or has no sheets.
    """
    try:
        workbook = load_workbook(path, rich_text=False)
    except FileNotFoundError as exc:
        raise TemplateError(f"ไม่พบไฟล์แม่แบบ {path}") from exc
    except Exception as exc:  # openpyxl raises many kinds for a file that is not .xlsx
        raise TemplateError(f"อ่านไฟล์แม่แบบ {path} ไม่ได้ (ต้องเป็นไฟล์ .xlsx): {exc}") from exc
    sheets = [_read_sheet(ws) for ws in workbook.worksheets]
    if not sheets:
        raise TemplateError(f"ไฟล์แม่แบบ {path} ไม่มีแผ่นงาน")
    return ReportTemplate(path, sheets)


def _table_marker(value: Any) -> tuple[str, str] | None:
    if not isinstance(value, str):
        return None
    match = PLACEHOLDER.fullmatch(value.strip())
    if match and match[2] and not match[3]:
        return match[1], match[2]
    return None


MAX_TEMPLATE_ROWS = 1_000
MAX_TEMPLATE_COLUMNS = 200
"""A template is a form of a few dozen rows; reading one cell at ``XFD1048576`` would visit
17 billion cells (an export that never ends), so a sheet past these bounds is refused."""


def _read_sheet(ws: Worksheet) -> TemplateSheet:
    max_row, max_col = ws.max_row, ws.max_column
    if max_row > MAX_TEMPLATE_ROWS or max_col > MAX_TEMPLATE_COLUMNS:
        raise TemplateError(
            f"แม่แบบแผ่นงาน {ws.title} มีเซลล์ไกลถึงแถว {max_row:,} คอลัมน์ที่ {max_col:,} "
            f"(แม่แบบใช้ได้ไม่เกิน {MAX_TEMPLATE_ROWS:,} แถว × {MAX_TEMPLATE_COLUMNS} คอลัมน์) "
            "ลบเซลล์ที่อยู่ไกลออกแล้วบันทึกแม่แบบใหม่"
        )
    table_row = 0
    table: str | None = None
    for row in ws.iter_rows(min_row=1, max_row=max_row):
        for cell in row:
            marker = _table_marker(cell.value)
            if marker:
                table_row, table = cell.row, marker[0]
                break
        if table:
            break

    def template_row(r: int) -> TemplateRow:
        cells = [
            TemplateCell(ws.cell(r, c).value, CellStyle.of(ws.cell(r, c)))
            for c in range(1, max_col + 1)
        ]
        return TemplateRow(cells, ws.row_dimensions[r].height if r in ws.row_dimensions else None)

    before_end = table_row - 1 if table else max_row
    before = [template_row(r) for r in range(1, before_end + 1)]
    after = [template_row(r) for r in range(table_row + 1, max_row + 1)] if table else []
    columns: list[TableColumn] = []
    if table:
        for c in range(1, max_col + 1):
            cell = ws.cell(table_row, c)
            marker = _table_marker(cell.value)
            if marker and marker[0] != table:
                raise TemplateError(
                    f"แผ่นงาน {ws.title}: แถวตารางมีช่องของตาราง {marker[0]} ปนกับตาราง {table}"
                )
            columns.append(
                TableColumn(
                    marker[1] if marker else None,
                    None if marker else cell.value,
                    CellStyle.of(cell),
                )
            )
    widths = {
        column_index_from_string(letter): dim.width
        for letter, dim in ws.column_dimensions.items()
        if dim.width and dim.customWidth
    }
    merges = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
    return TemplateSheet(
        title=ws.title,
        before=before,
        table=table,
        columns=columns,
        after=after,
        table_row_height=(ws.row_dimensions[table_row].height if table else None),
        merges=merges,
        widths=widths,
        freeze=ws.freeze_panes,
        print_title_rows=ws.print_title_rows,
        landscape=ws.page_setup.orientation == "landscape",
        margins=copy(ws.page_margins),
        header_footer=copy(ws.HeaderFooter),
        print_columns=_print_columns(ws.print_area),
        print_title_cols=ws.print_title_cols,
        max_column=max_col,
        fields=[c.field for c in columns if c.field],
    )


_AREA = re.compile(r"\$?([A-Z]{1,3})\$?\d*:\$?([A-Z]{1,3})\$?\d*")


def _print_columns(area: Any) -> tuple[str, str] | None:
    """("A", "N") from a print area such as "'ทะเบียน อสร.'!$A$1:$N$12" (the first range)."""
    if not isinstance(area, str):
        return None
    match = _AREA.search(area.rsplit("!", 1)[-1])
    return (match[1], match[2]) if match else None
