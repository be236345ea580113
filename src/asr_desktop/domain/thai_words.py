"""Thai word boundaries for display.

Qt on Windows cannot find Thai line breaks (its Windows wheel has no libthai), so text
that a widget wraps gets an invisible U+200B ZERO WIDTH SPACE between words. Only for
display: never store the result.
"""

from __future__ import annotations

import os
from functools import lru_cache
from itertools import pairwise

os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")

ZWSP = "\u200b"


def thai_words(text: str) -> list[str]:
    """Splits text into words with pythainlp's newmm (dictionary-based, pure Python)."""
    from pythainlp.tokenize import word_tokenize

    return word_tokenize(text, engine="newmm", keep_whitespace=True)


@lru_cache(maxsize=4096)
def with_word_breaks(text: str) -> str:
    """The text with U+200B between Thai words, so any wrapping widget breaks between them."""
    if not any("\u0e00" <= ch <= "\u0e7f" for ch in text):
        return text
    words = thai_words(text.replace(ZWSP, ""))
    pieces = [words[0]] if words else []
    for before, word in pairwise(words):
        # Only where letters meet, one of them Thai: a space is already a break
        # opportunity, and an ID, a phone, a date or "พ.ย." must never break (nor carry
        # an invisible mark inside its digits).
        a, b = before[-1], word[0]
        if _is_letter(a) and _is_letter(b) and (_is_thai_letter(a) or _is_thai_letter(b)):
            pieces.append(ZWSP)
        pieces.append(word)
    return "".join(pieces)


def _is_thai_letter(ch: str) -> bool:
    """A Thai consonant, vowel or mark (not a Thai digit, not ฯ๏๚๛ punctuation)."""
    return "\u0e01" <= ch <= "\u0e4e" and ch != "\u0e2f"


def _is_letter(ch: str) -> bool:
    return ch.isalpha() or _is_thai_letter(ch)


def without_word_breaks(text: str) -> str:
    """The text a person sees, without the display-only marks (for copying, comparing)."""
    return text.replace(ZWSP, "")
