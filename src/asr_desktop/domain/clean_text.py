"""Names as they are stored: one Unicode form, no invisible characters, single spaces.

A name pasted from a web page or a chat can hold zero-width spaces, right-to-left marks,
a byte-order mark or a NUL: they look like nothing on screen but make ``สม\\u200bชาย`` a
different string from ``สมชาย``, so search, sorting and duplicate checks miss it. Every
way a name comes in (the form, the import, the CLI, a restore) builds a ``Volunteer`` or
``Mentor``, and those clean their names with :func:`clean_name`.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_INVISIBLE = frozenset({"Cc", "Cf", "Co", "Cs", "Cn"})
"""Control, format (ZWSP, ZWJ, RTL/LTR marks, BOM), private use, surrogates, unassigned."""
_SPACES = re.compile(r"\s+")


def clean_name(text: str) -> str:
    """NFC; whitespace (tabs, new lines, no-break spaces) as single spaces; invisible
    characters removed; no space at either end."""
    # str.isprintable() is False for every Other (C*) and Separator (Z*) character but
    # the ASCII space: together with the checks on spaces, nothing would change.
    if (
        text.isprintable()
        and "  " not in text
        and text[:1] != " "
        and text[-1:] != " "
        and unicodedata.is_normalized("NFC", text)
    ):
        return text  # the common case, fast for a 100,000-row import
    text = unicodedata.normalize("NFC", text)
    text = _SPACES.sub(" ", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in _INVISIBLE)
    return _SPACES.sub(" ", text).strip()


def removed_from_name(text: str) -> list[str]:
    """What :func:`clean_name` takes out of ``text`` (besides spaces), e.g.
    ``["U+200B ZERO WIDTH SPACE"]``; empty when nothing invisible is there."""
    found: dict[str, None] = {}
    for ch in unicodedata.normalize("NFC", text):
        if not ch.isspace() and unicodedata.category(ch) in _INVISIBLE:
            found[f"U+{ord(ch):04X} {unicodedata.name(ch, 'CONTROL')}"] = None
    return list(found)


def clean_names(person: Any) -> None:
    """Cleans ``title``, ``first_name`` and ``last_name`` of a volunteer or mentor in place
    (the model does it when built; the stores again, for a name changed afterwards)."""
    person.title = clean_name(person.title)
    person.first_name = clean_name(person.first_name)
    person.last_name = clean_name(person.last_name)
