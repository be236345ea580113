"""Break Thai text into lines that fit a width, only where a Thai reader allows a break.

Thai has no spaces between words, so break opportunities come from a word segmenter
(pythainlp ``newmm``, pure Python, the same on every platform). On top of its word
boundaries: never break next to a digit or punctuation (``12/3``, ``(ต.ท่าแร่)``, ``ค.ศ.``),
never before ๆ or ฯ (even across the space in ``ต่าง ๆ``). A word wider than the column is
split at syllables, and a syllable still too wide at grapheme clusters.
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from typing import Literal

from asr_desktop.reports.pdf.shaping import text_width

# pythainlp otherwise creates a data folder in the user's home directory on import.
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")

from pythainlp.corpus import thai_syllables, thai_words
from pythainlp.tokenize import word_dict_trie, word_tokenize
from pythainlp.util import Trie

_NO_BREAK_BEFORE = frozenset("ๆฯ")
_SPACES = re.compile(r"(\s+)")
_THAI_LETTER = re.compile("[\u0e01-\u0e2e]")
_AFTER_PUNCTUATION = re.compile(r"[^-/,.:;_]*[-/,.:;_]+|[^-/,.:;_]+")
# Spacing characters that still belong to the character before them: SARA A, SARA AA,
# SARA AM, LAKKHANGYAO, MAIYAMOK, PAIYANNOI.
_ATTACHES_TO_PREVIOUS = frozenset("ะาำๅๆฯ")
# Leading vowels are written before the consonant they follow in speech.
_ATTACHES_TO_NEXT = frozenset("เแโใไ")
_NUMBER_END = re.compile(r"[0-9\u0e50-\u0e59%]$")

# Where a line may break. ``words``: between dictionary words (running text).
# ``spaces``: only at spaces (positions, office and place names in a table cell).
# ``name``: only between title + first name and the last name (a person's name).
# ``none``: nowhere (numbers, dates, codes). A piece wider than the line is still split,
# as a last resort; callers that must keep pieces whole shrink the text first.
Breaks = Literal["words", "spaces", "name", "none"]


def break_lines(
    text: str, width: float, font: str, size: float, breaks: Breaks = "words"
) -> list[str]:
    """The lines of ``text`` set in ``font`` at ``size`` points within ``width`` points.

    Line feeds in ``text`` are kept as forced breaks; an empty line stays an empty line.
    Spaces at a break are dropped. A line is wider than ``width`` only when one grapheme
    cluster alone is (a column narrower than a letter).
    """
    lines: list[str] = []
    for hard_line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        hard_line = hard_line.replace("\t", " ").rstrip()
        if text_width(hard_line, font, size) <= width:
            lines.append(hard_line)
        else:
            lines.extend(_fill(pieces_for(hard_line, breaks), width, font, size))
    return lines


def pieces_for(text: str, breaks: Breaks) -> list[str]:
    """``text`` cut where ``breaks`` allows a line to break (spaces on their own)."""
    if breaks == "words":
        return line_pieces(text)
    if breaks == "none":
        return [text]
    if breaks == "name":
        head, space, tail = text.rstrip().rpartition(" ")
        return [head, space, tail] if head else [tail]
    pieces: list[str] = []
    for piece in _SPACES.split(text):
        if not piece:
            continue
        if pieces and piece[0] in _NO_BREAK_BEFORE and len(pieces) >= 2 and pieces[-1].isspace():
            space = pieces.pop()  # ``อื่น ๆ``: never break before ๆ or ฯ
            pieces[-1] += space + piece
        else:
            pieces.append(piece)
    return pieces


def widest_piece(text: str, font: str, size: float, breaks: Breaks) -> float:
    """The width of the widest piece of ``text`` that a line may not break inside."""
    pieces = [piece for part in text.split("\n") for piece in pieces_for(part, breaks)]
    return max((text_width(p, font, size) for p in pieces if not p.isspace()), default=0.0)


def _fill(chunks: list[str], width: float, font: str, size: float) -> list[str]:
    """Greedy filling: as many chunks on a line as fit, breaking only between chunks."""
    lines: list[str] = []
    current: list[str] = []
    current_width = 0.0
    pending = list(reversed(chunks))  # a stack, so chunks can be pushed back

    def finish_line() -> None:
        line = _close(current, pending, width, font, size)
        lines.append(line.lstrip() if lines else line)

    while True:
        while pending:
            chunk = pending.pop()
            if not current:
                if lines:
                    chunk = chunk.lstrip()
                if not chunk:
                    continue
            chunk_width = text_width(chunk, font, size)
            if current_width + chunk_width <= width:
                current.append(chunk)
                current_width += chunk_width
            elif chunk.isspace():
                finish_line()  # a break at a space drops the space
                current, current_width = [], 0.0
            elif current and not "".join(current).isspace():
                finish_line()
                current, current_width = [], 0.0
                pending.append(chunk)
            elif current:  # only an indent before a word that needs the whole line
                current, current_width = [], 0.0
                pending.append(chunk)
            else:
                # Alone on an empty line and still too wide: split the word itself.
                pieces = _split_word(chunk, width, font, size)
                pending.extend(reversed(pieces[1:]))
                current, current_width = [pieces[0]], text_width(pieces[0], font, size)
        if not current:
            return lines
        finish_line()
        current, current_width = [], 0.0


def _close(current: list[str], pending: list[str], width: float, font: str, size: float) -> str:
    """The finished line; chunks that overflow once shaped together go back to ``pending``.

    Widths summed word by word can differ from the shaped line by kerning across a word
    boundary, so the line is measured as drawn.
    """
    while True:
        line = "".join(current).rstrip()
        if len(current) == 1 or text_width(line, font, size) <= width:
            return line
        pending.append(current.pop())
        while len(current) > 1 and current[-1].isspace():
            current.pop()


# Words of the programme that pythainlp's dictionary lacks and newmm would cut in two
# (คัด|กรอง, ชำนาญ|การ): a line never breaks inside them.
PROGRAMME_WORDS = frozenset(
    {
        "ชี้เป้า",
        "คัดกรอง",
        "ชำนาญการ",
        "ชำนาญการพิเศษ",
        "ชำนาญงาน",
        "ปฏิบัติการ",
        "ผู้รับบริการ",
        "ผู้รายงาน",
        "ผู้รับรอง",
        "ผู้จัดทำ",
        "พี่เลี้ยง",
        "ครบวาระ",
        "พ้นสภาพ",
        "แกนนำ",
        "ลำดับ",
        "เครือข่าย",
        "ลายมือชื่อ",
    }
)


@lru_cache(maxsize=1)
def _dictionary() -> Trie:
    return Trie(set(thai_words()) | PROGRAMME_WORDS)


@lru_cache(maxsize=65536)
def _words(segment: str) -> tuple[str, ...]:
    """newmm words of a run of text without spaces.

    A space always ends a newmm word, so each run between spaces is segmented on its own:
    in a roster the same first names, surnames and places recur, and are cached.
    """
    return tuple(t for t in word_tokenize(segment, custom_dict=_dictionary(), engine="newmm") if t)


@lru_cache(maxsize=4096)
def _chunks_cached(text: str) -> tuple[str, ...]:
    tokens: list[str] = []
    for segment in _SPACES.split(text):
        if segment.isspace():
            tokens.append(segment)
        elif segment:
            tokens.extend(_words(segment))
    chunks: list[str] = []
    for token in tokens:
        if (
            len(chunks) >= 2
            and chunks[-1].isspace()
            and _NUMBER_END.search(chunks[-2])
            and _THAI_LETTER.match(token)
        ):
            # ``267 คน``: a number keeps its unit (the Thai word after it) on its line.
            space = chunks.pop()
            chunks[-1] += space + token
        elif chunks and token[0] in _NO_BREAK_BEFORE:
            if len(chunks) >= 2 and chunks[-1].isspace():
                # ``ต่าง ๆ``: the space before ๆ/ฯ is no break opportunity either.
                space = chunks.pop()
                chunks[-1] += space + token
            else:
                chunks[-1] += token
        elif chunks and not _may_break_between(chunks[-1], token):
            chunks[-1] += token
        else:
            chunks.append(token)
    return tuple(chunks)


def line_pieces(text: str) -> list[str]:
    """``text`` cut into the pieces between which a line may break (spaces on their own)."""
    return list(_chunks_cached(text))


def _may_break_between(before: str, after: str) -> bool:
    last, first = before[-1], after[0]
    if first in _NO_BREAK_BEFORE:
        return False
    if last.isspace() or first.isspace():
        return True
    return not (_is_digit_or_punctuation(last) or _is_digit_or_punctuation(first))


def _is_digit_or_punctuation(char: str) -> bool:
    category = unicodedata.category(char)
    return category[0] in "NPS"


@lru_cache(maxsize=1)
def _syllable_trie() -> Trie:
    # pythainlp's syllable_tokenize(engine="dict") builds this trie again on every call.
    return Trie(thai_syllables())


@lru_cache(maxsize=4096)
def _split_word(word: str, width: float, font: str, size: float) -> tuple[str, ...]:
    """Pieces of a word too wide for a line: the words of a compound, then syllables,
    then grapheme clusters, each step only for the pieces still too wide.

    newmm keeps compounds such as สำนักงานประกันสังคม whole; breaking them between their
    words (สำนักงาน|ประกัน|สังคม) reads far better than between syllables (ประกันสัง|คม).
    """
    pieces: list[str] = []
    if not _THAI_LETTER.search(word):
        # Digits, Latin, codes (0-4271-1234, x-xxxx-xxxxx-12-3): after a hyphen, slash or
        # the like if that is enough, else anywhere.
        for part in _AFTER_PUNCTUATION.findall(word):
            fits = text_width(part, font, size) <= width
            pieces.extend([part] if fits else grapheme_clusters(part))
        return tuple(_rejoin_no_break_before(pieces, width, font, size))
    for part in _compound_parts(word):
        if text_width(part, font, size) <= width:
            pieces.append(part)
            continue
        if part != word:
            pieces.extend(_split_word(part, width, font, size))
            continue
        for syllable in _syllables(part):
            if text_width(syllable, font, size) <= width:
                pieces.append(syllable)
            else:
                pieces.extend(grapheme_clusters(syllable))
    return tuple(_rejoin_no_break_before(pieces, width, font, size))


def _rejoin_no_break_before(pieces: list[str], width: float, font: str, size: float) -> list[str]:
    """Put ๆ, ฯ (and a space before them) back on the piece before, where it still fits."""
    joined: list[str] = []
    for piece in pieces:
        if joined and piece.lstrip()[:1] in _NO_BREAK_BEFORE | {""}:
            candidate = joined[-1] + piece
            if text_width(candidate, font, size) <= width:
                joined[-1] = candidate
                continue
        joined.append(piece)
    return joined


def _compound_parts(word: str) -> list[str]:
    """``word`` as the fewest dictionary words other than itself, or [word] if none.

    Among splits with as few words, the one whose shortest word is longest wins:
    ข้าราชการ|พลเรือน rather than ข้า|ราชการพลเรือน.
    """
    trie = word_dict_trie()
    count = len(word)
    # best[i]: (words, -shortest word, first word) for the best split of word[i:]
    best: list[tuple[int, int, str] | None] = [None] * count + [(0, -count, "")]
    for start in range(count - 1, -1, -1):
        for prefix in trie.prefixes(word, start):
            rest = best[start + len(prefix)]
            if rest is None or (start == 0 and prefix == word):
                continue
            candidate = (rest[0] + 1, max(rest[1], -len(prefix)), prefix)
            current = best[start]
            if current is None or candidate[:2] < current[:2]:
                best[start] = candidate
    if best[0] is None:
        return [word]
    parts: list[str] = []
    position = 0
    while position < count:
        step = best[position]
        assert step is not None
        parts.append(step[2])
        position += len(step[2])
    return parts


def _syllables(text: str) -> list[str]:
    syllables = [s for s in word_tokenize(text, custom_dict=_syllable_trie(), engine="newmm") if s]
    return syllables if "".join(syllables) == text else [text]


def grapheme_clusters(text: str) -> list[str]:
    """``text`` in the smallest pieces a line may end between, as a last resort.

    A base character keeps its marks (and SARA AM, SARA AA ...); a leading vowel stays
    with the consonant after it.
    """
    clusters: list[str] = []
    glue_next = False
    for char in text:
        attaches = unicodedata.category(char) in ("Mn", "Me") or char in _ATTACHES_TO_PREVIOUS
        if clusters and (glue_next or attaches):
            clusters[-1] += char
        else:
            clusters.append(char)
        glue_next = char in _ATTACHES_TO_NEXT
    return clusters
