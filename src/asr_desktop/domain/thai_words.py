"""Thai word boundaries, for display and for the PDF line breaker.

Qt on Windows cannot find Thai line breaks (its Windows wheel has no libthai), so text
that a widget wraps gets an invisible U+200B ZERO WIDTH SPACE between words. Only for
display: never store the result.

Words come from pythainlp's ``newmm`` with its own word list (62,106 words), but not from
its dictionary trie: building that trie takes 1.6 s of pure Python, which used to be
spent at start-up. newmm asks its dictionary one question — which words begin at this
position of the text? — and :class:`SortedWords` answers it by bisection in the sorted
list, which is ready in a few tens of milliseconds and gives the same words.
"""

from __future__ import annotations

import os
import threading
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import pairwise

os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")

ZWSP = "\u200b"
WORD_LIST = "words_th.txt"


class SortedWords:
    """A word list kept sorted, answering the prefix questions newmm asks of a trie."""

    __slots__ = ("_words",)

    def __init__(self, words: Iterable[str]) -> None:
        # Stripped as pythainlp's Trie strips them. A word list in nearly sorted order (the
        # file's own) sorts in a fraction of the time a set's arbitrary order takes.
        ordered = sorted(w.strip() for w in words)
        self._words = tuple(dict.fromkeys(w for w in ordered if w))

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        """The words that begin at ``text[start]``, shortest first (as ``Trie.prefixes``)."""
        words = self._words
        count = len(words)
        found: list[str] = []
        low = 0
        for end in range(start + 1, len(text) + 1):
            prefix = text[start:end]
            # Each prefix sorts after the one before, so the search starts where that ended.
            low = bisect_left(words, prefix, low)
            if low == count or not words[low].startswith(prefix):
                break  # no word goes on with this prefix: no longer word either
            if len(words[low]) == len(prefix):
                found.append(prefix)
        return found

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        i = bisect_left(self._words, word)
        return i < len(self._words) and self._words[i] == word

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)


_lock = threading.Lock()
_dictionary: SortedWords | None = None


def dictionary() -> SortedWords:
    """pythainlp's Thai word list, loaded once (thread-safe: a warm-up thread may load it)."""
    global _dictionary
    with _lock:
        if _dictionary is None:
            from importlib.resources import files

            # The file pythainlp.corpus.thai_words() reads, in its own order (see above).
            words = files("pythainlp.corpus").joinpath(WORD_LIST).read_text(encoding="utf-8-sig")
            _dictionary = SortedWords(words.splitlines())
        return _dictionary


def warm_up() -> threading.Thread:
    """Loads pythainlp and the word list in a background thread.

    A caller that needs words meanwhile waits for that load rather than doing it twice.
    """
    thread = threading.Thread(target=dictionary, name="thai-words", daemon=True)
    thread.start()
    return thread


def thai_words(text: str) -> list[str]:
    """Splits text into words with pythainlp's newmm (dictionary-based, pure Python)."""
    words = dictionary()
    from pythainlp.tokenize import word_tokenize

    # newmm only calls prefixes() on its dictionary; SortedWords is not a Trie subclass.
    return word_tokenize(text, custom_dict=words, engine="newmm", keep_whitespace=True)  # type: ignore[arg-type]


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
