"""Personal data stays private to the user who runs the app (POSIX permissions).

Backups and exports were world-readable on Linux (0644 in a 0755 folder) while PDFs were
0600. The database, its ``-wal`` and ``-shm``, the backups, the frozen export copies and
the erasure ledger are made 0600 and their folders 0700; the processes also set a umask
of 077 (:func:`private_umask`) so that anything else they create starts out private. On
Windows the mode bits mean nothing and a user's profile folder is private already.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_umask() -> None:
    """New files 0600 and folders 0700 in this process (call once at start-up)."""
    if os.name == "posix":
        os.umask(0o077)


def make_private(path: Path) -> None:
    """0600 for a file, 0700 for a folder; a file someone else owns is left alone."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        mode = FOLDER_MODE if path.is_dir() else FILE_MODE
        if stat.S_IMODE(path.stat().st_mode) != mode:
            path.chmod(mode)


def private_folder(path: Path) -> Path:
    """Creates ``path`` (and parents) if needed and makes it 0700."""
    path.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    make_private(path)
    return path


def make_database_private(db_path: Path) -> None:
    """The database file and the files SQLite keeps beside it."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        side = Path(str(db_path) + suffix)
        if side.exists():
            make_private(side)
