"""The frozen bundle, built once per test session for every installer test.

Building takes a minute or more on two cores; test_frozen_build.py runs the bundle, and
test_windows_installer.py packs it into the Windows setup.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "installer" / "asr_desktop.spec"


@pytest.fixture(scope="session")
def bundle(tmp_path_factory) -> Path:
    pytest.importorskip(
        "PyInstaller",
        reason="PyInstaller is not installed (pip install -e '.[test]' brings it)",
    )
    build = tmp_path_factory.mktemp("frozen")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level=WARN",
            f"--distpath={build / 'dist'}",
            f"--workpath={build / 'work'}",
            str(SPEC),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    folder = build / "dist" / "ASR Desktop"
    assert folder.is_dir()
    return folder
