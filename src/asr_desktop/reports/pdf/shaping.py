"""Shape a line of text with HarfBuzz into the ``ShapedStr`` that reportlab draws.

reportlab's own ``shapeStr`` places the marks correctly but maps glyphs without a Unicode
value to private-use code points, so the PDF text layer is junk. This module shapes the
same way (same font file, same HarfBuzz, same ``ShapeData`` records that reportlab's text
object renders) and asks :class:`ThaiTTFont` for code points that extract as the source
text, cluster by cluster.
"""

from __future__ import annotations

import threading
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
    positions = buffer.glyph_positions

    scale = font.pdfScale
    advances = [scale(pos.x_advance) for pos in positions]
    texts = _glyph_texts(text, [info.cluster for info in infos], advances)
    code_points: list[str] = []
    records: list[ShapeData] = []
    for info, pos, x_advance, glyph_text in zip(infos, positions, advances, texts, strict=True):
        glyph = info.codepoint
        x_offset = scale(pos.x_offset)
        width = scale(hb_font.get_glyph_h_advance(glyph))
        if width - x_advance + x_offset < 0:
            # reportlab moves the pen back by this much after the glyph; a negative move
            # reads as a word gap to text extractors, so let the glyph's width absorb it.
            width = x_advance - x_offset
        code_point = font.code_point_for(glyph, glyph_text, width)
        code_points.append(chr(code_point))
        records.append(
            ShapeData(
                info.cluster,
                x_advance,
                scale(pos.y_advance),
                x_offset,
                scale(pos.y_offset),
                width,
            )
        )
    advance = float(sum(advances))
    return ShapedLine(text, ShapedStr("".join(code_points), shapeData=records), advance)


def _glyph_texts(text: str, clusters: list[int], advances: list[float]) -> list[str]:
    """The source text each glyph stands for, so that the glyphs read back as ``text``.

    HarfBuzz numbers each glyph with the index of the first character of its cluster. In a
    cluster of n characters drawn with k glyphs, the glyphs take one character each in order
    and the last glyph that takes any gets the rest. When there are more glyphs than
    characters (SARA AM drawn as NIKHAHIT + SARA AA), zero-width glyphs are the ones left
    without text, so the text sits where the reader sees ink with width.
    """
    texts: list[str] = []
    start = 0
    count = len(clusters)
    while start < count:
        cluster = clusters[start]
        end = start
        while end < count and clusters[end] == cluster:
            end += 1
        cluster_end = clusters[end] if end < count else len(text)
        chars = text[cluster:cluster_end]
        glyphs = list(range(start, end))
        spare = len(glyphs) - len(chars)
        if spare > 0:
            silent = [g for g in glyphs if advances[g] == 0][:spare]
            silent += [g for g in reversed(glyphs) if g not in silent][: spare - len(silent)]
            carriers = [g for g in glyphs if g not in silent]
        else:
            silent, carriers = [], glyphs
        text_of = dict.fromkeys(silent, "")
        for i, glyph in enumerate(carriers):
            text_of[glyph] = chars[i] if i < len(carriers) - 1 else chars[i:]
        texts.extend(text_of[g] for g in glyphs)
        start = end
    return texts


def text_width(text: str, font_name: str, size: float) -> float:
    """The shaped width of ``text`` in points."""
    return shape(text, font_name).width(size)
