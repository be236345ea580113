"""Backups, exports and the database are private to the user (issue 12, item 14)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from tests.conftest import subprocess_env
from tests.safety_support import make_office

from asr_desktop.services.backup import backup_now, backups_dir
from asr_desktop.services.startup import open_office_database

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_backups_are_0600_in_a_0700_folder_whatever_the_umask(tmp_path, umask_022) -> None:
    db = make_office(tmp_path / "asr.db", volunteers=1)
    target = backup_now(db, "manual", now=lambda: datetime(2026, 12, 1, 9))
    assert mode(target) == 0o600
    assert mode(backups_dir(tmp_path / "asr.db")) == 0o700
    db.close()


def test_opening_a_database_makes_it_and_its_backups_private(tmp_path, umask_022) -> None:
    path = tmp_path / "asr.db"
    make_office(path, volunteers=1).close()
    folder = backups_dir(path)
    folder.mkdir(mode=0o755)
    os.chmod(path, 0o644)
    opened = open_office_database(path, now=lambda: datetime(2026, 12, 1, 9))
    try:
        assert mode(path) == 0o600
        assert mode(folder) == 0o700
        assert all(mode(p) == 0o600 for p in folder.iterdir())
        for side in ("-wal", "-shm"):
            if Path(str(path) + side).exists():
                assert mode(Path(str(path) + side)) == 0o600
    finally:
        opened.db.close()


@pytest.mark.slow  # ~8 s: five CLI runs in child processes
def test_cli_outputs_are_private_under_a_permissive_umask(tmp_path) -> None:
    db = tmp_path / "data" / "asr.db"
    db.parent.mkdir()
    cli = f"'{sys.executable}' -m asr_desktop.cli --db '{db}'"
    script = (
        f"umask 022 && {cli} demo --volunteers 20 >/dev/null 2>&1 && "
        f"{cli} backup && {cli} export roster --xlsx '{tmp_path}/roster.xlsx' && "
        f"{cli} package --month 2568-10 --out '{tmp_path}/package' && "
        f"{cli} export-person 1 --to '{tmp_path}/person'"
    )
    done = subprocess.run(
        ["sh", "-c", script], capture_output=True, text=True, env=subprocess_env(), timeout=300
    )
    assert done.returncode == 0, done.stderr
    files = [
        db,
        *backups_dir(db).iterdir(),
        tmp_path / "roster.xlsx",
        *(tmp_path / "package").iterdir(),
        *(tmp_path / "person").iterdir(),
        *(p for p in (db.parent / "exports").rglob("*") if p.is_file()),
    ]
    assert len(files) >= 8
    assert {str(p): oct(mode(p)) for p in files if mode(p) != 0o600} == {}
    folders = [backups_dir(db), *(p for p in (db.parent / "exports").rglob("*") if p.is_dir())]
    assert {str(p): oct(mode(p)) for p in folders if mode(p) != 0o700} == {}
