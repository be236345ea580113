"""Hostile spreadsheets through ``import`` (CLI in a child process, and the GUI's code path):
each ends with exit 0, 1 or 3, one Thai line, no traceback, and no change on failure."""

from __future__ import annotations

import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from tests.conftest import subprocess_env
from tests.excel_fixtures import national_id

from asr_desktop.cli import main
from asr_desktop.services.roster_import.extent import MAX_COLUMNS, MAX_ROWS
from asr_desktop.services.roster_import.plan import build_plan
from asr_desktop.services.roster_import.reading import ImportFileError
from asr_desktop.store.database import open_database

HEADER = ["เลขประจำตัวประชาชน", "ชื่อ", "นามสกุล", "ตำบล", "อำเภอ"]
GOOD = [national_id(7), "หนึ่ง", "ดี", "ธาตุเชิงชุม", "เมือง"]


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.db"
    assert main(["--db", str(path), "init", "--province", "47"]) == 0
    return path


def _workbook(path: Path, extra: dict[str, object]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(GOOD)
    for ref, value in extra.items():
        ws[ref] = value
    wb.save(path)
    return path


def _rewrite_sheet(path: Path, change: object) -> Path:
    """Rewrites xl/worksheets/sheet1.xml of ``path`` with ``change(xml) -> xml``."""
    out = path.with_name("crafted-" + path.name)
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "xl/worksheets/sheet1.xml":
                data = change(data)  # type: ignore[operator]
            dst.writestr(name, data)
    return out


def _swap(old: bytes, new: bytes) -> object:
    """A change for :func:`_rewrite_sheet` that must find ``old`` (else the test proves nothing)."""

    def change(xml: bytes) -> bytes:
        assert xml.count(old) == 1, old
        return xml.replace(old, new)

    return change


def far_cell(tmp: Path) -> Path:
    return _workbook(tmp / "far-cell.xlsx", {"XFD1048576": "x"})


def far_row(tmp: Path) -> Path:
    return _workbook(tmp / "far-row.xlsx", {f"A{MAX_ROWS + 1}": "x"})


def wide(tmp: Path) -> Path:
    return _workbook(tmp / "wide.xlsx", {"GS3": "x"})  # column 201


def huge_declared(tmp: Path) -> Path:
    base = _workbook(tmp / "declared.xlsx", {})
    return _rewrite_sheet(base, lambda xml: xml.replace(b'ref="A1:E2"', b'ref="A1:XFD1048576"'))


def far_cell_in_the_grid(tmp: Path) -> Path:
    """A 5 KB .xlsx with one cell at GR200000: within 200,000 rows × 200 columns, but the
    grid from A1 is 40 million cells (the import took 9 s and 1.6 GB)."""
    return _workbook(tmp / "grid.xlsx", {"GR200000": "x"})


def lying_dimension(tmp: Path) -> Path:
    """The same far cell under a <dimension> that says A1:E2: the cells themselves count."""
    base = far_cell_in_the_grid(tmp)
    return _rewrite_sheet(base, _swap(b'ref="A1:GR200000"', b'ref="A1:E2"'))


def declared_grid(tmp: Path) -> Path:
    """Two rows of cells under a <dimension> that declares A1:GR200000."""
    base = _workbook(tmp / "declared-grid.xlsx", {})
    return _rewrite_sheet(base, _swap(b'ref="A1:E2"', b'ref="A1:GR200000"'))


def huge_shared_string(tmp: Path) -> Path:
    """openpyxl cuts strings to Excel's 32,767 characters, so the part is written by hand."""
    base = _workbook(tmp / "shared.xlsx", {})
    out = tmp / "crafted-shared.xlsx"
    strings = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1"'
        b' uniqueCount="1"><si><t>' + "ก".encode() * 700_000 + b"</t></si></sst>"
    )
    cell = b'<row r="3"><c r="B3" t="s"><v>0</v></c></row></sheetData>'
    rel = (
        b'<Relationship Id="rIdS" Target="sharedStrings.xml" Type="http://schemas.openxmlformats'
        b'.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>'
    )
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", cell)
            elif name == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", rel)
            dst.writestr(name, data)
        dst.writestr("xl/sharedStrings.xml", strings)
    return out


def huge_inline_cell(tmp: Path) -> Path:
    base = _workbook(tmp / "inline.xlsx", {})
    cell = b'<row r="3"><c r="B3" t="inlineStr"><is><t>'
    big = cell + b"x" * 2_000_000 + b"</t></is></c></row>"
    return _rewrite_sheet(base, lambda xml: xml.replace(b"</sheetData>", big + b"</sheetData>"))


def long_csv_field(tmp: Path) -> Path:
    path = tmp / "long-field.csv"
    path.write_text(",".join(HEADER) + "\n" + ",".join(GOOD) + "\n" + "x" * 200_000 + ",a\n")
    return path


def wide_csv(tmp: Path) -> Path:
    path = tmp / "wide.csv"
    path.write_text(",".join(HEADER) + "\n" + ",".join(GOOD + ["x"] * MAX_COLUMNS) + "\n")
    return path


def _xls(path: Path, extra: dict[tuple[int, int], str], *, other_sheet: bool = False) -> Path:
    """An Excel 97–2003 file written by xlwt: the header, one good row and ``extra`` cells
    at (row, column), 0-based; with ``other_sheet`` the extras go on a second sheet."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("ทะเบียน")
    for column, (head, value) in enumerate(zip(HEADER, GOOD, strict=True)):
        sheet.write(0, column, head)
        sheet.write(1, column, value)
    target = book.add_sheet("อื่น ๆ") if other_sheet else sheet
    for (row, column), value in extra.items():
        target.write(row, column, value)
    book.save(str(path))
    return path


def _patch_once(path: Path, old: bytes, new: bytes) -> Path:
    """Replaces one record's bytes (xlwt writes the workbook stream in whole sectors, and a
    record this short is unique in the file); returns the crafted copy."""
    data = path.read_bytes()
    assert data.count(old) == 1, old
    out = path.with_name("crafted-" + path.name)
    out.write_bytes(data.replace(old, new))
    return out


def xls_far_cell(tmp: Path) -> Path:
    """A 6 KB .xls with one cell at IV65536: calamine built 65,536 × 256 cells (0.5 GB at
    open, 1.2 GB read into Python)."""
    return _xls(tmp / "far-cell.xls", {(65_535, 255): "x"})


def xls_far_cell_on_another_sheet(tmp: Path) -> Path:
    """calamine builds every sheet when it opens an .xls, not just the one imported."""
    return _xls(tmp / "far-other.xls", {(65_535, 199): "x"}, other_sheet=True)


def xls_lying_dimensions(tmp: Path) -> Path:
    """DIMENSIONS declares rows 0 … 4,294,967,294: calamine reserves that many cells and
    the process aborted (SIGABRT, exit 134)."""
    base = _xls(tmp / "dimensions.xls", {})
    record = b"\x00\x02\x0e\x00" + struct.pack("<IIHHH", 0, 2, 0, len(HEADER), 0)
    lie = b"\x00\x02\x0e\x00" + struct.pack("<IIHHH", 0, 0xFFFFFFFF, 0, len(HEADER), 0)
    return _patch_once(base, record, lie)


def xls_sheet_past_the_end(tmp: Path) -> Path:
    """A BoundSheet8 record pointing past the stream: calamine panicked (PanicException,
    which ``except Exception`` does not catch: a traceback)."""
    import olefile

    base = _xls(tmp / "past-end.xls", {})
    with olefile.OleFileIO(str(base)) as ole:
        stream = ole.openstream("Workbook").read()
    at = stream.index(b"\x85\x00")  # the first BoundSheet8 (no earlier record has that type)
    record = stream[at : at + 12]
    return _patch_once(base, record, record[:4] + struct.pack("<I", 10_000_000) + record[8:])


HOSTILE = [
    xls_far_cell,
    xls_far_cell_on_another_sheet,
    xls_lying_dimensions,
    xls_sheet_past_the_end,
    far_cell,
    far_row,
    wide,
    huge_declared,
    far_cell_in_the_grid,
    lying_dimension,
    declared_grid,
    huge_shared_string,
    huge_inline_cell,
    long_csv_field,
    wide_csv,
]


def _volunteers(db_path: Path) -> int:
    db = open_database(db_path)
    try:
        return int(db.execute("SELECT count(*) FROM volunteers").fetchone()[0])
    finally:
        db.close()


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "asr_desktop.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=subprocess_env(),
        timeout=120,
    )


@pytest.mark.parametrize("make", HOSTILE, ids=lambda f: f.__name__)
def test_hostile_file_through_cli_exit_1_one_thai_line_no_change(make, empty, tmp_path) -> None:
    source = make(tmp_path)
    before = _volunteers(empty)
    done = _cli("--db", str(empty), "import", str(source))
    assert done.returncode == 1, done.stderr[-2000:]
    assert "Traceback" not in done.stderr and "panicked" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("asr-cli: ")
    assert len(lines[0]) < 400
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in lines[0])
    assert _volunteers(empty) == before


@pytest.mark.parametrize("make", HOSTILE, ids=lambda f: f.__name__)
def test_hostile_file_through_the_gui_path_is_refused_with_a_reason(make, empty, tmp_path) -> None:
    """The import dialog calls build_plan in its worker; it must raise the Thai reason."""
    from datetime import date

    source = make(tmp_path)
    db = open_database(empty)
    try:
        with pytest.raises(ImportFileError) as refused:
            build_plan(db, source, today=date(2026, 12, 1))
    finally:
        db.close()
    assert "\n" not in refused.value.message and len(refused.value.message) < 400


def test_a_normal_workbook_still_imports(empty, tmp_path) -> None:
    source = _workbook(tmp_path / "fine.xlsx", {"E40": "ท้ายตาราง"})
    done = _cli("--db", str(empty), "import", str(source))
    assert done.returncode in (0, 3), done.stderr
    assert _volunteers(empty) == 1


def test_a_normal_xls_still_imports_and_a_grid_within_the_limit_passes_the_check(
    empty, tmp_path
) -> None:
    from asr_desktop.services.roster_import.xls_extent import MAX_XLS_CELLS, check_xls

    done = _cli("--db", str(empty), "import", str(_xls(tmp_path / "fine.xls", {(39, 4): "ท้าย"})))
    assert done.returncode in (0, 3), done.stderr
    assert _volunteers(empty) == 1
    # 65,536 rows × 30 columns is the most an .xls roster is expected to use.
    [sheet] = check_xls(_xls(tmp_path / "full.xls", {(65_535, 29): "x"}))
    assert (sheet.rows, sheet.columns) == (65_536, 30) and sheet.cells <= MAX_XLS_CELLS


def test_a_rejected_row_with_a_control_character_still_reports_and_imports_the_rest(
    empty, tmp_path
) -> None:
    """Issue 12 item 2: openpyxl's IllegalCharacterError stopped the report and the import."""
    source = tmp_path / "control.csv"
    bad = ["1234", "สอง\x01", "ผิด\x00", "ธาตุเชิงชุม", "เมือง"]
    source.write_text("\n".join(",".join(r) for r in (HEADER, GOOD, bad)) + "\n")
    report = tmp_path / "rejects.xlsx"
    done = _cli("--db", str(empty), "import", str(source), "--report", str(report))
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr
    assert _volunteers(empty) == 1
    row = [c.value for c in next(openpyxl.load_workbook(report).active.iter_rows(min_row=2))]
    assert "สอง\ufffd" in row and "ผิด\ufffd" in row


def test_report_days_past_the_calendar_is_a_usage_error_not_a_traceback(empty) -> None:
    out = empty.with_name("expiring.xlsx")
    days = ["--days", "99999999999"]
    done = _cli("--db", str(empty), "report", "expiring", *days, "--xlsx", str(out))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "3,650" in done.stderr
    assert not out.exists()


def test_import_makes_a_backup_first_in_the_cli_and_the_gui_path(empty, tmp_path) -> None:
    """Issue 12 item 8: the README promised a backup before an import; none was made."""
    from datetime import date

    from asr_desktop.services.backup import backups_dir, list_backups
    from asr_desktop.services.roster_import.commit import commit_plan

    source = _workbook(tmp_path / "fine.xlsx", {})
    assert _cli("--db", str(empty), "import", str(source)).returncode == 0

    def imports() -> list[str]:  # the CLI also makes the daily backup when it opens
        return [b.reason for b in list_backups(backups_dir(empty)) if b.reason == "import"]

    assert imports() == ["import"]
    db = open_database(empty)
    try:
        row = dict(zip(("A3", "B3", "C3", "D3", "E3"), [national_id(8), *GOOD[1:]], strict=True))
        other = _workbook(tmp_path / "more.xlsx", row)
        commit_plan(db, build_plan(db, other, today=date(2026, 12, 1)))  # as the dialog does
    finally:
        db.close()
    assert imports() == ["import", "import"]
