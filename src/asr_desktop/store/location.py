"""Refusing a database on a network share.

SQLite locks its file through the operating system, and those locks are not reliable over
SMB/CIFS or NFS: two computers can write at once and damage the file, and a dropped
connection mid-save can leave it half-written. The office keeps the database on the
local disk and copies backups to the share or a USB stick instead.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PurePath, PureWindowsPath

from asr_desktop.store.database import DatabaseError

NETWORK_FS_TYPES = frozenset(
    {"nfs", "nfs4", "cifs", "smbfs", "smb3", "ncpfs", "afs", "9p", "davfs", "sshfs"}
)
"""Linux file system types that live on another computer (``fuse.sshfs`` counts too)."""

_DRIVE_REMOTE = 4  # GetDriveTypeW: DRIVE_REMOTE


class NetworkLocationError(DatabaseError):
    """The database file is on a network share."""


def network_reason(path: Path) -> str | None:
    """Why ``path`` is on a network share (None when it is on a local disk)."""
    text = str(path)
    if text.startswith(("\\\\", "//")) and not text.startswith(("\\\\?\\", "\\\\.\\")):
        return "อยู่ในโฟลเดอร์ที่ใช้ร่วมกันผ่านเครือข่าย (UNC path)"
    if sys.platform == "win32":
        return _windows_reason(path)
    fs_type = filesystem_type(path)
    if fs_type is not None and is_network_fs(fs_type):
        return f"อยู่บนระบบไฟล์เครือข่าย ({fs_type})"
    return None


def is_network_fs(fs_type: str) -> bool:
    base = fs_type.lower().removeprefix("fuse.")
    return base in NETWORK_FS_TYPES or base.startswith("smb")


def check_local(path: Path) -> None:
    """Raises :class:`NetworkLocationError` with what to do when ``path`` is on a share."""
    reason = network_reason(path)
    if reason is None:
        return
    raise NetworkLocationError(
        f"ไม่เปิดฐานข้อมูล {path} เพราะไฟล์{reason}\n\n"
        "SQLite ล็อกไฟล์ผ่านเครือข่าย (SMB) ได้ไม่แน่นอน ถ้าสองเครื่องบันทึกพร้อมกันหรือเครือข่าย"
        "หลุดระหว่างบันทึก ไฟล์อาจเสียหายและข้อมูลสูญหายได้\n\n"
        "วิธีแก้: คัดลอกไฟล์ฐานข้อมูลมาไว้ในเครื่องนี้ (เช่น ในโฟลเดอร์ Documents) "
        "แล้วเปิดจากที่นั่น ส่วนโฟลเดอร์เครือข่ายหรือแฟลชไดรฟ์ให้ใช้เก็บสำเนาสำรอง "
        "(เมนู แฟ้ม → สำรองข้อมูลไปที่…)"
    )


def filesystem_type(path: Path, mounts_file: Path = Path("/proc/mounts")) -> str | None:
    """The type of the file system holding ``path``, from the longest matching mount point."""
    try:
        text = mounts_file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return filesystem_type_from_text(text, _existing_ancestor(path))


def filesystem_type_from_text(mounts: str, target: str) -> str | None:
    """Parses a /proc/mounts text for the mount holding the absolute path ``target``."""
    best: tuple[int, str] | None = None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point = _unescape_mount(fields[1])
        if _is_within(target, mount_point) and (best is None or len(mount_point) > best[0]):
            best = (len(mount_point), fields[2])
    return best[1] if best else None


def _existing_ancestor(path: Path) -> str:
    current = Path(os.path.abspath(path))
    while not current.exists() and current.parent != current:
        current = current.parent
    return os.path.realpath(current)


def _is_within(path: str, mount_point: str) -> bool:
    return path == mount_point or path.startswith(mount_point.rstrip("/") + "/")


def _unescape_mount(field: str) -> str:
    """/proc/mounts writes a space as ``\\040`` (and tab, newline, backslash likewise)."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def _windows_reason(path: Path) -> str | None:
    drive = PureWindowsPath(path).drive or PureWindowsPath(os.path.abspath(path)).drive
    if not drive or len(drive) != 2:
        return None
    if drive_type(drive) == _DRIVE_REMOTE:
        return f"อยู่บนไดรฟ์ {drive} ซึ่งเป็นไดรฟ์เครือข่ายที่แมปไว้"
    return None


def drive_type(drive: str | PurePath) -> int:
    """Windows' GetDriveTypeW for ``C:`` and the like (0 elsewhere or when unknown)."""
    if sys.platform != "win32":
        return 0
    import ctypes

    root = str(drive).rstrip("\\/") + "\\"
    return int(ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))
