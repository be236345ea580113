"""Starting the real app end to end (in a child process, as a user would): single-instance
guard, start-up checks, the main window, and the ASR_DESKTOP_EXIT_AFTER_MS smoke-test hook
that reports the window shown and quits."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from tests.conftest import subprocess_env

from asr_desktop.services.office import init_office
from asr_desktop.store.database import open_database
from asr_desktop.ui import app

# Each test starts the whole app in a child process (4–9 s): slow.
pytestmark = pytest.mark.slow


def start_app(tmp_path, *args: str) -> subprocess.CompletedProcess[str]:
    env = subprocess_env()
    env.update(
        {
            app.EXIT_AFTER_ENV: "0",
            "ASR_DESKTOP_DATA": str(tmp_path / "data"),
            "QT_QPA_PLATFORM": "offscreen",
        }
    )
    return subprocess.run(
        [sys.executable, "-m", "asr_desktop", *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_app_opens_an_office_database_and_quits(tmp_path):
    db_path = tmp_path / "office.db"
    db = open_database(db_path)
    init_office(db, "47", "")
    db.close()
    result = start_app(tmp_path, "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    assert app.SHOWN_MESSAGE in result.stdout
    assert "Traceback" not in result.stderr
    # The first start of the day made a verified backup beside the database.
    assert any((tmp_path / "backups").iterdir())


def test_app_opens_the_demo_database(tmp_path):
    demo = tmp_path / "demo.db"
    result = start_app(tmp_path, "--demo", "--db", str(demo))
    assert result.returncode == 0, result.stderr
    assert app.SHOWN_MESSAGE in result.stdout
    assert demo.exists() and os.path.getsize(demo) > 100_000
