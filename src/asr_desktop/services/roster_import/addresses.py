"""Addresses written by hand matched to DOPA subdistrict codes (geothai).

One cell ("12/3 หมู่ 4 บ้านโนนหอม ต.ธาตุเชิงชุม อ.เมือง จ.สกลนคร 47000") is split into its
parts first. ``geothai.match`` reads the short forms (ต. อ. จ., "เมือง"). A name that
matches nothing is a near miss: the closest names in the same district or province are
offered as candidates, and the row is refused until someone decides.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

import geothai

from asr_desktop.domain import areas
from asr_desktop.domain.errors import InputError
from asr_desktop.domain.thai_digits import to_arabic_digits

_PARTS = {
    "moo": re.compile(r"(?:หมู่ที่|หมู่|ม\.)\s*(\d+)"),
    "soi": re.compile(r"(?:ซอย|ซ\.)\s*(\S+)"),
    "road": re.compile(r"(?:ถนน|ถ\.)\s*(\S+)"),
    "subdistrict": re.compile(r"(?:ตำบล|ต\.|แขวง)\s*(\S+)"),
    "district": re.compile(r"(?:อำเภอ|อ\.|เขต)\s*(\S+)"),
    "province": re.compile(r"(?:จังหวัด|จ\.)\s*(\S+)"),
    "postcode": re.compile(r"(?<!\d)(\d{5})(?!\d)"),
    "village": re.compile(r"(?:หมู่บ้าน|บ้าน)\s*(\S+)"),
}
_HOUSE_NO = re.compile(r"^\s*(?:บ้านเลขที่|เลขที่)?\s*(\d+(?:/\d+)?)")


def split_address(text: str) -> dict[str, str]:
    """The parts of a one-cell address that could be recognised."""
    text = to_arabic_digits(text)
    parts: dict[str, str] = {}
    house = _HOUSE_NO.match(text)
    if house:
        parts["house_no"] = house.group(1)
    for key, pattern in _PARTS.items():
        found = pattern.search(text)
        if found:
            parts[key] = found.group(1)
    if "village" in parts and parts["village"].startswith(("เลขที่", "เลข")):
        del parts["village"]
    if "province" not in parts and ("กรุงเทพ" in text or "กทม" in text):
        parts["province"] = "กรุงเทพมหานคร"
    return parts


@dataclass(frozen=True, slots=True)
class AreaMatch:
    code: str
    postcodes: tuple[str, ...]


def _bare(name: str) -> str:
    return re.sub(r"^(ตำบล|ต\.|แขวง|อำเภอ|อ\.|เขต|จังหวัด|จ\.)\s*", "", name.strip())


@lru_cache(maxsize=50_000)
@lru_cache(maxsize=4096)
def match_area(subdistrict: str, district: str, province: str, postcode: str) -> AreaMatch:
    """The one subdistrict these names describe (cached: a roster names the same few
    hundred tambons over and over, and geothai's fuzzy match is the slow part of a row).

    Raises:
        InputError: no subdistrict given; none found (with the closest candidates); or
            several fit and the postcode does not tell them apart.
    """
    if not subdistrict.strip():
        raise InputError("ไม่มีชื่อตำบล", "subdistrict")
    found = geothai.match(subdistrict, district=district or None, province=province or None)
    if len(found) > 1 and postcode:
        narrowed = [a for a in found if postcode in a.subdistrict.postal_codes]
        found = narrowed or found
    if len(found) == 1:
        sub = found[0].subdistrict
        return AreaMatch(sub.code, tuple(sub.postal_codes))
    shown = " ".join(p for p in (subdistrict, district, province) if p)
    if found:
        options = ", ".join(
            f"{areas.subdistrict_label(a.subdistrict.code)} {areas.district_label(a.district.code)}"
            f" จ.{a.province.name_th}"
            for a in found[:5]
        )
        raise InputError(f"'{shown}' ตรงกับหลายตำบล: {options} กรุณาระบุอำเภอ/จังหวัด", "subdistrict")
    candidates = near_misses(subdistrict, district, province)
    hint = f" ใกล้เคียง: {', '.join(candidates)}" if candidates else ""
    raise InputError(f"ไม่พบตำบล '{shown}' ในทะเบียนกรมการปกครอง{hint}", "subdistrict")


def near_misses(subdistrict: str, district: str, province: str) -> list[str]:
    """Names of the subdistricts closest to a name that matched nothing: those of the
    district when it is known, else of the province."""
    province_code = _province_code(province)
    if not province_code:
        return []
    districts = geothai.districts(province_code)
    wanted = _bare(district)
    if wanted:
        chosen = [
            d for d in districts
            if wanted in (d.name_th, d.name_th.removeprefix("เมือง"))
            or (wanted == "เมือง" and d.code.endswith("01"))
        ]  # fmt: skip
        districts = chosen or districts
    pool: dict[str, str] = {}
    for d in districts:
        for sub in geothai.subdistricts(d.code):
            label = f"{areas.subdistrict_label(sub.code)} {areas.district_label(d.code)}"
            pool.setdefault(sub.name_th, label)
    names = difflib.get_close_matches(_bare(subdistrict), list(pool), n=3, cutoff=0.6)
    return [pool[n] for n in names]


def _province_code(name: str) -> str:
    bare = _bare(name)
    if not bare:
        return ""
    for code, province_name in areas.provinces():
        if bare in (province_name, code):
            return code
    if bare in ("กทม", "กทม."):
        return "10"
    return ""
