"""The optional password for opening the app, for offices that share a PC.

It guards the app, not the file: the database is not encrypted, so forgetting the
password never locks the data away. Whoever can log on to the PC can remove it with
``asr-cli --db PATH password --clear`` (see README, "ลืมรหัสผ่าน").
"""

from __future__ import annotations

from sqlite_utils import Database

from asr_desktop.domain.password import hash_password, password_problems, verify_password
from asr_desktop.services.roster import InvalidRecord
from asr_desktop.store import access


def password_required(db: Database) -> bool:
    return access.stored_hash(db) is not None


def check_password(db: Database, password: str) -> bool:
    stored = access.stored_hash(db)
    return stored is None or verify_password(password, stored)


def set_password(db: Database, password: str, repeated: str) -> None:
    """Sets or changes the password.

    Raises:
        InvalidRecord: Too short, too long, or the two entries differ (Thai reasons).
    """
    problems = password_problems(password, repeated)
    if problems:
        raise InvalidRecord(problems)
    access.save_hash(db, hash_password(password))


def clear_password(db: Database) -> bool:
    return access.clear(db)
