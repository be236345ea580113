"""What an erased (anonymised) volunteer record looks like, for every layer to recognise.

Anonymising keeps the row so that past periods still count the person as a number; it
replaces the national ID with ``"0" + the volunteer's id as 12 digits`` (a real Thai
national ID never starts with 0: its first digit is the person's category, 1–8), the
name with :data:`ERASED_NAME`, and empties the name's sort key. Lists of people and
current counts leave such a row out; the empty sort key lets the roster's name index
do that without reading the rows.
"""

from __future__ import annotations

ERASED_NAME = "ลบข้อมูลแล้ว"
ERASED_SORT_KEY = ""
"""The ``name_sort_key`` of an erased row; a real name's key is never empty."""


def erased_national_id(volunteer_id: int) -> str:
    return f"0{volunteer_id:012d}"


def is_erased_id(national_id: str) -> bool:
    return len(national_id) == 13 and national_id.startswith("0")
