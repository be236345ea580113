"""The printed reports (PDF): each writer reads the database, prepares the rows as printed
and hands them to its layout in reports/pdf.

Writers have the catalogue's signature ``(db, request, out, progress) -> pages``.
``progress`` may raise :class:`~asr_desktop.domain.progress.Cancelled`; nothing is written
then (the layout writes the file only once the whole PDF is ready).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from asr_desktop.assets import title_table
from asr_desktop.domain import areas
from asr_desktop.domain.errors import InputError
from asr_desktop.domain.national_id import format_national_id, mask_national_id
from asr_desktop.domain.phone import format_phone
from asr_desktop.domain.progress import ProgressFn
from asr_desktop.domain.settings import OfficeSettings
from asr_desktop.domain.thai_dates import format_thai_date
from asr_desktop.domain.titles import printed_name
from asr_desktop.domain.vocabulary import Status, Tier
from asr_desktop.reports.pdf.coverage_report import DistrictCoverageLine, write_coverage_report
from asr_desktop.reports.pdf.document import Margins, Signature
from asr_desktop.reports.pdf.expiring_report import ExpiringEntry, write_expiring_report
from asr_desktop.reports.pdf.monthly_report import write_monthly_report
from asr_desktop.reports.pdf.roster_register import RegisterEntry, write_roster_register
from asr_desktop.reports.pdf.sections import Imprint
from asr_desktop.services.privacy import log_full_ids
from asr_desktop.services.reporting.dashboard import district_coverage, uncovered_tambons
from asr_desktop.services.reporting.monthly import build_monthly_report
from asr_desktop.store import register
from asr_desktop.store.settings import load_settings

if TYPE_CHECKING:
    from asr_desktop.services.reporting.request import ReportRequest

_BLANK_NAME = "." * 36
_TIER = {t.value: t.short_label for t in Tier}
_STATUS = {s.value: s.label for s in Status}


PREPARER_ROLE = "ผู้รายงาน"
APPROVER_ROLE = "ผู้รับรอง"


def imprint_of(settings: OfficeSettings) -> Imprint:
    """Office name, the preparer's and approver's signature blocks, the digits setting and
    the page margins."""
    return Imprint(
        settings.office_name,
        (
            Signature(
                settings.preparer_name or _BLANK_NAME,
                settings.preparer_position or "ผู้จัดทำ",
                PREPARER_ROLE,
            ),
            Signature(
                settings.approver_name or _BLANK_NAME,
                settings.approver_position or APPROVER_ROLE,
                APPROVER_ROLE,
            ),
        ),
        settings.thai_digits_in_print,
        margins_of(settings),
    )


def margins_of(settings: OfficeSettings) -> Margins:
    return Margins.from_mm(
        settings.margin_left_mm,
        settings.margin_right_mm,
        settings.margin_top_mm,
        settings.margin_bottom_mm,
    )


def printed_phone(stored: object) -> str:
    """A phone as every printed document shows it (081-234-5678, 042-712345); a number
    that breaks today's rules prints as it was typed, never raising."""
    if not stored:
        return ""
    try:
        return format_phone(str(stored))
    except InputError:
        return str(stored)


def printed_national_id(nid: str, *, full: bool) -> str:
    """Masked (x-xxxx-xxxxx-12-3) unless ``full``; a malformed stored value prints as is
    when full and as a blank mask otherwise, never raising."""
    try:
        return format_national_id(nid) if full else mask_national_id(nid)
    except InputError:
        return nid if full else "x-xxxx-xxxxx-xx-x"


def _as_of(today: date) -> str:
    return f"ข้อมูล ณ วันที่ {format_thai_date(today, 'long')}"


def _place_lines(settings: OfficeSettings, district_code: str) -> list[str]:
    province = "จังหวัด" + areas.province_name(settings.province_code)
    if province == "จังหวัดกรุงเทพมหานคร":
        province = "กรุงเทพมหานคร"
    if district_code:
        return [f"{areas.district_label(district_code)} {province}"]
    return [province]


def _check_district(settings: OfficeSettings, district_code: str) -> None:
    if district_code and district_code not in dict(areas.districts(settings.province_code)):
        raise InputError(f"ไม่มีอำเภอรหัส {district_code} ในจังหวัดของสำนักงาน", "district")


@lru_cache(maxsize=10_000)
def _subdistrict(code: str) -> str:
    return areas.subdistrict_name(code) if code else ""


def _name(row: tuple[Any, ...], settings: OfficeSettings) -> str:
    """Title, first and last name of a register row, the title in the form print asks for."""
    return printed_name(
        row[2], row[3], row[4], short_titles=settings.short_titles_in_print, table=title_table()
    )


def _register_groups(
    rows: Iterator[tuple[Any, ...]], settings: OfficeSettings, *, full_ids: bool
) -> Iterator[tuple[str, list[RegisterEntry]]]:
    """Register rows (store.register order) as (district heading, entries).

    People whose district is not one of the province's (or not recorded) come last, in
    one group of their own that says so, never mixed in with the office's districts.
    """
    province_code = settings.province_code
    own = {code for code, _ in areas.districts(province_code)} if province_code else None
    outside: list[RegisterEntry] = []
    for district_code, block in groupby(rows, key=lambda r: r[15]):
        entries = [
            RegisterEntry(
                name=_name(r, settings),
                national_id=printed_national_id(r[1], full=full_ids),
                subdistrict=_subdistrict(r[14]),
                tier=_TIER.get(r[22] or "", ""),
                status=_STATUS.get(r[29], ""),
            )
            for r in block
        ]
        if own is not None and district_code not in own:
            outside += entries
            continue
        heading = areas.district_label(district_code) if district_code else "ไม่ระบุอำเภอ"
        yield heading, entries
    if outside:
        yield outside_heading(province_code), outside


def outside_heading(province_code: str) -> str:
    """The heading of the group of people outside the province (counted apart)."""
    return f"มีภูมิลำเนานอกจังหวัด{areas.province_name(province_code)}หรือไม่ระบุอำเภอ (นับแยก)"


def roster_pdf(db: Database, request: ReportRequest, out: Path, progress: ProgressFn) -> int:
    settings = load_settings(db)
    _check_district(settings, request.district_code)
    rows = register.register_rows(db, today=request.today, district_code=request.district_code)
    districts = list(_register_groups(rows, settings, full_ids=request.full_national_ids))
    count = sum(len(entries) for _, entries in districts)
    outside = sum(len(e) for h, e in districts if h == outside_heading(settings.province_code))
    outside_line = (
        [f"ในจำนวนนี้มีภูมิลำเนานอกจังหวัดหรือไม่ระบุอำเภอ {outside:,} คน แสดงแยกไว้ท้ายทะเบียน"]
        if outside
        else []
    )
    pages = write_roster_register(
        out,
        districts,
        imprint=imprint_of(settings),
        as_of_text=_as_of(request.today),
        subtitle_lines=[
            *_place_lines(settings, request.district_code),
            f"{_as_of(request.today)}  จำนวน {count:,} คน",
            *outside_line,
        ],
        progress=progress,
    )
    if request.full_national_ids:
        log_full_ids(db, "ทะเบียน อสร. (PDF)", out, count)
    return pages


def expiring_pdf(db: Database, request: ReportRequest, out: Path, progress: ProgressFn) -> int:
    settings = load_settings(db)
    _check_district(settings, request.district_code)
    today = request.today
    rows = register.terms_ending_rows(
        db,
        today=today,
        until=today + timedelta(days=request.days),
        district_code=request.district_code,
    )
    entries = []
    for r in rows:
        end = date.fromisoformat(r[27])
        entries.append(
            ExpiringEntry(
                name=_name(r, settings),
                national_id=printed_national_id(r[1], full=request.full_national_ids),
                subdistrict=_subdistrict(r[14]),
                district=areas.district_name(r[15]) if r[15] else "",
                tier=_TIER.get(r[22] or "", ""),
                term_end=format_thai_date(end),
                days_left=(end - today).days,
                phone=printed_phone(r[7]),
            )
        )
    pages = write_expiring_report(
        out,
        entries,
        imprint=imprint_of(settings),
        days=request.days,
        as_of_text=_as_of(today),
        subtitle_lines=[*_place_lines(settings, request.district_code), _as_of(today)],
        progress=progress,
    )
    if request.full_national_ids:
        log_full_ids(db, "รายชื่อผู้ที่ใกล้ครบวาระ (PDF)", out, len(entries))
    return pages


def coverage_pdf(db: Database, request: ReportRequest, out: Path, progress: ProgressFn) -> int:
    settings = load_settings(db)
    _check_district(settings, request.district_code)
    wanted = request.district_code
    lines = [
        DistrictCoverageLine(c.district_name, c.tambons_total, c.tambons_covered)
        for c in district_coverage(db, request.today)
        if not wanted or c.district_code == wanted
    ]
    uncovered = [
        (t[1][:4], t[0], t[2], t[1])
        for t in uncovered_tambons(db, request.today)
        if not wanted or t[1].startswith(wanted)
    ]
    groups = [
        (areas.district_label(code), [(name, tambon) for _, _, name, tambon in block])
        for code, block in groupby(uncovered, key=lambda t: t[0])
    ]
    return write_coverage_report(
        out,
        lines,
        groups,
        imprint=imprint_of(settings),
        as_of_text=_as_of(request.today),
        subtitle_lines=[*_place_lines(settings, wanted), _as_of(request.today)],
        progress=progress,
    )


def monthly_pdf(db: Database, request: ReportRequest, out: Path, progress: ProgressFn) -> int:
    settings = load_settings(db)
    report = build_monthly_report(db, request.month_or_current)
    return write_monthly_report(out, report, imprint=imprint_of(settings), progress=progress)
