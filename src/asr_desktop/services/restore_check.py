"""Whether a restore would throw away most of the office's data, said in plain Thai.

A backup made on day one of an office that cancelled its first run is empty; restoring it
over real data shows office "-" and nothing else. The restore dialogs ask again when
:func:`shrink_warning` has something to say, and so does the start-up recovery of a
damaged database (:func:`recovery_warning`) and ``asr-cli restore`` (:func:`restore_warning`,
which then wants ``--force``).
"""

from __future__ import annotations

from pathlib import Path

from asr_desktop.domain.thai_dates import format_thai_date
from asr_desktop.services.backup import backups_dir, list_backups
from asr_desktop.store.backup import BackupError, DatabaseSummary, summarise

MUCH_SMALLER = 0.5
"""A backup with fewer than half the volunteers (or records) of the database is 'much smaller'."""

_LABELS = {
    "volunteers": "อาสาสมัคร",
    "terms": "วาระการดำรงตำแหน่ง",
    "mentors": "พี่เลี้ยง",
}


def shrink_warning(
    backup: DatabaseSummary, current: DatabaseSummary | None, *, against: str = "ปัจจุบัน"
) -> str:
    """A Thai paragraph when the backup is empty or much smaller than the database it
    would replace; an empty string when the restore loses nothing unusual.

    ``against`` names what ``current`` is when it is not the database itself ("ไฟล์ที่
    เสียหาย", "สำเนาวันที่ …"); None: nothing to compare with, only emptiness is told.
    """
    if not backup.office_name:
        return (
            "สำเนานี้เป็นฐานข้อมูลที่ยังไม่ได้ตั้งค่าสำนักงาน (ไม่มีชื่อสำนักงานและไม่มีข้อมูล) "
            "หากกู้คืน ข้อมูลปัจจุบันทั้งหมดจะถูกแทนที่ด้วยฐานข้อมูลว่าง"
        )
    if current is None:
        return ""
    had = "ปัจจุบัน" if against == "ปัจจุบัน" else _then(against, "มี")
    losses = []
    for table, label in _LABELS.items():
        now, then = current.counts.get(table, 0), backup.counts.get(table, 0)
        if now > 0 and then < now * MUCH_SMALLER:
            losses.append(f"{label} {then:,} รายการ ({had} {now:,} รายการ)")
    if not losses:
        return ""
    empty = sum(backup.counts.get(t, 0) for t in _LABELS) == 0
    head = "สำเนานี้ไม่มีข้อมูลเลย" if empty else "สำเนานี้มีข้อมูลน้อยกว่า" + _then(against, "มาก")
    return f"{head}: " + ", ".join(losses) + " หากกู้คืน ข้อมูลที่ไม่มีในสำเนาจะหายไปจากฐานข้อมูล"


def _then(words: str, word: str) -> str:
    """Thai runs words together, but a date's year is followed by a space."""
    return f"{words} {word}" if words[-1:].isdigit() else words + word


def recovery_warning(backup_path: Path, backup: DatabaseSummary, damaged: Path) -> str:
    """:func:`shrink_warning` for the start-up recovery of a damaged database.

    The backup is compared with what the damaged file still lets be counted; when it
    cannot be read at all, with the fullest of the other backups beside it (what the
    office had), so that an empty or much smaller "newest good backup" is never used
    without a second question.
    """
    try:
        return shrink_warning(backup, summarise(damaged), against="ไฟล์ที่เสียหาย")
    except BackupError:
        pass
    fullest: tuple[int, DatabaseSummary, str] | None = None
    for other in list_backups(backups_dir(damaged)):
        if other.path.resolve() == backup_path.resolve():
            continue
        try:
            summary = summarise(other.path)
        except BackupError:
            continue
        size = sum(summary.counts.get(t, 0) for t in _LABELS)
        if fullest is None or size > fullest[0]:
            when = f"สำเนาวันที่ {format_thai_date(other.made_at.date())}"
            fullest = (size, summary, when)
    if fullest is None:
        return shrink_warning(backup, None)
    return shrink_warning(backup, fullest[1], against=fullest[2])


def restore_warning(db_path: Path, backup_path: Path) -> str:
    """:func:`shrink_warning` for restoring ``backup_path`` over ``db_path``, whatever state
    the database is in; an empty string when there is nothing to lose (no database yet) or
    the backup is unusable (the restore itself refuses it with its own reason).
    """
    try:
        backup = summarise(backup_path)
    except BackupError:
        return ""
    if not db_path.exists():
        return ""
    try:
        current = summarise(db_path)
    except BackupError:
        return recovery_warning(backup_path, backup, db_path)
    return shrink_warning(backup, current)
