"""PDF/A-2b for the archive: XMP metadata that repeats the document information, and an
sRGB output intent, added to a reportlab canvas before it is saved.

Offices file their reports in the ministry's e-document archive, which takes PDF/A. What
PDF/A-2b asks beyond what every PDF of ours already does (every font embedded, no
encryption, no transparency groups, no JavaScript):

- an XMP metadata stream in the catalogue whose title, author, creator tool, producer,
  subject, keywords and dates equal the Info dictionary's, declaring ``pdfaid:part`` 2 and
  ``pdfaid:conformance`` B;
- an output intent (GTS_PDFA1) with an embedded ICC profile for the device colours used:
  a built-in sRGB profile from LittleCMS (through Pillow, which reportlab requires);
- an end-of-line before every ``endstream``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import (
    XMP,
    PDFArray,
    PDFCatalog,
    PDFDictionary,
    PDFName,
    PDFStream,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas

PRODUCER_NOTE = "อสร. Desktop"


@lru_cache(maxsize=1)
def srgb_profile() -> bytes:
    """An sRGB ICC profile (LittleCMS's built-in one)."""
    from PIL import ImageCms

    profile: bytes = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return profile


def make_pdfa(canvas: Canvas) -> None:
    """Make the PDF that ``canvas`` writes PDF/A-2b (call before ``canvas.save()``)."""
    _end_streams_with_eol()
    document = canvas._doc
    document.Catalog.Metadata = _PlainXMP(creator=_xmp)
    icc = PDFStream(
        dictionary=PDFDictionary({"N": 3}),
        content=srgb_profile(),
        filters=None,
    )
    icc.__RefOnly__ = 1
    intent = PDFDictionary(
        {
            "Type": PDFName("OutputIntent"),
            "S": PDFName("GTS_PDFA1"),
            "OutputConditionIdentifier": PDFString("sRGB IEC61966-2.1"),
            "Info": PDFString("sRGB IEC61966-2.1"),
            "DestOutputProfile": document.Reference(icc),
        }
    )
    catalog = document.Catalog
    # reportlab writes only the catalogue keys its class lists; this one also OutputIntents.
    catalog.__NoDefault__ = [*PDFCatalog.__NoDefault__, "OutputIntents"]
    catalog.OutputIntents = PDFArray([intent])


def _end_streams_with_eol() -> None:
    """Have reportlab put an end-of-line before every ``endstream`` (once per process).

    PDF/A (ISO 19005-2, 6.1.7.1) wants one; reportlab writes none after binary stream data
    (it relied on ASCII85's closing line, which our reports turn off). The EOL is not
    counted in the stream's Length, as the PDF standard says.
    """
    if getattr(PDFStream.format, "_eol_before_endstream", False):
        return
    plain = PDFStream.format

    def format_with_eol(self: PDFStream, document: Any) -> bytes:
        formatted = bytes(plain(self, document))
        if formatted.endswith(b"endstream\n") and formatted[-11:-10] not in (b"\n", b"\r"):
            formatted = formatted[:-10] + b"\nendstream\n"
        return formatted

    format_with_eol._eol_before_endstream = True  # type: ignore[attr-defined]
    PDFStream.format = format_with_eol


class _PlainXMP(XMP):  # type: ignore[misc]
    """The XMP stream written without any filter (PDF/A: no Filter key on metadata), however
    the rest of the document is compressed."""

    def format(self, document: Any) -> bytes:
        saved = document.defaultStreamFilters
        document.defaultStreamFilters = None
        try:
            return bytes(super().format(document))
        finally:
            document.defaultStreamFilters = saved


def _xmp(document: Any) -> bytes:
    """The XMP packet (UTF-8), from the same values the Info dictionary is written from."""
    info = document.info
    stamp = document._timeStamp
    year, month, day, hour, minute, second = stamp.YMDhms
    offset = f"{stamp.dhh:+03d}:{stamp.dmm:02d}"
    when = f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}{offset}"

    def text(value: object) -> str:
        return escape(str(value))

    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{text(info.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{text(info.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt>
<rdf:li xml:lang="x-default">{text(info.subject)}</rdf:li></rdf:Alt></dc:description>
<xmp:CreatorTool>{text(info.creator)}</xmp:CreatorTool>
<xmp:CreateDate>{when}</xmp:CreateDate>
<xmp:ModifyDate>{when}</xmp:ModifyDate>
<xmp:MetadataDate>{when}</xmp:MetadataDate>
<pdf:Producer>{text(info.producer)}</pdf:Producer>
<pdf:Keywords>{text(info.keywords)}</pdf:Keywords>
<pdf:Trapped>{text(info.trapped)}</pdf:Trapped>
<pdfaid:part>2</pdfaid:part>
<pdfaid:conformance>B</pdfaid:conformance>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode()
