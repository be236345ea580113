"""Reading generated PDFs back in tests."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pypdf


def pypdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def pdftotext_pages(path: Path) -> list[str] | None:
    """Each page's text by poppler's pdftotext, or None where it is not installed."""
    if shutil.which("pdftotext") is None:
        return None
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    ).stdout
    return text.split("\f")[:-1]


def extractions(path: Path) -> dict[str, list[str]]:
    """The page texts as each available extractor sees them."""
    found = {"pypdf": pypdf_pages(path)}
    poppler = pdftotext_pages(path)
    if poppler is not None:
        found["pdftotext"] = poppler
    return found
