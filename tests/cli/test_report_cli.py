"""asr-cli report … --pdf / --xlsx through the report catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.report_helpers import office_with_work
from tests.reports.pdf_helpers import pypdf_pages
from tests.work_helpers import national_id

from asr_desktop.cli import main
from asr_desktop.domain.national_id import format_national_id, mask_national_id
from asr_desktop.store.database import open_database


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("office") / "office.db"
    db = open_database(path)
    office_with_work(db)
    db.close()
    return path


@pytest.mark.parametrize("name", ["roster", "monthly", "coverage", "expiring", "terms-ending"])
def test_every_report_as_pdf(office, tmp_path, capsys, name: str) -> None:
    out = tmp_path / f"{name}.pdf"
    args = ["--db", str(office), "report", name, "--month", "2568-10", "--pdf", str(out)]
    assert main(args) == 0
    pages = len(pypdf_pages(out))
    assert f"({pages:,} หน้า)" in capsys.readouterr().out


def test_full_ids_and_district(office, tmp_path) -> None:
    out = tmp_path / "roster.pdf"
    assert main(["--db", str(office), "report", "roster", "--pdf", str(out)]) == 0
    text = "\n".join(pypdf_pages(out))
    assert mask_national_id(national_id(1)) in text
    assert format_national_id(national_id(1)) not in text
    args = ["--db", str(office), "report", "roster", "--full-ids", "--district", "4701"]
    assert main([*args, "--pdf", str(out)]) == 0
    text = "\n".join(pypdf_pages(out))
    assert format_national_id(national_id(1)) in text
    assert format_national_id(national_id(4)) not in text  # กุสุมาลย์


def test_pdf_and_xlsx_together(office, tmp_path) -> None:
    pdf, xlsx = tmp_path / "m.pdf", tmp_path / "m.xlsx"
    args = ["--db", str(office), "report", "monthly", "--month", "2568-10"]
    assert main([*args, "--pdf", str(pdf), "--xlsx", str(xlsx)]) == 0
    assert pdf.stat().st_size and xlsx.stat().st_size


def test_errors_and_usage(office, tmp_path, capsys) -> None:
    db = str(office)
    assert main(["--db", db, "report", "monthly", "--pdf", str(tmp_path / "m.pdf")]) == 2
    assert "--month" in capsys.readouterr().err
    assert main(["--db", db, "report", "roster", "--district", "9999", "--pdf", "x.pdf"]) == 1
    assert "9999" in capsys.readouterr().err
    assert not Path("x.pdf").exists()
    for bad in (["report", "cards", "--pdf", "x.pdf"], ["report", "roster", "--fiscal-year", "69"]):
        with pytest.raises(SystemExit) as exc:
            main(["--db", db, *bad])
        assert exc.value.code == 2
    assert main(["--db", db, "report", "roster", "--fiscal-year", "๒๕๖๙", "--pdf",
                 str(tmp_path / "r.pdf")]) == 0  # fmt: skip


def test_coverage_workbook_lists_every_tambon(office, tmp_path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "coverage.xlsx"
    assert main(["--db", str(office), "report", "coverage", "--xlsx", str(out)]) == 0
    sheet = load_workbook(out).active
    values = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    assert values[0] == ["รายงานความครอบคลุมพื้นที่ของแกนนำอาสาสมัครแรงงาน"]
    tambon_rows = [
        row
        for row in values
        if row and row[-1] != "รวม" and row[0] in ("เมืองสกลนคร", "วาริชภูมิ", "กุสุมาลย์")
    ]
    assert tambon_rows and all(row[3] in ("มี", "ไม่มี") for row in tambon_rows)
    assert all(len(row[2]) == 6 and row[2].startswith("47") for row in tambon_rows)  # DOPA code
    assert sum(1 for row in values if len(row) >= 4 and row[3] in ("มี", "ไม่มี")) == 125
