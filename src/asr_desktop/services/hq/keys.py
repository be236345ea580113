"""Province key changes held for a person to accept (a reinstalled PC) or refuse."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from asr_desktop.services.hq.headquarters import Headquarters
from asr_desktop.store.hq import packages


@dataclass(frozen=True, slots=True)
class KeyChange:
    id: int
    province_code: str
    fingerprint: str
    """Of the new key: to read out to the office by phone and compare with its PDF."""
    seen_at: str
    package_name: str
    pinned_fingerprint: str


def pending_key_changes(hq: Headquarters) -> list[KeyChange]:
    pinned = packages.pinned_fingerprints(hq.db)
    return [
        KeyChange(
            row["id"],
            row["province_code"],
            row["fingerprint"],
            row["seen_at"],
            row["package_name"],
            pinned.get(row["province_code"], ""),
        )
        for row in packages.key_changes(hq.db)
    ]


def decide_key_change(hq: Headquarters, change_id: int, *, accept: bool) -> str | None:
    """Accepting makes the new key the province's; the held package must then be received
    again. Returns the province code, None when the change was already decided."""
    at = datetime.now(UTC).isoformat(timespec="seconds")
    return packages.decide_key_change(hq.db, change_id, accept, at)
