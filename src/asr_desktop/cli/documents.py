"""Commands for documents for people: ID cards, an event's sign-in sheet and certificates."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from pathlib import Path

from asr_desktop.cli.office import open_office
from asr_desktop.reports.output import output_error


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cards = subparsers.add_parser(
        "cards", help="บัตรประจำตัวอาสาสมัครแรงงาน (PDF, หน้าละ 10 ใบ) ของผู้ที่อยู่ในวาระ"
    )
    cards.add_argument("--pdf", type=Path, required=True, help="ไฟล์ PDF ที่จะสร้าง")
    cards.add_argument("--district", type=_district, help="รหัสอำเภอ 4 หลัก เช่น 4701")
    cards.set_defaults(run=run_cards)

    event = subparsers.add_parser("event", help="ใบลงชื่อและเกียรติบัตรของกิจกรรม (PDF)")
    event.add_argument("event_id", type=int, metavar="ID", help="รหัสกิจกรรม")
    event.add_argument("--signin-pdf", type=Path, help="ใบลงชื่อผู้เข้าร่วม")
    event.add_argument("--certificates-pdf", type=Path, help="เกียรติบัตรของผู้ที่เข้าร่วม")
    event.set_defaults(run=run_event, parser=event)

    certificate = subparsers.add_parser(
        "certificate", help="ตรวจเลขที่เกียรติบัตร (ออกให้ใคร ในกิจกรรมใด)"
    )
    certificate.add_argument("serial", metavar="SERIAL", help="เช่น 47-0012-V00345")
    certificate.set_defaults(run=run_certificate)


def _district(text: str) -> str:
    if not re.fullmatch(r"\d{4}", text):
        raise argparse.ArgumentTypeError(f"รหัสอำเภอต้องเป็นตัวเลข 4 หลัก เช่น 4701: {text!r}")
    return text


def run_cards(args: argparse.Namespace) -> int:
    from asr_desktop.services.reporting.documents import (
        WithheldCard,
        withheld_lines,
        write_id_cards,
    )

    db = open_office(args).db
    withheld: list[WithheldCard] = []
    count = _writing(
        args.pdf,
        lambda: write_id_cards(db, args.pdf, district_code=args.district, withheld=withheld),
    )
    print(f"สร้างบัตร {count:,} ใบ ไปที่ {args.pdf}")
    if withheld:
        print(f"ไม่ได้พิมพ์บัตร {len(withheld):,} คน (ข้อมูลบัตรยังไม่ครบ):")
        for line in withheld_lines(withheld):
            print(f"  {line}")
    return 0


def run_event(args: argparse.Namespace) -> int:
    from asr_desktop.services.reporting.documents import write_certificates, write_signin_sheet

    if args.signin_pdf is None and args.certificates_pdf is None:
        args.parser.error("ระบุ --signin-pdf OUT.pdf หรือ --certificates-pdf OUT.pdf อย่างน้อยหนึ่งอย่าง")
    db = open_office(args).db
    if args.signin_pdf is not None:
        pages = _writing(
            args.signin_pdf, lambda: write_signin_sheet(db, args.event_id, args.signin_pdf)
        )
        print(f"สร้างใบลงชื่อ {pages:,} หน้า ไปที่ {args.signin_pdf}")
    if args.certificates_pdf is not None:
        count = _writing(
            args.certificates_pdf,
            lambda: write_certificates(db, args.event_id, args.certificates_pdf),
        )
        print(f"สร้างเกียรติบัตร {count:,} ใบ ไปที่ {args.certificates_pdf}")
    return 0


def run_certificate(args: argparse.Namespace) -> int:
    from asr_desktop.services.certificates import certificate_holder

    # Not a serial or none issued: the Thai reason on stderr, exit 1 (cli.main).
    print(certificate_holder(open_office(args).db, args.serial).describe())
    return 0


def _writing(path: Path, write: Callable[[], int]) -> int:
    """Run ``write``; a file that cannot be written becomes one Thai line (exit 1)."""
    try:
        return write()
    except OSError as exc:
        raise output_error(path, exc) from exc
