"""Reading one package file as hostile input: every check before anything is trusted.

The order matters: sizes are bounded before anything is read or decompressed; the
manifest's signature is checked before its file list is believed; every file's size and
SHA-256 are checked before the data file is opened; the data file is opened with
headquarters' private key, decompressed within a bound and checked against the schema.
Nothing is extracted to disk and no member name is ever used as a path. Any failure
raises :class:`PackageError` with a one-line Thai reason.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
import zlib
from dataclasses import dataclass
from datetime import UTC, timedelta, timezone
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from asr_desktop.domain import areas
from asr_desktop.domain.hq.package_format import (
    MANIFEST,
    MAX_DATA_BYTES,
    MAX_MANIFEST_BYTES,
    MAX_MEMBER_BYTES,
    MAX_MEMBERS,
    MAX_PACKAGE_BYTES,
    MAX_RATIO,
    MAX_SIGNATURE_BYTES,
    MAX_TOTAL_BYTES,
    SEALED_DATA,
    SIGNATURE,
    Manifest,
    PackageData,
    PackageError,
    check_data,
    check_manifest,
    parse_package_name,
)
from asr_desktop.services.hq import crypto

THAI_TIME = timezone(timedelta(hours=7))


@dataclass(frozen=True, slots=True)
class VerifiedPackage:
    file_name: str
    size: int
    sha256: str
    manifest: Manifest
    manifest_json: dict[str, Any]
    data: PackageData

    @property
    def created_utc(self) -> str:
        created = self.manifest.created_at
        if created.tzinfo is None:
            created = created.replace(tzinfo=THAI_TIME)
        return created.astimezone(UTC).isoformat(timespec="seconds")


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:,.0f} MB"


def _check_members(infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
    if len(infos) > MAX_MEMBERS:
        raise PackageError(f"ไฟล์ zip มีไฟล์ข้างใน {len(infos):,} ไฟล์ มากกว่าที่ชุดรายงานมี ({MAX_MEMBERS})")
    members: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        if "/" in name or "\\" in name or ".." in name or ":" in name or not name.isprintable():
            raise PackageError(f"ไฟล์ zip มีชื่อไฟล์ที่ไม่ปลอดภัย: {name[:60]!r}")
        if name in members:
            raise PackageError(f"ไฟล์ zip มีไฟล์ชื่อ {name[:60]} ซ้ำกัน")
        if info.flag_bits & 0x1:
            raise PackageError("ไฟล์ zip มีการเข้ารหัสด้วยรหัสผ่าน ซึ่งชุดรายงานไม่ใช้")
        limit = {MANIFEST: MAX_MANIFEST_BYTES, SIGNATURE: MAX_SIGNATURE_BYTES}.get(
            name, MAX_MEMBER_BYTES
        )
        if info.file_size > limit:
            raise PackageError(f"ไฟล์ {name[:60]} ในชุดรายงานใหญ่เกินกำหนด ({_mb(info.file_size)})")
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise PackageError(f"ไฟล์ {name[:60]} ถูกบีบอัดผิดปกติ (อาจเป็น zip bomb)")
        total += info.file_size
        members[name] = info
    if total > MAX_TOTAL_BYTES:
        raise PackageError(f"ไฟล์ในชุดรายงานรวมกันใหญ่เกินกำหนด ({_mb(total)})")
    for required in (MANIFEST, SIGNATURE):
        if required not in members:
            raise PackageError(f"ไม่ใช่ชุดรายงานที่ลงนามแล้ว: ไม่มีไฟล์ {required}")
    return members


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """At most ``limit`` bytes of a member, whatever its header says; CRC checked."""
    try:
        with archive.open(info) as stream:
            data = stream.read(limit + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        raise PackageError(f"อ่านไฟล์ {info.filename[:60]} ในชุดรายงานไม่ได้ ไฟล์เสียหาย ({exc})") from exc
    if len(data) > limit:
        raise PackageError(f"ไฟล์ {info.filename[:60]} ใหญ่กว่าที่ระบุไว้ในไฟล์ zip")
    return data


def _json(data: bytes, what: str) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise PackageError(f"{what} ไม่ใช่ JSON ที่ถูกต้อง") from None


def read_package(
    path: Path, hq_key: X25519PrivateKey, *, content: bytes | None = None
) -> VerifiedPackage:
    """Checks one package file completely; the verified contents or PackageError."""
    try:
        size = path.stat().st_size if content is None else len(content)
    except OSError as exc:
        raise PackageError(f"เปิดไฟล์ไม่ได้ ({exc.strerror or exc})") from exc
    if size > MAX_PACKAGE_BYTES:
        raise PackageError(f"ไฟล์ใหญ่เกินกว่าชุดรายงาน ({_mb(size)} เกิน {_mb(MAX_PACKAGE_BYTES)})")
    if content is None:
        try:
            content = path.read_bytes()
        except OSError as exc:
            raise PackageError(f"อ่านไฟล์ไม่ได้ ({exc.strerror or exc})") from exc
    sha256 = hashlib.sha256(content).hexdigest()
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, ValueError, NotImplementedError) as exc:
        raise PackageError(f"ไม่ใช่ไฟล์ชุดรายงาน (ไม่ใช่ไฟล์ zip ที่อ่านได้: {exc})") from None
    with archive:
        members = _check_members(archive.infolist())
        manifest_bytes = _read(archive, members[MANIFEST], MAX_MANIFEST_BYTES)
        signature = _read(archive, members[SIGNATURE], MAX_SIGNATURE_BYTES)
        manifest_json = _json(manifest_bytes, "manifest.json")
        manifest = check_manifest(manifest_json)
        if not crypto.verify(manifest.signer_key, signature, manifest_bytes):
            raise PackageError("ลายมือชื่อดิจิทัลไม่ตรงกับ manifest (ไฟล์ถูกแก้ไขหลังลงนาม หรือลงนามข้อมูลอื่น)")
        listed = {f.name for f in manifest.files}
        extra = set(members) - listed - {MANIFEST, SIGNATURE}
        missing = listed - set(members)
        if extra or missing:
            names = ", ".join(sorted(extra | missing))[:120]
            raise PackageError(f"ไฟล์ในชุดรายงานไม่ตรงกับ manifest ({names})")
        contents: dict[str, bytes] = {}
        for entry in manifest.files:
            info = members[entry.name]
            if info.file_size != entry.size:
                raise PackageError(f"ขนาดไฟล์ {entry.name} ไม่ตรงกับที่ manifest ระบุ")
            data = _read(archive, info, min(entry.size, MAX_MEMBER_BYTES))
            if len(data) != entry.size or hashlib.sha256(data).hexdigest() != entry.sha256:
                raise PackageError(f"ไฟล์ {entry.name} ไม่ตรงกับค่า SHA-256 ใน manifest (ถูกแก้ไข)")
            contents[entry.name] = data
    own = crypto.fingerprint(crypto.raw_public(hq_key.public_key()))
    if manifest.sealed_to != own:
        raise PackageError(
            f"ข้อมูลปิดผนึกไว้สำหรับกุญแจ {manifest.sealed_to[:40]} ไม่ใช่กุญแจของส่วนกลางนี้ ({own})"
        )
    compressed = crypto.open_sealed(contents[SEALED_DATA], hq_key)
    try:
        inflater = zlib.decompressobj()
        plain = inflater.decompress(compressed, MAX_DATA_BYTES + 1)
    except zlib.error:
        raise PackageError("ไฟล์ข้อมูลเสียหาย (คลายการบีบอัดไม่ได้)") from None
    if len(plain) > MAX_DATA_BYTES or inflater.unconsumed_tail:
        raise PackageError(f"ไฟล์ข้อมูลใหญ่เกินกำหนด (เกิน {_mb(MAX_DATA_BYTES)} เมื่อคลายการบีบอัด)")
    checked = check_data(_json(plain, "ไฟล์ข้อมูล"))
    _check_identity(path.name, manifest, checked)
    return VerifiedPackage(path.name, size, sha256, manifest, manifest_json, checked)


def _check_identity(file_name: str, manifest: Manifest, data: PackageData) -> None:
    if not areas.province_name(manifest.province_code):
        raise PackageError(f"ไม่รู้จักรหัสจังหวัด {manifest.province_code}")
    if (data.province_code, data.period) != (manifest.province_code, manifest.period):
        raise PackageError(
            f"ข้อมูลเป็นของจังหวัด {data.province_code} เดือน {data.period} "
            f"แต่ manifest ระบุจังหวัด {manifest.province_code} เดือน {manifest.period}"
        )
    named = parse_package_name(file_name)
    if named is not None:
        code, year, month = named
        if (code, f"{year:04d}-{month:02d}") != (manifest.province_code, manifest.period):
            raise PackageError(
                f"ชื่อไฟล์ {file_name} ไม่ตรงกับจังหวัดและเดือนในชุดรายงาน "
                f"({manifest.province_code} {manifest.period})"
            )
