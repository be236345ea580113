"""PDPA and access commands: export-person, anonymise, privacy-log, password."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from asr_desktop.cli.output import FORMATS, print_rows
from asr_desktop.domain.errors import AsrError

if TYPE_CHECKING:
    from sqlite_utils import Database


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = subparsers.add_parser(
        "export-person", help="ส่งออกข้อมูลส่วนบุคคลของอาสาสมัคร 1 คน (JSON และข้อความ)"
    )
    export.add_argument("id", type=int, help="รหัสอาสาสมัคร")
    export.add_argument("--to", type=Path, default=Path("."), help="โฟลเดอร์ปลายทาง")
    export.set_defaults(run=run_export_person)

    anonymise = subparsers.add_parser(
        "anonymise", help="ลบข้อมูลระบุตัวตนของอาสาสมัคร 1 คน (คงจำนวนในรายงานเดิมไว้)"
    )
    anonymise.add_argument("id", type=int, help="รหัสอาสาสมัคร")
    anonymise.add_argument("--yes", action="store_true", help="ยืนยัน (ย้อนกลับไม่ได้)")
    anonymise.set_defaults(run=run_anonymise)

    log = subparsers.add_parser("privacy-log", help="บันทึกการส่งออกข้อมูลส่วนบุคคล")
    log.add_argument("--format", choices=FORMATS, default="table")
    log.set_defaults(run=run_privacy_log)

    password = subparsers.add_parser("password", help="รหัสผ่านเข้าโปรแกรม")
    action = password.add_mutually_exclusive_group(required=True)
    action.add_argument("--clear", action="store_true", help="ยกเลิกรหัสผ่าน (กรณีลืมรหัสผ่าน)")
    action.add_argument("--status", action="store_true", help="แสดงว่าตั้งรหัสผ่านไว้หรือไม่")
    password.set_defaults(run=run_password)


def _open(args: argparse.Namespace) -> Database:
    from asr_desktop.cli.office import open_office

    return open_office(args).db


def run_export_person(args: argparse.Namespace) -> int:
    from asr_desktop.services.privacy import export_person

    result = export_person(_open(args), args.id, args.to)
    print(result.json_path)
    print(result.text_path)
    return 0


def run_anonymise(args: argparse.Namespace) -> int:
    from asr_desktop.services.backup import backup_now
    from asr_desktop.services.privacy import anonymise

    if not args.yes:
        raise AsrError("การลบข้อมูลระบุตัวตนย้อนกลับไม่ได้ ใส่ --yes เพื่อยืนยัน")
    db = _open(args)
    backup_now(db, "manual")
    anonymise(db, args.id)
    print(f"ลบข้อมูลระบุตัวตนของอาสาสมัครรหัส {args.id} แล้ว")
    return 0


def run_privacy_log(args: argparse.Namespace) -> int:
    from asr_desktop.store.privacy import entries

    columns = [
        ("at", "เวลา"),
        ("os_user", "ผู้ใช้"),
        ("action", "การกระทำ"),
        ("what", "รายการ"),
        ("volunteer_id", "รหัสอาสาสมัคร"),
        ("file_name", "ไฟล์"),
        ("sha256", "SHA-256"),
    ]
    print_rows(entries(_open(args)), columns, args.format)
    return 0


def run_password(args: argparse.Namespace) -> int:
    from asr_desktop.services.access import clear_password, password_required

    db = _open(args)
    if args.status:
        print("ตั้งรหัสผ่านไว้" if password_required(db) else "ไม่ได้ตั้งรหัสผ่าน")
        return 0
    print("ยกเลิกรหัสผ่านแล้ว" if clear_password(db) else "ไม่ได้ตั้งรหัสผ่านไว้")
    return 0
