"""The volunteer's photo in the form: shown, replaced from a file, or removed."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QImageWriter, QPixmap
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from asr_desktop.services.roster import Photo
from asr_desktop.ui import ask

PHOTO_SIZE = (150, 190)
MAX_STORED = (600, 800)
"""Photos are scaled down to this before saving: enough for a 300 dpi ID card."""


class PhotoBox(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.picture = QLabel("ไม่มีรูปถ่าย")
        self.picture.setFixedSize(*PHOTO_SIZE)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setStyleSheet("border: 1px solid #aaa; background: #f4f4f4; color: #777;")
        choose = QPushButton("เลือกรูป…")
        choose.setAutoDefault(False)
        choose.clicked.connect(self.choose)
        remove = QPushButton("ลบรูป")
        remove.setAutoDefault(False)
        remove.clicked.connect(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picture)
        layout.addWidget(choose)
        layout.addWidget(remove)
        layout.addStretch(1)
        self.change: Photo | None = None
        """None: unchanged since loading; Photo(b"") removes; otherwise the new photo."""

    def show_image(self, image: bytes | None) -> None:
        if not image:
            self.picture.setPixmap(QPixmap())
            self.picture.setText("ไม่มีรูปถ่าย")
            return
        pixmap = QPixmap()
        pixmap.loadFromData(image)
        self.picture.setPixmap(
            pixmap.scaled(
                *PHOTO_SIZE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def choose(self) -> None:
        path = ask.open_file(self, "เลือกรูปถ่าย", "รูปภาพ (*.jpg *.jpeg *.png *.bmp)")
        if path is None:
            return
        image = QImage(path)
        if image.isNull():
            ask.warn(self, "เลือกรูปถ่าย", f"อ่านไฟล์รูปไม่ได้: {path}\nใช้ไฟล์ JPG หรือ PNG")
            return
        if image.width() > MAX_STORED[0] or image.height() > MAX_STORED[1]:
            image = image.scaled(
                *MAX_STORED,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        # QImageWriter rather than QImage.save: PySide6's stubs type save's format as bytes,
        # but at run time save takes only a str there.
        writer = QImageWriter(buffer, QByteArray(b"jpeg"))
        writer.setQuality(85)
        writer.write(image)
        self.change = Photo(bytes(data.data()), "image/jpeg")
        self.show_image(self.change.image)

    def remove(self) -> None:
        self.change = Photo(b"")
        self.show_image(None)
