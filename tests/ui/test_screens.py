"""Every page and dialog fits the screens offices have (issue 14), with and without libthai.

Each screen runs `screen_check.py` in a child process, because the screen size and the
scale factor must be set before Qt starts: Qt's offscreen platform takes the screen from
a JSON file, QT_SCALE_FACTOR scales it (1366×768 at 125 % leaves 1093×614 logical
pixels). "Without libthai" hides the library in a private mount namespace, as Windows has
no Thai line breaking; that needs root and `unshare`, and is skipped with the reason
otherwise. ASR_SCREENS_DIR=/some/folder keeps the screenshots for a person to look at.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import subprocess_env

CHECK = Path(__file__).with_name("screen_check.py")
LIBTHAI = Path("/lib/x86_64-linux-gnu/libthai.so.0")
SCREENS = {
    "1366x768": (1366, 768, "1"),
    "1366x768@125": (1366, 768, "1.25"),
    "1920x1080@150": (1920, 1080, "1.5"),
}
EXPECTED_WINDOWS = 8 + 20  # the pages and the dialogs screen_check opens

pytestmark = pytest.mark.slow  # each screen starts the app with a demo office: ~10-20 s


def _hide_libthai_prefix() -> list[str]:
    """The command prefix that runs a child without libthai, or skip saying why not."""
    if not LIBTHAI.exists():
        pytest.skip(f"{LIBTHAI} is not here: nothing to hide")
    if shutil.which("unshare") is None:
        pytest.skip("unshare is not installed")
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", f"mount --bind /dev/null {LIBTHAI}"],
        capture_output=True,
        text=True,
    )
    if probe.returncode != 0:
        pytest.skip(f"cannot hide libthai (needs root): {probe.stderr.strip()}")
    return ["unshare", "-m", "sh", "-c", f'mount --bind /dev/null {LIBTHAI} && exec "$@"', "sh"]


@pytest.mark.parametrize("libthai", ["libthai", "no-libthai"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_window_fits_the_screen(screen: str, libthai: str, tmp_path: Path) -> None:
    if libthai == "libthai" and not LIBTHAI.exists():
        pytest.skip(f"{LIBTHAI} is not installed (.ci/run installs libthai0)")
    prefix = _hide_libthai_prefix() if libthai == "no-libthai" else []
    width, height, scale = SCREENS[screen]
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {"name": screen, "x": 0, "y": 0, "width": width, "height": height}
                    | {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
                ]
            }
        )
    )
    env = subprocess_env()
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    env["QT_SCALE_FACTOR"] = scale
    env["ASR_DESKTOP_DATA"] = str(tmp_path / "data")
    args = [sys.executable, str(CHECK)]
    shots = os.environ.get("ASR_SCREENS_DIR")
    if shots:
        args.append(str(Path(shots) / f"{screen}-{libthai}"))
    done = subprocess.run(
        prefix + args, capture_output=True, text=True, env=env, timeout=600, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["thai_line_breaking"] is (libthai == "libthai")
    expected = (round(width / float(scale)), round(height / float(scale)))
    assert tuple(report["screen"][2:]) in {expected, (expected[0] - 1, expected[1])}
    assert len(report["windows"]) == EXPECTED_WINDOWS
    assert report["problems"] == []
