"""Opening the database: refused on a share, read-only or damaged; backed up daily."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from tests.safety_support import make_office, make_read_only, small_disk, volunteer

from asr_desktop.services.backup import backup_now, backups_dir, list_backups
from asr_desktop.services.roster import RosterService
from asr_desktop.services.startup import (
    DamagedDatabaseError,
    ReadOnlyDatabaseError,
    open_office_database,
)
from asr_desktop.store import location
from asr_desktop.store.location import NetworkLocationError
from asr_desktop.store.storage import explain, is_storage_failure

NOON = datetime(2026, 11, 15, 12, 0)


def test_new_database_is_created_without_a_backup(tmp_path: Path) -> None:
    opened = open_office_database(tmp_path / "new" / "asr.db", now=lambda: NOON)
    assert opened.db["volunteers"].exists()
    assert opened.backups == []


def test_first_start_of_the_day_backs_up(tmp_path: Path) -> None:
    path = tmp_path / "asr.db"
    make_office(path, volunteers=2).close()
    first = open_office_database(path, now=lambda: NOON)
    first.db.close()
    again = open_office_database(path, now=lambda: NOON + timedelta(hours=2))
    again.db.close()
    tomorrow = open_office_database(path, now=lambda: NOON + timedelta(days=1))
    tomorrow.db.close()
    assert len(first.backups) == 1 and again.backups == [] and len(tomorrow.backups) == 1
    assert len(list_backups(backups_dir(path))) == 2


def test_damaged_database_is_not_opened_and_names_the_backup(tmp_path: Path) -> None:
    path = tmp_path / "asr.db"
    db = make_office(path, volunteers=60)
    backup_now(db, "daily", now=lambda: NOON)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    with path.open("r+b") as f:
        f.seek(4096 * 3)
        f.write(b"\x00\xff" * 4096)
    with pytest.raises(DamagedDatabaseError) as info:
        open_office_database(path, now=lambda: NOON)
    assert info.value.backup is not None
    assert "เสียหาย" in info.value.message and "15/11/2569" in info.value.message
    assert info.value.problems


def test_damaged_database_without_backups(tmp_path: Path) -> None:
    path = tmp_path / "asr.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8000)
    with pytest.raises(DamagedDatabaseError) as info:
        open_office_database(path)
    assert info.value.backup is None
    assert "ไม่พบสำเนาสำรองที่ใช้ได้" in info.value.message


def test_network_share_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(NetworkLocationError) as info:
        open_office_database(Path("//server/share/asr.db"))
    assert "UNC" in info.value.message and "ย้าย" not in info.value.message.split("\n")[0]
    assert "SMB" in info.value.message and "คัดลอกไฟล์ฐานข้อมูลมาไว้ในเครื่องนี้" in info.value.message
    monkeypatch.setattr(location, "filesystem_type", lambda path: "cifs")
    with pytest.raises(NetworkLocationError) as info:
        open_office_database(tmp_path / "asr.db")
    assert "(cifs)" in info.value.message
    assert not (tmp_path / "asr.db").exists()


@pytest.mark.parametrize(
    ("fs_type", "network"),
    [
        ("nfs4", True),
        ("cifs", True),
        ("smb3", True),
        ("fuse.sshfs", True),
        ("smbfs", True),
        ("ext4", False),
        ("ntfs", False),
        ("tmpfs", False),
        ("overlay", False),
        ("fuse", False),
    ],
)
def test_network_file_system_types(fs_type: str, network: bool) -> None:
    assert location.is_network_fs(fs_type) is network


def test_filesystem_type_from_mounts(tmp_path: Path) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "overlay / overlay rw 0 0\n"
        "//srv/office /mnt/office\\040share cifs rw 0 0\n"
        "server:/exports /mnt/nfs nfs4 rw 0 0\n"
    )
    # The longest mount point that holds the path decides, even for files not yet made.
    real = location._existing_ancestor
    try:
        location._existing_ancestor = lambda path: str(path)  # type: ignore[assignment]
        assert location.filesystem_type(Path("/mnt/office share/asr.db"), mounts) == "cifs"
        assert location.filesystem_type(Path("/mnt/nfs/x/asr.db"), mounts) == "nfs4"
        assert location.filesystem_type(Path("/mnt/nfsother/asr.db"), mounts) == "overlay"
    finally:
        location._existing_ancestor = real  # type: ignore[assignment]
    assert location.network_reason(tmp_path / "asr.db") is None


def test_windows_drive_letters_are_asked_of_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(location, "drive_type", lambda drive: 4 if drive == "Z:" else 3)
    assert "Z:" in (location._windows_reason(Path("Z:/office/asr.db")) or "")
    assert location._windows_reason(Path("C:/office/asr.db")) is None


def test_read_only_database_is_refused_with_the_reason_and_nothing_changes(tmp_path: Path) -> None:
    with small_disk("8m") as disk:
        path = disk / "asr.db"
        db = make_office(path, volunteers=3)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        before = path.read_bytes()
        make_read_only(disk)
        with pytest.raises(ReadOnlyDatabaseError) as info:
            open_office_database(path)
        assert "อ่านอย่างเดียว" in info.value.message
        assert path.read_bytes() == before


def test_full_disk_keeps_what_was_saved(tmp_path: Path) -> None:
    """SQLITE_FULL in the middle of a save: a clear reason, earlier data intact."""
    path = tmp_path / "asr.db"
    db = make_office(path, volunteers=3)
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages + 1}")
    service = RosterService(db)
    with pytest.raises(sqlite3.OperationalError) as info, db.atomic():
        for n in range(100, 400):
            service.register(volunteer(n))
    assert is_storage_failure(info.value)
    assert "ดิสก์เต็ม" in explain(info.value).message
    assert "ข้อมูลที่บันทึกไว้ก่อนหน้านี้ยังอยู่ครบ" in explain(info.value).message
    assert db.execute("SELECT count(*) FROM volunteers").fetchone()[0] == 3
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_really_full_disk(tmp_path: Path) -> None:
    with small_disk("2m") as disk:
        path = disk / "asr.db"
        db = open_office_database(path).db
        service = RosterService(db)
        from asr_desktop.services.office import init_office

        init_office(db, "47")
        saved = 0
        with pytest.raises(sqlite3.OperationalError) as info:
            for n in range(1, 100_000):
                service.register(volunteer(n))
                saved = n
        assert is_storage_failure(info.value)
        assert db.execute("SELECT count(*) FROM volunteers").fetchone()[0] == saved
        db.close()
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM volunteers").fetchone()[0] == saved
        conn.close()
