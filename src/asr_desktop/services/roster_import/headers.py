"""Finding the header row under merged titles and recognising Thai header variants."""

from __future__ import annotations

import re
from typing import Any

from asr_desktop.domain.thai_digits import to_arabic_digits
from asr_desktop.domain.volunteer_fields import VOLUNTEER_FIELD_LABELS

HEADER_SEARCH_ROWS = 20

_VOLUNTEER = VOLUNTEER_FIELD_LABELS

FIELD_LABELS: dict[str, str] = {
    "seq": "ลำดับ",
    "national_id": _VOLUNTEER["national_id"],
    "title": _VOLUNTEER["title"],
    "full_name": "ชื่อ-สกุล (ช่องเดียว)",
    "first_name": _VOLUNTEER["first_name"],
    "last_name": _VOLUNTEER["last_name"],
    "gender": _VOLUNTEER["gender"],
    "birth_date": _VOLUNTEER["birth_date"],
    "age": "อายุ (ไม่นำเข้า)",
    "phone": _VOLUNTEER["phone"],
    "line_id": _VOLUNTEER["line_id"],
    "address": "ที่อยู่ (ช่องเดียว)",
    "house_no": _VOLUNTEER["house_no"],
    "moo": _VOLUNTEER["moo"],
    "village": _VOLUNTEER["village"],
    "soi": _VOLUNTEER["soi"],
    "road": _VOLUNTEER["road"],
    "subdistrict": _VOLUNTEER["subdistrict"],
    "district": _VOLUNTEER["district"],
    "province": _VOLUNTEER["province"],
    "postcode": _VOLUNTEER["postcode"],
    "education": _VOLUNTEER["education"],
    "occupation": _VOLUNTEER["occupation"],
    "other_roles": _VOLUNTEER["other_roles"],
    "tier": "ระดับ",
    "batch": "รุ่น",
    "order_no": "คำสั่งเลขที่",
    "order_date": "คำสั่งลงวันที่",
    "term_start": "วันเริ่มวาระ",
    "term_end": "วันสิ้นสุดวาระ",
    "card_no": "เลขที่บัตร อสร.",
    "status": "สถานะ",
    "status_date": "วันที่เปลี่ยนสถานะ",
    "exit_reason": "เหตุที่พ้นสภาพ",
    "pdpa_consent_date": _VOLUNTEER["pdpa_consent_date"],
    "mentor": "พี่เลี้ยง (ไม่นำเข้า)",
    "notes": _VOLUNTEER["notes"],
}
"""Every field a column can be mapped to, with the Thai label the preview shows: a field
of the volunteer's record in the words of domain.volunteer_fields (the form and the PDPA
export use them too); the rest are columns of an office's sheet that are not a field of
the record as such (a term, a status, one cell for the whole name or address), or that
are read and dropped ("ไม่นำเข้า"), and exist only here."""

IGNORED_FIELDS = frozenset({"seq", "age", "mentor"})

# Header texts as offices type them, compared after _normalise (no spaces, dots, dashes).
_VARIANTS: dict[str, tuple[str, ...]] = {
    "seq": ("ลำดับ", "ลำดับที่", "ที่", "no", "ลำดับที่"),
    "national_id": (
        "เลขประจำตัวประชาชน", "เลขบัตรประชาชน", "เลขบัตรประจำตัวประชาชน", "เลขประจำตัว",
        "บัตรประชาชน", "รหัสประจำตัวประชาชน", "เลข13หลัก", "idcard", "nationalid",
    ),
    "title": ("คำนำหน้า", "คำนำหน้าชื่อ", "คำนำ"),
    "full_name": (
        "ชื่อสกุล", "ชื่อนามสกุล", "ชื่อและนามสกุล", "ชื่อตัวชื่อสกุล", "ชื่อ–สกุล", "ชื่อ–นามสกุล",
        "ชื่อผู้สมัคร", "ชื่ออสร",
    ),
    "first_name": ("ชื่อ", "ชื่อตัว", "firstname"),
    "last_name": ("นามสกุล", "สกุล", "lastname"),
    "gender": ("เพศ",),
    "birth_date": ("วันเกิด", "วันเดือนปีเกิด", "วดปเกิด", "วันที่เกิด", "เกิดวันที่", "ปีเกิด"),
    "age": ("อายุ", "อายุปี"),
    "phone": (
        "โทรศัพท์", "เบอร์โทร", "เบอร์โทรศัพท์", "หมายเลขโทรศัพท์", "โทร", "มือถือ", "เบอร์มือถือ",
        "โทรศัพท์มือถือ", "phone",
    ),
    "line_id": ("line", "lineid", "ไลน์", "ไอดีไลน์"),
    "address": ("ที่อยู่", "ที่อยู่ตามทะเบียนบ้าน", "ที่อยู่ปัจจุบัน", "ที่อยู่ที่ติดต่อได้"),
    "house_no": ("บ้านเลขที่", "เลขที่"),
    "moo": ("หมู่", "หมู่ที่", "ม"),
    "village": ("หมู่บ้าน", "ชื่อหมู่บ้าน", "บ้าน"),
    "soi": ("ซอย", "ซ"),
    "road": ("ถนน", "ถ"),
    "subdistrict": ("ตำบล", "ต", "แขวง", "ตำบลแขวง"),
    "district": ("อำเภอ", "อ", "เขต", "อำเภอเขต"),
    "province": ("จังหวัด", "จ"),
    "postcode": ("รหัสไปรษณีย์", "ไปรษณีย์"),
    "education": ("การศึกษา", "วุฒิการศึกษา", "ระดับการศึกษา", "วุฒิ"),
    "occupation": ("อาชีพ",),
    "other_roles": ("บทบาทอื่น", "ตำแหน่งอื่น", "อาสาสมัครอื่น", "ตำแหน่งทางสังคม"),
    "tier": ("ระดับ", "ประเภท", "ประเภทอาสาสมัคร", "ประเภทอสร"),
    "batch": ("รุ่น", "รุ่นที่"),
    "order_no": ("คำสั่งเลขที่", "เลขที่คำสั่ง", "คำสั่งที่"),
    "order_date": ("คำสั่งลงวันที่", "ลงวันที่", "วันที่คำสั่ง", "วันที่ออกคำสั่ง"),
    "term_start": ("วันเริ่มวาระ", "วันที่แต่งตั้ง", "วันแต่งตั้ง", "เริ่มวาระ", "วันที่เริ่มวาระ"),
    "term_end": ("วันสิ้นสุดวาระ", "วาระสิ้นสุด", "สิ้นสุดวาระ", "ครบวาระ", "วันครบวาระ"),
    "card_no": ("เลขที่บัตรอสร", "เลขบัตรอสร", "เลขที่บัตร"),
    "status": ("สถานะ", "สถานภาพ"),
    "status_date": ("วันที่เปลี่ยนสถานะ", "วันที่พ้นสภาพ", "วันที่พ้นจากตำแหน่ง"),
    "exit_reason": ("เหตุที่พ้นสภาพ", "สาเหตุที่พ้นสภาพ", "เหตุผลที่พ้นสภาพ"),
    "pdpa_consent_date": ("วันที่ให้ความยินยอมpdpa", "วันที่ให้ความยินยอม", "pdpa"),
    "mentor": ("พี่เลี้ยง", "เจ้าหน้าที่พี่เลี้ยง"),
    "notes": ("หมายเหตุ", "อื่นๆ"),
}  # fmt: skip

_NOISE = re.compile(r"[\s.\-/()\u2010-\u2014:*]")
# A header may carry a hint after the name: "เลขประจำตัวประชาชน (13 หลัก)".
_MIN_PREFIX = 4
_PAIRS = sorted(
    ((_NOISE.sub("", v.lower()), field) for field, vs in _VARIANTS.items() for v in vs),
    key=lambda pair: -len(pair[0]),
)


_EXACT = {variant: field for variant, field in reversed(_PAIRS)}
_PREFIXES = [(v, f) for v, f in _PAIRS if len(v) >= _MIN_PREFIX]


def _normalise(text: str) -> str:
    return _NOISE.sub("", to_arabic_digits(text).lower())


def field_for_header(value: Any) -> str | None:
    """The field a header cell names, or None."""
    if not isinstance(value, str) or not value.strip():
        return None
    key = _normalise(value)
    if not key or len(key) > 40:
        return None
    exact = _EXACT.get(key)
    if exact is not None:
        return exact
    for variant, field in _PREFIXES:
        if key.startswith(variant):
            return field
    return None


def _row_mapping(row: list[Any]) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for column, value in enumerate(row):
        field = field_for_header(value)
        if field and field not in mapping.values():
            mapping[column] = field
    return mapping


def _usable(mapping: dict[int, str]) -> bool:
    fields = set(mapping.values())
    has_person = bool(fields & {"national_id", "full_name", "first_name"})
    return has_person and len(fields) >= 3


def find_header(rows: list[list[Any]]) -> tuple[int, dict[int, str]] | None:
    """Finds the header in the first 20 rows.

    Returns:
        (index of the first data row, {column index: field}), or None when no row looks
        like a roster header. A header split over two rows (a merged "ที่อยู่" above
        "บ้านเลขที่ | หมู่ | ตำบล …") is read as one.
    """
    best: tuple[int, dict[int, str]] | None = None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        mapping = _row_mapping(row)
        if best is None or len(mapping) > len(best[1]):
            best = (index, mapping)
    if best is None or not best[1]:
        return None
    index, mapping = best
    data_start = index + 1
    for neighbour in (index - 1, index + 1):
        if not 0 <= neighbour < len(rows):
            continue
        extra = _row_mapping(rows[neighbour])
        added = {
            c: f
            for c, f in extra.items()
            if (c not in mapping or mapping[c] == "address") and f not in mapping.values()
        }
        if neighbour == index + 1 and len(added) < 2:
            continue
        for column, field in added.items():
            if mapping.get(column) == "address":
                del mapping[column]
            mapping[column] = field
        if neighbour == index + 1:
            data_start = index + 2
    if not _usable(mapping):
        return None
    return data_start, dict(sorted(mapping.items()))


def is_header_like(row: list[Any], id_column: int | None) -> bool:
    """A header repeated further down (e.g. on every printed page): the ID column holds
    a header text. Only then is the whole row compared with the header variants."""
    if (
        id_column is not None
        and id_column < len(row)
        and field_for_header(row[id_column]) != "national_id"
    ):
        return False
    return len(_row_mapping(row)) >= 3
