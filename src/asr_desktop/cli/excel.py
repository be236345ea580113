"""Commands for reports in and out: import, export roster, report (PDF/Excel), package.

Exit codes of ``import`` (issue 5): 0 when no row was rejected; 3 when some rows were
rejected and the rest imported (with --strict: nothing imported); 1 when the file could not
be read (nothing changed); 2 for usage errors (argparse).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from asr_desktop.cli.office import open_office
from asr_desktop.cli.output import UsageError, month_arg
from asr_desktop.domain.errors import AsrError
from asr_desktop.reports.output import output_error

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_REJECTED = 3
REPORTS = ("roster", "monthly", "coverage", "expiring", "terms-ending", "national")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    importing = subparsers.add_parser("import", help="นำเข้าทะเบียนจากไฟล์ .xlsx .xls หรือ .csv")
    importing.add_argument("file", type=Path)
    importing.add_argument("--sheet", default=None, help="ชื่อแผ่นงาน (ค่าเริ่มต้น: แผ่นแรก)")
    importing.add_argument("--dry-run", action="store_true", help="ตรวจสอบอย่างเดียว ไม่บันทึก")
    importing.add_argument("--strict", action="store_true", help="ถ้ามีแถวที่ไม่ผ่าน ไม่นำเข้าเลยสักแถว")
    importing.add_argument("--on-duplicate", choices=("skip", "update"), default="skip")
    importing.add_argument("--report", type=Path, help="บันทึกแถวที่ไม่ผ่านเป็นไฟล์ .xlsx")
    importing.set_defaults(run=run_import)

    export = subparsers.add_parser("export", help="ส่งออกทะเบียนเป็น Excel")
    export.add_argument("what", choices=("roster",))
    export.add_argument("--xlsx", type=Path, required=True)
    export.add_argument(
        "--full-ids",
        action="store_true",
        help="เลขประจำตัวประชาชนเต็ม (ปกติปิดบังบางส่วน; บันทึกลงบันทึกการส่งออกข้อมูลส่วนบุคคล)",
    )
    export.set_defaults(run=run_export)

    report = subparsers.add_parser("report", help="รายงาน (PDF สำหรับพิมพ์ / Excel สำหรับส่วนกลาง)")
    report.add_argument("name", choices=REPORTS)
    report.add_argument("--month", type=month_arg, help="เดือนของรายงาน เช่น 2568-10")
    report.add_argument("--fiscal-year", type=_fiscal_year, help="ปีงบประมาณ พ.ศ. เช่น 2569")
    report.add_argument("--district", help="เฉพาะอำเภอ (รหัส 4 หลัก) เช่น 4701")
    report.add_argument(
        "--full-ids",
        action="store_true",
        help="เลขประจำตัวประชาชนเต็มทั้ง PDF และ Excel (ปกติปิดบังบางส่วน; บันทึกลงบันทึกการส่งออก)",
    )
    report.add_argument("--days", type=_days, default=90, help="expiring: ภายในกี่วัน (1–3650)")
    report.add_argument("--xlsx", type=Path)
    report.add_argument("--pdf", type=Path)
    report.set_defaults(run=run_report)

    package = subparsers.add_parser(
        "package", help="ชุดรายงานประจำเดือนสำหรับส่วนกลาง (ไฟล์ .zip ที่ลงนามแล้ว)"
    )
    package.add_argument("--month", type=month_arg, required=True, help="เช่น 2568-10")
    package.add_argument("--out", type=Path, required=True, help="โฟลเดอร์ปลายทาง")
    package.add_argument(
        "--folder",
        action="store_true",
        help="เขียนไฟล์ Excel, PDF และ manifest.json ไว้ข้างไฟล์ .zip ด้วย",
    )
    package.set_defaults(run=run_package)


def run_import(args: argparse.Namespace) -> int:
    from asr_desktop.services.roster_import.commit import (
        commit_plan,
        preview_of,
        result_of,
        write_rejects,
    )
    from asr_desktop.services.roster_import.plan import Action, OnDuplicate, build_plan
    from asr_desktop.services.roster_import.reading import ImportFileError

    db = open_office(args).db
    try:
        plan = build_plan(
            db,
            args.file,
            sheet=args.sheet,
            on_duplicate=OnDuplicate(args.on_duplicate),
            today=date.today(),
        )
    except ImportFileError as exc:
        print(f"asr-cli: {exc.message}", file=sys.stderr)
        return EXIT_FAILED
    for row in plan.rows:
        for problem in row.problems:
            kind = "ไม่นำเข้า" if problem.blocking else "หมายเหตุ"
            print(f"{kind}: {problem}", file=sys.stderr)
        if row.action is Action.SKIP and row.note:
            print(f"ข้าม: แถว {row.row}: {row.note}", file=sys.stderr)
    rejected = plan.count(Action.REJECT)
    if args.report is not None:
        write_rejects(plan, args.report)
    if args.dry_run:
        result = preview_of(plan)  # exactly what the real run would print
    elif args.strict and rejected:
        result = result_of(plan, committed=False)
    else:
        result = commit_plan(db, plan)
    print(
        f"read={result.read} added={result.added} updated={result.updated} "
        f"skipped={result.skipped} rejected={result.rejected}"
    )
    if args.strict and rejected and not args.dry_run:
        print("asr-cli: มีแถวที่ไม่ผ่าน (--strict) จึงไม่ได้นำเข้าข้อมูลใด ๆ", file=sys.stderr)
    return EXIT_REJECTED if rejected else EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from asr_desktop.services.reporting.workbooks import export_roster

    db = open_office(args).db
    count = export_roster(db, args.xlsx, today=date.today(), full_ids=args.full_ids)
    print(f"ส่งออกทะเบียน {count:,} คน ไปที่ {args.xlsx}")
    return EXIT_OK


def run_report(args: argparse.Namespace) -> int:
    """Any report of the catalogue, as PDF and/or Excel, through the catalogue's writers."""
    from asr_desktop.domain.progress import no_progress
    from asr_desktop.services.reporting.catalogue import Period, ReportRequest, report_spec

    spec = report_spec(args.name)
    outputs = [(args.pdf, spec.write_pdf, "PDF"), (args.xlsx, spec.write_xlsx, "Excel")]
    wanted = [(path, writer, kind) for path, writer, kind in outputs if path is not None]
    if not wanted:
        raise UsageError("ระบุ --pdf OUT.pdf หรือ --xlsx OUT.xlsx อย่างน้อยหนึ่งอย่าง")
    if spec.period is Period.MONTH and args.month is None:
        raise UsageError(f"รายงาน {spec.key} ต้องระบุ --month เช่น 2568-10")
    for _, writer, kind in wanted:
        if writer is None:
            raise AsrError(f"รายงาน {spec.key} ยังไม่มีแบบ {kind}")
    request = ReportRequest(
        today=date.today(),
        month=args.month,
        fiscal_year=args.fiscal_year,
        district_code=args.district or "",
        full_national_ids=args.full_ids,
        days=args.days,
    )
    if spec.national:
        from asr_desktop.services.hq.headquarters import Headquarters

        db = Headquarters.open(Path(args.db)).db
    else:
        db = open_office(args).db
    try:
        for path, writer, kind in wanted:
            assert writer is not None
            try:
                count = writer(db, request, path, no_progress)
            except OSError as exc:
                raise output_error(path, exc) from exc
            unit = "หน้า" if kind == "PDF" else "แถว"
            print(f"บันทึก{spec.title} ที่ {path} แล้ว ({count:,} {unit})")
    finally:
        db.close()
    return EXIT_OK


MAX_DAYS = 3650


def _days(text: str) -> int:
    """1–3650 days (ten years): more would run past the calendar (OverflowError)."""
    from asr_desktop.domain.thai_digits import to_arabic_digits

    digits = to_arabic_digits(text.strip())
    if not digits.isdigit() or not 1 <= int(digits) <= MAX_DAYS:
        raise argparse.ArgumentTypeError(f"จำนวนวันต้องเป็นจำนวนเต็ม 1 ถึง {MAX_DAYS:,} (ได้รับ {text!r})")
    return int(digits)


def _fiscal_year(text: str) -> int:
    from asr_desktop.domain.thai_digits import to_arabic_digits

    digits = to_arabic_digits(text.strip())
    if not digits.isdigit() or not 2400 <= int(digits) <= 9999:
        raise argparse.ArgumentTypeError(f"ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2569 (ได้รับ {text!r})")
    return int(digits)


def run_package(args: argparse.Namespace) -> int:
    from asr_desktop.services.reporting.package import build_package

    db = open_office(args).db
    result = build_package(
        db,
        month=args.month,
        out_dir=args.out,
        data_dir=Path(args.db).resolve().parent,
        today=date.today(),
        folder_form=args.folder,
    )
    for f in result.files:
        print(f"{f.name}  {f.size:,} ไบต์  sha256={f.sha256}")
    print(f"รหัสกุญแจลงนามของสำนักงาน: {result.key_fingerprint}")
    print(f"บันทึกชุดรายงาน {result.package} และเก็บสำเนาไว้ที่ {result.frozen_copy} แล้ว")
    return EXIT_OK
