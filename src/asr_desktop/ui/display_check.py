"""Before Qt starts on Linux: is every system library its X11 (xcb) platform needs here?

Without one of them Qt prints an English hint and aborts the process, which a clerk
cannot act on. The pip wheel brings Qt but not these system libraries (Debian/Ubuntu:
libxcb-cursor0, libxkbcommon-x11-0 and friends), so the app loads Qt's xcb plugin
itself first and, when the loader refuses, names the missing library and its package.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import sys
from pathlib import Path


def _xcb_libraries() -> list[Path]:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return []
    qt = Path(spec.origin).parent / "Qt"
    return [qt / "lib" / "libQt6XcbQpa.so.6", qt / "plugins" / "platforms" / "libqxcb.so"]


def debian_package(library: str) -> str:
    """The Debian/Ubuntu package that ships a shared library, by Debian's naming rule:
    ``libxcb-cursor.so.0`` → ``libxcb-cursor0``, ``libxkbcommon-x11.so.0`` →
    ``libxkbcommon-x11-0``, ``libEGL.so.1`` → ``libegl1``."""
    match = re.fullmatch(r"(.+?)\.so\.(\d+)(?:\..*)?", library)
    if not match:
        return library
    name, version = match.group(1).lower(), match.group(2)
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def missing_display_library() -> str | None:
    """A Thai message naming the missing system library, or None when Qt can start."""
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None  # offscreen, wayland …: not the xcb plugin
    if not platform and os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("DISPLAY"):
        return None
    for path in _xcb_libraries():
        if not path.exists():
            continue
        try:
            ctypes.CDLL(str(path), mode=ctypes.RTLD_LOCAL)
        except OSError as exc:
            library = str(exc).split(":", 1)[0].strip()
            library = Path(library).name if library else path.name
            return (
                f"asr-desktop: เปิดหน้าต่างโปรแกรมไม่ได้ เพราะเครื่องนี้ไม่มีไลบรารี {library} "
                "ที่ Qt ใช้แสดงผลบน X11 (xcb)\n"
                f"บน Debian/Ubuntu ติดตั้งด้วย: sudo apt install {debian_package(library)}\n"
                f"(รายละเอียด: {exc})"
            )
    return None
