"""Every command reaches the data through :class:`asr_desktop.services.office.Office`.

So the CLI gets the same start-up checks as the GUI: a damaged file, a network share or a
read-only file is refused with a Thai reason (exit 1), the daily backup is made, and a
mistyped ``--db`` is refused instead of becoming a new empty database. Only ``init``,
``demo`` and ``restore`` make a file.
"""

from __future__ import annotations

import argparse
import sys

from asr_desktop.services.office import Office


def open_office(
    args: argparse.Namespace, *, create: bool = False, daily_backup: bool = True
) -> Office:
    office = Office.open(args.db, create=create, daily_backup=daily_backup)
    if office.backup_warning:
        print(f"asr-cli: สำรองข้อมูลประจำวันไม่สำเร็จ: {office.backup_warning}", file=sys.stderr)
    return office
