"""Draws the app icon with Qt: resources/icons/asr-desktop.png (256 px) and .ico (16–256 px).

Run from the repository root after changing the design, and commit both files:

    QT_QPA_PLATFORM=offscreen python installer/make_icon.py

The .ico holds one PNG per size (Windows Vista and later read PNG entries), written by hand
below so no imaging library is needed.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "Sarabun-Bold.ttf"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
BACKGROUND = QColor("#1f4e8c")  # deep blue, with a gold band like the ministry's seal
BAND = QColor("#e0a526")
TEXT = QColor("#ffffff")


def draw(size: int, family: str) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    margin = size / 32
    box = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(BACKGROUND)
    painter.drawRoundedRect(box, size / 6, size / 6)
    band = QRectF(box.left(), box.bottom() - size * 0.2, box.width(), size * 0.2)
    painter.setClipRect(band)
    painter.setBrush(BAND)
    painter.drawRoundedRect(box, size / 6, size / 6)
    painter.setClipping(False)
    # Three Thai letters are unreadable below 32 px; the small sizes show อ alone.
    text = "อสร" if size >= 32 else "อ"
    font = QFont(family)
    font.setPixelSize(round(size * (0.42 if size >= 32 else 0.62)))
    painter.setFont(font)
    painter.setPen(TEXT)
    text_box = QRectF(box.left(), box.top(), box.width(), box.height() - size * 0.16)
    painter.drawText(text_box, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file of PNG entries: ICONDIR, one ICONDIRENTRY per size, then the PNGs."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    entries = b""
    images = b""
    offset = len(header) + 16 * len(pngs)
    for size, png in pngs.items():
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    font_id = QFontDatabase.addApplicationFont(str(FONT))
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    pngs = {size: png_bytes(draw(size, family)) for size in ICO_SIZES}
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "asr-desktop.png").write_bytes(pngs[256])
    (ICONS / "asr-desktop.ico").write_bytes(ico_bytes(pngs))
    del app
    print(f"wrote {ICONS / 'asr-desktop.png'} and {ICONS / 'asr-desktop.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
