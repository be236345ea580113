"""Qt's own words in Thai: standard buttons and the file dialogs.

Qt ships no Thai translation of qtbase, so a clerk saw "OK", "Cancel" and "Look in".
:func:`install` loads ``qtbase_th`` when a Qt build has one and otherwise gives the
standard words Thai text through a small translator of our own. File dialogs start in
Documents, or in the folder last used, instead of the working folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import QLibraryInfo, QLocale, QStandardPaths, QTranslator
from PySide6.QtWidgets import QApplication

WORDS = {
    "QPlatformTheme": {
        "OK": "ตกลง",
        "Cancel": "ยกเลิก",
        "Yes": "ใช่",
        "&Yes": "ใ&ช่",
        "No": "ไม่ใช่",
        "&No": "ไ&ม่ใช่",
        "Close": "ปิด",
        "Save": "บันทึก",
        "Open": "เปิด",
        "Apply": "ใช้",
        "Discard": "ไม่บันทึก",
        "Help": "วิธีใช้",
        "Retry": "ลองอีกครั้ง",
        "Ignore": "ข้าม",
        "Abort": "ยกเลิกการทำงาน",
        "Reset": "ตั้งค่าใหม่",
        "Restore Defaults": "คืนค่าเริ่มต้น",
        "Yes to All": "ใช่ทั้งหมด",
        "No to All": "ไม่ใช่ทั้งหมด",
        "Save All": "บันทึกทั้งหมด",
    },
    "QFileDialog": {
        "Look in:": "ค้นหาใน:",
        "File &name:": "&ชื่อไฟล์:",
        "File name": "ชื่อไฟล์",
        "Files of type:": "ชนิดไฟล์:",
        "&Open": "&เปิด",
        "&Save": "&บันทึก",
        "&Choose": "&เลือก",
        "Cancel": "ยกเลิก",
        "Back": "ย้อนกลับ",
        "Forward": "ถัดไป",
        "Parent Directory": "โฟลเดอร์ก่อนหน้า",
        "Create New Folder": "สร้างโฟลเดอร์ใหม่",
        "New Folder": "โฟลเดอร์ใหม่",
        "List View": "แสดงเป็นรายการ",
        "Detail View": "แสดงรายละเอียด",
        "Directory:": "โฟลเดอร์:",
        "Name": "ชื่อ",
        "Size": "ขนาด",
        "Type": "ชนิด",
        "Date Modified": "วันที่แก้ไข",
        "My Computer": "คอมพิวเตอร์",
        "Computer": "คอมพิวเตอร์",
        "All Files (*)": "ทุกไฟล์ (*)",
        "Open": "เปิด",
        "Save As": "บันทึกเป็น",
        "Find Directory": "เลือกโฟลเดอร์",
    },
    "QDialogButtonBox": {"OK": "ตกลง", "Cancel": "ยกเลิก", "&OK": "&ตกลง", "&Cancel": "&ยกเลิก"},
    "QMessageBox": {
        "OK": "ตกลง",
        "Show Details...": "แสดงรายละเอียด…",
        "Hide Details...": "ซ่อนรายละเอียด…",
    },
}


class ThaiWords(QTranslator):
    """Thai for Qt's standard words (used when Qt has no qtbase_th)."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        found = WORDS.get(context, {}).get(source)
        # None reaches Qt as a null string, which means "not translated here"; an empty
        # string would be taken as the translation and blank every other Qt text.
        return cast(str, found)

    def isEmpty(self) -> bool:
        return False


_installed: list[QTranslator] = []


def install(app: QApplication) -> None:
    """Qt's Thai translation where it exists, our words where it does not."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand), "qtbase", "_", folder):
        app.installTranslator(qt)
        _installed.append(qt)
    words = ThaiWords(app)
    app.installTranslator(words)  # installed last, asked first: ours win where both speak
    _installed.append(words)


_last_folder: list[Path] = []


def start_folder() -> Path:
    """Where file dialogs open: the folder last used, else Documents, else home."""
    if _last_folder and _last_folder[-1].is_dir():
        return _last_folder[-1]
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def remember(chosen: str | Path) -> None:
    """Notes the folder of a chosen file or folder for the next dialog."""
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    _last_folder[:] = [folder]


def start_path(suggested: str) -> str:
    """A suggested file name placed in :func:`start_folder` (a full path is kept)."""
    if not suggested or Path(suggested).is_absolute():
        return suggested or str(start_folder())
    return str(start_folder() / suggested)
