"""Opening the office database safely: local disk, writable, healthy, backed up.

The GUI and the CLI open the database through :func:`open_office_database`, which

1. refuses a file on a network share (SQLite's locks are not reliable over SMB);
2. refuses a read-only file with the reason, before SQLite fails half-way;
3. runs ``PRAGMA quick_check`` on an existing file and raises
   :class:`DamagedDatabaseError`, which names the newest good backup, instead of opening
   a damaged file;
4. backs up before any migration and once a day;
5. applies the erasure ledger again (services/privacy.py: an anonymised person stays so).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from asr_desktop.domain.errors import AsrError
from asr_desktop.services.backup import (
    BackupFile,
    backup_now,
    backups_dir,
    daily_backup,
    newest_good_backup,
)
from asr_desktop.services.paths import data_dir
from asr_desktop.services.privacy import reapply_erasures
from asr_desktop.store.backup import integrity_problems
from asr_desktop.store.database import DatabaseError, open_database
from asr_desktop.store.location import check_local
from asr_desktop.store.private import make_database_private, make_private
from asr_desktop.store.settings import is_initialised
from asr_desktop.store.storage import READ_ONLY
from asr_desktop.store.storage import explain as explain
from asr_desktop.store.storage import is_storage_failure as is_storage_failure

log = logging.getLogger(__name__)


class DamagedDatabaseError(DatabaseError):
    """The database file failed its quick check.

    Attributes:
        path: The damaged file.
        problems: What the check found.
        backup: The newest backup that passes ``integrity_check``, or None.
    """

    def __init__(self, path: Path, problems: list[str], backup: BackupFile | None) -> None:
        offer = (
            f"มีสำเนาสำรองที่ตรวจสอบแล้วว่าใช้ได้ ลงวันที่ {backup.made_at:%d/%m/}"
            f"{backup.made_at.year + 543} เวลา {backup.made_at:%H:%M} น. "
            "โปรแกรมจะเก็บไฟล์ที่เสียหายไว้ข้าง ๆ แล้วใช้สำเนานี้แทน"
            if backup
            else "ไม่พบสำเนาสำรองที่ใช้ได้ในโฟลเดอร์ backups ข้างฐานข้อมูล "
            "ถ้ามีสำเนาในแฟลชไดรฟ์ ให้เลือกกู้คืนจากไฟล์นั้น"
        )
        super().__init__(f"ไฟล์ฐานข้อมูล {path.name} เสียหาย เปิดใช้งานต่อไม่ได้อย่างปลอดภัย\n\n{offer}")
        self.path = path
        self.problems = problems
        self.backup = backup


class ReadOnlyDatabaseError(DatabaseError):
    """The database file or its folder cannot be written."""


@dataclass(slots=True)
class OpenedDatabase:
    db: Database
    path: Path
    backup_warning: str = ""
    """Why today's backup could not be made (the database opened all the same)."""
    backups: list[Path] = field(default_factory=list)


def open_office_database(
    path: Path,
    *,
    now: Callable[[], datetime] = datetime.now,
    daily: bool = True,
) -> OpenedDatabase:
    """Opens ``path`` after the checks above (creating it when it does not exist).

    Raises:
        NetworkLocationError, ReadOnlyDatabaseError, DamagedDatabaseError, DatabaseError.
    """
    check_local(path)
    existed = path.exists() and path.stat().st_size > 0
    if existed:
        _check_writable(path)
        problems = integrity_problems(path, quick=True)
        if problems:
            raise DamagedDatabaseError(path, problems, newest_good_backup(path))
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        _check_writable(path)
    made: list[Path] = []
    db = open_database(
        path, before_migrate=lambda d: made.append(backup_now(d, "migrate", now=now))
    )
    opened = OpenedDatabase(db, path, backups=made)
    make_database_private(path)
    for folder in (backups_dir(path), path.parent / "exports"):
        if folder.is_dir():
            make_private(folder)
    if path.parent == data_dir():
        make_private(path.parent)  # the app's own folder; a folder the user chose is theirs
    # An older copy (a backup opened as the database, a file put back by hand) must not
    # bring back a person who was anonymised: the ledger beside it says who.
    reapply_erasures(db)
    # A database never set up (first run cancelled) holds nothing worth keeping: its copy
    # would only become the "newest good backup" that restores an empty office.
    if existed and daily and is_initialised(db):
        try:
            daily_made = daily_backup(db, now=now)
        except AsrError as exc:  # a failed backup must not keep the office out of its data
            log.warning("daily backup failed: %s", exc.message)
            opened.backup_warning = exc.message
        else:
            if daily_made is not None:
                made.append(daily_made)
    return opened


def _check_writable(path: Path) -> None:
    folder = path.parent
    if (path.exists() and not os.access(path, os.W_OK)) or not os.access(folder, os.W_OK):
        raise ReadOnlyDatabaseError(f"เปิดฐานข้อมูล {path} เพื่อบันทึกไม่ได้: {READ_ONLY}")
