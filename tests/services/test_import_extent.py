"""The extent check before calamine: every way a sheet can say where its cells are."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from asr_desktop.services.roster_import.extent import (
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ROWS,
    Extent,
    SheetTooLargeError,
    check_sheet,
)

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _with_sheet(tmp_path: Path, sheet_data: str, *, prefix: str = "") -> Path:
    base = tmp_path / "base.xlsx"
    openpyxl.Workbook().save(base)
    out = tmp_path / "crafted.xlsx"
    p = f"{prefix}:" if prefix else ""
    ns = NS.replace("xmlns=", f"xmlns:{prefix}=") if prefix else NS
    xml = f"<{p}worksheet {ns}><{p}sheetData>{sheet_data}</{p}sheetData></{p}worksheet>"
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "xl/worksheets/sheet1.xml":
                data = xml.encode()
            dst.writestr(name, data)
    return out


def _cells(n: int, p: str = "") -> str:
    return "".join(f"<{p}c><{p}v>1</{p}v></{p}c>" for _ in range(n))


@pytest.mark.parametrize(
    ("sheet_data", "prefix", "expected"),
    [
        ('<row r="3"><c r="B3"><v>1</v></c></row>', "", Extent(3, 2)),
        ('<row r="1"><c r="A1"/><c r="AH1"/></row><row r="2"><c r="C2"/></row>', "", Extent(2, 34)),
        ('<row r="1"><c r="ah1"/></row>', "", Extent(1, 34)),  # lower-case reference
        ('<row r="200000"><c r="AN200000"/></row>', "", Extent(200_000, 40)),  # all the cells
        (f"<row>{_cells(3)}</row><row>{_cells(1)}</row>", "", Extent(2, 3)),
        (f"<x:row>{_cells(5, 'x:')}</x:row>", "x", Extent(1, 5)),
        ('<row r="7" spans="1:2"><c s="1" r="GR7"/></row>', "", Extent(7, 200)),
    ],
    ids=[
        "explicit",
        "last-column",
        "lowercase",
        "cell-limit",
        "implicit-positions",
        "namespace-prefix",
        "r-not-first",
    ],
)
def test_extent_within_the_limits(tmp_path, sheet_data, prefix, expected) -> None:
    assert check_sheet(_with_sheet(tmp_path, sheet_data, prefix=prefix), None) == expected


@pytest.mark.parametrize(
    ("sheet_data", "prefix"),
    [
        ('<row r="1"><c r="xfd1"><v>1</v></c></row>', ""),  # lower-case reference
        ('<row r="1"><c r="GS1"><v>1</v></c></row>', ""),  # column 201
        (f'<row r="5"><c r="A5"/></row><row r="{MAX_ROWS + 1}"><c r="A1"/></row>', ""),
        (f'<row r="1"><c r="A{MAX_ROWS + 1}"><v>1</v></c></row>', ""),  # far row in a cell
        (f"<x:row>{_cells(MAX_COLUMNS + 1, 'x:')}</x:row>", "x"),  # implicit, prefixed
        (f'<row r="{MAX_ROWS}"/><row/>', ""),  # the row after the last explicit one
        ('<row r="200000"><c r="AO200000"/></row>', ""),  # 200,000 × 41 cells from A1
        ('<row r="1"><c r="GR1"/></row><row r="100000"><c r="A100000"/></row>', ""),
        ('<row r="50000"><c r="gr50000"/></row>', ""),  # 10 million cells, lower case
    ],
    ids=[
        "lowercase",
        "column-201",
        "far-row",
        "far-row-in-cell",
        "wide-implicit",
        "implicit",
        "cells",
        "cells-from-two-corners",
        "cells-lowercase",
    ],
)
def test_extent_past_the_limits_is_refused(tmp_path, sheet_data, prefix) -> None:
    with pytest.raises(SheetTooLargeError):
        check_sheet(_with_sheet(tmp_path, sheet_data, prefix=prefix), None)


def test_the_cell_limit_counts_from_a1_and_the_reason_names_it(tmp_path) -> None:
    sheet = '<row r="100000"><c r="CC100000"/></row>'  # 100,000 × 81 = 8.1 million
    assert MAX_CELLS < 100_000 * 81
    with pytest.raises(SheetTooLargeError) as refused:
        check_sheet(_with_sheet(tmp_path, sheet), None)
    assert "8,000,000 ช่อง" in refused.value.message and "A1" in refused.value.message
    assert "\n" not in refused.value.message
