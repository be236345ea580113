"""Prints how long ``python -m asr_desktop`` takes from exec to its main window.

    python benchmarks/venv_start.py [--runs 5] [--database demo|empty]

Target (issue 20): ≤ 1.5 s median on the demo database from a virtual environment (the
frozen app's figure is benchmarks/frozen_start.py's). Runs this checkout's ``src`` with
the Python that runs the script; each run starts the GUI offscreen and times exec → the
"main window shown" line it prints once the window is visible. Compiled bytecode is kept
in a temporary folder (as an installed package keeps it), so no run compiles the sources,
even where PYTHONDONTWRITEBYTECODE is set.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from frozen_start import run_benchmark

SRC = Path(__file__).resolve().parents[1] / "src"
TARGET_S = 1.5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--database", choices=["demo", "empty"], default="demo")
    args = parser.parse_args()

    print(f"python: {sys.executable}")
    with tempfile.TemporaryDirectory() as pycache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(PYTHONPATH=str(SRC), PYTHAINLP_READ_ONLY="1", PYTHONPYCACHEPREFIX=pycache)
        run_benchmark(
            [sys.executable, "-m", "asr_desktop"],
            [sys.executable, "-m", "asr_desktop.cli"],
            args.database,
            args.runs,
            TARGET_S,
            env,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
