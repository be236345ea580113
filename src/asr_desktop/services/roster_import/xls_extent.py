"""Checking an .xls (Excel 97–2003) before python-calamine opens it.

calamine reads every sheet of an .xls when the file is opened (even to list its sheet
names) and builds each one as a dense grid from A1 to its furthest cell: one far cell in
a 5 KB file (``IV65536``) costs 0.5 GB and a second, 1.2 GB once the rows reach Python.
Before that it reserves room for as many cells as the sheet's DIMENSIONS record
declares, and a record that declares 4 billion rows aborts the whole process (a Rust
panic Python cannot catch). So the file's Workbook stream is read with olefile and its
records walked the way calamine walks them, without keeping a cell: every sheet's
declared and real extent must fit the limits below, or the file is refused.

Limits: :data:`~asr_desktop.services.roster_import.extent.MAX_COLUMNS` columns and
:data:`MAX_XLS_CELLS` cells counted from A1 (rows × columns), the grid calamine and the
import build; 65,536 rows, the format's own limit, always fit in the cells.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from asr_desktop.services.roster_import.extent import MAX_COLUMNS, SheetTooLargeError

MAX_XLS_CELLS = 2_000_000
"""65,536 rows × 30 columns fit; the grid then takes about 64 MB in calamine."""

XLS_LIMITS_TEXT = (
    f"ไฟล์ .xls นำเข้าได้ไม่เกิน {MAX_COLUMNS} คอลัมน์ และไม่เกิน {MAX_XLS_CELLS:,} ช่องต่อแผ่นงาน นับจากช่อง A1"
)

# Stream names calamine tries, in its order.
_STREAMS = ("Workbook", "Book", "WORKBOOK", "BOOK")
_BOF, _EOF, _BOUNDSHEET, _DIMENSIONS, _MULRK = 0x0809, 0x000A, 0x0085, 0x0200, 0x00BD
# Records calamine turns into a cell at (row, column) = the record's first two u16.
_CELLS = frozenset({0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD, 0x0006})
_U16_PAIR = struct.Struct("<HH")
_RECORD_HEAD = struct.Struct("<HHHH")  # type, size, then a cell's row and column


class DamagedXlsError(Exception):
    """The file is an OLE file but its workbook cannot be walked; calamine must not open it."""


@dataclass(frozen=True, slots=True)
class XlsSheet:
    """One sheet's name and the grid calamine would build (rows × columns from A1)."""

    name: str
    rows: int
    columns: int

    @property
    def cells(self) -> int:
        return self.rows * self.columns


def check_xls(path: Path) -> list[XlsSheet]:
    """Refuses an .xls whose any sheet is past the limits; returns every sheet's extent.

    A file that is not an OLE file at all is left to calamine, which names the problem.

    Raises:
        SheetTooLargeError: a sheet declares or holds more than the limits (Thai reason).
        DamagedXlsError: an OLE file whose workbook stream cannot be read or walked.
    """
    stream = _workbook_stream(path)
    if stream is None:
        return []
    sheets = []
    for name, offset in _bound_sheets(stream):
        sheet = _sheet_extent(stream, name, offset)
        if sheet.columns > MAX_COLUMNS or sheet.cells > MAX_XLS_CELLS:
            raise SheetTooLargeError(
                f"แผ่นงาน '{name}' ของไฟล์ {path.name} ยาวถึงแถว {sheet.rows:,} "
                f"คอลัมน์ที่ {sheet.columns:,} เกินกว่าที่นำเข้าได้ ({XLS_LIMITS_TEXT}) "
                "ลบเซลล์ที่อยู่ไกลออกไป หรือบันทึกเป็น .xlsx แล้วนำเข้าใหม่"
            )
        sheets.append(sheet)
    return sheets


def _workbook_stream(path: Path) -> bytes | None:
    import olefile

    if not olefile.isOleFile(str(path)):
        return None
    try:
        with olefile.OleFileIO(str(path)) as ole:
            for name in _STREAMS:
                if ole.exists(name):
                    data: bytes = ole.openstream(name).read()
                    return data
    except Exception as exc:  # olefile's own errors for a damaged compound file
        raise DamagedXlsError(str(exc) or type(exc).__name__) from exc
    return None


def _records(stream: bytes, start: int) -> Iterator[tuple[int, int, int]]:
    """(type, data offset, data size) of each whole record from ``start``, as calamine
    reads them; a cut record ends the walk (calamine refuses the file there)."""
    end = len(stream)
    at = start
    while at + 4 <= end:
        kind, size = _U16_PAIR.unpack_from(stream, at)
        if at + 4 + size > end:
            return
        yield kind, at + 4, size
        at += 4 + size


def _bound_sheets(stream: bytes) -> list[tuple[str, int]]:
    """Each BoundSheet8 of the workbook globals: (name, offset of its BOF)."""
    sheets = []
    for kind, at, size in _records(stream, 0):
        if kind == _EOF:
            break
        if kind == _BOUNDSHEET and size >= 4:
            offset = int.from_bytes(stream[at : at + 4], "little")
            if offset > len(stream):
                # calamine would slice past the stream's end and panic.
                raise DamagedXlsError(f"sheet at {offset} past the stream's end ({len(stream)})")
            sheets.append((_sheet_name(stream[at : at + size]), offset))
    return sheets


def _sheet_name(data: bytes) -> str:
    """The name for the message (BIFF8: a count, a flags byte, then Latin-1 or UTF-16)."""
    if len(data) < 8:
        return "?"
    length = data[6]
    if data[7] & 1:
        return data[8 : 8 + 2 * length].decode("utf-16-le", "replace")
    return data[8 : 8 + length].decode("latin-1")


def _sheet_extent(stream: bytes, name: str, offset: int) -> XlsSheet:
    """The furthest row and column of one sheet, declared or held, counted from A1.

    Cells inside a nested substream (an embedded chart) count too: recent calamine skips
    them, older releases stop at their EOF; counting them can only refuse more. One loop
    over a million records, so it reads each record's head and first cell fields in one
    unpack (~0.3 s for a 60,000-row sheet).
    """
    end = len(stream)
    padded = stream + bytes(4)  # the last record may be shorter than a cell's fields
    unpack = _RECORD_HEAD.unpack_from
    cells = _CELLS
    rows = columns = depth = 0
    at = offset
    while at + 4 <= end:
        kind, size, row, column = unpack(padded, at)
        body = at + 4
        at = body + size
        if at > end:
            break  # a cut record: calamine refuses the file there
        if kind in cells:
            if size >= 4:
                if row >= rows:
                    rows = row + 1
                if column >= columns:
                    columns = column + 1
        elif kind == _MULRK:
            if size >= 6:
                rows = max(rows, row + 1)
                columns = max(columns, column + (size - 6) // 6)
        elif kind == _DIMENSIONS:
            declared_rows, declared_columns = _declared(stream[body:at])
            rows, columns = max(rows, declared_rows), max(columns, declared_columns)
        elif kind == _BOF:
            depth += 1
        elif kind == _EOF:
            depth -= 1
            if depth <= 0:
                break
    return XlsSheet(name, rows, columns)


def _declared(data: bytes) -> tuple[int, int]:
    """Rows and columns of a DIMENSIONS record: the furthest it declares from A1, or the
    room calamine reserves for it when that is more (its u32 arithmetic wraps a first
    row past the last round to billions)."""
    if len(data) == 14:
        first_row, last_row = struct.unpack_from("<II", data)
        (last_col,) = struct.unpack_from("<H", data, 10)
    elif len(data) == 10:
        first_row, last_row, _, last_col = struct.unpack_from("<HHHH", data)
    else:
        return 0, 0  # calamine refuses the record itself
    if last_row < 1 or last_col < 1:
        return 1, 1
    reserved_rows = ((last_row - 1 - first_row) & 0xFFFFFFFF) + 1
    return max(reserved_rows, last_row), last_col
