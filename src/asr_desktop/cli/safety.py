"""Commands that keep the data safe: backup, restore, check."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from asr_desktop.domain.errors import AsrError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = subparsers.add_parser("backup", help="สำรองฐานข้อมูล (ตรวจสอบสำเนาทุกครั้ง)")
    backup.add_argument(
        "--to", type=Path, help="โฟลเดอร์ปลายทาง เช่น แฟลชไดรฟ์ (ค่าเริ่มต้น: โฟลเดอร์ backups)"
    )
    backup.set_defaults(run=run_backup)

    restore = subparsers.add_parser("restore", help="กู้คืนฐานข้อมูลจากไฟล์สำรอง")
    restore.add_argument("file", type=Path, help="ไฟล์สำรอง")
    restore.add_argument(
        "--force",
        action="store_true",
        help="กู้คืนแม้สำเนาว่างหรือมีข้อมูลน้อยกว่าฐานข้อมูลปัจจุบันมาก",
    )
    restore.set_defaults(run=run_restore)

    check = subparsers.add_parser("check", help="ตรวจสอบฐานข้อมูล (0 = ปกติ, 1 = พบปัญหา)")
    check.set_defaults(run=run_check)


def _existing(path: Path) -> Path:
    if not path.exists():
        raise AsrError(f"ไม่พบไฟล์ฐานข้อมูล {path}")
    return path


def run_backup(args: argparse.Namespace) -> int:
    from asr_desktop.cli.office import open_office
    from asr_desktop.services.backup import backup_now, backup_to

    db = open_office(args, daily_backup=False).db
    try:
        target = backup_to(db, args.to) if args.to else backup_now(db, "manual")
    finally:
        db.close()
    print(target)
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from asr_desktop.services.backup import restore_file
    from asr_desktop.services.restore_check import restore_warning

    backup = _existing(args.file)
    warning = restore_warning(args.db, backup)
    if warning and not args.force:
        # The same second question the app asks, as a script can answer it: not without --force.
        print(warning, file=sys.stderr)
        print("ยังไม่ได้กู้คืน หากต้องการกู้คืนจริง ให้สั่งอีกครั้งพร้อม --force", file=sys.stderr)
        return 1
    result = restore_file(args.db, backup)
    if result.damaged_aside:
        print(f"ย้ายไฟล์ที่เสียหายไปไว้ที่ {result.damaged_aside}", file=sys.stderr)
    if result.safety_backup:
        print(f"สำรองฐานข้อมูลเดิมไว้ที่ {result.safety_backup}", file=sys.stderr)
    counts = result.summary.counts
    print(
        f"กู้คืนแล้ว: อาสาสมัคร {counts.get('volunteers', 0):,} คน "
        f"วาระ {counts.get('terms', 0):,} รายการ"
    )
    return 0


def run_check(args: argparse.Namespace) -> int:
    from asr_desktop.services.backup import health_problems, last_backup

    problems = health_problems(args.db)
    for problem in problems:
        print(problem)
    if problems:
        return 1
    latest = last_backup(args.db)
    when = f"{latest.made_at:%Y-%m-%d %H:%M}" if latest else "ยังไม่มี"
    print(f"ฐานข้อมูลปกติ (สำรองล่าสุด: {when})")
    return 0
