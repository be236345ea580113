"""Thai word boundaries, for display and for the PDF line breaker.

Qt on Windows cannot find Thai line breaks (its Windows wheel has no libthai), so text
that a widget wraps gets an invisible U+200B ZERO WIDTH SPACE between words. Only for
display: never store the result.

Words come from pythainlp's ``newmm`` with its own word list (62,106 words), but not from
its dictionary trie: building that trie takes 1.6 s of pure Python, which used to be
spent at start-up. newmm asks its dictionary one question — which words begin at this
position of the text? — and :class:`SortedWords` answers it by bisection in the sorted
list, which is ready in a few tens of milliseconds and gives the same words.

Even so, loading pythainlp and its list takes ~0.4 s, too long to wait for before the first
screen. The Thai of that screen (the start-up window, the dashboard's cards) is split once
and kept in :data:`FIRST_SCREEN_WORDS`, so it wraps between words from its first paint
while the list loads in the background after the window is shown.
"""

from __future__ import annotations

import os
import threading
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import groupby, pairwise

os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")

ZWSP = "\u200b"
WORD_LIST = "words_th.txt"

# Each run of Thai letters the first screen shows, split into words ("|") as the word list
# splits it. A test fails when an entry no longer matches the word list, and the start-up
# test fails when the first screen shows Thai missing here (it would load pythainlp before
# the window shows); add the missing run, split as its failure message shows.
FIRST_SCREEN_WORDS = (
    # The start-up window (ui/startup_window.py).
    "กำลัง|เปิด|ฐานข้อมูล",
    "กำลัง|สร้าง|ข้อมูล|ตัวอย่าง",
    # The dashboard's card captions (ui/dashboard_page.py).
    "อาสาสมัคร|ที่|ปฏิบัติหน้าที่",
    "แกนนำ|ระดับ|ตำบล",
    "เครือข่าย|อาสาสมัคร|แรงงาน",
    "ตำบล|ที่|มี|แกนนำ|ปฏิบัติหน้าที่",
    "วาระ|สิ้นสุด|ภายใน",
    "วัน",
    "ไม่|มี|รายงาน|ผล",
    "เดือน",
    "การ|ส่งต่อ|ที่|เลยกำหนด|ติดตาม",
    "ผล|การ|ปฏิบัติงาน|เดือน|นี้",
    "ครั้ง",
    # The lines under the dashboard's figures, which follow the first paint.
    "คลิก|ตัวเลข|เพื่อ|ดู|รายชื่อ",
    "ขาด",
    "ตำบล",
    "ไม่|มี|รายงาน|ผล|ตั้งแต่",
    "เดือนก่อน",
    "เข้าถึง",
    "คน",
    "มี",  # the two-letter runs of the short month names (มี.ค., เม.ย., มิ.ย.)
    "เม",
    "มิ",
)
_FIRST_SCREEN = {entry.replace("|", ""): entry.replace("|", ZWSP) for entry in FIRST_SCREEN_WORDS}


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
    known = first_screen_breaks(text)
    return dictionary_breaks(text) if known is None else known


def first_screen_breaks(text: str) -> str | None:
    """The text with its breaks from :data:`FIRST_SCREEN_WORDS` without loading the word
    list, or None when it has a run of Thai letters that the table lacks."""
    pieces: list[str] = []
    for letters, group in groupby(text.replace(ZWSP, ""), key=_is_letter):
        run = "".join(group)
        # One letter holds no break; a Thai run, or Latin touching Thai, needs the table.
        if letters and len(run) > 1 and any(_is_thai_letter(ch) for ch in run):
            split = _FIRST_SCREEN.get(run)
            if split is None:
                return None
            run = split
        pieces.append(run)
    return "".join(pieces)


def dictionary_breaks(text: str) -> str:
    """:func:`with_word_breaks` by the word list (loading it if need be), never the table."""
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
