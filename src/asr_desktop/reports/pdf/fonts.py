"""The Sarabun family registered with reportlab, with a text layer that survives shaping.

HarfBuzz replaces some Thai characters with glyphs that have no Unicode value of their own
(a lowered tone mark ``uni0E48.small``, a narrow ``uni0E31.narrow``) and splits SARA AM into
two glyphs. reportlab gives such glyphs private-use code points, so copy/paste and search
return junk. :class:`ThaiTTFont` lets the shaper give each (glyph, text) pair a code point
of its own and writes the real text into the PDF's ToUnicode map.
"""

from __future__ import annotations

import threading
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

from asr_desktop.assets import font_path

FAMILY = "Sarabun"
REGULAR = "Sarabun"
BOLD = "Sarabun-Bold"
ITALIC = "Sarabun-Italic"
BOLD_ITALIC = "Sarabun-BoldItalic"

_STYLE_OF_NAME = {
    REGULAR: "regular",
    BOLD: "bold",
    ITALIC: "italic",
    BOLD_ITALIC: "bold_italic",
}

# Code points reportlab itself hands out for unnamed glyphs start at U+E000; ours count
# down from the top of the private-use area so the two never meet in practice.
_ALIAS_TOP = 0xF8FF
_ALIAS_BOTTOM = 0xE000

_register_lock = threading.Lock()


class ThaiTTFont(TTFont):  # type: ignore[misc]
    """A TrueType font whose glyphs can carry any text in the PDF text layer."""

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename, shapable=True)
        self._alias_lock = threading.Lock()
        # (glyph, text, width) -> code point, for natural and alias code points alike; read
        # without the lock by the shaper (dict reads are atomic), written under it.
        self.code_points: dict[tuple[int, str, float], int] = {}
        self._text_of_alias: dict[int, str] = {}
        self._next_alias = _ALIAS_TOP

    def code_point_for(self, glyph_id: int, text: str, width: float) -> int:
        """A code point that draws ``glyph_id``, extracts as ``text`` and advances ``width``.

        ``text`` may be empty (a second glyph of one character). ``width`` (1/1000 em) goes
        into the PDF Widths array; the shaper picks it so that text extractors do not take
        the pen moving back after a shifted mark for a gap between words.
        """
        face = self.face
        key = (glyph_id, text, width)
        known = self.code_points.get(key)
        if known is not None:
            return known
        with self._alias_lock:
            alias = self.code_points.get(key)
            if alias is None and len(text) == 1:
                natural = ord(text)
                if (
                    face.charToGlyph.get(natural) == glyph_id
                    and face.charWidths.get(natural) == width
                ):
                    alias = self.code_points[key] = natural
            if alias is None:
                alias = self._next_alias
                while alias in face.charToGlyph:
                    alias -= 1
                if alias < _ALIAS_BOTTOM:
                    raise RuntimeError(f"{self.fontName}: no private-use code points left")
                self._next_alias = alias - 1
                face.charToGlyph[alias] = glyph_id
                face.glyphToChar.setdefault(glyph_id, []).append(alias)
                face.charWidths[alias] = width
                self._text_of_alias[alias] = text
                self.code_points[key] = alias
        return alias

    def addObjects(self, doc: Any) -> None:
        """Embed the subsets as reportlab does, then put the real text in their ToUnicode."""
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state is not None else []
        super().addObjects(doc)
        for number, subset in enumerate(subsets):
            if not any(code in self._text_of_alias for code in subset):
                continue
            base_name = self._subset_base_name(number)
            stream = doc.idToObject.get("toUnicodeCMap:" + base_name)
            if stream is not None:
                stream.content = _to_unicode_cmap(base_name, subset, self._text_of_alias)

    def _subset_base_name(self, number: int) -> str:
        prefix: bytes = SUBSETN(number)
        name: bytes = prefix + b"+" + self.face.name + self.face.subfontNameX
        return name.decode("pdfdoc")


def _to_unicode_cmap(font_name: str, subset: list[int], text_of_alias: dict[int, str]) -> str:
    """A ToUnicode CMap like reportlab's, where a code may stand for several characters."""

    def utf16_hex(text: str) -> str:
        return text.encode("utf-16-be").hex().upper()

    entries = []
    for code, char in enumerate(subset):
        text = text_of_alias.get(char, chr(char))
        entries.append(f"<{code:02X}> <{utf16_hex(text)}>")
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({font_name})",
            f"/Ordering ({font_name})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{font_name} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def register_fonts() -> str:
    """Register Sarabun Regular, Bold, Italic and Bold Italic once; returns the family name.

    Safe to call from any thread and any number of times. reportlab keeps one font object
    per typeface (the name inside the .ttf): when any other ``TTFont`` of a Sarabun file was
    registered first in this process, under whatever name, registering ours silently hands
    back that plain font, which cannot shape Thai. So nothing else in the app may register
    Sarabun with reportlab (the self-test uses this function too), and that case is
    refused here, at once, rather than surfacing later as boxes in a printed card.
    """
    with _register_lock:
        registered = pdfmetrics.getRegisteredFontNames()
        for name, style in _STYLE_OF_NAME.items():
            if name not in registered:
                pdfmetrics.registerFont(ThaiTTFont(name, str(font_path(style))))
            font = pdfmetrics.getFont(name)
            if not isinstance(font, ThaiTTFont):
                raise TypeError(
                    f"{name!r} is registered with reportlab but not as a ThaiTTFont "
                    f"(another TTFont of the same typeface came first: {font.fontName!r})"
                )
        pdfmetrics.registerFontFamily(
            FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
    return FAMILY


_fonts_by_name: dict[str, ThaiTTFont] = {}


def thai_font(name: str) -> ThaiTTFont:
    """The registered font of that name; registers the family first if needed."""
    font = _fonts_by_name.get(name)
    if font is not None:
        return font
    if name not in _STYLE_OF_NAME:
        raise KeyError(f"not a Sarabun font: {name!r}")
    register_fonts()
    registered = pdfmetrics.getFont(name)
    assert isinstance(registered, ThaiTTFont)  # register_fonts refuses anything else
    _fonts_by_name[name] = registered
    return registered
