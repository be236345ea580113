"""The one way into a national database, for the GUI's headquarters mode and the CLI.

``Headquarters.create`` makes a new national database with either a new key pair (the
private key written beside the database, readable by its owner only) or the app's DEMO
key; ``Headquarters.open`` opens an existing one and refuses an office database.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlite_utils import Database

from asr_desktop.assets import resource_path
from asr_desktop.domain.hq.reporting import DEFAULT_DEADLINE_DAY
from asr_desktop.services.hq import crypto
from asr_desktop.store.hq import national

DEMO = "demo"


def private_key_file(database: Path) -> Path:
    return database.with_name(database.name + ".hq-private-key.pem")


@dataclass(slots=True)
class Headquarters:
    path: Path
    db: Database

    @classmethod
    def create(cls, path: Path, *, demo_key: bool = False) -> tuple[Headquarters, str]:
        """A new national database; returns it and headquarters' public key (base64) to
        give the offices (their setting กุญแจสาธารณะของส่วนกลาง)."""
        if demo_key:
            key_ref = DEMO
            public = load_private_key(path, DEMO).public_key()
        else:
            key_file = private_key_file(path)
            if key_file.exists():
                public = crypto.load_hq_private(key_file).public_key()
            else:
                public = crypto.new_hq_key(key_file)
            key_ref = key_file.name
        db = national.init_national(path, private_key_path=Path(key_ref), demo_key=demo_key)
        return cls(path, db), crypto.b64(crypto.raw_public(public))

    @classmethod
    def open(cls, path: Path) -> Headquarters:
        return cls(path, national.open_national(path))

    def connect(self) -> Headquarters:
        """Another connection to the same file (for a worker thread)."""
        return Headquarters.open(self.path)

    def close(self) -> None:
        self.db.close()

    @property
    def uses_demo_key(self) -> bool:
        return national.meta(self.db, "private_key_path") == DEMO

    def private_key(self) -> X25519PrivateKey:
        return load_private_key(self.path, national.meta(self.db, "private_key_path"))

    @property
    def deadline_day(self) -> int:
        text = national.meta(self.db, "deadline_day", str(DEFAULT_DEADLINE_DAY))
        return int(text) if text.isdigit() and 1 <= int(text) <= 28 else DEFAULT_DEADLINE_DAY

    def set_deadline_day(self, day: int) -> None:
        if not 1 <= day <= 28:
            raise ValueError(day)
        national.set_meta(self.db, "deadline_day", str(day))


def office_is_set_up(path: Path) -> bool:
    """Whether ``path`` is an office database whose office has been set up (first run
    done), without changing it; False for a missing, empty or foreign file."""
    return national.office_file_is_set_up(path)


def load_private_key(database: Path, ref: str) -> X25519PrivateKey:
    """The private key a national database names: the DEMO key, or a file (relative to the
    database's folder)."""
    if ref == DEMO:
        return crypto.load_hq_private(resource_path(*crypto.DEMO_HQ_PRIVATE_KEY))
    key_path = Path(ref)
    if not key_path.is_absolute():
        key_path = database.parent / key_path
    return crypto.load_hq_private(key_path)
