"""Thai paragraphs and single lines on a reportlab canvas.

:class:`ThaiParagraph` replaces reportlab's ``Paragraph`` for Thai: it breaks lines with
:func:`break_lines`, draws each line as one HarfBuzz-shaped run, and is exactly
``lines × leading`` tall, so ``wrap()`` gives the same answer every time and ``split()``
hands over whole lines. It works as a cell of a reportlab ``Table`` too, including
rows split across pages (``Table(..., splitInRow=1)``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal

from reportlab.lib.colors import Color, black
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import Flowable

from asr_desktop.reports.pdf.drawing import actual_text, draw_glyphs, draw_shaped
from asr_desktop.reports.pdf.fonts import REGULAR, thai_font
from asr_desktop.reports.pdf.line_breaking import Breaks, break_lines, line_pieces
from asr_desktop.reports.pdf.shaping import ShapedLine, shape

Alignment = Literal["left", "center", "right", "justify"]

# Sarabun's ascender and descender (hhea) are 1.068 and 0.232 em; stacked marks (ปั้) reach
# 1.25 em and below vowels (กู) 0.33 em under the baseline. 1.4 em per line keeps a stacked
# mark clear of the descender of the line above.
DEFAULT_LEADING_RATIO = 1.4


@dataclass(frozen=True, slots=True)
class ThaiStyle:
    """How a :class:`ThaiParagraph` is set. ``leading`` defaults to 1.4 × ``size``;
    ``breaks`` says where a line may break (see :data:`~.line_breaking.Breaks`)."""

    font: str = REGULAR
    size: float = 14.0
    leading: float | None = None
    alignment: Alignment = "left"
    color: Color = black
    space_before: float = 0.0
    space_after: float = 0.0
    breaks: Breaks = "words"

    @property
    def line_height(self) -> float:
        """The distance from one baseline to the next, in points."""
        return self.leading if self.leading is not None else self.size * DEFAULT_LEADING_RATIO

    @property
    def baseline_drop(self) -> float:
        """From the top of a line box down to its baseline: the glyph box, centred."""
        face = thai_font(self.font).face
        ascent = float(face.ascent) / 1000 * self.size
        descent = -float(face.descent) / 1000 * self.size
        return ascent + (self.line_height - ascent - descent) / 2

    def derive(self, **changes: Any) -> ThaiStyle:
        """A copy with some fields changed, e.g. ``style.derive(alignment="right")``."""
        return replace(self, **changes)


def draw_thai_line(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    font: str = REGULAR,
    size: float = 14.0,
    align: Literal["left", "center", "right"] = "left",
) -> float:
    """Draw one shaped line with its baseline at ``y``; returns its width in points.

    ``x`` is the left edge, the centre or the right edge, as ``align`` says. Uses the
    canvas's current fill colour. For headers, footers, cards: no line breaking.
    """
    shaped = shape(text, font)
    width = shaped.width(size)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    draw_shaped(canvas, x, y, shaped, font, size)
    return width


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    ends_paragraph: bool  # last line before a line feed or the end: never justified
    joiner: str = ""  # the spaces dropped at the break after this line


class ThaiParagraph(Flowable):  # type: ignore[misc]
    """A block of Thai text that breaks at word boundaries and splits by whole lines."""

    def __init__(self, text: str, style: ThaiStyle | None = None) -> None:
        super().__init__()
        self.text = text
        self.style = style or ThaiStyle()
        self._lines: list[_Line] = []
        self._broken_for: float | None = None  # the width ``_lines`` were broken for
        # A part made by split() keeps its lines; None means "break ``text``".
        self._given: list[_Line] | None = None
        self.width = 0.0
        self.height = 0.0

    @classmethod
    def _from_lines(cls, lines: list[_Line], style: ThaiStyle, width: float) -> ThaiParagraph:
        part = cls("\n".join(line.text for line in lines), style)
        part._given = part._lines = lines
        part._broken_for = width
        return part

    @classmethod
    def empty(cls, style: ThaiStyle | None = None) -> ThaiParagraph:
        """A paragraph of no lines and no height (the used-up cell of a split row)."""
        return cls._from_lines([], style or ThaiStyle(), 0.0)

    @property
    def lines(self) -> list[str]:
        """The lines as last wrapped (empty before the first ``wrap()``)."""
        return [line.text for line in self._lines]

    def _layout(self, width: float) -> None:
        if self._broken_for == width:
            return
        if self._given is None:
            paragraphs = self.text.split("\n")
            ends = [True] * len(paragraphs)
        else:
            # A split part set at another width: its lines are joined back into the text
            # they came from (with the spaces dropped at breaks) and broken again.
            paragraphs, ends = _rejoin(self._given)
        lines: list[_Line] = []
        for paragraph, ends_paragraph in zip(paragraphs, ends, strict=True):
            lines.extend(_break(paragraph, width, self.style, ends_paragraph))
        self._lines = lines
        self._broken_for = width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Break for ``availWidth``; the height is lines × leading, the same on every call."""
        self._layout(availWidth)
        self.width = availWidth
        self.height = len(self._lines) * self.style.line_height
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """The lines that fit in ``availHeight`` and the rest, or [] if not even one fits.

        The lines are those of the last ``wrap()``: platypus wraps at the width it then
        splits at, but reportlab's ``Table`` splits a cell at the column width while it
        wrapped it at the column width less the padding, which would set lines too wide
        for the cell.
        """
        if self._broken_for is None or self._broken_for > availWidth:
            self.wrap(availWidth, availHeight)
        fitting = int((availHeight + 1e-6) // self.style.line_height)
        if fitting >= len(self._lines):
            return [self]
        if fitting < 1:
            return []
        style = self.style
        first = self._from_lines(
            self._lines[:fitting], style.derive(space_after=0.0), self._broken_for or availWidth
        )
        rest = self._from_lines(
            self._lines[fitting:], style.derive(space_before=0.0), self._broken_for or availWidth
        )
        return [first, rest]

    def getSpaceBefore(self) -> float:
        return self.style.space_before

    def getSpaceAfter(self) -> float:
        return self.style.space_after

    def minWidth(self) -> float:
        """The widest line: the narrowest width this paragraph can be set in as wrapped."""
        style = self.style
        widths = [shape(line.text, style.font).width(style.size) for line in self._lines]
        return max(widths, default=0.0)

    def draw(self) -> None:
        self.draw_at(self.canv, 0.0, self.height)

    def draw_at(self, canvas: Canvas, x: float, top: float, *, set_color: bool = True) -> None:
        """Draw the lines as last wrapped, the first line box's top edge at ``top``.

        What ``draw()`` does inside platypus, for callers that place text themselves
        (table cells), without a saved graphics state and a translation per paragraph.
        ``set_color=False`` leaves the fill colour as the caller set it.
        """
        style = self.style
        if set_color:
            canvas.setFillColor(style.color)
        drop = style.baseline_drop
        font, size, width = style.font, style.size, self.width
        plans: list[_Plan | None] = [None] * len(self._lines)
        if style.alignment == "justify":
            # A paragraph is justified only if every line can be without holes; one ragged
            # line among justified ones looks like a mistake, so then none is.
            plans = [
                None if line.ends_paragraph else _justified(line.text, style, width)
                for line in self._lines
            ]
            inner = [i for i, line in enumerate(self._lines) if not line.ends_paragraph]
            if any(plans[i] is None for i in inner):
                plans = [None] * len(self._lines)
        for index, line in enumerate(self._lines):
            y = top - index * style.line_height - drop
            plan = plans[index]
            if plan is not None:
                _draw_justified(canvas, x, y, line.text, style, plan)
            elif style.alignment == "center":
                draw_thai_line(canvas, x + width / 2, y, line.text, font, size, "center")
            elif style.alignment == "right":
                draw_thai_line(canvas, x + width, y, line.text, font, size, "right")
            else:
                draw_thai_line(canvas, x, y, line.text, font, size)

    def __repr__(self) -> str:
        return f"ThaiParagraph({self.text[:30]!r}...)"


def _break(text: str, width: float, style: ThaiStyle, ends_paragraph: bool) -> list[_Line]:
    """The lines of one paragraph (no line feeds), each with the spaces dropped after it."""
    broken = break_lines(text, width, style.font, style.size, style.breaks)
    lines: list[_Line] = []
    position = 0
    for number, line in enumerate(broken):
        start = text.find(line, position) if line else position
        position = (start if start >= 0 else position) + len(line)
        if number == len(broken) - 1:
            lines.append(_Line(line, ends_paragraph))
        else:
            rest = text[position:]
            joiner = rest[: len(rest) - len(rest.lstrip())]
            position += len(joiner)
            lines.append(_Line(line, False, joiner))
    return lines


def _rejoin(lines: list[_Line]) -> tuple[list[str], list[bool]]:
    """Lines back into paragraphs: the text of each and whether it ends a paragraph."""
    paragraphs: list[str] = []
    ends: list[bool] = []
    current: list[str] = []
    for line in lines:
        current.append(line.text)
        if line.ends_paragraph:
            paragraphs.append("".join(current))
            ends.append(True)
            current = []
        else:
            current.append(line.joiner)
    if current:
        paragraphs.append("".join(current[:-1]))
        ends.append(False)
    return paragraphs, ends


# How far a justified line may open its gaps, in em: a space (a phrase break in Thai) by
# up to half an em; a break between two words without a space (inside a phrase, where a
# gap reads as a misprint) by a tenth.
SPACE_STRETCH = 0.5
WORD_STRETCH = 0.1

_Plan = tuple[list[ShapedLine], list[float]]


def _justified(text: str, style: ThaiStyle, width: float) -> _Plan | None:
    """The pieces of a line and the advance after each to fill ``width``, or None when
    that would open holes.

    Thai puts spaces between phrases and sentences, not between words: those gaps open
    first, all alike (a space a line may not break at, as in "391 คน", stays as it is).
    Only what the spaces cannot take (up to :data:`SPACE_STRETCH` em each) goes to the
    breaks between words, never inside one, and no more than :data:`WORD_STRETCH` em each.
    """
    size = style.size
    pieces = line_pieces(text)
    shaped = [shape(piece, style.font) for piece in pieces]
    kinds = ["space" if piece.isspace() else "" for piece in pieces]
    for i in range(len(pieces) - 1):
        if not kinds[i] and not pieces[i + 1].isspace():
            kinds[i] = "word"
    extra = width - sum(piece.width(size) for piece in shaped)
    spaces, words = kinds.count("space"), kinds.count("word")
    per_space = min(extra / spaces, SPACE_STRETCH * size) if spaces else 0.0
    rest = extra - per_space * spaces
    per_word = rest / words if words and rest > 1e-6 else 0.0
    if extra < 0 or (rest > 1e-6 and (not words or per_word > WORD_STRETCH * size)):
        return None
    gaps = {"space": per_space, "word": per_word, "": 0.0}
    return shaped, [
        piece.width(size) + gaps[kind] for piece, kind in zip(shaped, kinds, strict=True)
    ]


def _draw_justified(
    canvas: Canvas, x: float, y: float, text: str, style: ThaiStyle, plan: _Plan
) -> None:
    with actual_text(canvas, text):
        for piece, advance in zip(*plan, strict=True):
            if not piece.text.isspace():
                draw_glyphs(canvas, x, y, piece, style.font, style.size)
            x += advance
