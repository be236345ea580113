"""Office settings, declared once: name, type and default in :class:`OfficeSettings`,
Thai label and help in ``_LABELS``.

The store saves them as key/value text; the settings dialog builds its form from
:data:`SETTINGS`; services and reports read an :class:`OfficeSettings`. A new setting is a
new field plus its label.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class OfficeSettings:
    """A typed snapshot of every setting."""

    province_code: str = ""
    office_name: str = ""
    office_address: str = ""
    office_phone: str = ""
    preparer_name: str = ""
    preparer_position: str = ""
    approver_name: str = ""
    approver_position: str = "แรงงานจังหวัด"
    term_years: int = 3
    regulation: str = "ระเบียบกระทรวงแรงงานว่าด้วยอาสาสมัครแรงงาน พ.ศ. 2548"
    thai_digits_in_print: bool = False
    short_titles_in_print: bool = False
    report_font: str = "Sarabun"
    excel_dates_as_text: bool = False
    template_folder: str = ""
    margin_left_mm: int = 30
    margin_right_mm: int = 20
    margin_top_mm: int = 25
    margin_bottom_mm: int = 20
    signin_phones: bool = False


_LABELS: dict[str, tuple[str, str]] = {
    "province_code": ("จังหวัด", "รหัสจังหวัดตามกรมการปกครอง 2 หลัก"),
    "office_name": ("ชื่อสำนักงาน", "เช่น สำนักงานแรงงานจังหวัดสกลนคร"),
    "office_address": ("ที่อยู่สำนักงาน", ""),
    "office_phone": ("โทรศัพท์สำนักงาน", ""),
    "preparer_name": ("ผู้จัดทำรายงาน", "ชื่อที่พิมพ์ใต้ลายมือชื่อผู้จัดทำ"),
    "preparer_position": ("ตำแหน่งผู้จัดทำ", ""),
    "approver_name": ("ผู้รับรองรายงาน", "ชื่อที่พิมพ์ใต้ลายมือชื่อผู้รับรอง"),
    "approver_position": ("ตำแหน่งผู้รับรอง", ""),
    "term_years": ("วาระการดำรงตำแหน่ง (ปี)", "ใช้คำนวณวันสิ้นสุดวาระเมื่อเพิ่มวาระใหม่"),
    "regulation": ("ระเบียบที่ใช้", ""),
    "thai_digits_in_print": ("ใช้เลขไทยในเอกสารพิมพ์", "ตารางยังใช้เลขอารบิกได้"),
    "short_titles_in_print": (
        "ใช้คำนำหน้าชื่อแบบย่อในรายงานและบัตร",
        "เช่น ร.ต.อ.หญิง แทน ร้อยตำรวจเอกหญิง, นพ. แทน นายแพทย์, น.ส. แทน นางสาว",
    ),
    "report_font": (
        "แบบอักษรในรายงาน Excel",
        "Sarabun (ติดตั้งมากับโปรแกรม) หรือ TH SarabunPSK ถ้าเครื่องที่เปิดไฟล์มีแบบอักษรนี้",
    ),
    "template_folder": (
        "โฟลเดอร์แม่แบบรายงาน Excel ของสำนักงาน",
        "ถ้ามีไฟล์ชื่อเดียวกับแม่แบบมาตรฐาน (roster.xlsx, monthly.xlsx, terms_ending.xlsx, coverage.xlsx) "
        "ในโฟลเดอร์นี้ จะใช้ไฟล์ของสำนักงานแทน",
    ),
    "margin_left_mm": ("ขอบกระดาษซ้าย (มม.)", "หนังสือราชการใช้ 30 มม. (ด้านเย็บเล่ม)"),
    "margin_right_mm": ("ขอบกระดาษขวา (มม.)", "หนังสือราชการใช้ 20 มม."),
    "margin_top_mm": ("ขอบกระดาษบน (มม.)", "หนังสือราชการใช้ 25 มม."),
    "margin_bottom_mm": ("ขอบกระดาษล่าง (มม.)", "หนังสือราชการใช้ 20 มม."),
    "signin_phones": (
        "พิมพ์หมายเลขโทรศัพท์ในใบลงชื่อ",
        "ปิดไว้: ใบลงชื่อไม่แสดงหมายเลขโทรศัพท์ของผู้เข้าร่วมให้ผู้อื่นเห็น",
    ),
    "excel_dates_as_text": (
        "วันที่ในไฟล์ Excel เป็นข้อความ",
        "ปิดไว้: เป็นวันที่จริงที่แสดงเป็น พ.ศ. (เรียงและคำนวณได้) เปิด: เป็นข้อความ เช่น 5 ต.ค. 2568",
    ),
}


# Settings that take one of a few values; the settings form offers them in a list.
_CHOICES: dict[str, tuple[str, ...]] = {
    "report_font": ("Sarabun", "TH SarabunPSK"),
}


@dataclass(frozen=True, slots=True)
class Setting:
    key: str
    type: type
    default: Any
    label: str
    help: str
    choices: tuple[str, ...] = ()


SETTINGS: tuple[Setting, ...] = tuple(
    Setting(f.name, type(f.default), f.default, *_LABELS[f.name], _CHOICES.get(f.name, ()))
    for f in dataclasses.fields(OfficeSettings)
)
SETTINGS_BY_KEY = {s.key: s for s in SETTINGS}


def parse_setting(key: str, text: str | None) -> Any:
    """Turns a stored text value back into the setting's type (the default when missing)."""
    setting = SETTINGS_BY_KEY[key]
    if text is None:
        return setting.default
    if setting.type is bool:
        return text == "1"
    return setting.type(text)


def format_setting(key: str, value: Any) -> str:
    """The text a setting is stored as."""
    setting = SETTINGS_BY_KEY[key]
    if setting.type is bool:
        return "1" if value else "0"
    return str(setting.type(value))


def settings_from_texts(texts: dict[str, str]) -> OfficeSettings:
    """Builds the typed snapshot from stored texts; unknown keys are ignored."""
    return OfficeSettings(**{s.key: parse_setting(s.key, texts.get(s.key)) for s in SETTINGS})
