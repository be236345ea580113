"""The Windows setup, compiled from installer/asr_desktop.iss around the frozen bundle and
installed, upgraded and uninstalled under Wine by installer/check_windows.sh.

The script installs Wine (as root, with apt-get) and Inno Setup's compiler (npm) when they
are missing, and exits 77 with the reason when it cannot: the test is then skipped.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
CHECK = ROOT / "installer" / "check_windows.sh"
SKIPPED = 77


def test_setup_installs_upgrades_and_uninstalls_under_wine(bundle):
    result = subprocess.run(
        ["bash", str(CHECK), str(bundle)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=1200,
    )
    if result.returncode == SKIPPED:
        pytest.skip(result.stdout.strip().splitlines()[-1])
    # The figures (setup size, log tails, step times) go to the CI log.
    print(result.stdout)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "all checks passed" in result.stdout
