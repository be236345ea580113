"""The monthly package file (format 1): names, limits and the schema of its contents.

A package is one zip file ``asr_<province>_<พ.ศ. yyyy-mm>.zip`` holding exactly:

- ``manifest.json``: format, province, period, the office's public signing key, the
  fingerprint of the headquarters key the data is sealed to, and every other file's name,
  size and SHA-256;
- ``manifest.sig``: the Ed25519 signature of the exact bytes of ``manifest.json``;
- ``data.sealed``: the month's data (:data:`DATA_FORMAT`, JSON, zlib-compressed) sealed
  to headquarters' public key;
- the month's workbook (``.xlsx``) and PDF, named like the package.

docs/PACKAGE_FORMAT.md documents every field. The validators here take parsed JSON (any
Python value, from anyone) and return typed records or raise :class:`PackageError` with a
one-line Thai reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from asr_desktop.domain.errors import AsrError

FORMAT = "asr-monthly-package"
DATA_FORMAT = "asr-monthly-data"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
SEALED_DATA = "data.sealed"

# Bounds checked before anything is read or decompressed.
MAX_PACKAGE_BYTES = 50 * 1024 * 1024
MAX_MEMBERS = 8
MAX_MANIFEST_BYTES = 256 * 1024
MAX_SIGNATURE_BYTES = 1024
MAX_MEMBER_BYTES = 40 * 1024 * 1024
MAX_TOTAL_BYTES = 80 * 1024 * 1024
MAX_DATA_BYTES = 64 * 1024 * 1024
"""The data JSON once opened and decompressed (150,000 people fit in about 30 MB)."""
MAX_RATIO = 200
"""Uncompressed/compressed size above which a member is taken for a zip bomb."""

MAX_COUNT = 10_000_000
MAX_TEXT = 500
MAX_ROWS = 200_000

STATUSES = ("active", "suspended", "term_ended", "exited")
TIERS = ("lead", "network")
AGENCIES = ("ops", "doe", "dsd", "dlpw", "sso")
REFERRAL_OUTCOMES = ("referred", "in_progress", "served", "not_served")
TOTAL_KEYS = (
    "districts",
    "volunteers_serving",
    "tambons",
    "tambons_covered",
    "appointed",
    "exited",
    "activities",
    "referrals",
    "events",
)
DISTRICT_KEYS = (
    "tambons",
    "covered",
    "leads",
    "network",
    "appointed",
    "exited",
    "activities",
    "reached_male",
    "reached_female",
    "referrals",
)

_PACKAGE_NAME = re.compile(r"asr_(\d{2})_(\d{4})-(\d{2})\.zip")
_PERIOD = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_B64_KEY = re.compile(r"[A-Za-z0-9+/]{43}=")


class PackageError(AsrError):
    """A package is refused; ``message`` is the one-line Thai reason."""


def package_stem(province_code: str, year: int, month: int) -> str:
    """ "asr_47_2568-10" for สกลนคร, October 2025: the name a clerk can read (พ.ศ.)."""
    return f"asr_{province_code}_{year + 543:04d}-{month:02d}"


def parse_package_name(name: str) -> tuple[str, int, int] | None:
    """(province code, CE year, month) of a package file name, None when it has another."""
    match = _PACKAGE_NAME.fullmatch(name)
    if not match:
        return None
    return match.group(1), int(match.group(2)) - 543, int(match.group(3))


@dataclass(frozen=True, slots=True)
class ManifestFile:
    name: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class Manifest:
    province_code: str
    period: str
    created_at: datetime
    signer_key: str
    """The office's Ed25519 public key, raw 32 bytes in base64."""
    sealed_to: str
    """Fingerprint of the headquarters key the data file is sealed to."""
    files: tuple[ManifestFile, ...]
    app_version: str


def _fail(reason: str) -> PackageError:
    return PackageError(reason)


def _obj(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(f"ข้อมูลไม่ตรงแบบ: {what} ต้องเป็นออบเจกต์")
    return value


def _text(obj: dict[str, Any], key: str, what: str, *, empty: bool = True) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or len(value) > MAX_TEXT or (not empty and not value):
        raise _fail(f"ข้อมูลไม่ตรงแบบ: {what}.{key} ต้องเป็นข้อความ")
    return value


def _count(obj: dict[str, Any], key: str, what: str) -> int:
    value = obj.get(key)
    if type(value) is not int or not 0 <= value <= MAX_COUNT:
        raise _fail(f"ข้อมูลไม่ตรงแบบ: {what}.{key} ต้องเป็นจำนวนเต็มไม่ติดลบ")
    return value


def _list(obj: dict[str, Any], key: str, what: str) -> list[Any]:
    value = obj.get(key)
    if not isinstance(value, list) or len(value) > MAX_ROWS:
        raise _fail(f"ข้อมูลไม่ตรงแบบ: {what}.{key} ต้องเป็นรายการ")
    return value


def _province(value: Any, what: str) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"\d{2}", value):
        raise _fail(f"ข้อมูลไม่ตรงแบบ: {what} ต้องเป็นรหัสจังหวัด 2 หลัก")
    return value


def _period(value: Any, what: str) -> str:
    if not isinstance(value, str) or not _PERIOD.fullmatch(value):
        raise _fail(f"ข้อมูลไม่ตรงแบบ: {what} ต้องเป็นเดือนแบบ 2025-10")
    return value


def _date(value: Any, what: str, *, optional: bool = False) -> date | None:
    if value is None and optional:
        return None
    try:
        if not isinstance(value, str) or len(value) != 10:
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(f"ข้อมูลไม่ตรงแบบ: {what} ต้องเป็นวันที่แบบ 2025-10-31") from None


def _check_format(obj: dict[str, Any], expected: str) -> None:
    if obj.get("format") != expected:
        raise _fail(f"ไม่ใช่ไฟล์รายงานของโปรแกรม (format ต้องเป็น {expected})")
    version = obj.get("format_version")
    if version != FORMAT_VERSION:
        raise _fail(
            f"รูปแบบรายงานรุ่น {version!r} โปรแกรมนี้อ่านได้เฉพาะรุ่น {FORMAT_VERSION} "
            "กรุณาปรับปรุงโปรแกรมให้ตรงกัน"
        )


def check_manifest(value: Any) -> Manifest:
    """A parsed ``manifest.json`` checked against format 1."""
    obj = _obj(value, "manifest")
    _check_format(obj, FORMAT)
    province = _obj(obj.get("province"), "manifest.province")
    code = _province(province.get("code"), "manifest.province.code")
    period = _period(obj.get("period"), "manifest.period")
    try:
        created = datetime.fromisoformat(_text(obj, "created_at", "manifest", empty=False))
    except ValueError:
        raise _fail("ข้อมูลไม่ตรงแบบ: manifest.created_at ต้องเป็นวันเวลา") from None
    signer = _obj(obj.get("signer"), "manifest.signer")
    key = _text(signer, "public_key", "manifest.signer", empty=False)
    if not _B64_KEY.fullmatch(key):
        raise _fail("ข้อมูลไม่ตรงแบบ: manifest.signer.public_key ไม่ใช่กุญแจ Ed25519")
    sealed_to = _text(obj, "sealed_to", "manifest", empty=False)
    files_value = _list(obj, "files", "manifest")
    if len(files_value) > MAX_MEMBERS:
        raise _fail("manifest ระบุไฟล์มากเกินไป")
    files = []
    for item in files_value:
        entry = _obj(item, "manifest.files[]")
        name = _text(entry, "name", "manifest.files[]", empty=False)
        digest = _text(entry, "sha256", "manifest.files[]", empty=False)
        if not _HEX64.fullmatch(digest):
            raise _fail(f"ข้อมูลไม่ตรงแบบ: sha256 ของ {name} ไม่ถูกต้อง")
        files.append(ManifestFile(name, _count(entry, "size", "manifest.files[]"), digest))
    names = [f.name for f in files]
    if len(set(names)) != len(names):
        raise _fail("manifest ระบุไฟล์ชื่อซ้ำกัน")
    if SEALED_DATA not in names:
        raise _fail(f"manifest ไม่มีไฟล์ข้อมูล {SEALED_DATA}")
    stem = package_stem(code, int(period[:4]), int(period[5:]))
    for name in names:
        if name not in (SEALED_DATA, f"{stem}.xlsx", f"{stem}.pdf"):
            raise _fail(f"manifest ระบุไฟล์ที่ไม่รู้จัก: {name[:60]}")
    app = obj.get("app")
    version = app.get("version") if isinstance(app, dict) else ""
    return Manifest(
        code, period, created, key, sealed_to, tuple(files), str(version)[:40] if version else ""
    )


# -- the data file ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DistrictFigures:
    district_code: str
    figures: dict[str, int]


@dataclass(frozen=True, slots=True)
class RosterEntry:
    national_id: str
    title: str
    first_name: str
    last_name: str
    subdistrict_code: str
    tier: str | None
    status: str
    term_start: date | None
    term_end: date | None
    mentor_agency: str

    @property
    def name(self) -> str:
        return f"{self.title}{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True, slots=True)
class PackageData:
    province_code: str
    period: str
    as_of: date
    totals: dict[str, int]
    districts: tuple[DistrictFigures, ...]
    coverage: tuple[tuple[str, int, int], ...]
    """(subdistrict code, serving leads, serving network members)."""
    activities_by_agency: dict[str, int]
    """Activities by agency code ("" for none), from the mission sheet."""
    referrals_by_agency: dict[str, dict[str, int]]
    events: tuple[tuple[date, str, int], ...]
    """(date, title, attendees)."""
    roster: tuple[RosterEntry, ...]


def _thirteen(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"\d{13}", value):
        raise _fail("ข้อมูลไม่ตรงแบบ: เลขประจำตัวประชาชนต้องเป็นตัวเลข 13 หลัก")
    return value


def check_data(value: Any) -> PackageData:
    """A parsed data file checked against format 1: every figure a non-negative integer,
    every code of the province, every status and tier known."""
    obj = _obj(value, "data")
    _check_format(obj, DATA_FORMAT)
    code = _province(obj.get("province_code"), "data.province_code")
    period = _period(obj.get("period"), "data.period")
    as_of = _date(obj.get("as_of"), "data.as_of")
    assert as_of is not None
    totals_obj = _obj(obj.get("totals"), "data.totals")
    totals = {k: _count(totals_obj, k, "data.totals") for k in TOTAL_KEYS}
    sheets = _obj(obj.get("sheets"), "data.sheets")

    districts = []
    for item in _list(sheets, "districts", "sheets"):
        row = _obj(item, "sheets.districts[]")
        dcode = _text(row, "district_code", "sheets.districts[]")
        if not (len(dcode) == 4 and dcode.isdigit() and dcode.startswith(code)):
            raise _fail(f"ข้อมูลไม่ตรงแบบ: อำเภอ {dcode[:10]!r} ไม่อยู่ในจังหวัด {code}")
        districts.append(
            DistrictFigures(dcode, {k: _count(row, k, "sheets.districts[]") for k in DISTRICT_KEYS})
        )

    coverage = []
    for item in _list(sheets, "coverage", "sheets"):
        row = _obj(item, "sheets.coverage[]")
        scode = _subdistrict(row.get("subdistrict_code"), code)
        coverage.append(
            (scode, _count(row, "leads", "sheets.coverage[]"), _count(row, "network", "coverage"))
        )

    by_agency: dict[str, int] = {}
    for item in _list(sheets, "missions", "sheets"):
        row = _obj(item, "sheets.missions[]")
        _text(row, "mission", "sheets.missions[]")
        agencies = _obj(row.get("by_agency"), "sheets.missions[].by_agency")
        for agency in agencies:
            if agency not in (*AGENCIES, ""):
                raise _fail(f"ข้อมูลไม่ตรงแบบ: ไม่รู้จักหน่วยงาน {str(agency)[:10]!r}")
            by_agency[agency] = by_agency.get(agency, 0) + _count(agencies, agency, "by_agency")

    referrals: dict[str, dict[str, int]] = {}
    for item in _list(sheets, "referrals", "sheets"):
        row = _obj(item, "sheets.referrals[]")
        agency = _text(row, "agency", "sheets.referrals[]")
        if agency not in AGENCIES:
            raise _fail(f"ข้อมูลไม่ตรงแบบ: ไม่รู้จักหน่วยงาน {agency[:10]!r}")
        outcomes = _obj(row.get("by_outcome"), "sheets.referrals[].by_outcome")
        referrals[agency] = {o: _count(outcomes, o, "by_outcome") for o in REFERRAL_OUTCOMES}

    events = []
    for item in _list(sheets, "events", "sheets"):
        row = _obj(item, "sheets.events[]")
        day = _date(row.get("date"), "sheets.events[].date")
        assert day is not None
        events.append((day, _text(row, "title", "events[]"), _count(row, "attendees", "events[]")))

    roster = []
    seen: set[str] = set()
    for item in _list(obj, "roster", "data"):
        row = _obj(item, "roster[]")
        nid = _thirteen(row.get("national_id"))
        if nid in seen:
            raise _fail(f"ข้อมูลไม่ตรงแบบ: เลขประจำตัวประชาชน {nid} ซ้ำในทะเบียน")
        seen.add(nid)
        status = row.get("status")
        tier = row.get("tier")
        mentor_agency = row.get("mentor_agency")
        if status not in STATUSES:
            raise _fail(f"ข้อมูลไม่ตรงแบบ: สถานะ {str(status)[:20]!r} ไม่รู้จัก")
        if tier is not None and tier not in TIERS:
            raise _fail(f"ข้อมูลไม่ตรงแบบ: ระดับ {str(tier)[:20]!r} ไม่รู้จัก")
        if mentor_agency not in (*AGENCIES, ""):
            raise _fail(f"ข้อมูลไม่ตรงแบบ: หน่วยงานพี่เลี้ยง {str(mentor_agency)[:20]!r} ไม่รู้จัก")
        roster.append(
            RosterEntry(
                nid,
                _text(row, "title", "roster[]"),
                _text(row, "first_name", "roster[]", empty=False),
                _text(row, "last_name", "roster[]"),
                _subdistrict(row.get("subdistrict_code"), code, allow_empty=True),
                tier,
                status,
                _date(row.get("term_start"), "roster[].term_start", optional=True),
                _date(row.get("term_end"), "roster[].term_end", optional=True),
                mentor_agency,
            )
        )
    return PackageData(
        code,
        period,
        as_of,
        totals,
        tuple(districts),
        tuple(coverage),
        by_agency,
        referrals,
        tuple(events),
        tuple(roster),
    )


def _subdistrict(value: Any, province_code: str, *, allow_empty: bool = False) -> str:
    if allow_empty and value == "":
        return ""
    if not (
        isinstance(value, str)
        and len(value) == 6
        and value.isdigit()
        and value.startswith(province_code)
    ):
        raise _fail(f"ข้อมูลไม่ตรงแบบ: ตำบล {str(value)[:10]!r} ไม่อยู่ในจังหวัด {province_code}")
    return value
