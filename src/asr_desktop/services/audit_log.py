"""Reading the audit log (who changed what, when) for the audit page."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from asr_desktop.store.audit_query import (
    ACTION_LABELS,
    RECORD_TYPE_LABELS,
    AuditFilter,
    audit_ids,
    audit_record_types,
    audit_rows,
    audit_users,
)

__all__ = ["ACTION_LABELS", "RECORD_TYPE_LABELS", "AuditFilter", "AuditLog"]


class AuditLog:
    def __init__(self, db: Database) -> None:
        self.db = db

    def ids(self, audit_filter: AuditFilter) -> list[int]:
        return audit_ids(self.db, audit_filter)

    def rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        return audit_rows(self.db, ids)

    def users(self) -> list[str]:
        return audit_users(self.db)

    def record_types(self) -> list[str]:
        return audit_record_types(self.db)
