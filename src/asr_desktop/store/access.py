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


FAILED = "login_failed"
RESET = "login"


def record_login(db: Database, *, ok: bool) -> None:
    """A wrong password (or the right one after wrong ones) goes into the audit log, which
    is also where the count of wrong tries is kept across starts."""
    with db.atomic():
        if ok:
            audit.record(db, RESET, "app_password", None, summary="เข้าสู่โปรแกรมหลังใส่รหัสผ่านผิด")
        else:
            audit.record(db, FAILED, "app_password", None, summary="ใส่รหัสผ่านเข้าโปรแกรมผิด")


def failures_in_a_row(db: Database) -> tuple[int, str | None]:
    """Wrong passwords since the last right one (or since it was set or cleared), and when
    the latest was typed (ISO time)."""
    row = db.execute(
        "SELECT count(*), max(at) FROM audit_log WHERE record_type = 'app_password' "
        "AND action = ? AND id > coalesce((SELECT max(id) FROM audit_log "
        "WHERE record_type = 'app_password' AND action <> ?), 0)",
        [FAILED, FAILED],
    ).fetchone()
    return int(row[0]), row[1]
