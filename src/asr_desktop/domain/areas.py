"""DOPA areas (province → district → subdistrict) by code, from the geothai package.

Codes are stored; names are shown. Names are looked up here so that no other module
needs to know where they come from.
"""

from __future__ import annotations

import geothai


def province_name(code: str) -> str:
    found = geothai.province(code)
    return found.name_th if found else ""


def district_name(code: str) -> str:
    found = geothai.district(code)
    return found.name_th if found else ""


def subdistrict_name(code: str) -> str:
    found = geothai.subdistrict(code)
    return found.name_th if found else ""


def provinces() -> list[tuple[str, str]]:
    """(code, Thai name) of all 77 provinces, by code."""
    return [(p.code, p.name_th) for p in geothai.provinces()]


def districts(province_code: str) -> list[tuple[str, str]]:
    return [(d.code, d.name_th) for d in geothai.districts(province_code)]


def subdistricts(district_code: str) -> list[tuple[str, str]]:
    return [(s.code, s.name_th) for s in geothai.subdistricts(district_code)]


def postcodes(subdistrict_code: str) -> tuple[str, ...]:
    found = geothai.subdistrict(subdistrict_code)
    return tuple(found.postal_codes) if found else ()


def is_subdistrict(code: str) -> bool:
    return geothai.subdistrict(code) is not None


def district_label(code: str) -> str:
    """'อำเภอ…' outside Bangkok, 'เขต…' in Bangkok (province 10).

    DOPA's names of Bangkok districts already begin with เขต ("เขตพระนคร").
    """
    name = district_name(code)
    prefix = "เขต" if code.startswith("10") else "อำเภอ"
    return name if name.startswith(prefix) else prefix + name


def subdistrict_label(code: str) -> str:
    """'ตำบล…' outside Bangkok, 'แขวง…' in Bangkok."""
    return ("แขวง" if code.startswith("10") else "ตำบล") + subdistrict_name(code)


def subdistrict_count(province_code: str) -> int:
    """The number of tambons in a province: the denominator of coverage."""
    return sum(len(geothai.subdistricts(d.code)) for d in geothai.districts(province_code))
