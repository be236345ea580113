"""Where the app keeps its data on this computer (per user, no administrator rights)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from asr_desktop.store.private import private_umask

__all__ = ["data_dir", "default_database_path", "demo_database_path", "private_umask"]

APP_DIR_NAME = "ASR Desktop"


def data_dir() -> Path:
    """The per-user data folder: %LOCALAPPDATA%\\ASR Desktop on Windows.

    ``ASR_DESKTOP_DATA`` overrides it (tests, portable use).
    """
    override = os.environ.get("ASR_DESKTOP_DATA")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / APP_DIR_NAME
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "asr-desktop"


def default_database_path() -> Path:
    return data_dir() / "asr.db"


def demo_database_path() -> Path:
    return data_dir() / "demo.db"
