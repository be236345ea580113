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
        # Between two words only: a space is already a break opportunity.
        if not before.isspace() and not word.isspace():
            pieces.append(ZWSP)
        pieces.append(word)
    return "".join(pieces)
