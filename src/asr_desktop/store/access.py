"""The stored hash of the optional app password (table ``app_password``, one row or none)."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from asr_desktop.store import audit


def stored_hash(db: Database) -> str | None:
    row = db.execute("SELECT hash FROM app_password WHERE id = 1").fetchone()
    return str(row[0]) if row else None


def save_hash(db: Database, password_hash: str) -> None:
    with db.atomic():
        db.conn.execute(
            "INSERT INTO app_password (id, hash, set_at, set_by) VALUES (1, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, set_at = excluded.set_at,"
            " set_by = excluded.set_by",
            (password_hash, datetime.now().isoformat(timespec="seconds"), audit.os_user()),
        )
        audit.record(db, "update", "app_password", None, summary="ตั้งรหัสผ่านเข้าโปรแกรม")


def clear(db: Database) -> bool:
    """Removes the password; True when there was one."""
    with db.atomic():
        removed = db.conn.execute("DELETE FROM app_password").rowcount > 0
        if removed:
            audit.record(db, "delete", "app_password", None, summary="ยกเลิกรหัสผ่านเข้าโปรแกรม")
    return removed
