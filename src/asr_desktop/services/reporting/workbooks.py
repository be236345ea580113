"""Writing the workbooks for headquarters: roster register and terms-ending list.

The layout comes from a template (resources/templates, or the office's own copy in the
folder named by the ``template_folder`` setting); this module only supplies the values.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from asr_desktop.assets import resource_path
from asr_desktop.domain import areas
from asr_desktop.domain.national_id import shown_national_id
from asr_desktop.domain.progress import ProgressFn, no_progress
from asr_desktop.domain.settings import OfficeSettings
from asr_desktop.domain.thai_dates import fiscal_year, format_thai_date, format_thai_month
from asr_desktop.domain.vocabulary import ExitReason, Gender, Status, Tier
from asr_desktop.reports.excel.template import ReportTemplate, load_template
from asr_desktop.reports.excel.writer import Table, fill_template
from asr_desktop.services.privacy import log_full_ids
from asr_desktop.store import register
from asr_desktop.store.settings import load_settings

ROSTER_FIELDS = (
    "seq", "national_id", "title", "first_name", "last_name", "gender", "birth_date", "phone",
    "line_id", "house_no", "moo", "village", "soi", "road", "subdistrict", "district",
    "province", "postcode", "education", "occupation", "other_roles", "tier", "batch",
    "order_no", "order_date", "term_start", "term_end", "card_no", "status", "status_date",
    "exit_reason", "pdpa_consent_date", "mentor", "notes",
)  # fmt: skip
TERMS_ENDING_FIELDS = (
    "seq", "national_id", "full_name", "subdistrict", "district", "tier", "batch",
    "term_start", "term_end", "days_left", "phone",
)  # fmt: skip


def template_for(name: str, settings: OfficeSettings) -> ReportTemplate:
    """The office's own ``name`` (e.g. "roster.xlsx") if it has one, else the default."""
    folder = settings.template_folder.strip()
    if folder and (Path(folder) / name).is_file():
        return load_template(Path(folder) / name)
    return load_template(resource_path("templates", name))


def common_values(settings: OfficeSettings, today: date) -> dict[str, Any]:
    """Placeholders every template may use (README: "แม่แบบรายงาน Excel")."""
    return {
        "office": settings.office_name,
        "province": areas.province_name(settings.province_code),
        "office_address": settings.office_address,
        "office_phone": settings.office_phone,
        "preparer_name": settings.preparer_name or _BLANK_NAME,
        "preparer_position": settings.preparer_position,
        "approver_name": settings.approver_name or _BLANK_NAME,
        "approver_position": settings.approver_position,
        "as_of": today,
        # For programs (the ข้อมูลไฟล์ sheet): the DOPA code as text and the period, which
        # for a report as of a day is that day (the monthly workbook gives its month).
        "province_code": settings.province_code,
        "period": today.isoformat(),
        "as_of_th": format_thai_date(today, "long"),
        "fiscal_year": fiscal_year(today),
        "month_th": format_thai_month(today.year, today.month),
    }


_BLANK_NAME = "." * 40
"""Printed where a signatory's name is not set, so the form can be filled in by hand."""


@lru_cache(maxsize=20_000)
def _area_names(subdistrict_code: str) -> tuple[str, str, str]:
    return (
        areas.subdistrict_name(subdistrict_code),
        areas.district_name(subdistrict_code[:4]),
        areas.province_name(subdistrict_code[:2]),
    )


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


_GENDER = {g.value: g.label for g in Gender}
_TIER = {t.value: t.short_label for t in Tier}
_STATUS = {s.value: s.label for s in Status}
_EXIT = {r.value: r.label for r in ExitReason}


def roster_records(
    rows: Iterator[tuple[Any, ...]], *, full_ids: bool = False
) -> Iterator[tuple[Any, ...]]:
    """Register rows from the store as values in the order of ROSTER_FIELDS; national IDs
    masked unless ``full_ids``."""
    for seq, r in enumerate(rows, 1):
        (_, nid, title, first, last, gender, birth, phone, line_id, house_no, moo, village,
         soi, road, sub_code, _, postcode, education, occupation, other_roles, pdpa, notes,
         tier, batch, order_no, order_date, start, end, card_no, status, status_date,
         exit_reason, mentor) = r  # fmt: skip
        subdistrict, district, province = _area_names(sub_code)
        shows_event = status in ("exited", "suspended")
        yield (
            seq, shown_national_id(nid, full=full_ids), title, first, last,
            _GENDER.get(gender, ""), _date(birth), phone,
            line_id, house_no, moo, village, soi, road, subdistrict, district, province,
            postcode, education, occupation, other_roles, _TIER.get(tier, ""), batch or "",
            order_no or "", _date(order_date), _date(start), _date(end), card_no or "",
            _STATUS[status], _date(status_date) if shows_event else None,
            _EXIT.get(exit_reason, "") if status == "exited" else "", _date(pdpa), mentor, notes,
        )  # fmt: skip


def export_roster(
    db: Database,
    out: Path,
    *,
    today: date,
    full_ids: bool = False,
    progress: ProgressFn = no_progress,
) -> int:
    """Writes the roster register (ทะเบียน อสร.) and returns the number of volunteers.

    National IDs are masked unless ``full_ids``; a file with full IDs is recorded in the
    privacy log (who, when, what, how many people, its SHA-256).
    """
    settings = load_settings(db)
    count = register.register_count(db)
    rows = roster_records(register.register_rows(db, today=today), full_ids=full_ids)
    table = Table(ROSTER_FIELDS, rows, count=count)
    fill_template(
        template_for("roster.xlsx", settings),
        out,
        values=common_values(settings, today),
        tables={"roster": table},
        settings=settings,
        progress=progress,
    )
    if full_ids:
        log_full_ids(db, "ทะเบียน อสร. (Excel)", out, count)
    return count


def export_terms_ending(
    db: Database,
    out: Path,
    *,
    today: date,
    days: int = 90,
    full_ids: bool = False,
    progress: ProgressFn = no_progress,
) -> int:
    """Writes the list of volunteers whose term ends within ``days`` days (IDs masked
    unless ``full_ids``, which is recorded in the privacy log)."""
    settings = load_settings(db)
    rows = register.terms_ending_rows(db, today=today, until=today + timedelta(days=days))
    records = []
    for seq, r in enumerate(rows, 1):
        subdistrict, district, _ = _area_names(r[14])
        end = date.fromisoformat(r[27])
        records.append((
            seq, shown_national_id(r[1], full=full_ids), f"{r[2]}{r[3]} {r[4]}", subdistrict,
            district, _TIER.get(r[22], ""),
            r[23] or "", _date(r[26]), end, (end - today).days, r[7],
        ))  # fmt: skip
    values = common_values(settings, today) | {"days": days}
    fill_template(
        template_for("terms_ending.xlsx", settings),
        out,
        values=values,
        tables={"terms_ending": Table(TERMS_ENDING_FIELDS, records)},
        settings=settings,
        progress=progress,
    )
    if full_ids:
        log_full_ids(db, "รายชื่อผู้ที่ใกล้ครบวาระ (Excel)", out, len(records))
    return len(records)


COVERAGE_FIELDS = ("district", "subdistrict", "subdistrict_code", "covered", "leads", "network")


def export_coverage(
    db: Database, out: Path, *, today: date, progress: ProgressFn = no_progress
) -> int:
    """Writes the coverage workbook (tambons with and without a serving lead) as of today;
    returns the number of tambons."""
    from asr_desktop.services.reporting.coverage import coverage_rows

    settings = load_settings(db)
    rows = coverage_rows(db, today)
    values = common_values(settings, today) | {
        "coverage_covered": sum(1 for r in rows if r.covered),
        "coverage_total": len(rows),
    }
    records = [
        (
            r.district,
            r.subdistrict,
            r.subdistrict_code,
            "มี" if r.covered else "ไม่มี",
            r.leads,
            r.network,
        )
        for r in rows
    ]
    fill_template(
        template_for("coverage.xlsx", settings),
        out,
        values=values,
        tables={"coverage": Table(COVERAGE_FIELDS, records)},
        settings=settings,
        progress=progress,
    )
    return len(rows)
