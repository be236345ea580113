"""Filling a report template into a new workbook, streaming (openpyxl write-only mode).

Write-only mode keeps memory flat for a 100,000-row roster. For speed, each table column
has one styled cell that is given each record's value in turn: openpyxl writes a cell the
moment a row is appended, so one cell object per column serves every row.

Two costs of styled cells in openpyxl's write-only mode are paid once here rather than per
cell (they made the 8,000-row roster 1.85× a bare write-only loop over the same values):
openpyxl looks a cell's style up in the workbook's style table each time it writes it
(:class:`_PrototypeCell` keeps the answer), and it first tries every appended item as a
plain value, raising and catching an exception for each cell object
(:func:`_append_cells` hands it the cells as cells).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from copy import copy
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import chain, islice
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.properties import PageSetupProperties

from asr_desktop.domain.progress import ProgressFn, no_progress
from asr_desktop.domain.settings import OfficeSettings
from asr_desktop.domain.thai_dates import format_thai_date
from asr_desktop.reports.excel import style
from asr_desktop.reports.excel.template import (
    PLACEHOLDER,
    CellStyle,
    ReportTemplate,
    TemplateRow,
    TemplateSheet,
)
from asr_desktop.reports.output import write_rendered

Row = Sequence[Any]
"""One record of a table: values in the order of :attr:`Table.fields`."""

_WIDTH_SAMPLE = 500
_PROGRESS_EVERY = 2_000


@dataclass(slots=True)
class Table:
    """The records of one table of a report.

    Attributes:
        fields: The field names of the values in each row.
        rows: The records (any iterable; read once).
        count: Number of rows when ``rows`` is not a sequence (for progress and titles).
        sums: Totals that are not a plain column sum, by field (else summed while writing).
    """

    fields: Sequence[str]
    rows: Iterable[Row]
    count: int | None = None
    sums: dict[str, Any] = field(default_factory=dict)


def fill_template(
    template: ReportTemplate,
    out: Path,
    *,
    values: Mapping[str, Any],
    tables: Mapping[str, Table],
    settings: OfficeSettings,
    progress: ProgressFn = no_progress,
) -> None:
    """Writes ``out`` from ``template`` with the placeholders and tables filled in.

    Args:
        values: Plain placeholders, by name (``office``, ``month_th`` …).
        tables: Records by table name (``roster`` …); a table the template uses but that is
            missing here is written empty.
    """
    workbook = Workbook(write_only=True)
    font = style.default_font(settings)
    # The Normal style's font sets the look of empty cells and the unit of column widths.
    workbook._fonts = IndexedList([font])
    workbook._named_styles["Normal"].font = font
    total = sum(_row_count(t) for t in tables.values()) or 1
    done = [0]

    def advance(n: int) -> None:
        done[0] += n
        progress(done[0], total)

    for sheet in template.sheets:
        ws = workbook.create_sheet(sheet.title)
        _SheetWriter(ws, sheet, values, tables, settings, advance).write()
    out.parent.mkdir(parents=True, exist_ok=True)
    write_rendered(Path(out), workbook.save)
    progress(total, total)


def _row_count(table: Table) -> int:
    if table.count is not None:
        return table.count
    return len(table.rows) if isinstance(table.rows, Sequence) else 0


def substitute(text: str, values: Mapping[str, Any], sums: Mapping[str, Any]) -> Any:
    """Replaces placeholders in a template text; a cell that is just one placeholder keeps
    the value's type (a number stays a number)."""
    whole = PLACEHOLDER.fullmatch(text.strip())
    if whole:
        return _placeholder_value(whole, values, sums)

    def replace(match: re.Match[str]) -> str:
        value = _placeholder_value(match, values, sums)
        if value is None:
            return ""
        if isinstance(value, date):
            return format_thai_date(value, "long")
        return str(value)

    return PLACEHOLDER.sub(replace, text)


def _placeholder_value(
    match: re.Match[str], values: Mapping[str, Any], sums: Mapping[str, Any]
) -> Any:
    name, field_name, op = match[1], match[2], match[3]
    if field_name and op == "sum":
        return sums.get(f"{name}.{field_name}", 0)
    if op == "count":
        return sums.get(f"{name}:count", 0)
    if field_name:  # a table field outside the table row: nothing to show
        return None
    return values.get(name, match[0])


class _SheetWriter:
    def __init__(
        self,
        ws: WriteOnlyWorksheet,
        sheet: TemplateSheet,
        values: Mapping[str, Any],
        tables: Mapping[str, Table],
        settings: OfficeSettings,
        advance: Callable[[int], None],
    ) -> None:
        self.ws = ws
        self.sheet = sheet
        self.values = values
        self.tables = tables
        self.settings = settings
        self.advance = advance
        self.sums: dict[str, Any] = {}
        for name, table in tables.items():
            self.sums[f"{name}:count"] = _row_count(table)
            for key, value in table.sums.items():
                self.sums[f"{name}.{key}"] = value
        self.samples: dict[int, list[str]] = {}
        # Cells of merges across columns (titles) say nothing about one column's width.
        self.wide_cells = {
            (r, c)
            for min_row, min_col, max_row, max_col in sheet.merges
            if max_col > min_col
            for r in range(min_row, max_row + 1)
            for c in range(min_col, max_col + 1)
        }

    def _styled(self, value: Any, cell_style: CellStyle | None) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.ws)
        if cell_style is not None:
            cell.font = style.office_font(cell_style.font, self.settings)
            cell.border = cell_style.border
            cell.fill = cell_style.fill
            cell.alignment = cell_style.alignment
            cell.number_format = cell_style.number_format
            cell.protection = cell_style.protection
        else:
            cell.font = style.default_font(self.settings)
        _assign(cell, self._cell_value(value))
        return cell

    def _cell_value(self, value: Any) -> Any:
        if isinstance(value, datetime):
            value = value.date()
        if isinstance(value, date) and self.settings.excel_dates_as_text:
            return format_thai_date(value, "short")
        return value

    def _fixed_cells(self, rows: list[TemplateRow], first_row: int) -> list[list[Any]]:
        """Template rows with placeholders filled in, as cells ready to append."""
        out = []
        for template_row, row in enumerate(rows, first_row):
            cells: list[Any] = []
            for column, template_cell in enumerate(row.cells, 1):
                value = template_cell.value
                if isinstance(value, str) and "{{" in value:
                    value = substitute(value, self.values, self.sums)
                if value is None and template_cell.style is None:
                    cells.append(None)
                    continue
                cell = self._styled(value, template_cell.style)
                if isinstance(value, date) and not self.settings.excel_dates_as_text:
                    cell.number_format = style.BE_DATE_FORMAT
                cells.append(cell)
                if value is not None and (template_row, column) not in self.wide_cells:
                    text = style.cell_text(value)
                    wraps = (
                        template_cell.style is not None and template_cell.style.alignment.wrapText
                    )
                    if wraps:  # a wrapping header needs room for its longest word, not all of it
                        text = max(text.split(), key=len, default=text)
                    self.samples.setdefault(column, []).append(text)
            out.append(cells)
        return out

    def _append(self, cells: list[Any], height: float | None) -> None:
        self.next_row += 1
        if height:
            self.ws.row_dimensions[self.next_row].height = height
        self.ws.append(cells)

    def write(self) -> None:
        """Writes the sheet. openpyxl streams the sheet head (page fit, frozen panes, column
        widths) before the first row, so all of that is settled first, from the template
        and a sample of the records."""
        sheet = self.sheet
        self.next_row = 0
        before = self._fixed_cells(sheet.before, 1)
        rows: Iterable[Row] = ()
        table = None
        if sheet.table:
            table = self.tables.get(sheet.table) or Table(sheet.fields, ())
            iterator = iter(table.rows)
            sample = list(islice(iterator, _WIDTH_SAMPLE))
            self._sample_widths(table, sample)
            rows = chain(sample, iterator)
        self._sheet_head()
        for template_row, cells in zip(sheet.before, before, strict=True):
            self._append(cells, template_row.height)
        written = self._write_table(table, rows) if table is not None else 0
        if sheet.after:
            after = self._fixed_cells(sheet.after, sheet.table_row + 1)
            for template_row, cells in zip(sheet.after, after, strict=True):
                self._append(cells, template_row.height)
        self._sheet_tail(written)

    def _sample_widths(self, table: Table, sample: list[Row]) -> None:
        positions = {name: i for i, name in enumerate(table.fields)}
        for column, table_column in enumerate(self.sheet.columns, 1):
            position = positions.get(table_column.field) if table_column.field else None
            if position is None:
                continue
            texts = self.samples.setdefault(column, [])
            texts.extend(
                style.cell_text(row[position], self.settings.excel_dates_as_text) for row in sample
            )

    def _sheet_head(self) -> None:
        sheet, ws = self.sheet, self.ws
        self.widths: dict[int, float] = {}
        for column in range(1, sheet.max_column + 1):
            width = style.column_width(self.samples.get(column, []), sheet.widths.get(column, 0))
            ws.column_dimensions[get_column_letter(column)].width = width
            self.widths[column] = width
        if sheet.table_row:
            ws.freeze_panes = sheet.freeze or f"A{sheet.table_row}"
        elif sheet.freeze:
            ws.freeze_panes = sheet.freeze
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        # Thai needs room above and below the line (tone marks, ุ ู); Excel's default 15 pt
        # row clips Sarabun, and setting 100,000 row heights one by one is slow.
        ws.sheet_format.defaultRowHeight = style.ROW_HEIGHT
        ws.sheet_format.customHeight = True

    def _write_table(self, table: Table, rows: Iterable[Row]) -> int:
        sheet = self.sheet
        positions = {name: i for i, name in enumerate(table.fields)}
        _cells_as_cells(self.ws)
        prototypes: list[_PrototypeCell] = []
        getters: list[int | None] = []
        for column in sheet.columns:
            prototypes.append(_PrototypeCell.of(self._styled(column.value, column.style)))
            getters.append(positions.get(column.field) if column.field else None)
        if sheet.table_row_height:
            for offset in range(_row_count(table)):
                self.ws.row_dimensions[self.next_row + 1 + offset].height = sheet.table_row_height
        sums: dict[int, float] = {}
        text_dates = self.settings.excel_dates_as_text
        date_columns: set[int] = set()
        count = 0
        for row in rows:
            for i, position in enumerate(getters):
                if position is None:
                    continue
                value = row[position]
                cell = prototypes[i]
                if isinstance(value, date):
                    if text_dates:
                        value = format_thai_date(value, "short")
                    elif i not in date_columns:
                        date_columns.add(i)
                        cell.number_format = style.BE_DATE_FORMAT
                        cell.forget_style()
                elif isinstance(value, (int, float)) and not isinstance(value, bool):
                    sums[i] = sums.get(i, 0) + value
                _assign(cell, value)
            self.ws.append(prototypes)
            count += 1
            if count % _PROGRESS_EVERY == 0:
                self.advance(_PROGRESS_EVERY)
        self.advance(count % _PROGRESS_EVERY)
        self.next_row += count
        for i, column in enumerate(sheet.columns):
            if column.field:
                self.sums.setdefault(f"{sheet.table}.{column.field}", sums.get(i, 0))
        self.sums[f"{sheet.table}:count"] = count
        return count

    def _sheet_tail(self, written: int) -> None:
        sheet, ws = self.sheet, self.ws
        table_row = sheet.table_row
        shift = written - 1 if table_row else 0
        for min_row, min_col, max_row, max_col in sheet.merges:
            if table_row and min_row == table_row:
                continue  # a merge inside the table row is not repeated per record
            if table_row and min_row > table_row:
                min_row, max_row = min_row + shift, max_row + shift
            ws.merged_cells.add(
                CellRange(min_col=min_col, min_row=min_row, max_col=max_col, max_row=max_row)
            )
        if table_row and table_row > 1:
            header = table_row - 1
            last_column = get_column_letter(len(sheet.columns))
            ws.auto_filter.ref = f"A{header}:{last_column}{max(header + written, header)}"
            ws.print_title_rows = sheet.print_title_rows or f"{header}:{header}"
        elif sheet.print_title_rows:
            ws.print_title_rows = sheet.print_title_rows
        setup = ws.page_setup
        setup.paperSize = "9"  # A4
        setup.orientation = "landscape" if sheet.landscape else "portrait"
        setup.fitToWidth = self._pages_wide()
        setup.fitToHeight = 0
        if setup.fitToWidth > 1:
            setup.pageOrder = "overThenDown"  # both halves of the same rows, one after the other
        ws.print_options.horizontalCentered = True
        if sheet.margins is not None:
            ws.page_margins = sheet.margins
        if sheet.header_footer is not None:
            ws.HeaderFooter = sheet.header_footer
        if sheet.print_columns is not None:
            first, last = sheet.print_columns
            ws.print_area = f"{first}1:{last}{max(self.next_row, 1)}"
        if sheet.print_title_cols:
            ws.print_title_cols = sheet.print_title_cols

    def _pages_wide(self) -> int:
        """1, or 2 when fitting the printed columns on one page would print them below
        :data:`style.MIN_PRINT_SCALE` (the name columns repeat on the second page)."""
        sheet = self.sheet
        first, last = 1, sheet.max_column
        if sheet.print_columns is not None:
            first = column_index_from_string(sheet.print_columns[0])
            last = column_index_from_string(sheet.print_columns[1])
        units = sum(self.widths.get(c, 0.0) for c in range(first, last + 1))
        font = style.default_font(self.settings)
        scale = style.printable_width(sheet.landscape) / max(units * style.unit_points(font), 1.0)
        return 1 if scale >= style.MIN_PRINT_SCALE or not sheet.print_title_cols else 2


class _PrototypeCell(Cell):  # type: ignore[misc]
    """A table column's cell, written once per record: its style's index in the workbook's
    style table is looked up once (and again only after :meth:`forget_style`)."""

    __slots__ = ("_known_style_id",)
    _known_style_id: int | None

    @classmethod
    def of(cls, cell: Cell) -> _PrototypeCell:
        prototype = cls(cell.parent)
        prototype._style = copy(cell._style)
        prototype._value, prototype.data_type = cell._value, cell.data_type
        prototype._known_style_id = None
        return prototype

    @property
    def style_id(self) -> int:
        known = self._known_style_id
        if known is None:
            known = int(Cell.style_id.fget(self))
            self._known_style_id = known
        return known

    def forget_style(self) -> None:
        self._known_style_id = None


def _cells_as_cells(ws: WriteOnlyWorksheet) -> None:
    """Make ``ws.append`` take a row of :class:`_PrototypeCell` as it is, rather than try
    each cell as a plain value first (an exception raised and caught per cell).

    Relies on openpyxl 3.1's write-only internals (``_values_to_row``), pinned in
    pyproject.toml; every other row goes through openpyxl's own conversion.
    """
    convert = ws._values_to_row

    def values_to_row(values: Any, row_idx: int) -> Any:
        if isinstance(values, list) and values and isinstance(values[0], _PrototypeCell):
            for column, cell in enumerate(values, 1):
                cell.column, cell.row = column, row_idx
            return values
        return convert(values, row_idx)

    ws._values_to_row = values_to_row


def _assign(cell: WriteOnlyCell, value: Any) -> None:
    """Sets a value as data: text stays text (even "=…"), illegal control characters go."""
    try:
        cell.value = value
    except Exception:  # openpyxl's IllegalCharacterError for pasted control characters
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    if cell.data_type == "f":  # a name or note that starts with "=" is not a formula
        cell.data_type = "s"
