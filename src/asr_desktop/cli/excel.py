"""Commands for Excel in and out: import, export roster, report, package.

Exit codes of ``import`` (issue 5): 0 when no row was rejected; 3 when some rows were
rejected and the rest imported (with --strict: nothing imported); 1 when the file could not
be read (nothing changed); 2 for usage errors (argparse).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from asr_desktop.domain.errors import AsrError, InputError
from asr_desktop.domain.thai_dates import parse_month
from asr_desktop.store.database import open_database

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_REJECTED = 3
REPORTS = ("monthly", "roster", "terms-ending")


def _month(text: str) -> tuple[int, int]:
    try:
        return parse_month(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(exc.message) from exc


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
    export.set_defaults(run=run_export)

    report = subparsers.add_parser("report", help="รายงานสำหรับส่วนกลาง (Excel/PDF)")
    report.add_argument("name", choices=REPORTS)
    report.add_argument("--month", type=_month, help="เดือนของรายงาน เช่น 2568-10")
    report.add_argument("--days", type=int, default=90, help="terms-ending: ภายในกี่วัน")
    report.add_argument("--xlsx", type=Path)
    report.add_argument("--pdf", type=Path)
    report.set_defaults(run=run_report)

    package = subparsers.add_parser("package", help="ชุดรายงานประจำเดือนพร้อม manifest.json")
    package.add_argument("--month", type=_month, required=True, help="เช่น 2568-10")
    package.add_argument("--out", type=Path, required=True, help="โฟลเดอร์ปลายทาง")
    package.set_defaults(run=run_package)


def run_import(args: argparse.Namespace) -> int:
    from asr_desktop.services.roster_import.commit import commit_plan, result_of, write_rejects
    from asr_desktop.services.roster_import.plan import Action, OnDuplicate, build_plan
    from asr_desktop.services.roster_import.reading import ImportFileError

    db = open_database(args.db)
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
    commit = not args.dry_run and not (args.strict and rejected)
    result = commit_plan(db, plan) if commit else result_of(plan, committed=False)
    print(
        f"read={result.read} added={result.added} updated={result.updated} "
        f"skipped={result.skipped} rejected={result.rejected}"
    )
    if args.strict and rejected and not args.dry_run:
        print("asr-cli: มีแถวที่ไม่ผ่าน (--strict) จึงไม่ได้นำเข้าข้อมูลใด ๆ", file=sys.stderr)
    return EXIT_REJECTED if rejected else EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from asr_desktop.services.workbooks import export_roster

    db = open_database(args.db)
    count = export_roster(db, args.xlsx, today=date.today())
    print(f"ส่งออกทะเบียน {count:,} คน ไปที่ {args.xlsx}")
    return EXIT_OK


def run_report(args: argparse.Namespace) -> int:
    from asr_desktop.services import pdf_outputs

    if args.xlsx is None and args.pdf is None:
        raise AsrError("ระบุ --xlsx OUT.xlsx หรือ --pdf OUT.pdf อย่างน้อยหนึ่งอย่าง")
    if args.name == "monthly" and args.month is None:
        raise AsrError("รายงาน monthly ต้องระบุ --month เช่น 2568-10")
    pdf_writer = pdf_outputs.writer_for(args.name) if args.pdf is not None else None
    if args.pdf is not None and pdf_writer is None:
        raise AsrError("การส่งออก PDF ยังไม่มีในโปรแกรมรุ่นนี้ (PDF output is not available yet)")
    db = open_database(args.db)
    today = date.today()
    data = _write_report_xlsx(db, args, today) if args.xlsx is not None else None
    if pdf_writer is not None:
        from asr_desktop.store.settings import load_settings

        pdf_writer(data if data is not None else _report_data(db, args), args.pdf,
                   load_settings(db))  # fmt: skip
        print(f"บันทึก {args.pdf} แล้ว")
    return EXIT_OK


def _report_data(db: object, args: argparse.Namespace) -> object:
    from asr_desktop.services.monthly import build_monthly_report

    if args.name == "monthly":
        return build_monthly_report(db, *args.month)  # type: ignore[arg-type]
    return None


def _write_report_xlsx(db: object, args: argparse.Namespace, today: date) -> object:
    from asr_desktop.services.monthly import build_monthly_report, write_monthly_workbook
    from asr_desktop.services.workbooks import export_roster, export_terms_ending

    if args.name == "monthly":
        report = build_monthly_report(db, *args.month)  # type: ignore[arg-type]
        write_monthly_workbook(db, report, args.xlsx, today=today)  # type: ignore[arg-type]
        print(f"บันทึกรายงานประจำเดือน {report.period} ที่ {args.xlsx} แล้ว")
        return report
    if args.name == "roster":
        count = export_roster(db, args.xlsx, today=today)  # type: ignore[arg-type]
    else:
        count = export_terms_ending(db, args.xlsx, today=today, days=args.days)  # type: ignore[arg-type]
    print(f"บันทึก {args.xlsx} แล้ว ({count:,} คน)")
    return None


def run_package(args: argparse.Namespace) -> int:
    from asr_desktop.services.package import build_package

    db = open_database(args.db)
    year, month = args.month
    result = build_package(
        db,
        year=year,
        month=month,
        out_dir=args.out,
        data_dir=Path(args.db).resolve().parent,
        today=date.today(),
    )
    for f in result.files:
        print(f"{f.name}  {f.size:,} ไบต์  sha256={f.sha256}")
    if result.pdf_missing:
        print("หมายเหตุ: ยังไม่มีการส่งออก PDF ในรุ่นนี้ ชุดรายงานจึงมีเฉพาะไฟล์ Excel", file=sys.stderr)
    print(f"บันทึกชุดรายงานที่ {result.folder} และเก็บสำเนาไว้ที่ {result.frozen_copy} แล้ว")
    return EXIT_OK
