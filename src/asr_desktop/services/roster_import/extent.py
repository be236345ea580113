"""Checking how big a spreadsheet really is before a reader allocates anything.

python-calamine builds a dense grid from the first to the last cell of a sheet: one cell at
``XFD1048576`` in a 2 KB file asks for 512 GiB and aborts the whole process (a Rust panic
Python cannot catch; the GUI would vanish without a word). So an .xlsx is first streamed
through ``zipfile`` in bounded blocks and scanned for its declared ``<dimension>``, the
rows and cells really present and runs of text without a tag (a cell or shared string of
hundreds of MB); a sheet past the limits below is refused with a Thai reason.

Limits (documented in the README):

- :data:`MAX_ROWS` rows and :data:`MAX_COLUMNS` columns (declared or actual);
- :data:`MAX_CELLS` cells counted from A1 (rows × columns), the grid calamine builds: one
  cell at ``GR200000`` is within the rows and columns but asks for 40 million cells
  (1.6 GB, 9 s), as an .xls is bounded in xls_extent.py;
- :data:`MAX_CELL_CHARS` characters in a cell (Excel's own limit: 32,767);
- :data:`MAX_PART_BYTES` of XML in one part of the file once unpacked.
"""

from __future__ import annotations

import functools
import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from asr_desktop.domain.errors import AsrError

MAX_ROWS = 200_000
MAX_COLUMNS = 200
MAX_CELLS = 8_000_000
"""200,000 rows × 40 columns fit (the app's own roster export has 34); an empty grid this
size costs calamine and the import about 375 MB. An .xls (65,536 rows at most) has 2,000,000."""
MAX_CELL_CHARS = 32_767
MAX_PART_BYTES = 1 << 30
# A character takes up to 4 bytes in UTF-8 and an entity such as &amp; 5 for one
# character; any run of this many bytes without a tag is more than a cell can hold.
_MAX_RUN = MAX_CELL_CHARS * 6
_BLOCK = 1 << 20
_SMALL_PART = 16 << 20
_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c|dimension)\b([^>]*)>")
_ATTR_R = re.compile(rb"""\br\s*=\s*["']([A-Za-z]*)(\d*)["']""")
_ATTR_REF = re.compile(rb"""\bref\s*=\s*["']([^"']*)["']""")
_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")
_ROW_R = re.compile(rb'<row r="(\d+)"')
_ROW_WITHOUT_R = re.compile(rb"""<row(?:>|/>|\s+(?!r="))""")
_CELL_WITHOUT_R = re.compile(rb"""<c(?:>|/>|\s+(?!r="))""")
_CELL_FAR = re.compile(
    rb'<c r="(?:([A-Za-z]{3,}|[Gg][S-Zs-z]|[H-Zh-z][A-Za-z])\d|[A-Za-z]+(\d{6,}))'
)
"""Cells past column GR (200: three letters, or two from GS on) or on row 100,000 and
further: few or none in a real roster, each then checked exactly."""
_DIMENSION = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?dimension\b([^>]*)>")

LIMITS_TEXT = (
    f"นำเข้าได้ไม่เกิน {MAX_ROWS:,} แถว × {MAX_COLUMNS} คอลัมน์ และไม่เกิน {MAX_CELL_CHARS:,} ตัวอักษรต่อช่อง"
)
GRID_TEXT = (
    f"นำเข้าได้ไม่เกิน {MAX_ROWS:,} แถว × {MAX_COLUMNS} คอลัมน์ "
    f"และไม่เกิน {MAX_CELLS:,} ช่องต่อแผ่นงาน นับจากช่อง A1"
)


class SheetTooLargeError(AsrError):
    """The sheet is bigger than the app reads; nothing was read into memory."""


@dataclass(frozen=True, slots=True)
class Extent:
    """The furthest row and column (1-based) a sheet declares or holds."""

    rows: int = 0
    columns: int = 0


def column_number(letters: str) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number


def check_shared_strings(path: Path) -> None:
    """Refuses an .xlsx whose shared strings hold a string past the limit (calamine reads
    them all when it opens the file).

    Raises:
        SheetTooLargeError: Past a limit, with the reason in Thai.
        zipfile.BadZipFile, KeyError, ElementTree.ParseError: not a readable .xlsx; the
            caller lets calamine give its own reason for those.
    """
    with zipfile.ZipFile(path) as archive:
        strings = _part(set(archive.namelist()), "xl/sharedStrings.xml")
        if strings:
            _scan(archive, strings, path.name, sheet_label="")


def check_sheet(path: Path, sheet: str | None) -> Extent:
    """Refuses an .xlsx sheet (the first when ``sheet`` is None) past the limits.

    Raises:
        SheetTooLargeError, zipfile.BadZipFile, KeyError, ElementTree.ParseError: as
        :func:`check_shared_strings`.
    """
    with zipfile.ZipFile(path) as archive:
        part = _sheet_part(archive, set(archive.namelist()), sheet)
        if part is None:
            return Extent()
        return _scan(archive, part, path.name, sheet_label=sheet or "")


def _part(names: set[str], wanted: str) -> str | None:
    """The archive name of ``wanted`` (zip names are case-sensitive, Excel's are not)."""
    for name in names:
        if name.lower() == wanted.lower():
            return name
    return None


def _sheet_part(archive: zipfile.ZipFile, names: set[str], sheet: str | None) -> str | None:
    workbook = _part(names, "xl/workbook.xml")
    rels = _part(names, "xl/_rels/workbook.xml.rels")
    if workbook is None or rels is None:
        return None
    targets = {
        el.get("Id"): el.get("Target", "")
        for el in ElementTree.fromstring(_read_small(archive, rels))
        if el.tag.endswith("Relationship")
    }
    for el in ElementTree.fromstring(_read_small(archive, workbook)).iter():
        if not el.tag.endswith("}sheet"):
            continue
        if sheet is not None and el.get("name") != sheet:
            continue
        rel = next((v for k, v in el.attrib.items() if k.endswith("}id")), None)
        target = targets.get(rel, "")
        if not target:
            return None
        full = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        return _part(names, posixpath.normpath(full))
    return None


def _read_small(archive: zipfile.ZipFile, name: str) -> bytes:
    with archive.open(name) as stream:
        data = stream.read(_SMALL_PART + 1)
    if len(data) > _SMALL_PART:
        raise SheetTooLargeError(f"ส่วน {name} ของไฟล์ใหญ่ผิดปกติ ไฟล์นี้ไม่ใช่สมุดงานที่นำเข้าได้")
    return data


def _scan(archive: zipfile.ZipFile, part: str, file_name: str, *, sheet_label: str) -> Extent:
    """Streams one XML part in blocks; tracks rows, columns and long runs of text."""
    where = f"แผ่นงาน '{sheet_label}' ของไฟล์ {file_name}" if sheet_label else f"ไฟล์ {file_name}"
    rows = columns = row = 0
    carry = b""
    total = 0
    with archive.open(part) as stream:
        while True:
            block = stream.read(_BLOCK)
            total += len(block)
            if total > MAX_PART_BYTES:
                raise SheetTooLargeError(
                    f"{where} ใหญ่เกินกว่าที่นำเข้าได้ (ข้อมูลเกิน {MAX_PART_BYTES >> 20:,} MB เมื่อคลายไฟล์)"
                )
            data = carry + block
            cut = data.rfind(b"<") if block else len(data)
            if cut <= 0:
                cut = 0 if block else len(data)
            body, carry = data[:cut], data[cut:]
            if len(carry) > _MAX_RUN or _has_long_run(body):
                raise SheetTooLargeError(
                    f"{where} มีช่องข้อมูลที่ยาวเกิน {MAX_CELL_CHARS:,} ตัวอักษร (เกินกว่าที่ Excel เก็บได้) "
                    "ไฟล์นี้ไม่ใช่ทะเบียนที่นำเข้าได้"
                )
            found = _fast_extent(body, columns) or _slow_extent(body, row)
            rows, columns = max(rows, found.rows), max(columns, found.columns)
            row = found.last_row or row
            if rows > MAX_ROWS or columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
                raise SheetTooLargeError(
                    f"{where} ยาวถึงแถว {rows:,} คอลัมน์ที่ {columns:,} เกินกว่าที่นำเข้าได้ "
                    f"({GRID_TEXT}) ลบเซลล์ที่อยู่ไกลออกไปแล้วบันทึกไฟล์ใหม่"
                )
            if not block:
                break
    return Extent(rows, columns)


def _has_long_run(body: bytes) -> bool:
    """Whether ``body`` has a run of ``_MAX_RUN`` bytes without a tag in an aligned window.

    Every run twice that long holds a whole window, so text of hundreds of MB is always
    found; a real cell (at most 32,767 characters, ~98 KB of Thai) never fills a window.
    A few ``find`` calls a block instead of splitting at every tag.
    """
    return any(
        body.find(b"<", start, start + _MAX_RUN) < 0
        for start in range(0, len(body) - _MAX_RUN + 1, _MAX_RUN)
    )


@dataclass(frozen=True, slots=True)
class _BlockExtent:
    rows: int
    columns: int
    last_row: int


def _fast_extent(body: bytes, known_columns: int = 0) -> _BlockExtent | None:
    """The extent of a block written as every spreadsheet program writes it — no namespace
    prefix, each row and cell saying where it is first (``<c r="B7"``) — by literal
    searches at C speed, no Python step per cell (100,000 rows: 15 s → under a second).
    None for anything else; :func:`_slow_extent` reads that tag by tag.

    The last column is exact (the cell count needs it): a search for a cell right of the
    furthest one seen so far (``known_columns`` from earlier blocks), repeated only when
    one is found, so a few searches for the whole sheet."""
    if b":row" in body or b":c" in body:  # a namespace prefix (<x:c …>): tag by tag
        return None
    if _CELL_WITHOUT_R.search(body) or _ROW_WITHOUT_R.search(body):
        return None
    row_numbers = _ROW_R.findall(body)
    rows = max(map(int, row_numbers), default=0)
    columns = known_columns
    at = 0
    while columns < MAX_COLUMNS and (hit := _cells_right_of(columns).search(body, at)):
        columns, at = column_number(hit.group(1).decode("ascii")), hit.end()
    for letters, digits in _CELL_FAR.findall(body):
        if letters:
            columns = max(columns, column_number(letters.decode("ascii")))
        else:
            rows = max(rows, int(digits))
    at = body.find(b"dimension")
    declared = _DIMENSION.search(body, max(0, at - 64)) if at >= 0 else None
    if declared is not None:
        extent = _declared(declared.group(1))
        rows, columns = max(rows, extent.rows), max(columns, extent.columns)
    return _BlockExtent(rows, columns, int(row_numbers[-1]) if row_numbers else 0)


@functools.cache
def _cells_right_of(column: int) -> re.Pattern[bytes]:
    """Cells in columns ``column`` + 1 … :data:`MAX_COLUMNS` (further ones are _CELL_FAR's),
    written as a few character classes by first letter: a plain alternation of the names
    cost an 8,000-row check 0.3 s more."""
    last_letters: dict[str, str] = {}
    for number in range(column + 1, MAX_COLUMNS + 1):
        name = _column_name(number)
        last_letters[name[:-1]] = last_letters.get(name[:-1], "") + name[-1]
    choices = "|".join(
        f"{_either_case(first)}{_either_case(last)}" for first, last in last_letters.items()
    )
    return re.compile(f'<c r="({choices})\\d'.encode("ascii"))


def _either_case(letters: str) -> str:
    return f"[{letters}{letters.lower()}]" if letters else ""


def _column_name(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _slow_extent(body: bytes, row: int) -> _BlockExtent:
    """Tag by tag, counting positions that rows and cells leave implicit."""
    rows = columns = column = 0
    for match in _TAG.finditer(body):
        kind, attrs = match.group(1), match.group(2)
        r = _ATTR_R.search(attrs) if kind != b"dimension" else None
        if kind == b"row":
            row = int(r.group(2)) if r and r.group(2) else row + 1
            column = 0
        elif kind == b"c":
            letters = r.group(1).decode() if r else ""
            column = column_number(letters) if letters else column + 1
            if r and r.group(2):
                row = max(row, int(r.group(2)))
        else:
            declared = _declared(attrs)
            rows, columns = max(rows, declared.rows), max(columns, declared.columns)
        rows, columns = max(rows, row), max(columns, column)
    return _BlockExtent(rows, columns, row)


def _declared(attrs: bytes) -> Extent:
    ref = _ATTR_REF.search(attrs)
    if ref is None:
        return Extent()
    rows = columns = 0
    for letters, digits in _REF.findall(ref.group(1).decode("ascii", "replace")):
        rows, columns = max(rows, int(digits)), max(columns, column_number(letters))
    return Extent(rows, columns)
