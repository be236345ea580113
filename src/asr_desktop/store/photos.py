"""Volunteers' photos, kept apart from the roster rows so the roster stays light."""

from __future__ import annotations

from sqlite_utils import Database

from asr_desktop.store import audit

MAX_PHOTO_BYTES = 2_000_000


def load_photo(db: Database, volunteer_id: int) -> tuple[bytes, str] | None:
    """(image bytes, MIME type) or None."""
    row = db.execute(
        "SELECT image, mime_type FROM volunteer_photos WHERE volunteer_id = ?", [volunteer_id]
    ).fetchone()
    return (bytes(row[0]), row[1]) if row else None


def save_photo(db: Database, volunteer_id: int, image: bytes | None, mime_type: str = "") -> None:
    """Replaces the photo (None removes it)."""
    with db.atomic():
        db.execute("DELETE FROM volunteer_photos WHERE volunteer_id = ?", [volunteer_id])
        if image is not None:
            db.execute(
                "INSERT INTO volunteer_photos (volunteer_id, image, mime_type) VALUES (?, ?, ?)",
                [volunteer_id, image, mime_type],
            )
        audit.record(
            db,
            "update",
            "photo",
            volunteer_id,
            after={"bytes": len(image) if image else 0},
            summary="เปลี่ยนรูปถ่าย" if image else "ลบรูปถ่าย",
        )
