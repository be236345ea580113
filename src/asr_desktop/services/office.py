"""Setting up an office database and changing its settings."""

from __future__ import annotations

import dataclasses

from sqlite_utils import Database

from asr_desktop.domain import areas
from asr_desktop.domain.errors import InputError
from asr_desktop.domain.settings import OfficeSettings
from asr_desktop.store.settings import load_settings, save_settings


def default_office_name(province_code: str) -> str:
    return f"สำนักงานแรงงานจังหวัด{areas.province_name(province_code)}"


def init_office(db: Database, province_code: str, office_name: str = "") -> OfficeSettings:
    """Records the province and office name of a new database."""
    if not areas.province_name(province_code):
        raise InputError(f"ไม่พบรหัสจังหวัด {province_code!r} (ต้องเป็นรหัส 2 หลัก เช่น 47)")
    settings = dataclasses.replace(
        load_settings(db),
        province_code=province_code,
        office_name=office_name.strip() or default_office_name(province_code),
    )
    save_settings(db, settings)
    return settings


def update_settings(db: Database, settings: OfficeSettings) -> None:
    problems = []
    if not areas.province_name(settings.province_code):
        problems.append("กรุณาเลือกจังหวัด")
    if not settings.office_name.strip():
        problems.append("กรุณากรอกชื่อสำนักงาน")
    if not 1 <= settings.term_years <= 10:
        problems.append("วาระต้องอยู่ระหว่าง 1 ถึง 10 ปี")
    if problems:
        raise InputError("; ".join(problems))
    save_settings(db, settings)
