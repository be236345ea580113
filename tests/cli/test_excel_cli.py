"""asr-cli import / export / report / package, with the exit codes of issue 5."""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pytest
from tests.excel_fixtures import national_id, sample_office

from asr_desktop.cli import main
from asr_desktop.services.reporting.package import sha256_of
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


def test_package_writes_signed_zip_and_export_log(office, tmp_path, capsys) -> None:
    import hashlib
    import zipfile

    from asr_desktop.services.hq import crypto

    out = tmp_path / "to_hq"
    assert main(["--db", str(office), "package", "--month", "2568-10", "--out", str(out)]) == 0
    package = out / "asr_47_2568-10.zip"
    assert [p.name for p in out.iterdir()] == [package.name]
    with zipfile.ZipFile(package) as archive:
        inside = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(inside["manifest.json"])
    assert crypto.verify(
        manifest["signer"]["public_key"], inside["manifest.sig"], inside["manifest.json"]
    )
    assert manifest["office"] == "สำนักงานแรงงานจังหวัดสกลนคร"
    assert manifest["province"] == {"code": "47", "name": "สกลนคร"}
    assert manifest["period"] == "2025-10"
    assert manifest["format_version"] == 1
    assert manifest["app"]["version"]
    assert manifest["sealed_to_demo_key"] is True
    entry, pdf, sealed = manifest["files"]
    assert entry["name"] == "asr_47_2568-10.xlsx"
    assert pdf["name"] == "asr_47_2568-10.pdf"
    assert sealed["name"] == "data.sealed"
    for f in manifest["files"]:
        assert hashlib.sha256(inside[f["name"]]).hexdigest() == f["sha256"]
        assert len(inside[f["name"]]) == f["size"]
    assert inside[pdf["name"]].startswith(b"%PDF")
    assert not inside["data.sealed"].lstrip(b"ASRSEAL1").startswith(b"{")
    assert manifest["record_counts"]["volunteers_serving"] == 2
    assert manifest["record_counts"]["tambons"] == 125
    key_file = office.with_name(office.name + ".signing-key.pem")
    assert key_file.stat().st_mode & 0o077 == 0
    assert manifest["signer"]["fingerprint"] in capsys.readouterr().out
    db = open_database(office)
    log = db.execute("SELECT kind, period, frozen_copy, manifest_sha256 FROM export_log").fetchall()
    files = db.execute("SELECT name, sha256 FROM export_files").fetchall()
    db.close()
    [(kind, period, frozen, manifest_sha)] = log
    assert (kind, period) == ("monthly_package", "2025-10")
    assert files[:3] == [(f["name"], f["sha256"]) for f in manifest["files"]]
    assert files[3] == (package.name, sha256_of(package))
    frozen = Path(frozen)
    assert frozen.parent == office.parent / "exports"
    assert sha256_of(frozen / entry["name"]) == entry["sha256"]
    assert sha256_of(frozen / package.name) == sha256_of(package)
    assert sha256_of(frozen / "manifest.json") == manifest_sha
    # The office's own copy of the data stays readable to the office.
    data = json.loads((frozen / "data.json").read_text(encoding="utf-8"))
    assert data["province_code"] == "47" and len(data["roster"]) == 3  # candidates not sent


def test_package_folder_form_writes_loose_files_too(office, tmp_path) -> None:
    out = tmp_path / "to_hq"
    args = ["--db", str(office), "package", "--month", "2568-10", "--out", str(out), "--folder"]
    assert main(args) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "asr_47_2568-10.pdf",
        "asr_47_2568-10.xlsx",
        "asr_47_2568-10.zip",
        "manifest.json",
        "manifest.sig",
    ]


def _ids_in(path: Path) -> list[str]:
    ws = openpyxl.load_workbook(path).active
    return [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


@pytest.mark.parametrize(
    "command",
    [
        ["export", "roster", "--xlsx", "{out}"],
        ["report", "roster", "--xlsx", "{out}"],
        ["report", "expiring", "--days", "3650", "--xlsx", "{out}"],
        ["report", "roster", "--pdf", "{out}"],
    ],
    ids=["export-roster", "report-roster-xlsx", "report-expiring-xlsx", "report-roster-pdf"],
)
def test_ids_are_masked_unless_asked_and_full_ids_are_logged(
    command, office, tmp_path, capsys
) -> None:
    """Issue 12 item 10: --full-ids had no effect on Excel; full IDs were never logged."""
    from asr_desktop.store.privacy import entries

    suffix = ".pdf" if "--pdf" in command else ".xlsx"
    masked, full = tmp_path / f"masked{suffix}", tmp_path / f"full{suffix}"
    db = ["--db", str(office)]
    assert main([*db, *(a.format(out=masked) for a in command)]) == 0
    assert main([*db, *(a.format(out=full) for a in command), "--full-ids"]) == 0
    if suffix == ".xlsx":
        thirteen = re.compile(r"\d{13}")
        assert not [t for t in _ids_in(masked) if thirteen.fullmatch(t)]
        assert any(text.startswith("x-xxxx-xxxxx-") for text in _ids_in(masked))
        assert [t for t in _ids_in(full) if thirteen.fullmatch(t)]
    check = open_database(office)
    try:
        log = [e for e in entries(check) if "เลขประจำตัวประชาชนเต็ม" in e["what"]]
    finally:
        check.close()
    assert [e["file_name"] for e in log] == [full.name]
    assert log[0]["os_user"] and log[0]["at"] and log[0]["record_count"] >= 1
    assert log[0]["sha256"] == sha256_of(full)


def test_list_masks_ids_unless_asked_and_logs_full_ids(office, capsys) -> None:
    from asr_desktop.store.privacy import entries

    db = ["--db", str(office)]
    assert main([*db, "list", "--format", "csv"]) == 0
    masked = capsys.readouterr().out
    assert national_id(1) not in masked and "x-xxxx-xxxxx-" in masked
    assert main([*db, "list", "--format", "json", "--full-ids"]) == 0
    assert national_id(1) in capsys.readouterr().out
    check = open_database(office)
    try:
        log = entries(check)
    finally:
        check.close()
    assert len(log) == 1 and log[0]["record_count"] == 4 and "list" in log[0]["what"]
