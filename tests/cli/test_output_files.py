"""Outputs are written whole or not at all; a full disk says ดิสก์เต็ม (issue 12, item 3)."""

from __future__ import annotations

import errno
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import subprocess_env
from tests.excel_fixtures import TODAY, sample_office

from asr_desktop.reports import output
from asr_desktop.services.reporting.workbooks import export_roster
from asr_desktop.store.database import open_database


def _disk_full(*_: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch) -> None:
    db = sample_office()
    out = tmp_path / "roster.xlsx"
    out.write_bytes(b"the old export")
    monkeypatch.setattr(output.os, "fsync", _disk_full)
    with pytest.raises(output.OutputError, match="ดิสก์เต็ม"):
        export_roster(db, out, today=TODAY)
    assert out.read_bytes() == b"the old export"
    assert [p.name for p in tmp_path.iterdir()] == ["roster.xlsx"]


def _can_mount_tmpfs(folder: Path) -> bool:
    if shutil.which("unshare") is None or sys.platform != "linux":
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", f"mount -t tmpfs -o size=4k tmpfs {folder}"],
        capture_output=True,
    )
    return probe.returncode == 0


@pytest.fixture
def office(tmp_path: Path) -> Path:
    path = tmp_path / "office.db"
    db = open_database(path)
    sample_office(db)
    db.close()
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["export", "roster", "--xlsx", "{full}/out.xlsx"],
        ["package", "--month", "2568-10", "--out", "{full}/package"],
        ["export-person", "1", "--to", "{full}"],
        ["report", "roster", "--pdf", "{full}/roster.pdf"],
    ],
    ids=["export", "package", "export-person", "report-pdf"],
)
def test_a_really_full_disk_through_the_cli(command, office, tmp_path) -> None:
    """A 4 KB tmpfs in a private mount namespace: a real ENOSPC, no root needed."""
    full = tmp_path / "full"
    full.mkdir()
    if not _can_mount_tmpfs(full):
        pytest.skip("no user namespaces to mount a small tmpfs")
    args = " ".join(f"'{a.format(full=full)}'" for a in command)
    script = (
        f"mount -t tmpfs -o size=4k tmpfs '{full}' && "
        f"'{sys.executable}' -m asr_desktop.cli --db '{office}' {args}; "
        f"echo rc=$?; find '{full}' -type f -size +0 -o -type f -empty"
    )
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=subprocess_env(),
        timeout=120,
    )
    assert "rc=1" in done.stdout, done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "ดิสก์เต็ม" in lines[0]
    left = [line for line in done.stdout.splitlines() if not line.startswith("rc=")]
    assert left == [], f"files left on the full disk: {left}"
