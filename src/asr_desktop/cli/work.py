"""Commands for the volunteers' work: dashboard, activities."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from asr_desktop.cli.office import open_office
from asr_desktop.cli.output import FORMATS, date_arg, json_value, month_arg, print_rows
from asr_desktop.domain.inactivity import inactive_label


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    dashboard = subparsers.add_parser("dashboard", help="ตัวเลขสรุปของหน้าหลัก")
    dashboard.add_argument(
        "--date", type=date_arg, default=None, help="วันที่ เช่น 2569-11-24 (ปี < 2400 คือ ค.ศ.)"
    )
    dashboard.add_argument("--format", choices=("table", "json"), default="table")
    dashboard.set_defaults(run=run_dashboard)

    activities = subparsers.add_parser(
        "activities", help="ผลการปฏิบัติงานของเดือน แยกตามอำเภอ ภารกิจ และหน่วยงาน"
    )
    activities.add_argument(
        "--month", required=True, type=month_arg, help="เดือน พ.ศ. เช่น 2568-10 (ปี < 2400 คือ ค.ศ.)"
    )
    activities.add_argument("--format", choices=FORMATS, default="table")
    activities.set_defaults(run=run_activities)


def run_dashboard(args: argparse.Namespace) -> int:
    from asr_desktop.services.reporting.dashboard import compute_dashboard

    db = open_office(args).db
    figures = compute_dashboard(db, args.date or date.today())
    if args.format == "json":
        json.dump(figures.as_json(), sys.stdout, ensure_ascii=False, indent=2, default=json_value)
        sys.stdout.write("\n")
        return 0
    lines = [
        ("อาสาสมัครที่ปฏิบัติหน้าที่", f"{figures.active_volunteers:,}"),
        ("  แกนนำระดับตำบล", f"{figures.active_leads:,}"),
        ("  เครือข่าย", f"{figures.active_network:,}"),
        (
            "ตำบลที่มีแกนนำ",
            f"{figures.tambons_covered:,} จาก {figures.tambons_total:,} "
            f"({figures.coverage_percent:.1f}%)",
        ),
        ("วาระสิ้นสุดใน 30 วัน", f"{figures.terms_ending_30d:,}"),
        ("วาระสิ้นสุดใน 60 วัน", f"{figures.terms_ending_60d:,}"),
        ("วาระสิ้นสุดใน 90 วัน", f"{figures.terms_ending_90d:,}"),
        (inactive_label(figures.today), f"{figures.inactive_3m:,}"),
        ("การส่งต่อที่เลยกำหนดติดตาม", f"{figures.referrals_overdue:,}"),
        (
            "ผลการปฏิบัติงานเดือนนี้ (เดือนก่อน)",
            f"{figures.activities_this_month:,} ({figures.activities_last_month:,})",
        ),
    ]
    print_rows(
        [{"figure": k, "value": v} for k, v in lines],
        [("figure", "รายการ"), ("value", "จำนวน")],
        "table",
    )
    return 0


def run_activities(args: argparse.Namespace) -> int:
    from asr_desktop.services.activities import ActivityService

    db = open_office(args).db
    rows: list[dict[str, Any]] = ActivityService(db).month_report(args.month)
    columns = [
        ("district_name", "อำเภอ"),
        ("mission_label", "ภารกิจ"),
        ("agency_label", "หน่วยงาน"),
        ("activities", "จำนวนครั้ง"),
        ("people_male", "ชาย"),
        ("people_female", "หญิง"),
        ("people_total", "รวม"),
    ]
    if args.format == "table":
        print(f"ผลการปฏิบัติงาน {args.month.thai()}")
        if rows:
            total = {
                "district_name": "รวม",
                **{k: sum(int(r[k]) for r in rows) for k, _ in columns[3:]},
            }
            rows = [*rows, total]
    print_rows(rows, columns, args.format)
    return 0
