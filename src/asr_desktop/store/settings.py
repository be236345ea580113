"""Office settings as key/value text rows, read and written as one typed snapshot."""

from __future__ import annotations

import dataclasses

from sqlite_utils import Database

from asr_desktop.domain.settings import OfficeSettings, format_setting, settings_from_texts
from asr_desktop.store import audit


def load_settings(db: Database) -> OfficeSettings:
    texts = dict(db.execute("SELECT key, value FROM office_settings").fetchall())
    return settings_from_texts(texts)


def save_settings(db: Database, settings: OfficeSettings) -> None:
    """Writes every setting in one transaction and audits what changed."""
    with db.atomic():
        before = dataclasses.asdict(load_settings(db))
        after = dataclasses.asdict(settings)
        db.conn.executemany(
            "INSERT INTO office_settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [(key, format_setting(key, value)) for key, value in after.items()],
        )
        if before != after:
            audit.record(db, "update", "settings", None, before=before, after=after)


def is_initialised(db: Database) -> bool:
    """True once an office (its province) has been set up in this database."""
    row = db.execute("SELECT value FROM office_settings WHERE key = 'province_code'").fetchone()
    return bool(row and row[0])
