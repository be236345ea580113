"""The start-up recovery of a damaged database asks again before it uses a backup that is
empty or much smaller than what the office had (issue 22), as a restore from the menu does."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tests.safety_support import make_office, volunteer

from asr_desktop.services import backup as backups
from asr_desktop.services.restore_check import recovery_warning
from asr_desktop.services.roster import RosterService
from asr_desktop.store.backup import summarise
from asr_desktop.store.database import open_database

EARLIER = datetime(2026, 11, 30, 8, 0)
LATER = datetime(2026, 11, 30, 9, 0)


def break_header(path: Path) -> None:
    """Overwrites the file's header: SQLite cannot read it at all."""
    with path.open("r+b") as f:
        f.write(b"\xff" * 100)


def office_with_two_backups(path: Path) -> tuple[Path, Path]:
    """An office whose newest backup (LATER) holds 2 volunteers and an earlier one 30;
    the database itself then holds 30 and is closed."""
    db = make_office(path, volunteers=2)
    small = backups.backup_now(db, "daily", now=lambda: LATER)
    service = RosterService(db)
    for n in range(3, 31):
        service.register(volunteer(n))
    full = backups.backup_now(db, "manual", now=lambda: EARLIER)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return small, full


def test_unreadable_file_is_compared_with_the_fullest_other_backup(tmp_path: Path) -> None:
    path = tmp_path / "asr.db"
    small, full = office_with_two_backups(path)
    break_header(path)
    newest = backups.newest_good_backup(path)
    assert newest is not None and newest.path == small
    warning = recovery_warning(small, summarise(small), path)
    assert warning.startswith("สำเนานี้มีข้อมูลน้อยกว่าสำเนาวันที่ 30 พ.ย. 2569 มาก")
    assert "อาสาสมัคร 2 รายการ (สำเนาวันที่ 30 พ.ย. 2569 มี 30 รายการ)" in warning
    # The fuller backup itself loses nothing.
    assert recovery_warning(full, summarise(full), path) == ""


def test_readable_damaged_file_is_what_the_backup_is_compared_with(tmp_path: Path) -> None:
    path = tmp_path / "asr.db"
    small, _full = office_with_two_backups(path)
    # The damaged file still counts (quick_check fails elsewhere): it is the reference.
    warning = recovery_warning(small, summarise(small), path)
    assert "อาสาสมัคร 2 รายการ (ไฟล์ที่เสียหายมี 30 รายการ)" in warning


def test_a_backup_of_an_office_never_set_up_is_told_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "asr.db"
    blank = tmp_path / "blank.db"
    open_database(blank).close()
    path.write_bytes(b"\xff" * 4096)  # unreadable, and no other backup beside it
    warning = recovery_warning(blank, summarise(blank), path)
    assert warning.startswith("สำเนานี้เป็นฐานข้อมูลที่ยังไม่ได้ตั้งค่าสำนักงาน")
