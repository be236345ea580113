"""Commands for the roster: init, demo, list."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from asr_desktop.cli.office import open_office
from asr_desktop.cli.output import FORMATS, print_rows
from asr_desktop.domain import areas
from asr_desktop.domain.errors import AsrError
from asr_desktop.domain.national_id import shown_national_id
from asr_desktop.domain.vocabulary import Status, Tier
from asr_desktop.store.roster import RosterFilter, RosterSort, roster_ids, roster_rows

_LIST_SORTS = {
    "name": RosterSort.NAME,
    "national_id": RosterSort.NATIONAL_ID,
    "tambon": RosterSort.SUBDISTRICT,
}
_FETCH_BLOCK = 500


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = subparsers.add_parser("init", help="สร้างฐานข้อมูลใหม่ของสำนักงาน")
    init.add_argument("--province", required=True, help="รหัสจังหวัด 2 หลัก เช่น 47")
    init.add_argument("--office", default="", help="ชื่อสำนักงาน")
    init.set_defaults(run=run_init)

    demo = subparsers.add_parser("demo", help="สร้างฐานข้อมูลตัวอย่าง")
    demo.add_argument("--province", default="47", help="รหัสจังหวัด (ค่าเริ่มต้น 47 สกลนคร)")
    demo.add_argument("--seed", type=int, default=2568)
    demo.add_argument("--volunteers", type=int, default=None, help="จำนวนอาสาสมัคร")
    demo.set_defaults(run=run_demo)

    listing = subparsers.add_parser("list", help="แสดงรายชื่ออาสาสมัคร")
    listing.add_argument("--search", default="")
    listing.add_argument("--status", choices=[s.value for s in Status])
    listing.add_argument("--tier", choices=[t.value for t in Tier])
    listing.add_argument("--district", default="", help="รหัสอำเภอ 4 หลัก")
    listing.add_argument("--sort", choices=list(_LIST_SORTS), default="name")
    listing.add_argument("--format", choices=FORMATS, default="table")
    listing.add_argument(
        "--full-ids",
        action="store_true",
        help="เลขประจำตัวประชาชนเต็ม (ปกติปิดบังบางส่วน; บันทึกลงบันทึกการส่งออกข้อมูลส่วนบุคคล)",
    )
    listing.set_defaults(run=run_list)


def run_init(args: argparse.Namespace) -> int:
    if not areas.province_name(args.province):
        raise AsrError(f"ไม่พบรหัสจังหวัด {args.province!r} (ต้องเป็นรหัส 2 หลัก เช่น 47)")
    office = open_office(args, create=True, daily_backup=False)
    if office.is_initialised:
        raise AsrError(f"ฐานข้อมูล {args.db} ตั้งค่าสำนักงานไว้แล้ว")
    settings = office.init(args.province, args.office)
    print(f"สร้างฐานข้อมูล {args.db} สำหรับ{settings.office_name}แล้ว")
    return 0


def run_demo(args: argparse.Namespace) -> int:
    from asr_desktop.services.demo.province import build_demo

    if args.volunteers is not None and args.volunteers < 1:
        raise AsrError("--volunteers ต้องเป็นจำนวนเต็มบวก")
    office = open_office(args, create=True, daily_backup=False)
    db = office.db
    if office.roster.store.count():
        raise AsrError(f"ฐานข้อมูล {args.db} มีข้อมูลอยู่แล้ว ใช้ไฟล์ใหม่สำหรับข้อมูลตัวอย่าง")
    summary = build_demo(
        db,
        province_code=args.province,
        seed=args.seed,
        volunteers=args.volunteers,
        progress=_progress_printer(),
    )
    print(f"\nสร้างข้อมูลตัวอย่างแล้ว: อาสาสมัคร {summary.volunteers:,} คน", file=sys.stderr)
    return 0


def _progress_printer() -> Any:
    last = [-1]

    def report(done: int, total: int) -> None:
        percent = done * 100 // max(total, 1)
        if percent != last[0] and sys.stderr.isatty():
            last[0] = percent
            print(f"\r{percent}%", end="", file=sys.stderr, flush=True)

    return report


def run_list(args: argparse.Namespace) -> int:
    db = open_office(args).db
    today = date.today()
    roster_filter = RosterFilter(
        search=args.search,
        district_code=args.district,
        status=Status(args.status) if args.status else None,
        tier=Tier(args.tier) if args.tier else None,
    )
    ids = roster_ids(db, roster_filter, sort=_LIST_SORTS[args.sort], today=today)
    rows: list[dict[str, Any]] = []
    for start in range(0, len(ids), _FETCH_BLOCK):
        block = ids[start : start + _FETCH_BLOCK]
        fetched = roster_rows(db, block, today=today)
        rows.extend(_list_row(fetched[i]._asdict(), full_ids=args.full_ids) for i in block)
    columns = [
        ("national_id", "เลขประจำตัวประชาชน"),
        ("full_name", "ชื่อ-สกุล"),
        ("subdistrict_name", "ตำบล"),
        ("district_name", "อำเภอ"),
        ("tier_label", "ระดับ"),
        ("status_label", "สถานะ"),
        ("term_end", "วาระสิ้นสุด"),
        ("phone", "โทรศัพท์"),
    ]
    print_rows(rows, columns, args.format)
    if args.full_ids and rows:
        from asr_desktop.services.privacy import log_full_ids

        log_full_ids(db, f"รายชื่ออาสาสมัคร (asr-cli list --format {args.format})", None, len(rows))
    return 0


def _list_row(row: dict[str, Any], *, full_ids: bool) -> dict[str, Any]:
    row.pop("id")
    row["national_id"] = shown_national_id(row["national_id"], full=full_ids)
    row["full_name"] = f"{row['title']}{row['first_name']} {row['last_name']}"
    row["subdistrict_name"] = areas.subdistrict_name(row["subdistrict_code"])
    row["district_name"] = areas.district_name(row["district_code"])
    row["tier_label"] = Tier(row["tier"]).short_label if row["tier"] else ""
    row["status_label"] = Status(row["status"]).label
    # Records dated after today wait for their day; programs get them as plain values.
    row["scheduled"] = [change.as_json() for change in row.get("scheduled", ())]
    return row
