"""Writing an output file whole or not at all, with a Thai reason when the disk says no.

Every file the app writes for people (workbooks, packages, personal-data exports, reject
workbooks) goes to a temporary name in the target's own folder and is renamed into place
only once it is complete, so a full disk, a locked target or a kill never leaves a
truncated or empty file under the real name, and an older file there stays as it was.
Temporary files are created private to the user (``mkstemp`` makes them 0600) and keep
that mode after the rename.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from asr_desktop.domain.errors import AsrError

DISK_FULL = "ดิสก์เต็ม ลบไฟล์ที่ไม่ใช้หรือเลือกไดรฟ์อื่นแล้วลองอีกครั้ง"
_REASONS = {
    errno.ENOSPC: DISK_FULL,
    errno.EDQUOT: DISK_FULL,
    errno.ENOENT: "ไม่พบโฟลเดอร์ปลายทาง",
    errno.EACCES: "ไม่มีสิทธิ์เขียนในตำแหน่งนี้ หรือไฟล์เดิมเปิดค้างอยู่ในโปรแกรมอื่น",
    errno.EPERM: "ไม่มีสิทธิ์เขียนในตำแหน่งนี้ หรือไฟล์เดิมเปิดค้างอยู่ในโปรแกรมอื่น",
    errno.EROFS: "ตำแหน่งนี้เขียนไม่ได้ (อ่านได้อย่างเดียว)",
    errno.EISDIR: "ชื่อนี้เป็นโฟลเดอร์",
    errno.ENOTDIR: "ส่วนหนึ่งของเส้นทางไม่ใช่โฟลเดอร์",
    errno.EFBIG: "ไฟล์ใหญ่เกินกว่าที่ดิสก์นี้รับได้",
}


class OutputError(AsrError):
    """An output file could not be written; nothing was left under its name."""


def write_reason(exc: OSError) -> str:
    """Why a file could not be written, in Thai ("ดิสก์เต็ม" for a full disk)."""
    return _REASONS.get(exc.errno or 0, exc.strerror or str(exc))


def output_error(target: Path, exc: OSError) -> OutputError:
    return OutputError(f"บันทึกไฟล์ {target} ไม่ได้: {write_reason(exc)}")


@contextlib.contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target``; renamed onto it when the block ends cleanly.

    Any exception removes the temporary file; an ``OSError`` becomes :class:`OutputError`.
    """
    target = Path(target)
    try:
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".part")
    except OSError as exc:
        raise output_error(target, exc) from exc
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise output_error(target, exc) from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_bytes(target: Path, data: bytes) -> None:
    """Writes ``data`` to ``target`` whole, or leaves ``target`` as it was."""
    with replacing(target) as temporary, temporary.open("wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


def write_text(target: Path, text: str) -> None:
    write_bytes(target, text.encode("utf-8"))


def write_rendered(target: Path, render: Callable[[BinaryIO], None]) -> None:
    """Renders into memory first, then writes the bytes whole.

    openpyxl leaves worksheet generators behind when saving to a file fails half-way, and
    they print "Exception ignored … Traceback" at exit; rendering into memory keeps the
    library away from the disk, so only :func:`write_bytes` can meet a full disk.
    """
    buffer = io.BytesIO()
    render(buffer)
    write_bytes(target, buffer.getvalue())
