"""Whether a restore would throw away most of the office's data, said in plain Thai.

A backup made on day one of an office that cancelled its first run is empty; restoring it
over real data shows office "-" and nothing else. The restore dialogs ask again when
:func:`shrink_warning` has something to say.
"""

from __future__ import annotations

from asr_desktop.store.backup import DatabaseSummary

MUCH_SMALLER = 0.5
"""A backup with fewer than half the volunteers (or records) of the database is 'much smaller'."""

_LABELS = {
    "volunteers": "อาสาสมัคร",
    "terms": "วาระการดำรงตำแหน่ง",
    "mentors": "พี่เลี้ยง",
}


def shrink_warning(backup: DatabaseSummary, current: DatabaseSummary) -> str:
    """A Thai paragraph when the backup is empty or much smaller than the database it
    would replace; an empty string when the restore loses nothing unusual."""
    if not backup.office_name:
        return (
            "สำเนานี้เป็นฐานข้อมูลที่ยังไม่ได้ตั้งค่าสำนักงาน (ไม่มีชื่อสำนักงานและไม่มีข้อมูล) "
            "หากกู้คืน ข้อมูลปัจจุบันทั้งหมดจะถูกแทนที่ด้วยฐานข้อมูลว่าง"
        )
    losses = []
    for table, label in _LABELS.items():
        now, then = current.counts.get(table, 0), backup.counts.get(table, 0)
        if now > 0 and then < now * MUCH_SMALLER:
            losses.append(f"{label} {then:,} รายการ (ปัจจุบัน {now:,} รายการ)")
    if not losses:
        return ""
    empty = sum(backup.counts.get(t, 0) for t in _LABELS) == 0
    head = "สำเนานี้ไม่มีข้อมูลเลย" if empty else "สำเนานี้มีข้อมูลน้อยกว่าปัจจุบันมาก"
    return f"{head}: " + ", ".join(losses) + " หากกู้คืน ข้อมูลที่ไม่มีในสำเนาจะหายไปจากฐานข้อมูล"
