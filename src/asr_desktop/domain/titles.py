"""Thai name titles (คำนำหน้านาม) as people write them, read from one table of data.

The table (``resources/titles/thai_titles.csv``, its sources in the README beside it) has one
row per title: family, full form, official abbreviation, other forms seen in files, the
gender it implies, whether a women's form (…หญิง) exists and whether the acting prefix
ว่าที่ applies (commissioned ranks). :class:`TitleTable` adds the women's and ว่าที่ forms
and matches a title at the start of a name whatever the dots and spaces: ร.ต.อ. / ร.ต.อ /
รตอ. / ร. ต. อ. / ร้อยตำรวจเอก all read as one title.

Rules that keep first names intact:

- a form written without any dot (รตอ, นพ) counts only as a word of its own, followed by
  a space and two more words: "นพดล ใจดี" is a first name, "นพ ธนา ใจงาม" a doctor;
- a match is never taken if the rest would begin with a vowel or tone mark that cannot
  start a word (ร.ต.อำนาจ is ร.ต. + อำนาจ);
- a form ending in a dot that lost it before a letter (ร.ต.อสมชาย) is used only when no
  cleaner reading exists;
- ranks, academic titles, ดร. and professional titles chain (ผศ.ดร., ศ.นพ., พ.ต.ท.ดร.).

An abbreviation shared by several titles (ร.อ. is ร้อยเอก, เรือเอก and เรืออากาศเอก) is
kept as written: the branch cannot be known, so its full form is the abbreviation too.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from asr_desktop.domain.vocabulary import Gender

# Families whose titles combine in one name (ผศ.ดร.นพ., พ.ต.อ.ดร.).
RANKS = frozenset({"army", "navy", "airforce", "police", "rank"})
"""Families of ranks; "rank" is an abbreviation several services share (ร.อ.)."""
CHAINING = RANKS | {"academic", "doctorate", "medical"}
ACTING = "ว่าที่"
WOMEN = "หญิง"
# Characters that cannot begin a Thai word: following vowels, above/below vowels, tone marks.
_NOT_INITIAL = frozenset("ะัาำิีึืฺุู็่้๊๋์ํๅๆฯ")
_IGNORED = frozenset(".()")
_GENDERS = {"ชาย": Gender.MALE, "หญิง": Gender.FEMALE, "": None}


@dataclass(frozen=True, slots=True)
class Title:
    """One title: its official full form, its abbreviation ("" when it has none)."""

    full: str
    short: str
    gender: Gender | None
    family: str

    def form(self, *, short: bool) -> str:
        return (self.short or self.full) if short else self.full

    @property
    def label(self) -> str:
        """ "นายแพทย์ (นพ.)" for lists where people search by either form."""
        if self.short and self.short != self.full:
            return f"{self.full} ({self.short})"
        return self.full


@dataclass(frozen=True, slots=True)
class TitleSplit:
    """A name with its title taken off.

    ``title`` is the canonical text to store ("" when none); ``unknown`` is true when the
    name began with something that looks like a title but is not in the table (then
    ``title`` holds it as written).
    """

    title: str
    rest: str
    gender: Gender | None = None
    unknown: bool = False


@dataclass(slots=True)
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    titles: list[tuple[Title, bool, bool]] = field(default_factory=list)
    """(title, written as an abbreviation, written with a final dot) for forms ending here."""
    after_separator: set[str] = field(default_factory=set)
    """Letters some form writes after a dot, space or bracket here (ร.|ต, ว่าที่ |ร), so
    input may separate them too; Mr.|S is not Mrs."""
    # Summaries of ``titles``, set once the table is built:
    title: Title | None = None
    abbreviation: bool = False
    wants_dot: bool = False

    def finish(self) -> None:
        if self.titles:
            self.title = _merge(list(dict.fromkeys(t for t, _, _ in self.titles)))
            self.abbreviation = all(a for _, a, _ in self.titles)
            self.wants_dot = all(d for _, _, d in self.titles)
        for child in self.children.values():
            child.finish()


class TitleTable:
    """Every title and every written form of it; finds the title at the start of a name."""

    def __init__(self, titles: Iterable[tuple[Title, Iterable[str]]]) -> None:
        self._root = _Node()
        self.titles: list[Title] = []
        self._by_text: dict[str, Title] = {}
        seen: set[Title] = set()
        for title, forms in titles:
            if title not in seen:
                seen.add(title)
                self.titles.append(title)
            for form in forms:
                self._insert(form, title)
        shared: dict[str, list[Title]] = {}
        for title in self.titles:
            self._by_text[title.full] = title
            if title.short:
                shared.setdefault(title.short, []).append(title)
        for short, owners in shared.items():
            self._by_text.setdefault(short, _merge(owners))
        self._root.finish()

    # -- building -------------------------------------------------------------------------

    @classmethod
    def from_csv(cls, text: str) -> TitleTable:
        """Reads the resource table (header row first; lines starting with # are notes)."""
        lines = [line for line in io.StringIO(text) if not line.startswith("#")]
        entries: list[tuple[Title, list[str]]] = []
        for row in csv.DictReader(lines):
            entries.extend(_expand(row))
        return cls(entries)

    @classmethod
    def load(cls, path: Path) -> TitleTable:
        return cls.from_csv(path.read_text(encoding="utf-8"))

    def _insert(self, form: str, title: Title) -> None:
        compact = form.replace(" ", "")
        # Abbreviations need a dot or a space after them; full words join the name directly.
        abbreviation = (
            "." in form
            or form.isascii()
            or (len(compact) <= 4 and compact != title.full.replace(" ", ""))
        )
        wants_dot = form.rstrip().endswith(".")
        node = self._root
        separated = False
        for ch in form:
            if ch == " " or ch in _IGNORED:
                separated = True
                continue
            if separated:
                node.after_separator.add(ch.lower())
                separated = False
            node = node.children.setdefault(ch.lower(), _Node())
        entry = (title, abbreviation, wants_dot)
        if entry not in node.titles:
            node.titles.append(entry)

    # -- looking up -----------------------------------------------------------------------

    def find(self, text: str) -> Title | None:
        """The title written exactly as ``text`` (any of its forms), or None."""
        text = text.strip()
        if not text:
            return None
        known = self._by_text.get(text)
        if known is not None:
            return known
        split = self.split(f"{text} ก ข")
        if split.title and not split.unknown and split.rest == "ก ข":
            return self._by_text.get(split.title) or Title(split.title, "", split.gender, "")
        return None

    def canonical(self, text: str) -> str:
        """The stored form of a title typed in any way; unknown text comes back as typed."""
        found = self.find(text)
        return found.full if found is not None else text.strip()

    def gender_of(self, title: str) -> Gender | None:
        found = self.find(title)
        return found.gender if found is not None else None

    def display(self, title: str, *, short: bool) -> str:
        """The title in the form print asks for; text not in the table prints as stored."""
        found = self.find(title)
        return title if found is None else found.form(short=short)

    def split(self, name: str) -> TitleSplit:
        """The title at the start of ``name`` and the rest of the name."""
        text = name.strip()
        parts: list[Title] = []
        position = 0
        while True:
            match = self._best(text, position)
            if match is None:
                break
            title, end = match
            if parts and (
                title.family not in CHAINING
                or parts[-1].family not in CHAINING
                or any(_same_kind(p, title) for p in parts)
            ):
                break
            parts.append(title)
            position = end
            while position < len(text) and text[position].isspace():
                position += 1
        rest = text[position:].strip()
        if parts and (self._dotted_prefix(rest) or self._near_miss(text, parts[-1])):
            parts = []  # ร.ต.ฮ., นายแพทบ์: a title-like word that is not the title it starts with
        if parts:
            if len(parts) == 1:
                title = parts[0]
                return TitleSplit(title.full, rest, title.gender)
            combined = _combine(parts)
            self._by_text.setdefault(combined.full, combined)
            self._by_text.setdefault(combined.short, combined)
            return TitleSplit(combined.full, rest, combined.gender)
        unknown = self._unknown_prefix(text)
        if unknown:
            return TitleSplit(unknown, text[len(unknown) :].strip(), None, unknown=True)
        return TitleSplit("", text)

    def _best(self, text: str, start: int) -> tuple[Title, int] | None:
        """The longest clean title starting at ``start``: (title, end index)."""
        clean: tuple[int, Title] | None = None
        dirty: tuple[int, Title] | None = None
        folded = text.lower()  # Latin forms (Mr.) in any case; Thai has none
        if len(folded) != len(text):
            folded = text
        node = self._root
        i = start
        dots = 0
        length = len(text)
        skipped = False
        while i < length:
            ch = text[i]
            if ch in _IGNORED or ch.isspace():
                dots += ch == "."
                skipped = True
                i += 1
                continue
            letter = folded[i]
            child = node.children.get(letter)
            if child is None or (skipped and letter not in node.after_separator):
                break
            skipped = False
            node = child
            i += 1
            if node.title is not None:
                verdict = _judge(text, i, dots, node)
                if verdict is not None:
                    end, is_clean, title = verdict
                    if is_clean:
                        clean = (end, title)
                    else:
                        dirty = (end, title)
        best = clean or dirty
        if best is None:
            return None
        return best[1], best[0]

    def _unknown_prefix(self, text: str) -> str:
        """A leading word that looks like a title: short groups ending in dots (ผอ., ร.ต.ฮ.)
        or, before two more words, a near miss of a full title (ร้อยตำรวจเอ็ก)."""
        dotted = self._dotted_prefix(text)
        if dotted:
            return dotted
        words = text.split()
        if len(words) >= 3 and any(_near(words[0], t.full) for t in self.titles):
            return words[0]
        return ""

    @staticmethod
    def _dotted_prefix(text: str) -> str:
        """Leading groups of one to four letters each ending in a dot, when a name follows."""
        end = 0
        while True:
            dot = text.find(".", end)
            if dot <= end or dot - end > 4 or " " in text[end:dot]:
                break
            end = dot + 1
            following = text.find(".", end + 1)
            while end < len(text) and text[end] == " " and 0 < following - end <= 5:
                end += 1
        rest = text[end:].lstrip()
        if end and rest and rest[0] not in _NOT_INITIAL:
            return text[:end].rstrip()
        return ""

    def _near_miss(self, text: str, matched: Title) -> bool:
        """The first of three or more words is one letter off a longer title (นายแพทบ์)."""
        words = text.split()
        if len(words) < 3 or len(words[0]) <= len(matched.full):
            return False
        return any(len(t.full) > len(matched.full) and _near(words[0], t.full) for t in self.titles)


def _judge(text: str, end: int, dots: int, node: _Node) -> tuple[int, bool, Title] | None:
    """Whether a form ending at ``end`` is a title here: (end after its dots, clean, title)."""
    after = end
    while after < len(text) and text[after] in _IGNORED:
        dots += text[after] == "."
        after += 1
    rest = text[after:].lstrip()
    if not rest or rest[0] in _NOT_INITIAL:
        return None
    spaced = after < len(text) and text[after].isspace()
    assert node.title is not None
    written_alone = spaced and len(rest.split()) >= 2
    if node.abbreviation and text[end - 1] != "ฯ" and dots == 0 and not written_alone:
        return None
    # A form that ends in a dot but lost it right before a letter (ร.ต.อสมชาย) is a guess.
    clean = not node.wants_dot or after > end or spaced
    return after, clean, node.title


def _merge(titles: list[Title]) -> Title:
    """One title for a form several titles share (ร.อ.): the abbreviation, as written."""
    if len(titles) == 1 or len({t.full for t in titles}) == 1:
        return titles[0]
    genders = {t.gender for t in titles}
    gender = genders.pop() if len(genders) == 1 else None
    short = titles[0].short
    family = titles[0].family if len({t.family for t in titles}) == 1 else "rank"
    return Title(short, short, gender, family)


def _same_kind(a: Title, b: Title) -> bool:
    def kind(t: Title) -> str:
        return "rank" if t.family in RANKS else t.family

    return kind(a) == kind(b)


def _join(parts: list[str]) -> str:
    """Components written together: ผศ.ดร., ศาสตราจารย์นายแพทย์, ผู้ช่วยศาสตราจารย์ ดร."""
    out = parts[0]
    for part in parts[1:]:
        spaced = part.endswith(".") and not out.endswith(".")
        out += (" " if spaced else "") + part
    return out


def _combine(parts: list[Title]) -> Title:
    genders = {p.gender for p in parts} - {None}
    gender = genders.pop() if len(genders) == 1 else None
    return Title(
        _join([p.full for p in parts]), _join([p.short or p.full for p in parts]), gender, "chain"
    )


def _near(word: str, target: str) -> bool:
    """Edit distance exactly 1 (one letter wrong, missing or extra) for titles of 4+ letters."""
    if word == target or len(target) < 4 or abs(len(word) - len(target)) > 1:
        return False
    if len(word) == len(target):
        return sum(a != b for a, b in zip(word, target, strict=True)) == 1
    short, long = sorted((word, target), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _expand(row: dict[str, str]) -> Iterator[tuple[Title, list[str]]]:
    """A table row's title, its women's form and the ว่าที่ forms of both, with their
    written forms."""
    family, full, short = row["family"], row["full"].strip(), row["short"].strip()
    also = [f.strip() for f in row["also"].split("|") if f.strip()]
    gender = _GENDERS[row["gender"].strip()]
    base = Title(full, short if short != full else "", gender, family)
    forms = [full, *([short] if short else []), *also]
    variants = [(base, forms)]
    if row["women"].strip() == "1":
        women = Title(full + WOMEN, f"{short}{WOMEN}" if short else "", Gender.FEMALE, family)
        variants.append((women, [f"{f} {WOMEN}" for f in forms]))
    for title, written in variants:
        yield title, written
        if row["acting"].strip() == "1":
            acting = Title(
                ACTING + title.full,
                f"{ACTING} {title.short}" if title.short else "",
                title.gender,
                family,
            )
            yield acting, [f"{ACTING} {f}" for f in written]


def printed_name(
    title: str, first_name: str, last_name: str, *, short_titles: bool, table: TitleTable
) -> str:
    """A name as print writes it: the title joined to the first name in the chosen form
    (ร.ต.อ.หญิงพิมพ์ชนก ศรีวงศ์ or ร้อยตำรวจเอกหญิงพิมพ์ชนก ศรีวงศ์)."""
    shown = table.display(title, short=short_titles) if title else ""
    if shown.endswith(")"):
        shown += " "  # พันเอก (พิเศษ) สมชาย
    return f"{shown}{first_name} {last_name}".strip()
