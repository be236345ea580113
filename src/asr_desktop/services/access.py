"""The optional password for opening the app, for offices that share a PC.

It guards the app, not the file: the database is not encrypted, so forgetting the
password never locks the data away. Whoever can log on to the PC can remove it with
``asr-cli --db PATH password --clear`` (see README, "ลืมรหัสผ่าน").
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

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


FREE_TRIES = 5
"""Wrong passwords allowed before each further try must wait."""
FIRST_WAIT = 30
LONGEST_WAIT = 3600


def wait_after(failures: int) -> int:
    """Seconds to wait after ``failures`` wrong passwords in a row: none for the first
    few, then 30 s, doubling with each further wrong one, at most an hour."""
    if failures < FREE_TRIES:
        return 0
    return int(min(FIRST_WAIT * 2 ** (failures - FREE_TRIES), LONGEST_WAIT))


@dataclass(frozen=True, slots=True)
class LoginAttempt:
    ok: bool
    failures: int
    """Wrong passwords in a row, this one included (remembered across starts)."""
    wait: int
    """Seconds before the next try is accepted (0: now)."""


def seconds_to_wait(db: Database, now: datetime) -> int:
    failures, last = access.failures_in_a_row(db)
    if last is None or not wait_after(failures):
        return 0
    due = datetime.fromisoformat(last) + timedelta(seconds=wait_after(failures))
    # The audit log keeps whole seconds.
    return max(0, math.ceil((due - now.replace(microsecond=0)).total_seconds()))


def try_password(db: Database, password: str, *, now: datetime | None = None) -> LoginAttempt:
    """Checks a password at the door: refused unchecked while a wait runs; every wrong one
    is audited and makes the wait after the fifth grow."""
    now = now or datetime.now()
    waiting = seconds_to_wait(db, now)
    failures, _ = access.failures_in_a_row(db)
    if waiting:
        return LoginAttempt(False, failures, waiting)
    if check_password(db, password):
        if failures:
            access.record_login(db, ok=True)
        return LoginAttempt(True, 0, 0)
    access.record_login(db, ok=False)
    return LoginAttempt(False, failures + 1, wait_after(failures + 1))


def failures_in_a_row(db: Database) -> tuple[int, str | None]:
    """Wrong passwords since the last right one, and when the latest was typed."""
    return access.failures_in_a_row(db)
