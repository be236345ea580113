"""Reading a spreadsheet into rows of plain cell values.

.xlsx and .xls are read with python-calamine (about 6× faster than openpyxl's reader on a
10,000-row roster). Calamine hands every number over as a float, so the national-ID and
phone parsers take care to turn those back into digits without losing any. CSV files come
in UTF-8 (with or without BOM) or in the Thai Windows code page (TIS-620/cp874).
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from asr_desktop.domain.errors import AsrError
from asr_desktop.services.roster_import.extent import (
    LIMITS_TEXT,
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_ROWS,
    SheetTooLargeError,
    check_shared_strings,
    check_sheet,
)
from asr_desktop.services.roster_import.xls_extent import DamagedXlsError, check_xls

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv")
MAX_CSV_BYTES = 512 << 20
MAX_XLS_BYTES = 64 << 20
"""An .xls holds at most 65,536 × 256 cells; a file this big is not a roster. The grid
calamine builds is bounded by xls_extent.check_xls, not by the file's size."""


class ImportFileError(AsrError):
    """The file cannot be read at all; nothing was imported."""


@dataclass(slots=True)
class SourceSheet:
    """The cells of one sheet; ``rows[i]`` is spreadsheet row ``i + 1``."""

    path: Path
    sheet: str
    rows: list[list[Any]]
    sheet_names: tuple[str, ...] = ()


def sheet_names(path: Path) -> list[str]:
    if path.suffix.lower() == ".csv":
        return [path.stem]
    return list(_workbook(path).sheet_names)


def read_sheet(path: Path, sheet: str | None = None) -> SourceSheet:
    """Reads one sheet (the first when ``sheet`` is None).

    Raises:
        ImportFileError: the file is missing, of an unknown kind, damaged, or has no such
            sheet; the message says which in Thai.
    """
    suffix = path.suffix.lower()
    if suffix not in SPREADSHEET_SUFFIXES:
        raise ImportFileError(
            f"ไม่รู้จักไฟล์ชนิด {suffix or '(ไม่มีนามสกุล)'}: นำเข้าได้เฉพาะ .xlsx .xls และ .csv"
        )
    if not path.is_file():
        raise ImportFileError(f"ไม่พบไฟล์ {path}")
    if suffix == ".csv":
        return SourceSheet(path, path.stem, _read_csv(path), (path.stem,))
    workbook = _workbook(path)
    names = tuple(workbook.sheet_names)
    name = sheet if sheet is not None else (names[0] if names else "")
    if name not in names:
        raise ImportFileError(f"ไม่พบแผ่นงาน '{name}' ในไฟล์ (มี: {', '.join(names)})")
    if suffix != ".xls":  # an .xls was checked whole before it was opened
        _check_extent(path, name)
    try:
        rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except Exception as exc:  # calamine's own error types
        raise ImportFileError(f"อ่านแผ่นงาน '{name}' ไม่ได้: {exc}") from exc
    return SourceSheet(path, name, [list(r) for r in rows], names)


def _check_extent(path: Path, sheet: str | None, *, strings_only: bool = False) -> None:
    """Refuses what would make calamine allocate a huge grid (see extent.py, xls_extent.py)."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".xls":
            if path.stat().st_size > MAX_XLS_BYTES:
                raise SheetTooLargeError(
                    f"ไฟล์ {path.name} ใหญ่เกินกว่าที่นำเข้าได้ ({LIMITS_TEXT}) "
                    "บันทึกเป็น .xlsx หรือแบ่งเป็นหลายไฟล์"
                )
            # calamine builds every sheet of an .xls when it opens the file: check them all.
            check_xls(path)
        elif zipfile.is_zipfile(path):
            if strings_only:
                check_shared_strings(path)
            else:
                check_sheet(path, sheet)
    except SheetTooLargeError as exc:
        raise ImportFileError(exc.message) from exc
    except DamagedXlsError as exc:
        raise ImportFileError(f"ไฟล์ {path.name} เสียหายหรือไม่ใช่ไฟล์ Excel ({exc})") from exc
    except (zipfile.BadZipFile, KeyError, ValueError, SyntaxError):
        # Not a well-formed .xlsx: calamine's own error explains it below.
        return


def _workbook(path: Path) -> Any:
    from python_calamine import CalamineWorkbook

    # Shared strings are read when calamine opens the file, so check them first.
    _check_extent(path, None, strings_only=True)
    try:
        return CalamineWorkbook.from_path(str(path))
    except FileNotFoundError as exc:
        raise ImportFileError(f"ไม่พบไฟล์ {path}") from exc
    except Exception as exc:  # a damaged or mislabelled file
        raise ImportFileError(f"ไฟล์ {path.name} เสียหายหรือไม่ใช่ไฟล์ Excel ({exc})") from exc


def decode_text(data: bytes) -> str:
    """UTF-8 when the bytes are valid UTF-8, else Thai Windows (cp874, a superset of TIS-620)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp874")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            "อ่านตัวอักษรในไฟล์ CSV ไม่ได้ (รองรับ UTF-8 และ TIS-620) กรุณาบันทึกไฟล์จาก Excel เป็น 'CSV UTF-8'"
        ) from exc


def _read_csv(path: Path) -> list[list[Any]]:
    if path.stat().st_size > MAX_CSV_BYTES:
        raise ImportFileError(
            f"ไฟล์ {path.name} ใหญ่เกินกว่าที่นำเข้าได้ (เกิน {MAX_CSV_BYTES >> 20:,} MB; {LIMITS_TEXT})"
        )
    text = decode_text(path.read_bytes())
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows: list[list[Any]] = []
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        for row in reader:
            if max(map(len, row), default=0) > MAX_CELL_CHARS:
                raise csv.Error("field larger than a cell")
            if len(rows) >= MAX_ROWS or len(row) > MAX_COLUMNS:
                raise ImportFileError(
                    f"ไฟล์ {path.name} ยาวถึงแถว {reader.line_num:,} คอลัมน์ที่ {len(row):,} "
                    f"เกินกว่าที่นำเข้าได้ ({LIMITS_TEXT})"
                )
            rows.append(row)
    except csv.Error as exc:
        # The csv module refuses a field over 131,072 characters; a cell holds 32,767.
        raise ImportFileError(
            f"ไฟล์ {path.name} แถว {reader.line_num:,} อ่านไม่ได้: ช่องข้อมูลยาวเกิน "
            f"{MAX_CELL_CHARS:,} ตัวอักษร หรือเครื่องหมายคำพูดไม่ครบคู่"
        ) from exc
    return rows
