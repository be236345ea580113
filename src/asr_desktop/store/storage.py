"""Turning storage failures (full disk, read-only file, locked database) into Thai reasons.

SQLite rolls back the statement or transaction that hit the failure, so what was saved
before stays saved; the user only needs to know why the new change was not.
"""

from __future__ import annotations

import errno
import sqlite3

from asr_desktop.domain.errors import AsrError

DISK_FULL = "พื้นที่ในดิสก์เต็ม ลบไฟล์ที่ไม่ใช้หรือย้ายฐานข้อมูลไปไดรฟ์อื่นแล้วลองอีกครั้ง"
READ_ONLY = (
    "ไฟล์ฐานข้อมูลหรือโฟลเดอร์เป็นแบบอ่านอย่างเดียว หรือผู้ใช้นี้ไม่มีสิทธิ์เขียน "
    '(ตรวจสอบคุณสมบัติของไฟล์ว่าไม่ได้ติ๊ก "อ่านอย่างเดียว")'
)
LOCKED = "ฐานข้อมูลกำลังถูกใช้งานโดยโปรแกรมอื่น ปิดโปรแกรมนั้นแล้วลองอีกครั้ง"
DAMAGED = "ไฟล์ฐานข้อมูลเสียหาย"


class StorageError(AsrError):
    """A change could not be written to disk; nothing saved earlier was lost."""


def storage_reason(exc: BaseException) -> str:
    """A Thai explanation of a storage failure (with SQLite's own words when unknown)."""
    return known_reason(exc) or f"อ่านหรือเขียนฐานข้อมูลไม่สำเร็จ ({exc or type(exc).__name__})"


def known_reason(exc: BaseException) -> str | None:
    """The Thai reason for a full disk, read-only file, lock or damage; None otherwise."""
    text = str(exc).lower()
    if (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or "disk is full" in text:
        return DISK_FULL
    if isinstance(exc, PermissionError) or (isinstance(exc, OSError) and exc.errno == errno.EROFS):
        return READ_ONLY
    if "readonly" in text or "read-only" in text:
        return READ_ONLY
    if "locked" in text or "busy" in text:
        return LOCKED
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return DAMAGED
    return None


def is_storage_failure(exc: BaseException) -> bool:
    """True for failures of the disk or file rather than of the program."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EROFS, errno.EACCES):
        return True
    return isinstance(exc, sqlite3.DatabaseError) and known_reason(exc) is not None


def explain(exc: BaseException) -> StorageError:
    """The failure as a :class:`StorageError` whose message says nothing saved was lost."""
    return StorageError(f"บันทึกไม่สำเร็จ: {storage_reason(exc)} — ข้อมูลที่บันทึกไว้ก่อนหน้านี้ยังอยู่ครบ")
