"""Prints how long the frozen app takes from exec to its main window, and the bundle's size.

    python benchmarks/frozen_start.py "dist/ASR Desktop" [--runs 5]

Builds nothing: point it at a folder made by installer/asr_desktop.spec. Each run starts
the GUI offscreen on a fresh office database with ASR_DESKTOP_EXIT_AFTER_MS set, and
times exec → the "main window shown" line on stdout (printed once the window is visible).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHOWN = "asr-desktop: main window shown"


def exe(bundle: Path, name: str) -> Path:
    return bundle / (f"{name}.exe" if sys.platform == "win32" else name)


def time_to_window(bundle: Path, db: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    with subprocess.Popen(
        [exe(bundle, "ASR Desktop"), "--db", db],
        env={**env, "ASR_DESKTOP_EXIT_AFTER_MS": "50"},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
    ) as gui:
        assert gui.stdout is not None
        for line in gui.stdout:
            if line.startswith(SHOWN):
                elapsed = time.perf_counter() - started
                break
        else:
            raise RuntimeError("the main window was never shown")
        gui.wait(timeout=60)
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    files = [f for f in args.bundle.rglob("*") if f.is_file() and not f.is_symlink()]
    print(f"bundle: {sum(f.stat().st_size for f in files) / 2**20:.1f} MB in {len(files)} files")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ASR_DESKTOP_DATA": tmp}
        db = Path(tmp) / "office.db"
        subprocess.run(
            [exe(args.bundle, "asr-cli"), "--db", db, "init", "--province", "47"],
            env=env,
            check=True,
            capture_output=True,
        )
        times = [time_to_window(args.bundle, db, env) for _ in range(args.runs)]
    print("exec → main window: " + ", ".join(f"{t:.2f}" for t in times) + " s")
    print(f"first {times[0]:.2f} s, median {statistics.median(times):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
