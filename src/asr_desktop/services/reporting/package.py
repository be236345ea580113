"""The monthly package for headquarters (ส่งรายงานประจำเดือน): one signed zip file.

``asr_<province>_<พ.ศ. yyyy-mm>.zip`` holds the month's workbook and PDF, the month's data
(docs/PACKAGE_FORMAT.md) sealed to headquarters' public key, a manifest.json listing each
file's size and SHA-256, and the office's Ed25519 signature of the manifest. The office's
key pair is made on first use beside its database; its fingerprint is printed on the PDF
under the approver's signature, so the paper copy vouches for the key.

A frozen copy (the zip, and the files as they went in, with the data file readable to the
office) is kept in the data folder (``exports/`` next to the database) and recorded in the
export log, so the office can show later exactly what it sent and when. With
``folder_form`` the loose files are also written beside the zip.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from sqlite_utils import Database

from asr_desktop import __version__
from asr_desktop.domain import areas
from asr_desktop.domain.hq.package_format import (
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    SEALED_DATA,
    SIGNATURE,
    package_stem,
)
from asr_desktop.domain.month import Month
from asr_desktop.domain.progress import ProgressFn, no_progress
from asr_desktop.domain.settings import OfficeSettings
from asr_desktop.reports import output
from asr_desktop.reports.pdf.monthly_report import write_monthly_report
from asr_desktop.reports.pdf.sections import Imprint
from asr_desktop.services.hq import crypto
from asr_desktop.services.hq.package_data import package_data
from asr_desktop.services.reporting.monthly import build_monthly_report, write_monthly_workbook
from asr_desktop.services.reporting.pdf_reports import imprint_of
from asr_desktop.store.backup import database_file
from asr_desktop.store.export_log import ExportFile, record_export
from asr_desktop.store.private import private_folder
from asr_desktop.store.settings import load_settings

MANIFEST_NAME = MANIFEST
DATA_JSON = "data.json"
"""The data file as the office keeps it (readable) in its frozen copy."""


@dataclass(frozen=True, slots=True)
class PackageResult:
    export_id: int
    folder: Path
    package: Path
    """The signed zip file to send."""
    frozen_copy: Path
    files: tuple[ExportFile, ...]
    key_fingerprint: str


def _freeze(paths: tuple[Path, ...], frozen: Path) -> None:
    """Copies the package into a temporary folder, renamed to ``frozen`` once complete."""
    partial = frozen.with_name(frozen.name + ".partial")
    try:
        private_folder(frozen.parent)
        partial.mkdir(exist_ok=False, mode=0o700)
        for path in paths:
            shutil.copy2(path, partial / path.name)
        partial.rename(frozen)
    except OSError as exc:
        shutil.rmtree(partial, ignore_errors=True)
        raise output.output_error(frozen, exc) from exc


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def office_key_fingerprint(db: Database, data_dir: Path) -> str:
    key = crypto.office_signing_key(_key_anchor(db, data_dir))
    return crypto.fingerprint(crypto.raw_public(key.public_key()))


def _key_anchor(db: Database, data_dir: Path) -> Path:
    return database_file(db) or data_dir / "office.db"


def build_package(
    db: Database,
    *,
    month: Month,
    out_dir: Path,
    data_dir: Path,
    today: date,
    progress: ProgressFn = no_progress,
    now: datetime | None = None,
    folder_form: bool = False,
) -> PackageResult:
    """Writes ``asr_<province>_<พ.ศ. yyyy-mm>.zip`` into ``out_dir`` and records it.

    Args:
        data_dir: The office's data folder; the frozen copy goes to
            ``data_dir/exports/<period>_<timestamp>/``.
        now: When the package is made (its signed creation time); default the clock.
        folder_form: Also write the workbook, PDF and manifest beside the zip.
    """
    settings = load_settings(db)
    now = (now or datetime.now()).astimezone()
    signing_key = crypto.office_signing_key(_key_anchor(db, data_dir))
    signer_raw = crypto.raw_public(signing_key.public_key())
    key_fingerprint = crypto.fingerprint(signer_raw)
    hq_text, demo_key = crypto.hq_public_key_text(settings.hq_public_key)
    hq_key = crypto.hq_public_from_text(hq_text)

    report = build_monthly_report(db, month)
    stem = package_stem(settings.province_code, month.year, month.month)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".asr-package-", dir=out_dir) as tmp:
        work = Path(tmp)
        paths = [work / f"{stem}.xlsx", work / f"{stem}.pdf"]
        write_monthly_workbook(db, report, paths[0], today=today, progress=progress)
        write_monthly_report(paths[1], report, imprint=_imprint(settings, key_fingerprint),
                             progress=progress)  # fmt: skip
        data_json = json.dumps(package_data(db, report), ensure_ascii=False).encode("utf-8")
        (work / DATA_JSON).write_bytes(data_json)
        sealed = work / SEALED_DATA
        sealed.write_bytes(crypto.seal(zlib.compress(data_json, 6), hq_key))
        paths.append(sealed)
        files = [ExportFile(p.name, p.stat().st_size, sha256_of(p)) for p in paths]
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "office": settings.office_name,
            "province": {"code": settings.province_code,
                         "name": areas.province_name(settings.province_code)},
            "period": report.period,
            "period_th": f"{month.month:02d}/{month.be_year}",
            "created_at": now.isoformat(timespec="seconds"),
            "app": {"name": "ASR Desktop", "version": __version__},
            "signer": {"algorithm": "Ed25519", "public_key": crypto.b64(signer_raw),
                       "fingerprint": key_fingerprint},
            "sealed_to": crypto.fingerprint(crypto.raw_public(hq_key)),
            "sealed_to_demo_key": demo_key,
            "files": [{"name": f.name, "size": f.size, "sha256": f.sha256} for f in files],
            "record_counts": report.record_counts(),
            "pdf_included": True,
        }  # fmt: skip
        manifest_bytes = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode()
        manifest_path = work / MANIFEST
        manifest_path.write_bytes(manifest_bytes)
        (work / SIGNATURE).write_bytes(crypto.sign(signing_key, manifest_bytes))

        zip_tmp = work / f"{stem}.zip"
        with zipfile.ZipFile(zip_tmp, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in (MANIFEST, SIGNATURE, *(p.name for p in paths)):
                archive.write(work / name, name)
        package = out_dir / zip_tmp.name
        zip_file = ExportFile(package.name, zip_tmp.stat().st_size, sha256_of(zip_tmp))

        stamp = now.strftime("%Y%m%d-%H%M%S")
        frozen = data_dir / "exports" / f"{report.period}_{stamp}"
        kept = (zip_tmp.name, MANIFEST, SIGNATURE, DATA_JSON, paths[0].name, paths[1].name)
        _freeze(tuple(work / name for name in kept), frozen)
        if folder_form:
            for name in (MANIFEST, SIGNATURE, paths[0].name, paths[1].name):
                shutil.copy2(work / name, work / f"{name}.part")
                os.replace(work / f"{name}.part", out_dir / name)
        os.replace(zip_tmp, package)  # the finished file appears under its name at once
    export_id = record_export(
        db,
        kind="monthly_package",
        period=report.period,
        folder=str(out_dir.resolve()),
        frozen_copy=str(frozen.resolve()),
        manifest=manifest,
        manifest_sha256=hashlib.sha256(manifest_bytes).hexdigest(),
        files=[*files, zip_file],
    )
    return PackageResult(export_id, out_dir, package, frozen, (*files, zip_file), key_fingerprint)


def _imprint(settings: OfficeSettings, key_fingerprint: str) -> Imprint:
    """The office's imprint with the signing key's fingerprint under the approver."""
    imprint = imprint_of(settings)
    signatures = list(imprint.signatures)
    last = signatures[-1]
    groups = key_fingerprint.split()
    printed = " ".join(groups[:4]) + "\n" + " ".join(groups[4:])  # two lines of four groups
    signatures[-1] = replace(last, position=f"{last.position}\nรหัสกุญแจลงนามของสำนักงาน\n{printed}")
    return replace(imprint, signatures=tuple(signatures))
