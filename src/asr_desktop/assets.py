"""Where the files that ship with the app (fonts, templates, icons) are found.

In a source checkout they sit in the top-level ``resources/`` folder; an installed wheel
carries the same folder as ``asr_desktop/_resources``; a frozen build sets ``sys._MEIPASS``.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from asr_desktop.domain.titles import TitleTable

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The folder that holds fonts/, templates/ and icons/."""
    candidates = [
        _PACKAGE_DIR / "_resources",
        _PACKAGE_DIR.parent.parent / "resources",
    ]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.insert(0, Path(frozen_root) / "asr_desktop" / "_resources")
    for candidate in candidates:
        if (candidate / "fonts").is_dir():
            return candidate
    raise FileNotFoundError("resources folder not found next to the asr_desktop package")


def resource_path(*parts: str) -> Path:
    """A file in the resources folder: ``resource_path("fonts", "Sarabun-Regular.ttf")``."""
    return resources_dir().joinpath(*parts)


FONT_FILES = {
    "regular": "Sarabun-Regular.ttf",
    "bold": "Sarabun-Bold.ttf",
    "italic": "Sarabun-Italic.ttf",
    "bold_italic": "Sarabun-BoldItalic.ttf",
}


def font_path(style: str = "regular") -> Path:
    """The Sarabun font file of a style: regular, bold, italic or bold_italic."""
    return resource_path("fonts", FONT_FILES[style])


@cache
def title_table() -> TitleTable:
    """Every Thai name title the app knows (resources/titles/thai_titles.csv), read once."""
    return TitleTable.load(resource_path("titles", "thai_titles.csv"))
