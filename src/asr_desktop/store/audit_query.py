"""Reading the audit log for the viewer: filter in SQL, fetch rows by id in blocks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlite_utils import Database

RECORD_TYPE_LABELS = {
    "volunteer": "อาสาสมัคร",
    "term": "วาระ",
    "status_event": "สถานะ",
    "photo": "รูปถ่าย",
    "mentor": "พี่เลี้ยง",
    "checklist": "แบบประเมิน 3อ 2ส 1ร",
    "activity": "ผลการปฏิบัติงาน",
    "activity_grid": "ผลการปฏิบัติงาน (ตารางรายเดือน)",
    "category": "หมวดหมู่งาน",
    "referral": "การส่งต่อ",
    "event": "กิจกรรม/อบรม",
    "work": "ผลการปฏิบัติงาน (ข้อมูลตัวอย่าง)",
    "export": "การส่งออกรายงาน",
    "settings": "ตั้งค่าสำนักงาน",
    "app_password": "รหัสผ่านเข้าโปรแกรม",
}
ACTION_LABELS = {
    "create": "เพิ่ม",
    "update": "แก้ไข",
    "exit": "พ้นสภาพ",
    "delete": "ลบ",
    "assign": "มอบหมาย",
    "anonymise": "ลบข้อมูลระบุตัวตน",
    "import": "นำเข้า",
    "export": "ส่งออก",
    "demo": "สร้างข้อมูลตัวอย่าง",
    "login_failed": "ใส่รหัสผ่านผิด",
    "login": "เข้าสู่โปรแกรม",
}


@dataclass(frozen=True, slots=True)
class AuditFilter:
    record_type: str = ""
    record_id: int | None = None
    os_user: str = ""
    date_from: date | None = None
    date_to: date | None = None
    """Inclusive: entries made on ``date_to`` are included."""


def audit_ids(db: Database, audit_filter: AuditFilter) -> list[int]:
    """Ids of the matching entries, newest first."""
    where: list[str] = []
    params: list[object] = []
    if audit_filter.record_type:
        where.append("record_type = ?")
        params.append(audit_filter.record_type)
    if audit_filter.record_id is not None:
        where.append("record_id = ?")
        params.append(audit_filter.record_id)
    if audit_filter.os_user:
        where.append("os_user = ?")
        params.append(audit_filter.os_user)
    if audit_filter.date_from is not None:
        where.append("at >= ?")
        params.append(audit_filter.date_from.isoformat())
    if audit_filter.date_to is not None:
        where.append("at < ?")
        params.append((audit_filter.date_to + timedelta(days=1)).isoformat())
    sql = "SELECT id FROM audit_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return [row[0] for row in db.execute(sql + " ORDER BY id DESC", params).fetchall()]


def audit_rows(db: Database, ids: list[int]) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {
        row["id"]: row for row in db.query(f"SELECT * FROM audit_log WHERE id IN ({marks})", ids)
    }


def audit_users(db: Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT DISTINCT os_user FROM audit_log ORDER BY os_user")]


def audit_record_types(db: Database) -> list[str]:
    return [
        r[0] for r in db.execute("SELECT DISTINCT record_type FROM audit_log ORDER BY record_type")
    ]
