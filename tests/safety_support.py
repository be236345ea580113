"""Small office databases on disk for the backup, privacy and crash tests.

Importable from every test module because pytest puts tests/ on sys.path for the
top-level conftest.py.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database
from tests.work_helpers import national_id

from asr_desktop.domain.model import Volunteer
from asr_desktop.domain.vocabulary import Gender, Tier
from asr_desktop.services.office import init_office
from asr_desktop.services.roster import RosterService
from asr_desktop.store.database import open_database


def volunteer(n: int) -> Volunteer:
    return Volunteer(
        national_id=national_id(n, prefix="34701"),
        title=("นาย", "นางสาว")[n % 2],
        first_name=("สมชาย", "บุญมี", "แก้วตา")[n % 3],
        last_name=f"ศรีสุข{n}",
        gender=(Gender.MALE, Gender.FEMALE)[n % 2],
        birth_date=date(1970 + n % 30, 1 + n % 12, 1 + n % 28),
        phone=f"08{n:08d}",
        house_no=str(n),
        moo=str(1 + n % 9),
        subdistrict_code="470101",
        postcode="47000",
        pdpa_consent_date=date(2025, 1, 15),
        pdpa_purpose="ทะเบียนอาสาสมัครแรงงาน",
    )


def make_office(path: Path, volunteers: int = 5) -> Database:
    """A migrated office database for Sakon Nakhon with ``volunteers`` people, each with a term."""
    db = open_database(path)
    init_office(db, "47")
    service = RosterService(db, today=lambda: date(2026, 11, 1))
    for n in range(1, volunteers + 1):
        volunteer_id = service.register(volunteer(n))
        service.appoint(volunteer_id, tier=Tier.LEAD, start_date=date(2025, 1, 1), batch="1")
    return db


@contextlib.contextmanager
def small_disk(size: str = "256k") -> Iterator[Path]:
    """A tiny tmpfs (needs root; the test is skipped otherwise) to fill up."""
    folder = Path(tempfile.mkdtemp(prefix="asr-disk-"))
    if os.geteuid() != 0 or _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)):
        folder.rmdir()
        pytest.skip("needs root to mount a small tmpfs")
    try:
        yield folder
    finally:
        _mount_cmd("umount", "-l", str(folder))
        folder.rmdir()


def make_read_only(folder: Path) -> None:
    """Makes ``folder`` and its files read-only, even for root (by a read-only remount)."""
    if os.geteuid() == 0:
        if _mount("-o", "remount,ro", str(folder)):
            pytest.skip("cannot remount read-only")
    else:
        for path in folder.iterdir():
            path.chmod(0o444)
        folder.chmod(0o555)


def _mount(*args: str) -> int:
    return _mount_cmd("mount", *args)


def _mount_cmd(*args: str) -> int:
    return subprocess.run(args, capture_output=True, check=False).returncode
