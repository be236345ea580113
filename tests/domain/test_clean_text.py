"""Names are cleaned on every way in (issue 12, item 12)."""

from __future__ import annotations

import pytest

from asr_desktop.domain.clean_text import clean_name, removed_from_name
from asr_desktop.domain.model import Mentor, Volunteer


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("สม\u200bชาย", "สมชาย"),  # zero-width space
        ("\ufeffสมชาย\u200f", "สมชาย"),  # BOM, right-to-left mark
        ("สม\x00ชาย", "สมชาย"),  # NUL
        ("\u202eยาดมส", "ยาดมส"),  # right-to-left override
        ("  ใจ \t\u00a0 ดี \n", "ใจ ดี"),  # tabs, no-break spaces, ends
        ("กิ\u0e48", "กิ่"),  # Thai marks survive
        ("e\u0301", "é"),  # NFC
        ("Somchai", "Somchai"),
    ],
)
def test_clean_name(typed: str, stored: str) -> None:
    assert clean_name(typed) == stored


def test_what_was_removed_is_named() -> None:
    assert removed_from_name("สม\u200bชาย\u200f") == [
        "U+200B ZERO WIDTH SPACE",
        "U+200F RIGHT-TO-LEFT MARK",
    ]
    assert removed_from_name("สมชาย ใจดี") == []


def test_models_clean_their_names() -> None:
    v = Volunteer("3" * 13, "สม\u200bชาย", "ใจ\x00ดี", title="นาย\u200d")
    assert (v.title, v.first_name, v.last_name) == ("นาย", "สมชาย", "ใจดี")
    m = Mentor("\u202aกมล", "ศรี  สุข")
    assert (m.first_name, m.last_name) == ("กมล", "ศรี สุข")
