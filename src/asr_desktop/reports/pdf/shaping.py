"""Shape a line of text with HarfBuzz into the ``ShapedStr`` that reportlab draws.

reportlab's own ``shapeStr`` places the marks correctly but maps glyphs without a Unicode
value to private-use code points, so the PDF text layer is junk. This module shapes the
same way (same font file, same HarfBuzz, same ``ShapeData`` records that reportlab's text
object renders) and asks :class:`ThaiTTFont` for code points that extract as the source
text, cluster by cluster.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import uharfbuzz as hb
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr

from asr_desktop.reports.pdf.fonts import ThaiTTFont, thai_font


@dataclass(frozen=True, slots=True)
class ShapedLine:
    """A shaped run: ``glyphs`` is what the canvas draws; ``advance`` is in 1/1000 em."""

    text: str
    glyphs: str
    advance: float

    def width(self, size: float) -> float:
        """The width in points at a font size."""
        return self.advance * size / 1000.0


_hb_fonts: dict[str, hb.Font] = {}
_hb_lock = threading.Lock()


def _hb_font(font: ThaiTTFont) -> hb.Font:
    hb_font = _hb_fonts.get(font.fontName)
    if hb_font is None:
        with _hb_lock:
            hb_font = _hb_fonts.get(font.fontName)
            if hb_font is None:
                # Reuse reportlab's face so both read the very same font bytes.
                hb_font = _hb_fonts[font.fontName] = hb.Font(font.hbFace)
    return hb_font


@lru_cache(maxsize=65536)
def shape(text: str, font_name: str) -> ShapedLine:
    """Shape ``text`` (one line, no line breaks) in a registered Sarabun font."""
    if not text:
        return ShapedLine(text, "", 0.0)
    font = thai_font(font_name)
    hb_font = _hb_font(font)
    buffer = hb.Buffer()
    buffer.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(hb_font, buffer)
    infos = buffer.glyph_infos
    positions = [pos.position for pos in buffer.glyph_positions]  # x/y offset, x/y advance

    scale = 1000.0 / font.face.unitsPerEm
    if scale != 1.0:
        positions = [tuple(v * scale for v in pos) for pos in positions]
    clusters = [info.cluster for info in infos]
    if len(clusters) == len(text) and clusters == list(range(len(text))):
        texts: Sequence[str] = text  # one glyph per character, the usual case
    else:
        texts = _glyph_texts(text, clusters, [pos[2] for pos in positions])

    glyph_widths = _glyph_widths(font_name)
    code_points = font.code_points
    chars: list[str] = []
    records: list[ShapeData] = []
    new_record = tuple.__new__
    advance = 0.0
    for info, (x_offset, y_offset, x_advance, y_advance), glyph_text in zip(
        infos, positions, texts, strict=True
    ):
        glyph = info.codepoint
        width = glyph_widths.get(glyph)
        if width is None:
            width = glyph_widths[glyph] = hb_font.get_glyph_h_advance(glyph) * scale
        if width - x_advance + x_offset < 0:
            # reportlab moves the pen back by this much after the glyph; a negative move
            # reads as a word gap to text extractors, so let the glyph's width absorb it.
            width = x_advance - x_offset
        key = (glyph, glyph_text, width)
        code_point = code_points.get(key)
        if code_point is None:
            code_point = font.code_point_for(glyph, glyph_text, width)
        chars.append(chr(code_point))
        # tuple.__new__ skips the namedtuple's Python-level constructor: this loop is hot.
        records.append(
            new_record(ShapeData, (info.cluster, x_advance, y_advance, x_offset, y_offset, width))
        )
        advance += x_advance
    return ShapedLine(text, ShapedStr("".join(chars), shapeData=records), advance)


_widths_of_font: dict[str, dict[int, float]] = {}


def _glyph_widths(font_name: str) -> dict[int, float]:
    """Advance widths by glyph id in 1/1000 em, filled as glyphs are met."""
    return _widths_of_font.setdefault(font_name, {})


def _glyph_texts(text: str, clusters: list[int], advances: list[float]) -> list[str]:
    """The source text each glyph stands for, so that the glyphs read back as ``text``.

    HarfBuzz numbers each glyph with the index of the first character of its cluster. In a
    cluster of n characters drawn with k glyphs, the glyphs take one character each in order
    and the last glyph that takes any gets the rest. When there are more glyphs than
    characters (SARA AM drawn as NIKHAHIT + SARA AA), zero-width glyphs are the ones left
    without text, so the text sits where the reader sees ink with width.
    """
    count = len(clusters)
    texts = [""] * count
    start = 0
    while start < count:
        cluster = clusters[start]
        end = start + 1
        while end < count and clusters[end] == cluster:
            end += 1
        chars = text[cluster : clusters[end] if end < count else len(text)]
        if end - start == 1:
            texts[start] = chars
        else:
            _share_cluster(texts, start, end, chars, advances)
        start = end
    return texts


def _share_cluster(
    texts: list[str], start: int, end: int, chars: str, advances: list[float]
) -> None:
    glyphs = list(range(start, end))
    spare = len(glyphs) - len(chars)
    if spare > 0:
        silent = [g for g in glyphs if advances[g] == 0][:spare]
        silent += [g for g in reversed(glyphs) if g not in silent][: spare - len(silent)]
        carriers = [g for g in glyphs if g not in silent]
    else:
        carriers = glyphs
    for i, glyph in enumerate(carriers):
        texts[glyph] = chars[i] if i < len(carriers) - 1 else chars[i:]


def text_width(text: str, font_name: str, size: float) -> float:
    """The shaped width of ``text`` in points."""
    return shape(text, font_name).width(size)
