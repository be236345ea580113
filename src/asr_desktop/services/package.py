"""The monthly package for headquarters (ส่งรายงานประจำเดือน).

Writes the month's workbook and PDF report to the chosen
folder with a manifest.json listing each file's size and SHA-256, then keeps a frozen copy
of the whole package in the data folder (``exports/`` next to the database) and records it
in the export log, so the office can show later exactly what it sent and when.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlite_utils import Database

from asr_desktop import __version__
from asr_desktop.domain import areas
from asr_desktop.domain.progress import ProgressFn, no_progress
from asr_desktop.reports import output
from asr_desktop.reports.pdf.monthly_report import write_monthly_report
from asr_desktop.services.monthly import build_monthly_report, write_monthly_workbook
from asr_desktop.services.pdf_reports import imprint_of
from asr_desktop.store.export_log import ExportFile, record_export
from asr_desktop.store.private import private_folder
from asr_desktop.store.settings import load_settings

MANIFEST_NAME = "manifest.json"


@dataclass(frozen=True, slots=True)
class PackageResult:
    export_id: int
    folder: Path
    frozen_copy: Path
    files: tuple[ExportFile, ...]


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


def build_package(
    db: Database,
    *,
    year: int,
    month: int,
    out_dir: Path,
    data_dir: Path,
    today: date,
    progress: ProgressFn = no_progress,
) -> PackageResult:
    """Writes the package into ``out_dir`` and records it.

    Args:
        data_dir: The office's data folder; the frozen copy goes to
            ``data_dir/exports/<period>_<timestamp>/``.
    """
    settings = load_settings(db)
    report = build_monthly_report(db, year, month)
    stem = f"asr_{settings.province_code}_{report.period}"
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / f"{stem}.xlsx", out_dir / f"{stem}.pdf"]
    manifest_path = out_dir / MANIFEST_NAME
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    frozen = data_dir / "exports" / f"{report.period}_{stamp}"
    # Each file is written whole (temporary name, then rename); if a later one fails, the
    # earlier ones are taken away again so the folder never holds half a package.
    written: list[Path] = []
    try:
        write_monthly_workbook(db, report, paths[0], today=today, progress=progress)
        written.append(paths[0])
        try:
            write_monthly_report(paths[1], report, imprint=imprint_of(settings), progress=progress)
        except OSError as exc:
            raise output.output_error(paths[1], exc) from exc
        written.append(paths[1])
        files = [ExportFile(p.name, p.stat().st_size, sha256_of(p)) for p in paths]
        manifest = {
            "office": settings.office_name,
            "province": {"code": settings.province_code,
                         "name": areas.province_name(settings.province_code)},
            "period": report.period,
            "period_th": f"{month:02d}/{year + 543}",
            "created_at": datetime.now().isoformat(timespec="seconds"),
            "app": {"name": "ASR Desktop", "version": __version__},
            "files": [{"name": f.name, "size": f.size, "sha256": f.sha256} for f in files],
            "record_counts": report.record_counts(),
            "pdf_included": True,
        }  # fmt: skip
        output.write_text(manifest_path, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
        written.append(manifest_path)
        _freeze((*paths, manifest_path), frozen)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    export_id = record_export(
        db,
        kind="monthly_package",
        period=report.period,
        folder=str(out_dir.resolve()),
        frozen_copy=str(frozen.resolve()),
        manifest=manifest,
        manifest_sha256=sha256_of(manifest_path),
        files=files,
    )
    return PackageResult(export_id, out_dir, frozen, tuple(files))
