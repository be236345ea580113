"""Backups through the backup API: verified, named, pruned, restored, health-checked."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from tests.safety_support import make_office, make_read_only, small_disk, volunteer

from asr_desktop.services import backup
from asr_desktop.services.backup import (
    BackupFile,
    backup_now,
    backup_to,
    backups_dir,
    check_backup,
    daily_backup,
    health_problems,
    list_backups,
    newest_good_backup,
    parse_backup_name,
    prune,
    replace_damaged,
    restore,
)
from asr_desktop.services.roster import RosterService
from asr_desktop.store.backup import BackupError, integrity_problems, summarise
from asr_desktop.store.database import open_database

NOON = datetime(2026, 11, 15, 12, 0, 0)


def clock(at: datetime):
    return lambda: at


def count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM volunteers").fetchone()[0])
    finally:
        conn.close()


def test_backup_holds_committed_data_still_in_the_wal(tmp_path: Path) -> None:
    db = make_office(tmp_path / "asr.db", volunteers=3)
    # Nothing checkpointed yet: the rows are in asr.db-wal, which a file copy would miss.
    assert (tmp_path / "asr.db-wal").stat().st_size > 0
    target = backup_now(db, "manual", now=clock(NOON))
    assert target == backups_dir(tmp_path / "asr.db") / "asr-20261115-120000-manual.db"
    assert count(target) == 3
    assert integrity_problems(target) == []
    # A single self-contained file: no -wal beside it.
    assert not Path(str(target) + "-wal").exists()
    assert not list(target.parent.glob("*.partial"))


def test_backup_does_not_copy_an_uncommitted_transaction(tmp_path: Path) -> None:
    db = make_office(tmp_path / "asr.db", volunteers=2)
    with db.conn:
        db.conn.execute("BEGIN")
        RosterService(db).store.add(volunteer(99))
        target = backup_now(db, "import", now=clock(NOON))
        db.conn.rollback()
    assert count(target) == 2


def test_two_backups_in_the_same_second_get_different_names(tmp_path: Path) -> None:
    db = make_office(tmp_path / "asr.db", volunteers=1)
    first = backup_now(db, "manual", now=clock(NOON))
    second = backup_now(db, "manual", now=clock(NOON))
    assert first != second
    assert {b.path for b in list_backups(first.parent)} == {first, second}


def test_daily_backup_once_a_day(tmp_path: Path) -> None:
    db = make_office(tmp_path / "asr.db", volunteers=1)
    assert daily_backup(db, now=clock(NOON)) is not None
    assert daily_backup(db, now=clock(NOON + timedelta(hours=3))) is None
    assert daily_backup(db, now=clock(NOON + timedelta(days=1))) is not None


def test_backup_before_migration(tmp_path: Path) -> None:
    """open_database's before_migrate hook is where the app backs up before a migration."""
    path = tmp_path / "asr.db"
    make_office(path, volunteers=2).close()
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm0006_app_password'")
    conn.execute("DROP TABLE app_password")
    conn.commit()
    conn.close()
    made: list[Path] = []
    db = open_database(path, before_migrate=lambda d: made.append(backup_now(d, "migrate")))
    assert len(made) == 1 and made[0].name.endswith("-migrate.db")
    assert "m0006_app_password" not in summarise(made[0]).migrations
    assert db["app_password"].exists()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("asr-20261115-120000-daily.db", (datetime(2026, 11, 15, 12), "daily")),
        ("my-office-db-20260101-000000.db", (datetime(2026, 1, 1), "")),
        ("asr-20261115-120000-manual-2.db", (datetime(2026, 11, 15, 12), "manual")),
        ("asr-20261399-120000-daily.db", None),
        ("asr.db", None),
        ("notes.txt", None),
        ("asr-20261115-120000-daily.db.partial", None),
    ],
)
def test_backup_names(name: str, expected: tuple[datetime, str] | None) -> None:
    assert parse_backup_name(name) == expected


def test_retention_keeps_14_daily_and_12_monthly(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    start = datetime(2025, 1, 1, 9, 0, 0)
    for day in range(700):  # two backups a day for almost two years
        for hour in (9, 17):
            at = start + timedelta(days=day, hours=hour - 9)
            (folder / f"asr-{at:%Y%m%d-%H%M%S}-daily.db").write_bytes(b"")
    (folder / "keep-me.txt").write_text("not a backup")
    now = start + timedelta(days=699, hours=9)
    prune(folder, now=now)
    left = list_backups(folder)
    days = {b.made_at.date() for b in left}
    months = {(b.made_at.year, b.made_at.month) for b in left}
    assert len(months) == 12
    # The 14 newest days, each by its newest backup (today's two are under a day old).
    recent = sorted(days)[-14:]
    assert recent[-1] == now.date() and recent[0] == (now - timedelta(days=13)).date()
    assert len([b for b in left if b.made_at.date() == now.date()]) == 2
    assert len(left) <= 14 + 12 + 1
    assert (folder / "keep-me.txt").exists()
    # Each month is represented by its last backup.
    for year, month in months:
        newest = max(b.made_at for b in left if (b.made_at.year, b.made_at.month) == (year, month))
        assert newest.hour == 17 or newest.date() == now.date()


def test_backup_to_a_chosen_folder(tmp_path: Path) -> None:
    db = make_office(tmp_path / "asr.db", volunteers=4)
    usb = tmp_path / "usb"
    target = backup_to(db, usb, now=clock(NOON))
    assert target.parent == usb and count(target) == 4
    assert list_backups(backups_dir(tmp_path / "asr.db")) == []


def test_backup_to_a_read_only_folder_says_why(tmp_path: Path) -> None:
    db = make_office(tmp_path / "asr.db", volunteers=1)
    with small_disk() as usb:
        make_read_only(usb)
        with pytest.raises(BackupError) as info:
            backup_to(db, usb, now=clock(NOON))
    assert "อ่านอย่างเดียว" in info.value.message


@pytest.mark.slow  # a 300-volunteer office and a tiny file system
def test_backup_to_a_full_disk_says_why_and_leaves_no_partial_file(tmp_path: Path) -> None:
    db = make_office(tmp_path / "asr.db", volunteers=300)
    with small_disk("64k") as usb:
        with pytest.raises(BackupError) as info:
            backup_to(db, usb, now=clock(NOON))
        assert list(usb.iterdir()) == []
    assert "ดิสก์เต็ม" in info.value.message


def test_restore_backs_up_first_and_replaces_the_content(tmp_path: Path) -> None:
    db = make_office(tmp_path / "asr.db", volunteers=3)
    saved = backup_now(db, "manual", now=clock(NOON))
    service = RosterService(db)
    service.register(volunteer(50))
    service.register(volunteer(51))
    assert db.execute("SELECT count(*) FROM volunteers").fetchone()[0] == 5

    result = restore(db, saved, now=clock(NOON + timedelta(hours=1)))

    assert db.execute("SELECT count(*) FROM volunteers").fetchone()[0] == 3
    assert result.summary.counts["volunteers"] == 3
    assert result.safety_backup.name.endswith("-restore.db")
    assert count(result.safety_backup) == 5
    assert integrity_problems(tmp_path / "asr.db") == []
    # The connection keeps working after the restore.
    service.register(volunteer(60))
    assert db.execute("SELECT count(*) FROM volunteers").fetchone()[0] == 4


def test_restore_of_an_older_backup_migrates_it(tmp_path: Path) -> None:
    old = make_office(tmp_path / "old.db", volunteers=2)
    old.execute("DELETE FROM _sqlite_migrations WHERE name = 'm0006_app_password'")
    old.execute("DROP TABLE app_password")
    old.conn.commit()
    old.close()
    db = make_office(tmp_path / "asr.db", volunteers=5)
    restore(db, tmp_path / "old.db", now=clock(NOON))
    assert db["app_password"].exists()
    assert db.execute("SELECT count(*) FROM volunteers").fetchone()[0] == 2


def test_restore_refuses_damaged_foreign_and_newer_files(tmp_path: Path) -> None:
    db = make_office(tmp_path / "asr.db", volunteers=2)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    newer = backup_now(db, "manual", now=clock(NOON))
    conn = sqlite3.connect(newer)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('asr_desktop', 'm9999_future', 'x')"
    )
    conn.commit()
    conn.close()
    for path, words in ((junk, "เสียหาย"), (other, "ไม่ใช่ฐานข้อมูล"), (newer, "ใหม่กว่า")):
        with pytest.raises(BackupError) as info:
            restore(db, path)
        assert words in info.value.message
    # Nothing was replaced and no safety backup was needed.
    assert db.execute("SELECT count(*) FROM volunteers").fetchone()[0] == 2


def damage(path: Path) -> None:
    """Overwrites pages in the middle of the file, as a failing disk might."""
    size = path.stat().st_size
    with path.open("r+b") as f:
        for offset in range(4096 * 2, size - 4096, 4096 * 3):
            f.seek(offset)
            f.write(b"\xde\xad\xbe\xef" * 256)


def checkpointed_office(path: Path, volunteers: int) -> None:
    db = make_office(path, volunteers=volunteers)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def test_damaged_database_found_and_replaced_by_newest_good_backup(tmp_path: Path) -> None:
    path = tmp_path / "asr.db"
    checkpointed_office(path, 40)
    db = open_database(path)
    good = backup_now(db, "daily", now=clock(NOON))
    db.close()
    bad = backups_dir(path) / "asr-20261116-120000-daily.db"
    bad.write_bytes(good.read_bytes())
    damage(bad)
    damage(path)

    assert health_problems(path)
    assert integrity_problems(path, quick=True)
    found = newest_good_backup(path)
    assert found is not None and found.path == good  # the newer one is damaged

    aside = replace_damaged(path, found.path, now=NOON)
    assert aside.exists() and aside.name.startswith("asr.db.damaged-")
    assert health_problems(path) == []
    assert count(path) == 40


def test_health_problems_of_a_healthy_file(tmp_path: Path) -> None:
    path = tmp_path / "asr.db"
    make_office(path, volunteers=2).close()
    assert health_problems(path) == []
    assert health_problems(tmp_path / "missing.db") == [f"ไม่พบไฟล์ {tmp_path / 'missing.db'}"]


def test_check_backup_summary(tmp_path: Path) -> None:
    db = make_office(tmp_path / "asr.db", volunteers=3)
    summary = check_backup(backup_now(db, "manual", now=clock(NOON)))
    assert summary.counts["volunteers"] == 3 and summary.counts["terms"] == 3
    assert summary.office_name == "สำนักงานแรงงานจังหวัดสกลนคร"


def test_backup_file_labels() -> None:
    item = BackupFile(NOON, Path("x"), "migrate")
    assert item.reason_label == backup.REASONS["migrate"]


def test_a_killed_backup_leaves_a_partial_that_the_next_backup_removes(tmp_path: Path) -> None:
    """Issue 12 item 4: a .partial (personal data) was never pruned."""
    import os

    db = make_office(tmp_path / "asr.db", volunteers=2)
    folder = backups_dir(tmp_path / "asr.db")
    folder.mkdir()
    stale = folder / "asr-20261114-120000-daily.db.partial"
    stale.write_bytes(b"half a copy of the roster")
    journal = folder / "asr-20261114-120000-daily.db.partial-journal"
    journal.write_bytes(b"x")
    fresh = folder / "asr-20261115-115959-manual.db.partial"
    fresh.write_bytes(b"another process is writing this one right now")
    hour_ago = (NOON - timedelta(hours=1)).timestamp()
    for path in (stale, journal):
        os.utime(path, (hour_ago, hour_ago))
    os.utime(fresh, (NOON.timestamp(), NOON.timestamp()))
    backup_now(db, "manual", now=clock(NOON))
    assert not stale.exists() and not journal.exists()
    assert fresh.exists()
