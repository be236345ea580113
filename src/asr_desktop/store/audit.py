"""The audit log: who changed what and when, written in the same transaction as the change.

Entries are only ever inserted; nothing in the app updates or deletes them.
"""

from __future__ import annotations

import getpass
import json
from datetime import datetime
from typing import Any

from sqlite_utils import Database


def os_user() -> str:
    try:
        return getpass.getuser()
    except OSError:  # no user name in the environment (a service account, say)
        return "unknown"


def record(
    db: Database,
    action: str,
    record_type: str,
    record_id: int | None,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    summary: str = "",
) -> None:
    """Appends one entry. Call inside the transaction that makes the change.

    Args:
        action: ``create``, ``update``, ``exit``, ``delete`` or another verb.
        record_type: ``volunteer``, ``term``, ``mentor``, ``settings`` …
        before: The record's values before the change (None for create).
        after: The values after it (None for delete).
    """
    if before is not None and after is not None:
        changed = {k for k in after if before.get(k) != after.get(k)}
        before = {k: before.get(k) for k in sorted(changed)}
        after = {k: after.get(k) for k in sorted(changed)}
    db.conn.execute(
        "INSERT INTO audit_log"
        " (at, os_user, action, record_type, record_id, summary, before, after)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            datetime.now().isoformat(timespec="seconds"),
            os_user(),
            action,
            record_type,
            record_id,
            summary,
            _dump(before),
            _dump(after),
        ),
    )


def _dump(values: dict[str, Any] | None) -> str | None:
    if values is None:
        return None
    return json.dumps(values, ensure_ascii=False, default=str, sort_keys=True)
