"""argparse speaks Thai: its usage errors and help headings, like every other message.

argparse looks its messages up through ``gettext``; the CLI has no message catalogue, so
the few strings a user can meet are translated here and installed before any parser is
built. Anything not listed stays as argparse wrote it.
"""

from __future__ import annotations

import argparse

_THAI = {
    "usage: ": "วิธีใช้: ",
    "options": "ตัวเลือก",
    "positional arguments": "อาร์กิวเมนต์",
    "show this help message and exit": "แสดงวิธีใช้นี้แล้วจบ",
    "show program's version number and exit": "แสดงรุ่นของโปรแกรมแล้วจบ",
    "%(prog)s: error: %(message)s\n": "%(prog)s: ผิดพลาด: %(message)s\n",
    "the following arguments are required: %s": "ต้องระบุ: %s",
    "unrecognized arguments: %s": "ไม่รู้จักอาร์กิวเมนต์: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ไม่มีตัวเลือก %(value)r (เลือกได้จาก %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "ค่า %(value)r ใช้ไม่ได้",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "expected one argument": "ต้องตามด้วยค่าหนึ่งค่า",
    "expected at least one argument": "ต้องตามด้วยค่าอย่างน้อยหนึ่งค่า",
    "expected at most one argument": "ตามด้วยค่าได้ไม่เกินหนึ่งค่า",
    "ambiguous option: %(option)s could match %(matches)s": (
        "ตัวเลือก %(option)s กำกวม อาจหมายถึง %(matches)s"
    ),
    "not allowed with argument %s": "ใช้ร่วมกับ %s ไม่ได้",
    "one of the arguments %s is required": "ต้องระบุอย่างใดอย่างหนึ่งใน %s",
    "ignored explicit argument %r": "ตัวเลือกนี้ไม่รับค่า %r",
}


def thai(message: str) -> str:
    return _THAI.get(message, message)


def _thai_ngettext(singular: str, plural: str, n: int) -> str:
    return thai(singular if n == 1 else plural)


def install() -> None:
    """Makes argparse's own messages Thai (idempotent)."""
    argparse._ = thai  # type: ignore[attr-defined]
    argparse.ngettext = _thai_ngettext  # type: ignore[attr-defined]
