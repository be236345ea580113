"""The export log: what was sent to headquarters, when, by whom, with each file's SHA-256.

Entries are only inserted. The frozen copy of the files lies in the folder named by
``frozen_copy``; the hashes here show whether it is still what was sent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from asr_desktop.store import audit


@dataclass(frozen=True, slots=True)
class ExportFile:
    name: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class ExportEntry:
    id: int
    at: str
    os_user: str
    kind: str
    period: str
    folder: str
    frozen_copy: str
    manifest: dict[str, Any]
    manifest_sha256: str
    files: tuple[ExportFile, ...]


def record_export(
    db: Database,
    *,
    kind: str,
    period: str,
    folder: str,
    frozen_copy: str,
    manifest: dict[str, Any],
    manifest_sha256: str,
    files: list[ExportFile],
) -> int:
    """Adds one entry with its files (and an audit entry) in one transaction."""
    with db.atomic():
        cursor = db.conn.execute(
            "INSERT INTO export_log (at, os_user, kind, period, folder, frozen_copy, manifest,"
            " manifest_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                datetime.now().isoformat(timespec="seconds"),
                audit.os_user(),
                kind,
                period,
                folder,
                frozen_copy,
                json.dumps(manifest, ensure_ascii=False, sort_keys=True),
                manifest_sha256,
            ),
        )
        export_id = int(cursor.lastrowid or 0)
        db.conn.executemany(
            "INSERT INTO export_files (export_id, name, size, sha256) VALUES (?, ?, ?, ?)",
            [(export_id, f.name, f.size, f.sha256) for f in files],
        )
        audit.record(db, "export", kind, export_id, after={"period": period, "folder": folder})
    return export_id


def exports(db: Database, kind: str | None = None) -> list[ExportEntry]:
    """Every entry, newest first."""
    where, params = ("WHERE kind = ?", [kind]) if kind else ("", [])
    entries = []
    for row in db.execute(
        "SELECT id, at, os_user, kind, period, folder, frozen_copy, manifest, manifest_sha256"
        f" FROM export_log {where} ORDER BY id DESC",
        params,
    ).fetchall():
        files = tuple(
            ExportFile(*f)
            for f in db.execute(
                "SELECT name, size, sha256 FROM export_files WHERE export_id = ? ORDER BY name",
                [row[0]],
            ).fetchall()
        )
        entry_id, at, os_user, kind, period, folder, frozen_copy, manifest, digest = row[:9]
        entries.append(
            ExportEntry(
                entry_id,
                at,
                os_user,
                kind,
                period,
                folder,
                frozen_copy,
                json.loads(manifest),
                digest,
                files,
            )
        )
    return entries
