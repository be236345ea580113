"""Receiving packages (รับรายงาน) into the national database.

Each package is read and checked completely first (package_reader); only then, in one
write transaction, the province's key is checked against the key pinned at its first
package, and the package is stored:

- the same file again changes nothing (accepted, "ได้รับไว้แล้ว");
- a newer package (later signed creation time) for the same province and month becomes
  current and the older stays as history; an older one never replaces a newer one;
- a package signed with a new key for the province is held back and the change is listed
  for a person to accept (a reinstalled PC) or refuse (``hq keys``);
- a key already pinned for another province is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from asr_desktop.domain import areas
from asr_desktop.domain.hq.package_format import PackageError
from asr_desktop.domain.progress import ProgressFn, no_progress
from asr_desktop.services.hq import crypto
from asr_desktop.services.hq.headquarters import Headquarters
from asr_desktop.services.hq.package_reader import VerifiedPackage, read_package
from asr_desktop.store.hq import packages as store


@dataclass(frozen=True, slots=True)
class ReceiveResult:
    path: str
    accepted: bool
    province_code: str = ""
    period: str = ""
    reason: str = ""
    """Why it was refused (Thai); empty when accepted."""
    note: str = ""
    """What happened when accepted: new, replaced an older package, already received."""

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Folders become the .zip files in them (sorted); files stay as given."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix.lower() == ".zip" and p.is_file())
        else:
            found.append(path)
    return found


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def receive_one(
    hq: Headquarters, path: Path, key: X25519PrivateKey, *, now: Callable[[], str] = _now
) -> ReceiveResult:
    try:
        package = read_package(path, key)
    except PackageError as exc:
        return ReceiveResult(str(path), False, reason=exc.message)
    except MemoryError:
        return ReceiveResult(str(path), False, reason="ไฟล์ใหญ่เกินกว่าจะตรวจได้")
    return _store(hq, path, package, now())


def _store(hq: Headquarters, path: Path, package: VerifiedPackage, at: str) -> ReceiveResult:
    m = package.manifest
    refused = ReceiveResult(str(path), False, m.province_code, m.period)
    db = hq.db
    fingerprint = crypto.fingerprint(crypto.unb64(m.signer_key))
    flagged = False
    with store.write_transaction(db):
        if store.package_by_hash(db, package.sha256) is not None:
            return ReceiveResult(
                str(path), True, m.province_code, m.period, note="ได้รับไฟล์นี้ไว้แล้ว ไม่มีการเปลี่ยนแปลง"
            )
        owner = store.province_of_key(db, m.signer_key)
        if owner is not None and owner != m.province_code:
            return _with(
                refused,
                f"กุญแจที่ลงนามเป็นของจังหวัด{areas.province_name(owner)} ({owner}) "
                f"แต่ชุดรายงานระบุจังหวัด{areas.province_name(m.province_code)} ({m.province_code})",
            )
        pinned = store.pinned_key(db, m.province_code)
        if pinned is None:
            store.pin_key(db, m.province_code, m.signer_key, fingerprint, at)
        elif pinned != m.signer_key:
            decision = store.key_change_decision(db, m.province_code, m.signer_key)
            if decision == "refused":
                return _with(refused, f"กุญแจ {fingerprint} ของจังหวัดนี้ถูกปฏิเสธไว้แล้ว")
            store.flag_key_change(db, m.province_code, m.signer_key, fingerprint, at, path.name)
            flagged = True
        if not flagged:
            current = store.current_package(db, m.province_code, m.period)
            if current is not None and current.created_at >= package.created_utc:
                return _with(
                    refused,
                    f"มีชุดรายงานเดือนนี้ที่จัดทำเมื่อ {current.created_at} ซึ่งใหม่กว่าหรือเท่ากันอยู่แล้ว "
                    "ฉบับที่เก่ากว่าจะไม่แทนที่",
                )
            record = store.PackageRecord(
                m.province_code,
                m.period,
                package.created_utc,
                at,
                package.sha256,
                package.file_name,
                package.size,
                fingerprint,
                m.app_version,
                bool(package.manifest_json.get("sealed_to_demo_key")),
                package.manifest_json,
            )
            store.insert_package(db, record, package.data, current.id if current else None)
            note = "แทนฉบับเดิม (เก็บฉบับเดิมไว้เป็นประวัติ)" if current else "รับใหม่"
            return ReceiveResult(str(path), True, m.province_code, m.period, note=note)
    return _with(
        refused,
        f"จังหวัดนี้ลงนามด้วยกุญแจใหม่ ({fingerprint}) ต่างจากกุญแจที่ใช้ครั้งแรก "
        "รอผู้ดูแลตรวจสอบกับสำนักงานแล้วยอมรับหรือปฏิเสธ (hq keys)",
    )


def _with(result: ReceiveResult, reason: str) -> ReceiveResult:
    return ReceiveResult(result.path, False, result.province_code, result.period, reason)


def receive_packages(
    hq: Headquarters, paths: Iterable[Path], progress: ProgressFn = no_progress
) -> list[ReceiveResult]:
    """Receives every package of ``paths`` (folders are searched for .zip files), each in
    its own transaction; ``progress`` may raise Cancelled between packages."""
    files = expand_paths(paths)
    key = hq.private_key()
    results = []
    for done, path in enumerate(files):
        progress(done, len(files))
        results.append(receive_one(hq, path, key))
    progress(len(files), len(files))
    return results
