"""PDPA: export one person's data, anonymise them, log every export; audit append-only."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from tests.safety_support import make_office

from asr_desktop.cli import main
from asr_desktop.domain.errors import AsrError
from asr_desktop.domain.vocabulary import ExitReason
from asr_desktop.services.privacy import (
    anonymise,
    anonymised_national_id,
    export_person,
    is_anonymised,
    log_personal_export,
)
from asr_desktop.services.roster import RosterService
from asr_desktop.store import privacy as privacy_store
from asr_desktop.store.database import memory_database


@pytest.fixture
def office(tmp_path: Path):
    db = make_office(tmp_path / "asr.db", volunteers=3)
    service = RosterService(db, today=lambda: date(2026, 11, 1))
    volunteer = service.store.get(2)
    volunteer.phone = "0899999999"
    service.save(volunteer)
    service.record_exit(2, on=date(2026, 6, 1), reason=ExitReason.MOVED, note="ย้ายไปอยู่กับลูก")
    return db


def test_export_person_writes_json_and_text_and_logs_hashes(office, tmp_path: Path) -> None:
    result = export_person(office, 2, tmp_path / "out", now=lambda: datetime(2026, 11, 15, 9))
    data = json.loads(result.json_path.read_text(encoding="utf-8"))
    assert (
        data["volunteer"]["national_id"]
        == office.execute("SELECT national_id FROM volunteers WHERE id = 2").fetchone()[0]
    )
    assert len(data["terms"]) == 1 and len(data["status_events"]) == 1
    actions = [row["action"] for row in data["audit_log"]]
    assert actions[0] == "เพิ่ม" and "แก้ไข" in actions and "พ้นสภาพ" in actions
    text = result.text_path.read_text(encoding="utf-8")
    assert "ข้อมูลส่วนบุคคลที่สำนักงานแรงงานจังหวัดเก็บไว้" in text
    assert "ชื่อ: แก้วตา" in text and "ย้ายภูมิลำเนา" in text and "15 พ.ย. 2569" in text
    log = privacy_store.entries(office, 2)
    assert {row["file_name"] for row in log} == {result.json_path.name, result.text_path.name}
    for row in log:
        path = tmp_path / "out" / row["file_name"]
        assert row["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        assert row["action"] == "export" and row["os_user"]
    # Other people's records are not in the export.
    raw = result.json_path.read_text(encoding="utf-8") + text
    for other in (1, 3):
        nid = office.execute("SELECT national_id FROM volunteers WHERE id = ?", [other]).fetchone()
        assert nid[0] not in raw


def test_anonymise_removes_identity_keeps_counts(office) -> None:
    nid = office.execute("SELECT national_id FROM volunteers WHERE id = 2").fetchone()[0]
    counts = {
        table: office.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("volunteers", "terms", "status_events")
    }
    anonymise(office, 2)
    row = dict(
        office.execute("SELECT * FROM volunteers WHERE id = 2").fetchone()
        and next(iter(office.query("SELECT * FROM volunteers WHERE id = 2")))
    )
    assert row["national_id"] == anonymised_national_id(2) == "0000000000002"
    assert is_anonymised(row["national_id"])
    assert row["phone"] == "" and row["birth_date"] is None and row["last_name"] == ""
    assert row["subdistrict_code"] == "470101" and row["gender"] == "male"
    assert row["standing"] == "exited" and row["tier"] == "lead"
    for table, n in counts.items():
        assert office.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == n
    # Nothing identifying is left anywhere in the database file.
    dump = "\n".join(office.conn.iterdump())
    assert nid not in dump and "0899999999" not in dump and "ย้ายไปอยู่กับลูก" not in dump
    assert "ศรีสุข2" not in dump
    assert "ศรีสุข1" in dump  # other volunteers untouched
    entries = list(
        office.query(
            "SELECT * FROM audit_log WHERE record_type = 'volunteer' AND record_id = 2 ORDER BY id"
        )
    )
    assert entries[-1]["action"] == "anonymise"
    assert all(e["redacted_at"] for e in entries[:-1])
    assert privacy_store.entries(office, 2)[-1]["action"] == "anonymise"
    with pytest.raises(AsrError):
        anonymise(office, 2)


def test_audit_log_cannot_be_edited_or_deleted() -> None:
    db = memory_database()
    db.execute(
        "INSERT INTO audit_log (at, os_user, action, record_type) VALUES ('t', 'u', 'x', 'v')"
    )
    for statement in (
        "DELETE FROM audit_log",
        "UPDATE audit_log SET os_user = 'someone else'",
        "UPDATE audit_log SET summary = 'x', redacted_at = 'now', at = 'earlier'",
        "INSERT INTO privacy_log (at, os_user, action, what) VALUES ('t','u','export','x')",
    ):
        if statement.startswith("INSERT"):
            db.execute(statement)
            statement = "DELETE FROM privacy_log"
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            db.execute(statement)
    # Issue 12 item 13: setting redacted_at no longer lets anyone rewrite any entry.
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE audit_log SET summary = 'x', redacted_at = 'now'")


def test_only_entries_about_an_anonymised_person_may_be_redacted_once(office) -> None:
    """Item 13: redaction needs the person anonymised and in the erasure ledger, which only
    the anonymise path writes; the entry is frozen again afterwards."""
    about_1 = [r["id"] for r in privacy_store.audit_about(office, 1)]
    about_2 = [r["id"] for r in privacy_store.audit_about(office, 2)]
    rewrite = "UPDATE audit_log SET summary = 'x', redacted_at = 'now' WHERE id = ?"
    for entry in (about_1[0], about_2[0]):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            office.execute(rewrite, [entry])
    anonymise(office, 2)
    assert all(r["redacted_at"] for r in office.query(
        f"SELECT redacted_at FROM audit_log WHERE id IN ({','.join(map(str, about_2))})"
    ))  # fmt: skip
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        office.execute(rewrite.replace("'now'", "'later'"), [about_2[0]])
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        office.execute(rewrite, [about_1[0]])  # someone else's entry stays as it was


def test_log_personal_export(office, tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    path.write_bytes(b"fake workbook")
    digest = log_personal_export(office, "ทะเบียน อสร.", path, record_count=3)
    assert digest == hashlib.sha256(b"fake workbook").hexdigest()
    assert privacy_store.entries(office)[-1]["what"] == "ทะเบียน อสร."


def test_cli_privacy_commands(tmp_path: Path, capsys) -> None:
    path = tmp_path / "asr.db"
    make_office(path, volunteers=2).close()
    db = ["--db", str(path)]
    assert main([*db, "export-person", "1", "--to", str(tmp_path / "out")]) == 0
    assert len(capsys.readouterr().out.split()) == 2
    assert main([*db, "anonymise", "1"]) == 1
    assert "--yes" in capsys.readouterr().err
    assert main([*db, "anonymise", "1", "--yes"]) == 0
    assert main([*db, "privacy-log", "--format", "json"]) == 0
    out = capsys.readouterr().out
    log = json.loads(out[out.index("[") :])
    assert [row["action"] for row in log] == ["export", "export", "anonymise"]
    assert main([*db, "export-person", "99"]) == 1
    assert "ไม่พบอาสาสมัคร" in capsys.readouterr().err


def test_cli_password_clear(tmp_path: Path, capsys) -> None:
    from asr_desktop.services.access import password_required, set_password
    from asr_desktop.store.database import open_database

    path = tmp_path / "asr.db"
    office = make_office(path, volunteers=1)
    set_password(office, "ลืมแล้ว123", "ลืมแล้ว123")
    office.close()
    assert main(["--db", str(path), "password", "--status"]) == 0
    assert capsys.readouterr().out.strip() == "ตั้งรหัสผ่านไว้"
    assert main(["--db", str(path), "password", "--clear"]) == 0
    assert capsys.readouterr().out.strip() == "ยกเลิกรหัสผ่านแล้ว"
    assert not password_required(open_database(path))
