"""Every report the office can produce, in one list the CLI and the Reports page share.

A report is named by a key ("roster", "monthly", "coverage", "expiring"), has a Thai title,
says which period it needs, and offers a PDF writer and/or an Excel writer. A writer runs
with its own database connection (it may run in a worker thread), reports progress through
a callback that may raise ``Cancelled``, and returns the number of pages (PDF) or rows
(Excel) it wrote.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from asr_desktop.domain.errors import InputError
from asr_desktop.domain.progress import ProgressFn
from asr_desktop.services.reporting.request import Period as Period
from asr_desktop.services.reporting.request import ReportRequest as ReportRequest

Writer = Callable[[Database, ReportRequest, Path, ProgressFn], int]


@dataclass(frozen=True, slots=True)
class ReportSpec:
    key: str
    title: str
    period: Period
    write_pdf: Writer | None = None
    write_xlsx: Writer | None = None
    description: str = ""
    national: bool = False
    """A headquarters report: its writers read a national database (headquarters mode)."""


def _roster_xlsx(db: Database, request: ReportRequest, out: Path, progress: ProgressFn) -> int:
    from asr_desktop.services.reporting.workbooks import export_roster

    return export_roster(
        db, out, today=request.today, full_ids=request.full_national_ids, progress=progress
    )


def _expiring_xlsx(db: Database, request: ReportRequest, out: Path, progress: ProgressFn) -> int:
    from asr_desktop.services.reporting.workbooks import export_terms_ending

    return export_terms_ending(
        db,
        out,
        today=request.today,
        days=request.days,
        full_ids=request.full_national_ids,
        progress=progress,
    )


def _coverage_xlsx(db: Database, request: ReportRequest, out: Path, progress: ProgressFn) -> int:
    from asr_desktop.services.reporting.workbooks import export_coverage

    return export_coverage(db, out, today=request.today, progress=progress)


def _monthly_xlsx(db: Database, request: ReportRequest, out: Path, progress: ProgressFn) -> int:
    from asr_desktop.services.reporting.monthly import build_monthly_report, write_monthly_workbook

    report = build_monthly_report(db, request.month_or_current)
    write_monthly_workbook(db, report, out, today=request.today, progress=progress)
    return len(report.districts)


def _national(kind: str) -> Writer:
    """A national report's writer over the national database ``db`` (headquarters mode)."""

    def write(db: Database, request: ReportRequest, out: Path, progress: ProgressFn) -> int:
        from asr_desktop.services.hq import national_reports
        from asr_desktop.services.hq.headquarters import Headquarters

        hq = Headquarters(Path(), db)
        writer = getattr(national_reports, f"write_national_{kind}")
        return int(writer(hq, request.month_or_current, out, request.today, progress))

    write.__name__ = f"national_{kind}"
    return write


def _pdf(name: str) -> Writer:
    """The PDF writer ``name`` of services/reporting/pdf_reports.py, imported when first used (the
    typesetting layer loads fonts and dictionaries)."""

    def write(db: Database, request: ReportRequest, out: Path, progress: ProgressFn) -> int:
        from asr_desktop.services.reporting import pdf_reports

        writer: Writer = getattr(pdf_reports, name)
        return writer(db, request, out, progress)

    write.__name__ = name
    return write


CATALOGUE: dict[str, ReportSpec] = {
    spec.key: spec
    for spec in (
        ReportSpec(
            "monthly",
            "รายงานผลการปฏิบัติงานประจำเดือน",
            Period.MONTH,
            write_pdf=_pdf("monthly_pdf"),
            write_xlsx=_monthly_xlsx,
            description="กิจกรรม ผู้รับบริการ การส่งต่อ การอบรม และความครอบคลุม แยกตามอำเภอ",
        ),
        ReportSpec(
            "roster",
            "ทะเบียนอาสาสมัครแรงงาน",
            Period.NONE,
            write_pdf=_pdf("roster_pdf"),
            write_xlsx=_roster_xlsx,
            description="รายชื่ออาสาสมัครทั้งหมด แยกตามอำเภอ",
        ),
        ReportSpec(
            "coverage",
            "รายงานความครอบคลุมพื้นที่",
            Period.NONE,
            write_pdf=_pdf("coverage_pdf"),
            write_xlsx=_coverage_xlsx,
            description="ตำบลที่มีและไม่มีแกนนำอาสาสมัครแรงงานที่ปฏิบัติหน้าที่",
        ),
        ReportSpec(
            "expiring",
            "รายชื่ออาสาสมัครที่จะครบวาระภายใน 90 วัน",
            Period.NONE,
            write_pdf=_pdf("expiring_pdf"),
            write_xlsx=_expiring_xlsx,
            description="สำหรับเตรียมการแต่งตั้งรุ่นใหม่",
        ),
        ReportSpec(
            "national",
            "รายงานผลการดำเนินงานอาสาสมัครแรงงานทั้งประเทศ",
            Period.MONTH,
            write_pdf=_national("pdf"),
            write_xlsx=_national("xlsx"),
            description="รายภาคและรายจังหวัด ความครอบคลุม ครบวาระ และการส่งรายงาน (ส่วนกลาง)",
            national=True,
        ),
    )
}
ALIASES = {"terms-ending": "expiring"}


def office_reports() -> list[ReportSpec]:
    return [spec for spec in CATALOGUE.values() if not spec.national]


def national_reports() -> list[ReportSpec]:
    return [spec for spec in CATALOGUE.values() if spec.national]


def report_spec(key: str) -> ReportSpec:
    """The report of a key (or an alias); InputError listing the known keys otherwise."""
    spec = CATALOGUE.get(ALIASES.get(key, key))
    if spec is None:
        raise InputError(f"ไม่รู้จักรายงาน {key!r} (มี: {', '.join(CATALOGUE)})")
    return spec
