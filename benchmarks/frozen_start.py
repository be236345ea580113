"""Prints how long the frozen app takes from exec to its main window, and the bundle's size.

    python benchmarks/frozen_start.py "dist/ASR Desktop" [--runs 5] [--database demo|empty]

Builds nothing: point it at a folder made by installer/asr_desktop.spec. Each run starts
the GUI offscreen with ASR_DESKTOP_EXIT_AFTER_MS set and times exec → the "main window
shown" line on stdout (printed once the window is visible). The database is made once by
the bundle's own ``asr-cli``: the demo office (``demo``, the default, as the target is
stated) or a new empty office (``init``). benchmarks/venv_start.py times the same from a
virtual environment.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

SHOWN = "asr-desktop: main window shown"
TARGET_S = 1.2


def exe(bundle: Path, name: str) -> Path:
    return bundle / (f"{name}.exe" if sys.platform == "win32" else name)


def make_database(cli: Sequence[str | Path], db: Path, kind: str, env: dict[str, str]) -> None:
    """Makes the office database the runs open: the demo office or an empty one."""
    command = ["demo"] if kind == "demo" else ["init", "--province", "47"]
    subprocess.run([*cli, "--db", db, *command], env=env, check=True, capture_output=True)


def time_to_window(gui: Sequence[str | Path], db: Path, env: dict[str, str]) -> float:
    """Seconds from starting the GUI process to its "main window shown" line."""
    started = time.perf_counter()
    with subprocess.Popen(
        [*gui, "--db", db],
        env={**env, "ASR_DESKTOP_EXIT_AFTER_MS": "50"},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith(SHOWN):
                elapsed = time.perf_counter() - started
                break
        else:
            raise RuntimeError("the main window was never shown")
        process.wait(timeout=60)
    return elapsed


def run_benchmark(
    gui: Sequence[str | Path],
    cli: Sequence[str | Path],
    kind: str,
    runs: int,
    target_s: float,
    env: dict[str, str] | None = None,
) -> list[float]:
    """Times ``runs`` starts (after one uncounted warm-up start) and prints the figures."""
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **(os.environ if env is None else env),
            "QT_QPA_PLATFORM": "offscreen",
            "ASR_DESKTOP_DATA": tmp,
        }
        db = Path(tmp) / "office.db"
        make_database(cli, db, kind, env)
        # The first start of the day backs the database up; keep that out of the figures.
        time_to_window(gui, db, env)
        times = [time_to_window(gui, db, env) for _ in range(runs)]
    load = f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after"
    print(f"database: {kind}; 1-minute load average {load} ({os.cpu_count()} CPUs)")
    print("exec → main window: " + ", ".join(f"{t:.2f}" for t in times) + " s")
    print(
        f"min {min(times):.2f} s, median {statistics.median(times):.2f} s, "
        f"max {max(times):.2f} s (target ≤ {target_s} s median)"
    )
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--database", choices=["demo", "empty"], default="demo")
    args = parser.parse_args()

    files = [f for f in args.bundle.rglob("*") if f.is_file() and not f.is_symlink()]
    print(f"bundle: {sum(f.stat().st_size for f in files) / 2**20:.1f} MB in {len(files)} files")
    run_benchmark(
        [exe(args.bundle, "ASR Desktop")],
        [exe(args.bundle, "asr-cli")],
        args.database,
        args.runs,
        TARGET_S,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
