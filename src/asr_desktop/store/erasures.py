"""The erasure ledger: who was anonymised, by internal id and a keyed hash of their ID.

An anonymisation must survive a restore. Backups are copies of the database as it was, so
each erasure is kept twice: in the ``erasures`` table (migration m0009, append-only) and in
an append-only file beside the database (``<name>.erasures``), which an older backup
cannot take away. The national ID is never stored: only HMAC-SHA256 of it under the
database's own random secret (``erasure_key``), so the ledger cannot be turned back into
IDs by trying all 10^12 of them without that secret.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from sqlite_utils import Database

LEDGER_SUFFIX = ".erasures"
_BACKUP_NAME = re.compile(r"^(?P<stem>.+)-\d{8}-\d{6}(?:-[a-z]+)?(?:-\d+)?\.db$")


@dataclass(frozen=True, slots=True)
class Erasure:
    volunteer_id: int
    id_hash: str
    """HMAC-SHA256 (hex) of the national ID under the database's secret."""
    key_id: str
    """Which secret made ``id_hash`` (a hash of the secret, not the secret): a backup made
    before the ledger existed gets a new secret, and then only the internal id can match."""
    erased_at: str
    os_user: str


def secret(db: Database) -> str | None:
    """The database's erasure secret (hex); None before migration m0009."""
    if not db["erasure_key"].exists():
        return None
    row = db.execute("SELECT secret FROM erasure_key WHERE id = 1").fetchone()
    return str(row[0]) if row else None


def set_secret(db: Database, value: str) -> None:
    """Keeps the secret of the database a restore replaced (call in a transaction)."""
    db.conn.execute("INSERT OR REPLACE INTO erasure_key (id, secret) VALUES (1, ?)", [value])


def id_hash(key: str, national_id: str) -> str:
    return hmac.new(bytes.fromhex(key), national_id.encode("utf-8"), hashlib.sha256).hexdigest()


def key_id(key: str) -> str:
    return hmac.new(bytes.fromhex(key), b"asr-desktop erasure key", hashlib.sha256).hexdigest()[:16]


def entries(db: Database) -> list[Erasure]:
    if not db["erasures"].exists():
        return []
    return [
        Erasure(int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]))
        for r in db.execute(
            "SELECT volunteer_id, id_hash, key_id, erased_at, os_user FROM erasures ORDER BY id"
        ).fetchall()
    ]


def erased_on(db: Database, volunteer_id: int) -> date | None:
    """The day the ledger says the volunteer was erased (None: not in the ledger)."""
    if not db["erasures"].exists():
        return None
    row = db.execute(
        "SELECT erased_at FROM erasures WHERE volunteer_id = ?", [volunteer_id]
    ).fetchone()
    return date.fromisoformat(str(row[0])[:10]) if row else None


def record(db: Database, erasure: Erasure) -> None:
    """Adds an erasure unless the person is already in the ledger (call in a transaction)."""
    db.conn.execute(
        "INSERT OR IGNORE INTO erasures (volunteer_id, id_hash, key_id, erased_at, os_user)"
        " VALUES (?, ?, ?, ?, ?)",
        (
            erasure.volunteer_id,
            erasure.id_hash,
            erasure.key_id,
            erasure.erased_at,
            erasure.os_user,
        ),
    )


def ledger_file(db_path: Path) -> Path:
    """The ledger file of the office database at ``db_path``.

    For a backup in the ``backups`` folder (``asr-20261115-120000-daily.db``) this is the
    ledger of the database it was made from, beside that folder.
    """
    match = _BACKUP_NAME.match(db_path.name)
    if match and db_path.parent.name == "backups":
        return db_path.parent.parent / f"{match['stem']}{LEDGER_SUFFIX}"
    return db_path.with_name(db_path.stem + LEDGER_SUFFIX)


def read_ledger(path: Path) -> list[Erasure]:
    """The entries of a ledger file; lines that are not entries are skipped."""
    found = []
    with contextlib.suppress(FileNotFoundError):
        for line in path.read_text(encoding="utf-8").splitlines():
            with contextlib.suppress(ValueError, TypeError, KeyError):
                data = json.loads(line)
                digest = str(data["id_hash"])
                if len(digest) == 64:
                    found.append(
                        Erasure(
                            int(data["volunteer_id"]),
                            digest,
                            str(data["key_id"]),
                            str(data["erased_at"]),
                            str(data["os_user"]),
                        )
                    )
    return found


def append_ledger(path: Path, new: list[Erasure]) -> None:
    """Appends the entries the file does not hold yet (flushed to disk, private to the user)."""
    have = {(e.volunteer_id, e.id_hash) for e in read_ledger(path)}
    missing = [e for e in new if (e.volunteer_id, e.id_hash) not in have]
    if not missing:
        return
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as stream:
        for erasure in missing:
            stream.write(json.dumps(asdict(erasure), ensure_ascii=False, sort_keys=True) + "\n")
        stream.flush()
        os.fsync(stream.fileno())
