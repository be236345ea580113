"""Automatic and manual backups, retention, restore and the health check.

Automatic backups go to a ``backups`` folder beside the database, named
``<db name>-YYYYMMDD-HHMMSS-<reason>.db``: at the first start of each day (``daily``),
before a migration (``migrate``), before an import (``import``) and before a restore
(``restore``). Other features call :func:`backup_now` before any large change.

Retention keeps the newest backup of each of the last 14 days that have one and of each
of the last 12 months; anything younger than a day is always kept (so the backup made
just before a restore survives the next prune). Files in the folder that do not follow
the naming pattern are never touched.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from asr_desktop.domain.errors import AsrError
from asr_desktop.store import audit, erasures, migrations
from asr_desktop.store.backup import (
    BackupError,
    carry_rows,
    copy_database,
    copy_into,
    database_file,
    integrity_problems,
    log_rows,
    schema_problems,
)
from asr_desktop.store.backup import DatabaseSummary as DatabaseSummary
from asr_desktop.store.backup import summarise as summarise
from asr_desktop.store.location import network_reason
from asr_desktop.store.private import private_folder

BACKUP_DIR_NAME = "backups"
KEEP_DAILY = 14
KEEP_MONTHLY = 12
REASONS = {
    "daily": "สำรองประจำวัน",
    "migrate": "ก่อนปรับโครงสร้างฐานข้อมูล",
    "import": "ก่อนนำเข้าข้อมูล",
    "restore": "ก่อนกู้คืนข้อมูล",
    "manual": "สำรองด้วยตนเอง",
}
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<reason>[a-z]+))?(?:-\d+)?\.db$")


@dataclass(frozen=True, slots=True, order=True)
class BackupFile:
    """One backup file, ordered by when it was made."""

    made_at: datetime
    path: Path = field(compare=False)
    reason: str = field(default="", compare=False)

    @property
    def reason_label(self) -> str:
        return REASONS.get(self.reason, self.reason)


@dataclass(frozen=True, slots=True)
class RestoreResult:
    safety_backup: Path
    """The backup of the database as it was just before the restore."""
    summary: DatabaseSummary


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIR_NAME


def parse_backup_name(name: str) -> tuple[datetime, str] | None:
    """When a backup was made and why, from its file name (None if not one of ours)."""
    match = _NAME.match(name)
    if match is None:
        return None
    try:
        made_at = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    return made_at, match["reason"] or ""


def list_backups(folder: Path) -> list[BackupFile]:
    """The backups in ``folder``, newest first."""
    found = []
    with contextlib.suppress(FileNotFoundError):
        for path in folder.iterdir():
            parsed = parse_backup_name(path.name)
            if parsed is not None and path.is_file():
                found.append(BackupFile(parsed[0], path, parsed[1]))
    return sorted(found, reverse=True)


def last_backup(db_path: Path) -> BackupFile | None:
    backups = list_backups(backups_dir(db_path))
    return backups[0] if backups else None


def backup_now(
    db: Database,
    reason: str,
    *,
    now: Callable[[], datetime] = datetime.now,
) -> Path:
    """Backs up the database behind ``db`` into its backups folder, then prunes old ones.

    Only committed data is copied (the copy reads through a connection of its own).

    Raises:
        BackupError: The copy failed or did not pass ``integrity_check``.
    """
    db_path = _file_of(db)
    folder = backups_dir(db_path)
    with contextlib.suppress(OSError):  # copy_database says why if the folder cannot be made
        private_folder(folder)
    target = _free_name(folder, f"{db_path.stem}-{now():%Y%m%d-%H%M%S}-{reason}")
    _copy_file(db_path, target)
    prune(folder, now=now())
    return target


def backup_to(db: Database, folder: Path, *, now: Callable[[], datetime] = datetime.now) -> Path:
    """ "Back up to…": a verified copy in a folder the user chose (a USB stick, say)."""
    db_path = _file_of(db)
    target = _free_name(folder, f"{db_path.stem}-{now():%Y%m%d-%H%M%S}")
    _copy_file(db_path, target)
    return target


def daily_backup(db: Database, *, now: Callable[[], datetime] = datetime.now) -> Path | None:
    """The first start of a day makes a backup; later starts that day do nothing."""
    db_path = _file_of(db)
    today = now().date()
    latest = last_backup(db_path)
    if latest is not None and latest.made_at.date() == today:
        return None
    return backup_now(db, "daily", now=now)


STALE_PARTIAL = timedelta(minutes=15)
"""A copy takes well under a minute; a ``.partial`` older than this was left by a backup
that was killed, and holds personal data nobody will ever use."""


def remove_stale_partials(folder: Path, *, now: datetime) -> list[Path]:
    """Deletes ``.partial`` copies (and their journals) left by killed backups."""
    deleted = []
    with contextlib.suppress(FileNotFoundError):
        for path in folder.iterdir():
            if ".db.partial" not in path.name or not path.is_file():
                continue
            with contextlib.suppress(OSError):
                if now - datetime.fromtimestamp(path.stat().st_mtime) > STALE_PARTIAL:
                    path.unlink()
                    deleted.append(path)
    return deleted


def prune(folder: Path, *, now: datetime) -> list[Path]:
    """Deletes backups beyond the retention rule and stale partial copies; returns what
    was deleted."""
    deleted = remove_stale_partials(folder, now=now)
    backups = list_backups(folder)
    keep = {b.path for b in backups if now - b.made_at < timedelta(days=1)}
    keep |= _newest_per(backups, lambda b: b.made_at.date(), KEEP_DAILY)
    keep |= _newest_per(backups, lambda b: (b.made_at.year, b.made_at.month), KEEP_MONTHLY)
    for backup in backups:
        if backup.path not in keep:
            with contextlib.suppress(OSError):
                backup.path.unlink()
                deleted.append(backup.path)
    return deleted


def _newest_per(
    backups: Iterable[BackupFile], period: Callable[[BackupFile], object], count: int
) -> set[Path]:
    kept: dict[object, Path] = {}
    for backup in backups:  # newest first, so the first of each period is its newest
        key = period(backup)
        if key not in kept:
            if len(kept) == count:
                break
            kept[key] = backup.path
    return set(kept.values())


def newest_good_backup(db_path: Path) -> BackupFile | None:
    """The newest backup beside ``db_path`` that passes ``integrity_check``."""
    for backup in list_backups(backups_dir(db_path)):
        if not integrity_problems(backup.path):
            return backup
    return None


_AUDIT_KEY = ("at", "os_user", "action", "record_type", "record_id")
_PRIVACY_KEY = ("at", "os_user", "action", "volunteer_id", "file_name", "sha256")


@dataclass(slots=True)
class _Kept:
    """What the database held before a restore replaced it, and must outlive it."""

    audit: list[dict[str, Any]] = field(default_factory=list)
    privacy: list[dict[str, Any]] = field(default_factory=list)
    erased: list[erasures.Erasure] = field(default_factory=list)
    secret: str | None = None


def _keep(db: Database) -> _Kept:
    return _Kept(
        audit=log_rows(db, "audit_log"),
        privacy=log_rows(db, "privacy_log"),
        erased=erasures.entries(db),
        secret=erasures.secret(db),
    )


def restore(
    db: Database, backup: Path, *, now: Callable[[], datetime] = datetime.now
) -> RestoreResult:
    """Replaces the open database's content with ``backup``, after backing it up.

    The backup is verified first (integrity, our schema and triggers, nothing foreign);
    the current database is backed up (reason ``restore``) and its audit and privacy
    entries and erasures are kept; the backup API then writes the backup into the live
    file in one transaction; pending migrations bring an older backup up to date; and in
    one more transaction the kept entries the backup lacks are appended, every erasure
    is applied again and the restore itself is audited (who, when, which file, counts).

    Raises:
        BackupError: The backup is damaged, not ours, altered, or from a newer version.
    """
    summary = check_backup(backup)
    kept = _keep(db)
    safety = backup_now(db, "restore", now=now)
    try:
        copy_into(backup, db.conn)
    except sqlite3.Error as exc:
        raise BackupError(f"กู้คืนข้อมูลไม่สำเร็จ ({exc}) ข้อมูลเดิมอยู่ใน {safety}") from exc
    migrations.apply(db)
    _after_restore(db, backup, summary, kept)
    return RestoreResult(safety, summary)


def _after_restore(db: Database, backup: Path, summary: DatabaseSummary, kept: _Kept) -> None:
    from asr_desktop.services.privacy import reapply_erasures

    with db.atomic():
        if kept.secret is not None:
            erasures.set_secret(db, kept.secret)
        carried_audit = carry_rows(db, "audit_log", kept.audit, _AUDIT_KEY)
        carried_privacy = carry_rows(db, "privacy_log", kept.privacy, _PRIVACY_KEY)
        erased_again = reapply_erasures(db, kept.erased)
        counts = ", ".join(f"{table} {n:,}" for table, n in summary.counts.items())
        audit.record(
            db,
            "restore",
            "database",
            None,
            summary=(
                f"กู้คืนฐานข้อมูลจากไฟล์ {backup.name} ({counts}); "
                f"นำประวัติการแก้ไขที่ใหม่กว่ามาต่อ {carried_audit:,} รายการ "
                f"บันทึกข้อมูลส่วนบุคคล {carried_privacy:,} รายการ; "
                f"ลบข้อมูลระบุตัวตนซ้ำ {erased_again:,} คน"
            ),
            after={
                "file": str(backup.resolve()),
                "sha256": _sha256(backup),
                "counts": summary.counts,
                "migrations": list(summary.migrations),
                "carried_audit": carried_audit,
                "carried_privacy": carried_privacy,
                "erased_again": erased_again,
            },
        )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def check_backup(backup: Path) -> DatabaseSummary:
    """What the backup holds, after making sure it can be restored.

    Raises:
        BackupError: The file is damaged, not an ASR Desktop database, newer, or its
            schema is not exactly ours (a dropped append-only trigger, a foreign table).
    """
    problems = integrity_problems(backup)
    if problems:
        raise BackupError(f"ไฟล์สำรอง {backup.name} เสียหาย ใช้กู้คืนไม่ได้ ({problems[0]})")
    summary = summarise(backup)
    known = set(migrations.known_names())
    newer = [name for name in summary.migrations if name not in known]
    if newer:
        raise BackupError(f"ไฟล์สำรอง {backup.name} มาจากโปรแกรมรุ่นที่ใหม่กว่า กรุณาปรับปรุงโปรแกรมก่อนกู้คืน")
    foreign = schema_problems(backup, summary.migrations)
    if foreign:
        more = f" และอีก {len(foreign) - 1} อย่าง" if len(foreign) > 1 else ""
        raise BackupError(
            f"ไฟล์สำรอง {backup.name} ถูกดัดแปลง ไม่ตรงกับโครงสร้างของโปรแกรม ({foreign[0]}{more}) "
            "จึงไม่กู้คืน"
        )
    return summary


def replace_damaged(db_path: Path, backup: Path, *, now: datetime | None = None) -> Path:
    """Puts a damaged database aside and writes ``backup`` in its place (nothing is open).

    The damaged file (with its ``-wal`` and ``-shm``) is renamed, never deleted, so that
    whatever it still holds can be recovered by someone who knows how.

    Returns:
        Where the damaged file now is.
    """
    check_backup(backup)
    stamp = f"{now or datetime.now():%Y%m%d-%H%M%S}"
    aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        source = Path(str(db_path) + suffix)
        if source.exists():
            source.replace(Path(str(aside) + suffix))
    _copy_file(backup, db_path)
    return aside


def health_problems(db_path: Path) -> list[str]:
    """Everything wrong with the database file (empty when healthy), for ``asr-cli check``."""
    problems: list[str] = []
    reason = network_reason(db_path)
    if reason:
        problems.append(f"ไฟล์{reason} ควรย้ายมาไว้ในดิสก์ของเครื่อง")
    file_problems = integrity_problems(db_path)
    problems += file_problems
    if not file_problems:
        try:
            summary = summarise(db_path)
        except AsrError as exc:
            problems.append(exc.message)
        else:
            known = set(migrations.known_names())
            newer = [name for name in summary.migrations if name not in known]
            if newer:
                problems.append(f"บันทึกด้วยโปรแกรมรุ่นที่ใหม่กว่า ({', '.join(newer)})")
    return problems


def _file_of(db: Database) -> Path:
    path = database_file(db)
    if path is None:
        raise BackupError("ฐานข้อมูลในหน่วยความจำสำรองไม่ได้")
    return path


def _copy_file(source: Path, target: Path) -> None:
    conn = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        copy_database(conn, target)
    finally:
        conn.close()


def _free_name(folder: Path, base: str) -> Path:
    target = folder / f"{base}.db"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{base}-{n}.db"
    return target


@dataclass(frozen=True, slots=True)
class FileRestore:
    summary: DatabaseSummary
    safety_backup: Path | None = None
    """The backup of the healthy database that was replaced."""
    damaged_aside: Path | None = None
    """Where a damaged database was put aside."""


def restore_file(db_path: Path, backup: Path) -> FileRestore:
    """Restores ``backup`` to ``db_path`` when nothing has the database open (CLI, start-up).

    A healthy database is backed up first and replaced through the backup API; a damaged
    one is put aside; a missing one is simply written. The result is migrated.
    """
    from asr_desktop.store.database import connect, open_database

    if db_path.is_dir():
        # Not a database: putting it aside would rename someone's folder.
        raise BackupError(f"{db_path} เป็นโฟลเดอร์ ไม่ใช่ไฟล์ฐานข้อมูล ระบุไฟล์ .db ที่จะกู้คืนทับ")
    summary = check_backup(backup)
    result = FileRestore(summary)
    if db_path.exists() and integrity_problems(db_path, quick=True):
        result = FileRestore(summary, damaged_aside=replace_damaged(db_path, backup))
    elif db_path.exists():
        db = connect(db_path)
        try:
            result = FileRestore(summary, safety_backup=restore(db, backup).safety_backup)
        finally:
            db.close()
        return result
    else:
        _copy_file(backup, db_path)
    # Nothing readable was there before: the ledger file beside it still holds the
    # erasures, and the restore is audited all the same.
    db = open_database(db_path)
    try:
        _after_restore(db, backup, summary, _Kept())
    finally:
        db.close()
    return result
