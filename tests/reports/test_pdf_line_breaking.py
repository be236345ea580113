"""Line breaking: breaks only where Thai allows, and no line wider than the column."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pythainlp.tokenize import word_tokenize
from tests.reports.thai_samples import NAMES, SENTENCES

from asr_desktop.reports.pdf.fonts import BOLD, REGULAR, register_fonts
from asr_desktop.reports.pdf.line_breaking import break_lines, grapheme_clusters
from asr_desktop.reports.pdf.shaping import text_width

register_fonts()
SIZE = 12.0


def break_offsets(text: str, lines: list[str]) -> list[int]:
    """Where in ``text`` each line after the first begins (spaces at a break skipped)."""
    offsets = []
    position = 0
    for number, line in enumerate(lines):
        if number:
            while text[position] == " ":
                position += 1
            offsets.append(position)
        assert text.startswith(line, position), (line, text[position:])
        position += len(line)
    assert text[position:].strip() == ""
    return offsets


def word_spans(text: str) -> list[tuple[int, int, str]]:
    spans, position = [], 0
    for word in word_tokenize(text, engine="newmm", keep_whitespace=True):
        spans.append((position, position + len(word), word))
        position += len(word)
    return spans


@pytest.mark.parametrize("width", [60.0, 90.0, 150.0, 240.0, 400.0])
@pytest.mark.parametrize("text", SENTENCES)
def test_breaks_fall_on_word_boundaries(text: str, width: float) -> None:
    lines = break_lines(text, width, REGULAR, SIZE)
    spans = word_spans(text)
    for offset in break_offsets(text, lines):
        inside = [s for s in spans if s[0] < offset < s[1]]
        if inside:  # only a word (or a run glued by digits, punctuation) too wide is cut
            run = glued_run(text, offset)
            assert text_width(run, REGULAR, SIZE) > width, (inside[0][2], run, lines)


@pytest.mark.parametrize("width", [40.0, 60.0, 90.0, 150.0, 240.0])
@pytest.mark.parametrize("text", SENTENCES + NAMES)
def test_no_line_is_wider_than_the_column(text: str, width: float) -> None:
    for line in break_lines(text, width, REGULAR, SIZE):
        assert text_width(line, REGULAR, SIZE) <= width + 1e-6, line
        assert line == line.strip()


def glued_run(text: str, offset: int) -> str:
    """The characters around ``offset`` held together by digits and punctuation."""

    def glued(i: int) -> bool:  # no break allowed between text[i - 1] and text[i]
        a, b = text[i - 1], text[i]
        if b in "ๆฯ" or (b == " " and text[i + 1 : i + 2] in ("ๆ", "ฯ")):
            return True
        if " " in (a, b):
            return False
        return any(c.isdigit() or c in PUNCTUATION for c in (a, b))

    start, end = offset, offset
    while start > 0 and (glued(start) or not is_word_boundary(text, start)):
        start -= 1
    while end < len(text) and (glued(end) or not is_word_boundary(text, end)):
        end += 1
    return text[start:end]


def is_word_boundary(text: str, offset: int) -> bool:
    return offset in {s for s, _, _ in word_spans(text)} | {len(text)}


PUNCTUATION = ".,()/:-_"


@pytest.mark.parametrize("width", [40.0, 90.0, 150.0])
@pytest.mark.parametrize("text", SENTENCES)
def test_never_next_to_digits_or_punctuation_nor_before_mai_yamok(text: str, width: float) -> None:
    lines = break_lines(text, width, REGULAR, SIZE)
    for offset in break_offsets(text, lines):
        before, after = text[offset - 1], text[offset]
        if text_width(glued_run(text, offset), REGULAR, SIZE) > width:
            continue  # a run too wide for the column is cut wherever it must be
        assert after not in "ๆฯ", lines
        if before == " ":
            continue
        assert not (before.isdigit() or after.isdigit()), (before, after, lines)
        assert before not in PUNCTUATION and after not in PUNCTUATION, (before, after, lines)


def test_space_before_mai_yamok_is_not_a_break() -> None:
    text = "เรื่องต่าง ๆ ที่ได้รับมอบหมาย"
    for width in range(30, 200, 5):
        lines = break_lines(text, float(width), REGULAR, SIZE)
        assert not any(line.startswith("ๆ") for line in lines), lines


def test_compound_words_break_between_their_words_before_syllables() -> None:
    lines = break_lines("สำนักงานประกันสังคมจังหวัด", 70.0, REGULAR, SIZE)
    assert lines[:2] == ["สำนักงาน", "ประกันสังคม"]


def test_line_feeds_are_kept_and_empty_lines_stay() -> None:
    assert break_lines("บรรทัดแรก\n\nบรรทัดที่สาม", 300.0, REGULAR, SIZE) == [
        "บรรทัดแรก",
        "",
        "บรรทัดที่สาม",
    ]
    assert break_lines("", 100.0, REGULAR, SIZE) == [""]


def test_bold_is_measured_in_bold() -> None:
    text = SENTENCES[0]
    assert text_width(text, BOLD, SIZE) > text_width(text, REGULAR, SIZE)
    for line in break_lines(text, 120.0, BOLD, SIZE):
        assert text_width(line, BOLD, SIZE) <= 120.0


def test_grapheme_clusters_keep_marks_and_leading_vowels() -> None:
    assert grapheme_clusters("เรื่อง") == ["เรื่", "อ", "ง"]
    assert grapheme_clusters("น้ำ") == ["น้ำ"]
    assert "".join(grapheme_clusters(SENTENCES[0])) == SENTENCES[0]


WORDS = ["แรงงาน", "อาสาสมัคร", "จังหวัด", "ผู้ใหญ่บ้าน", "น้ำ", "ๆ", "2569", "(", ")", " ", "กิ๊ฟ"]


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=30),
    width=st.floats(min_value=20.0, max_value=300.0),
)
def test_any_text_keeps_its_characters_and_fits(words: list[str], width: float) -> None:
    text = "".join(words).strip()
    lines = break_lines(text, width, REGULAR, SIZE)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        fits = text_width(line, REGULAR, SIZE) <= width + 1e-6
        assert fits or len(grapheme_clusters(line)) == 1, (line, width)
