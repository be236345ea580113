"""asr-cli import / export / report / package, with the exit codes of issue 5."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from tests.excel_fixtures import national_id, sample_office

from asr_desktop.cli import main
from asr_desktop.services.package import sha256_of
from asr_desktop.store.database import open_database


@pytest.fixture
def office(tmp_path: Path) -> Path:
    path = tmp_path / "office.db"
    db = open_database(path)
    sample_office(db)
    db.close()
    return path


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.db"
    assert main(["--db", str(path), "init", "--province", "47"]) == 0
    return path


def _file(tmp_path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["เลขประจำตัวประชาชน", "ชื่อ", "นามสกุล", "ตำบล", "อำเภอ"])
    for row in rows:
        ws.append(row)
    path = tmp_path / "in.xlsx"
    wb.save(path)
    return path


def _count(db_path: Path) -> int:
    db = open_database(db_path)
    try:
        return int(db.execute("SELECT count(*) FROM volunteers").fetchone()[0])
    finally:
        db.close()


GOOD = [national_id(7), "หนึ่ง", "ดี", "ธาตุเชิงชุม", "เมือง"]
BAD = ["1234", "สอง", "ผิด", "ธาตุเชิงชุม", "เมือง"]


def test_import_exit_0_when_nothing_rejected(empty, tmp_path, capsys) -> None:
    assert main(["--db", str(empty), "import", str(_file(tmp_path, [GOOD]))]) == 0
    assert "read=1 added=1 updated=0 skipped=0 rejected=0" in capsys.readouterr().out
    assert _count(empty) == 1


def test_import_exit_3_imports_the_rest(empty, tmp_path, capsys) -> None:
    report = tmp_path / "rejects.xlsx"
    args = [
        "--db",
        str(empty),
        "import",
        str(_file(tmp_path, [GOOD, BAD])),
        "--report",
        str(report),
    ]
    assert main(args) == 3
    captured = capsys.readouterr()
    assert "read=2 added=1 updated=0 skipped=0 rejected=1" in captured.out
    assert "แถว 3 คอลัมน์ A (เลขประจำตัวประชาชน): เลขประจำตัวประชาชนต้องมี 13 หลัก" in captured.err
    assert _count(empty) == 1
    assert openpyxl.load_workbook(report).active.max_row == 2


def test_import_strict_imports_nothing(empty, tmp_path, capsys) -> None:
    assert main(["--db", str(empty), "import", str(_file(tmp_path, [GOOD, BAD])), "--strict"]) == 3
    assert "added=0" in capsys.readouterr().out
    assert _count(empty) == 0


def test_import_dry_run_changes_nothing(empty, tmp_path) -> None:
    assert main(["--db", str(empty), "import", str(_file(tmp_path, [GOOD])), "--dry-run"]) == 0
    assert _count(empty) == 0


def test_import_unreadable_file_exit_1(empty, tmp_path, capsys) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really")
    assert main(["--db", str(empty), "import", str(broken)]) == 1
    assert capsys.readouterr().err.startswith("asr-cli: ")
    assert _count(empty) == 0


def test_import_usage_error_exit_2(empty, tmp_path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--db", str(empty), "import", str(tmp_path / "x.xlsx"), "--on-duplicate", "merge"])
    assert exc.value.code == 2


def test_import_on_duplicate_update(office, tmp_path, capsys) -> None:
    row = [national_id(1), "สมชาย", "ใจดีมาก", "ธาตุเชิงชุม", "เมือง"]
    path = _file(tmp_path, [row])
    assert main(["--db", str(office), "import", str(path)]) == 0
    assert "skipped=1" in capsys.readouterr().out
    assert main(["--db", str(office), "import", str(path), "--on-duplicate", "update"]) == 0
    assert "updated=1" in capsys.readouterr().out


def test_export_and_report_commands(office, tmp_path, capsys) -> None:
    db = str(office)
    assert main(["--db", db, "export", "roster", "--xlsx", str(tmp_path / "r.xlsx")]) == 0
    assert openpyxl.load_workbook(tmp_path / "r.xlsx").active["B6"].value
    monthly = tmp_path / "m.xlsx"
    assert (
        main(["--db", db, "report", "monthly", "--month", "2568-10", "--xlsx", str(monthly)]) == 0
    )
    assert "ตุลาคม 2568" in openpyxl.load_workbook(monthly).active["A1"].value
    terms = tmp_path / "t.xlsx"
    assert main(["--db", db, "report", "terms-ending", "--days", "900", "--xlsx", str(terms)]) == 0
    assert main(["--db", db, "report", "roster", "--xlsx", str(tmp_path / "r2.xlsx")]) == 0
    with pytest.raises(SystemExit) as exc:
        main(["--db", db, "report", "monthly", "--month", "2568-13", "--xlsx", str(monthly)])
    assert exc.value.code == 2
    assert main(["--db", db, "report", "monthly", "--month", "2568-10"]) == 2  # usage


def test_package_writes_manifest_and_export_log(office, tmp_path, capsys) -> None:
    out = tmp_path / "to_hq"
    assert main(["--db", str(office), "package", "--month", "2568-10", "--out", str(out)]) == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["office"] == "สำนักงานแรงงานจังหวัดสกลนคร"
    assert manifest["province"] == {"code": "47", "name": "สกลนคร"}
    assert manifest["period"] == "2025-10"
    assert manifest["app"]["version"]
    entry, pdf = manifest["files"]
    assert entry["name"] == "asr_47_2025-10.xlsx"
    assert pdf["name"] == "asr_47_2025-10.pdf"
    assert pdf["sha256"] == sha256_of(out / pdf["name"])
    assert pdf["size"] == (out / pdf["name"]).stat().st_size
    assert (out / pdf["name"]).read_bytes().startswith(b"%PDF")
    assert manifest["pdf_included"] is True
    assert entry["sha256"] == sha256_of(out / entry["name"])
    assert entry["size"] == (out / entry["name"]).stat().st_size
    assert manifest["record_counts"]["volunteers_serving"] == 2
    assert manifest["record_counts"]["tambons"] == 125
    db = open_database(office)
    log = db.execute("SELECT kind, period, frozen_copy, manifest_sha256 FROM export_log").fetchall()
    files = db.execute("SELECT name, sha256 FROM export_files").fetchall()
    db.close()
    [(kind, period, frozen, manifest_sha)] = log
    assert (kind, period) == ("monthly_package", "2025-10")
    assert files == [(entry["name"], entry["sha256"]), (pdf["name"], pdf["sha256"])]
    frozen = Path(frozen)
    assert frozen.parent == office.parent / "exports"
    assert sha256_of(frozen / entry["name"]) == entry["sha256"]
    assert sha256_of(frozen / pdf["name"]) == pdf["sha256"]
    assert sha256_of(frozen / "manifest.json") == manifest_sha
