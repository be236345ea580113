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


def test_first_start_shows_progress_before_the_demo_is_built(tmp_path):
    from asr_desktop.ui.startup_window import PROGRESS_SHOWN_MESSAGE

    demo = tmp_path / "first-demo.db"
    result = start_app(tmp_path, "--demo", "--db", str(demo))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    progress = next(i for i, line in enumerate(lines) if PROGRESS_SHOWN_MESSAGE in line)
    shown = next(i for i, line in enumerate(lines) if app.SHOWN_MESSAGE in line)
    # The window with progress comes first; the (slow) demo is built behind it.
    assert progress < shown
    seconds = [float(line.split("(")[1].split(" s")[0]) for line in (lines[progress], lines[shown])]
    print(f"progress shown after {seconds[0]:.2f} s, main window after {seconds[1]:.2f} s")
    assert seconds[0] < seconds[1]


def test_a_missing_xcb_library_is_named_with_its_package(tmp_path):
    import shutil

    from asr_desktop.ui.display_check import debian_package

    assert debian_package("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert debian_package("libEGL.so.1") == "libegl1"
    library = "/lib/x86_64-linux-gnu/libxcb-cursor.so.0"
    if not os.path.exists(library) or shutil.which("unshare") is None:
        pytest.skip(f"{library} or unshare is not here")
    if subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode:
        pytest.skip("hiding a library needs root (unshare -m)")
    env = subprocess_env()
    env.update({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":99", "ASR_DESKTOP_DATA": str(tmp_path)})
    hide = ["unshare", "-m", "sh", "-c", f'mount --bind /dev/null {library} && exec "$@"', "sh"]
    hidden = subprocess.run(
        [*hide, sys.executable, "-m", "asr_desktop", "--demo"],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert hidden.returncode == 1
    assert "ไม่มีไลบรารี libxcb-cursor.so.0" in hidden.stderr
    assert "sudo apt install libxcb-cursor0" in hidden.stderr
    assert "Traceback" not in hidden.stderr
