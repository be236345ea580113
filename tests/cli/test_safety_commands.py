"""asr-cli backup, restore and check."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from tests.safety_support import make_office

from asr_desktop.cli import main
from asr_desktop.services.backup import backups_dir, list_backups


def count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM volunteers").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def office(tmp_path: Path) -> Path:
    path = tmp_path / "asr.db"
    make_office(path, volunteers=4).close()
    return path


def test_backup_restore_check(office: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["--db", str(office), "backup"]) == 0
    made = Path(capsys.readouterr().out.strip())
    assert made.parent == backups_dir(office) and made.name.endswith("-manual.db")

    assert main(["--db", str(office), "backup", "--to", str(tmp_path / "usb")]) == 0
    usb_copy = Path(capsys.readouterr().out.strip())
    assert usb_copy.parent == tmp_path / "usb" and count(usb_copy) == 4

    conn = sqlite3.connect(office)
    conn.execute("DELETE FROM terms")
    conn.execute("DELETE FROM volunteers")
    conn.commit()
    conn.close()
    assert main(["--db", str(office), "restore", str(usb_copy)]) == 0
    captured = capsys.readouterr()
    assert "อาสาสมัคร 4 คน" in captured.out and "สำรองฐานข้อมูลเดิมไว้ที่" in captured.err
    assert count(office) == 4
    assert any(b.reason == "restore" for b in list_backups(backups_dir(office)))

    assert main(["--db", str(office), "check"]) == 0
    assert "ฐานข้อมูลปกติ" in capsys.readouterr().out


def test_check_lists_problems(office: Path, capsys: pytest.CaptureFixture) -> None:
    conn = sqlite3.connect(office)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with office.open("r+b") as f:
        f.seek(4096 * 2)
        f.write(b"\xff" * 4096 * 4)
    assert main(["--db", str(office), "check"]) == 1
    out = capsys.readouterr().out
    assert out.strip()
    assert "Traceback" not in out


def test_restore_replaces_a_damaged_file(office: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["--db", str(office), "backup"]) == 0
    made = Path(capsys.readouterr().out.strip())
    office.write_bytes(b"SQLite format 3\x00" + b"\xee" * 10_000)
    Path(str(office) + "-wal").unlink(missing_ok=True)
    assert main(["--db", str(office), "restore", str(made)]) == 0
    assert "ย้ายไฟล์ที่เสียหายไปไว้ที่" in capsys.readouterr().err
    assert count(office) == 4


def test_restore_errors_are_one_line(office: Path, tmp_path: Path, capsys) -> None:
    junk = tmp_path / "junk.db"
    junk.write_text("hello")
    assert main(["--db", str(office), "restore", str(junk)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("asr-cli: ไฟล์สำรอง junk.db เสียหาย") and err.count("\n") == 1
    assert main(["--db", str(tmp_path / "none.db"), "backup"]) == 1
    assert "ไม่พบไฟล์ฐานข้อมูล" in capsys.readouterr().err


def test_restore_into_a_new_file(office: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "fresh" / "asr.db"
    target.parent.mkdir()
    assert main(["--db", str(target), "restore", str(office)]) == 0
    assert count(target) == 4


def test_restore_refuses_a_db_that_is_a_folder(tmp_path: Path) -> None:
    """Issue 12 item 7: the folder was renamed to *.damaged-… and a database put in its place."""
    from asr_desktop.services.backup import restore_file
    from asr_desktop.store.backup import BackupError

    office = tmp_path / "office.db"
    make_office(office, volunteers=1).close()
    assert main(["--db", str(office), "backup", "--to", str(tmp_path / "usb")]) == 0
    saved = next((tmp_path / "usb").iterdir())
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "letter.txt").write_text("keep me")
    assert main(["--db", str(folder), "restore", str(saved)]) == 1
    with pytest.raises(BackupError, match="โฟลเดอร์"):
        restore_file(folder, saved)
    assert (folder / "letter.txt").read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["documents", "office.db", "usb"]


def test_restore_asks_for_force_before_a_much_smaller_backup(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """Issue 22 item 4, as a script meets it: an empty or much smaller backup is not
    restored over the office's data without --force, and nothing changes until then."""
    small = tmp_path / "small.db"
    make_office(small, volunteers=1).close()
    empty = tmp_path / "empty.db"
    make_office(empty, volunteers=0).close()
    for backup in (small, empty):
        assert main(["--db", str(office), "restore", str(backup)]) == 1
        err = capsys.readouterr().err
        assert "อาสาสมัคร" in err and "(ปัจจุบัน 4 รายการ)" in err and "--force" in err
        assert count(office) == 4
    assert main(["--db", str(office), "restore", "--force", str(small)]) == 0
    assert "กู้คืนแล้ว: อาสาสมัคร 1 คน" in capsys.readouterr().out
    assert count(office) == 1
