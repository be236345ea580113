"""Headquarters commands (สำนักงานส่วนกลาง) over a national database: ``hq init``,
``hq receive``, ``hq keys``, ``hq status``, ``hq duplicates``, ``hq findings``,
``hq feedback``; and ``demo-national``.

Exit codes: 0 success (``receive``: every package accepted), 3 some packages refused,
1 any other failure, 2 usage errors.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from asr_desktop.cli.output import FORMATS, month_arg, print_rows
from asr_desktop.domain import areas
from asr_desktop.domain.errors import AsrError

EXIT_OK = 0
EXIT_REFUSED = 3


def _fiscal_year(text: str) -> int:
    if not text.isdigit() or not 2400 <= int(text) <= 9999:
        raise argparse.ArgumentTypeError(f"ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2569 (ได้รับ {text!r})")
    return int(text)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    hq = subparsers.add_parser("hq", help="สำนักงานส่วนกลาง: รับรายงานของ 77 จังหวัดและภาพรวมประเทศ")
    commands = hq.add_subparsers(dest="hq_command", required=True, metavar="HQ_COMMAND")

    init = commands.add_parser("init", help="สร้างฐานข้อมูลส่วนกลางใหม่")
    init.add_argument("--demo-key", action="store_true", help="ใช้กุญแจตัวอย่าง (DEMO) สำหรับทดลองเท่านั้น")
    init.set_defaults(run=run_init)

    receive = commands.add_parser("receive", help="รับชุดรายงาน (.zip หรือโฟลเดอร์)")
    receive.add_argument("paths", nargs="+", type=Path)
    receive.add_argument("--format", choices=("table", "json"), default="table")
    receive.set_defaults(run=run_receive)

    keys = commands.add_parser("keys", help="กุญแจของจังหวัดที่เปลี่ยนไป รอยอมรับหรือปฏิเสธ")
    keys.add_argument("--accept", type=int, metavar="ID")
    keys.add_argument("--refuse", type=int, metavar="ID")
    keys.set_defaults(run=run_keys)

    deadline = commands.add_parser("deadline", help="กำหนดส่งรายงาน: วันที่ของเดือนถัดไป")
    deadline.add_argument("--day", type=int, help="1–28 (ค่าเริ่มต้น 10)")
    deadline.set_defaults(run=run_deadline)

    status = commands.add_parser("status", help="สถานะการส่งรายงานของปีงบประมาณ")
    status.add_argument("--fiscal-year", type=_fiscal_year, required=True, help="เช่น 2569")
    status.add_argument("--format", choices=FORMATS, default="table")
    status.set_defaults(run=run_status)

    duplicates = commands.add_parser("duplicates", help="ผู้ปฏิบัติหน้าที่ซ้ำกันในสองจังหวัด")
    duplicates.add_argument("--format", choices=FORMATS, default="table")
    duplicates.set_defaults(run=run_duplicates)

    findings = commands.add_parser("findings", help="ข้อสังเกตจากกฎตรวจสอบข้อมูล")
    findings.add_argument("--month", type=month_arg)
    findings.add_argument("--format", choices=FORMATS, default="table")
    findings.set_defaults(run=run_findings)

    feedback = commands.add_parser("feedback", help="สมุดงานข้อสังเกตส่งกลับจังหวัด")
    feedback.add_argument("--province", required=True, help="รหัสจังหวัด 2 หลัก")
    feedback.add_argument("--fiscal-year", type=_fiscal_year)
    feedback.add_argument("--xlsx", type=Path, required=True)
    feedback.set_defaults(run=run_feedback)

    demo = subparsers.add_parser(
        "demo-national", help="ข้อมูลตัวอย่างทั้งประเทศ: ชุดรายงานของ 77 จังหวัด สำหรับทดลองโหมดส่วนกลาง"
    )
    demo.add_argument("--out", type=Path, required=True, help="โฟลเดอร์ใหม่สำหรับข้อมูลตัวอย่าง")
    demo.add_argument("--seed", type=int, default=2568)
    demo.add_argument("--months", type=int, default=3)
    demo.add_argument("--provinces", default="", help="เฉพาะจังหวัด (รหัสคั่นด้วยจุลภาค) เช่น 10,47,90")
    demo.add_argument("--volunteers", type=int, default=8000, help="จำนวนอาสาสมัครรวมทั้งประเทศ")
    demo.set_defaults(run=run_demo_national)


def _open(args: argparse.Namespace) -> Any:
    from asr_desktop.services.hq.headquarters import Headquarters

    return Headquarters.open(Path(args.db))


def run_init(args: argparse.Namespace) -> int:
    from asr_desktop.services.hq.headquarters import Headquarters, private_key_file

    hq, public = Headquarters.create(Path(args.db), demo_key=args.demo_key)
    hq.close()
    print(f"สร้างฐานข้อมูลส่วนกลาง {args.db} แล้ว")
    if args.demo_key:
        print("ใช้กุญแจตัวอย่าง (DEMO) — ห้ามใช้กับข้อมูลจริง")
    else:
        print(f"กุญแจส่วนตัวของส่วนกลาง: {private_key_file(Path(args.db))} (เก็บรักษาและสำรองไว้)")
    print(f"กุญแจสาธารณะสำหรับสำนักงานจังหวัด (ตั้งค่า 'กุญแจสาธารณะของส่วนกลาง'):\n{public}")
    return EXIT_OK


def run_receive(args: argparse.Namespace) -> int:
    from asr_desktop.services.hq.receive import receive_packages

    hq = _open(args)
    try:
        results = receive_packages(hq, args.paths)
    finally:
        hq.close()
    if not results:
        raise AsrError("ไม่พบไฟล์ชุดรายงาน (.zip) ในที่ที่ระบุ")
    if args.format == "json":
        print_rows([r.as_json() for r in results], [], "json")
    else:
        for r in results:
            mark = "รับ" if r.accepted else "ไม่รับ"
            detail = r.note if r.accepted else r.reason
            where = f"{r.province_code} {r.period}".strip()
            print(f"{mark}: {Path(r.path).name} {where}: {detail}")
        accepted = sum(r.accepted for r in results)
        print(f"รับ {accepted:,} ไม่รับ {len(results) - accepted:,} จาก {len(results):,} ไฟล์")
    return EXIT_OK if all(r.accepted for r in results) else EXIT_REFUSED


def run_keys(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from asr_desktop.store.hq import packages

    hq = _open(args)
    try:
        for change_id, accept in ((args.accept, True), (args.refuse, False)):
            if change_id is None:
                continue
            at = datetime.now(UTC).isoformat(timespec="seconds")
            province = packages.decide_key_change(hq.db, change_id, accept, at)
            if province is None:
                raise AsrError(f"ไม่มีรายการเปลี่ยนกุญแจหมายเลข {change_id} ที่รอการตัดสินใจ")
            word = "ยอมรับ" if accept else "ปฏิเสธ"
            print(f"{word}กุญแจใหม่ของจังหวัด{areas.province_name(province)}แล้ว")
        rows = packages.key_changes(hq.db)
    finally:
        hq.close()
    for row in rows:
        row["province"] = areas.province_name(str(row["province_code"]))
    columns = [
        ("id", "ที่"),
        ("province", "จังหวัด"),
        ("fingerprint", "รหัสกุญแจใหม่"),
        ("seen_at", "พบเมื่อ"),
        ("package_name", "ไฟล์"),
    ]
    print_rows(rows, columns, "table")
    return EXIT_OK


def run_deadline(args: argparse.Namespace) -> int:
    hq = _open(args)
    try:
        if args.day is not None:
            if not 1 <= args.day <= 28:
                raise AsrError("วันกำหนดส่งต้องอยู่ระหว่าง 1 ถึง 28")
            hq.set_deadline_day(args.day)
        print(f"กำหนดส่งรายงานประจำเดือน: วันที่ {hq.deadline_day} ของเดือนถัดไป")
    finally:
        hq.close()
    return EXIT_OK


def run_status(args: argparse.Namespace) -> int:
    from asr_desktop.services.hq.status import reporting_status

    hq = _open(args)
    try:
        grid = reporting_status(hq, args.fiscal_year, today=date.today())
    finally:
        hq.close()
    rows = [cell.as_json() for cell in grid.cells]
    if args.format == "table":
        # A person reads the table: the state in Thai, and both times, since on time is
        # judged by when the office sent the package, not when it reached headquarters.
        for row, cell in zip(rows, grid.cells, strict=True):
            row["province"] = areas.province_name(str(row["province_code"]))
            row["state"] = cell.state.label
        print_rows(
            rows,
            [
                ("province_code", "รหัส"),
                ("province", "จังหวัด"),
                ("period", "เดือน"),
                ("state", "สถานะ"),
                ("sent_at", "ส่งเมื่อ"),
                ("received_at", "รับเมื่อ"),
            ],
            "table",
        )
        r = grid.rates
        print(
            f"ครบกำหนดแล้ว {r.expected:,} ฉบับ ได้รับ {r.received:,} (ร้อยละ {r.reporting_rate:.1f}) "
            f"ตรงเวลา {r.on_time:,} (ร้อยละ {r.on_time_rate:.1f})"
        )
    else:
        print_rows(rows, [(k, k) for k in rows[0]] if rows else [], args.format)
    return EXIT_OK


def run_duplicates(args: argparse.Namespace) -> int:
    from asr_desktop.services.hq.national import duplicates

    hq = _open(args)
    try:
        found = duplicates(hq)
    finally:
        hq.close()
    if args.format == "json":
        print_rows(
            [
                {"national_id": d.national_id, "province_codes": list(d.province_codes)}
                for d in found
            ],
            [],
            "json",
        )
        return EXIT_OK
    rows = [
        {
            "national_id": d.national_id,
            "names": " / ".join(r.name for r in d.records),
            "provinces": ", ".join(areas.province_name(c) for c in d.province_codes),
        }
        for d in found
    ]
    print_rows(
        rows,
        [("national_id", "เลขประจำตัวประชาชน"), ("names", "ชื่อ"), ("provinces", "จังหวัด")],
        args.format,
    )
    return EXIT_OK


def run_findings(args: argparse.Namespace) -> int:
    from asr_desktop.services.hq.findings import findings

    hq = _open(args)
    try:
        found = findings(hq, month=args.month)
    finally:
        hq.close()
    rows = [f.as_json() for f in found]
    if args.format == "json":
        print_rows(rows, [], "json")
        return EXIT_OK
    for row in rows:
        row["province"] = areas.province_name(row["province_code"])
    print_rows(
        rows,
        [("period", "เดือน"), ("province", "จังหวัด"), ("title", "เรื่อง"), ("text", "ข้อสังเกต")],
        args.format,
    )
    return EXIT_OK


def run_feedback(args: argparse.Namespace) -> int:
    from asr_desktop.services.hq.feedback import write_feedback

    if not areas.province_name(args.province):
        raise AsrError(f"ไม่พบรหัสจังหวัด {args.province!r}")
    hq = _open(args)
    try:
        count = write_feedback(
            hq, args.province, args.xlsx, today=date.today(), fiscal_year=args.fiscal_year
        )
    finally:
        hq.close()
    print(
        f"บันทึกข้อสังเกตส่งกลับจังหวัด{areas.province_name(args.province)} {count:,} รายการที่ {args.xlsx}"
    )
    return EXIT_OK


def run_demo_national(args: argparse.Namespace) -> int:
    from asr_desktop.cli.roster import _progress_printer
    from asr_desktop.services.demo.national import build_demo_national

    codes = [c.strip() for c in args.provinces.split(",") if c.strip()] or None
    demo = build_demo_national(
        args.out,
        seed=args.seed,
        months=args.months,
        provinces=codes,
        volunteers=args.volunteers,
        progress=_progress_printer(),
    )
    print(
        f"ชุดรายงาน {len(demo.packages):,} ไฟล์ใน {demo.out / 'packages'} "
        f"(อาสาสมัคร {demo.volunteers:,} คน)"
    )
    if demo.missing:
        print(f"ไม่ส่งรายงาน: {areas.province_name(demo.missing[0])} เดือน {demo.missing[1]}")
    print(f"ส่งล่าช้า {len(demo.late):,} ฉบับ ผู้ปฏิบัติหน้าที่ซ้ำสองจังหวัด {len(demo.duplicates):,} คน")
    print(f"ฐานข้อมูลส่วนกลาง (กุญแจ DEMO): {demo.hq_database}")
    print(f"ลองใช้: asr-cli --db {demo.hq_database} hq receive {demo.out / 'packages'}")
    return EXIT_OK
