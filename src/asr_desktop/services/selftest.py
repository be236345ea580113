"""The self-test: proves on this computer that the parts the app cannot work without are there.

Run by ``asr-cli self-test`` after an install and by CI against the frozen build, where a
missing data file (a font, pythainlp's word list, geothai's areas) only shows up at run
time. Each check works in a temporary folder and never touches the office's database.
"""

from __future__ import annotations

import os
import re
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")

# A sentence whose newmm split is fixed by the word list that ships with pythainlp 5.4.
SAMPLE_SENTENCE = "สำนักงานแรงงานจังหวัดสกลนครรับสมัครอาสาสมัครแรงงาน"
SAMPLE_WORDS = ["สำนักงาน", "แรงงาน", "จังหวัด", "สกลนคร", "รับสมัคร", "อาสาสมัคร", "แรงงาน"]
SAMPLE_SYLLABLES = ["อา", "สา", "สมัคร", "แรง", "งาน"]
# Consonant, vowels above and below, tone marks, SARA AM and a Thai digit.
THAI_GLYPH_PROBE = "กำนั้นปู่๑"


class SelfTestFailure(Exception):
    """A check found something wrong; the message says what, in Thai."""


@dataclass(frozen=True)
class CheckResult:
    label: str
    ok: bool
    detail: str


Check = Callable[[Path], str]


def check_fonts(workdir: Path) -> str:
    """Every Sarabun file loads in reportlab and has glyphs for Thai."""
    from reportlab.pdfbase.ttfonts import TTFont

    from asr_desktop.assets import FONT_FILES, font_path

    for style in FONT_FILES:
        path = font_path(style)
        font = TTFont(f"SelfTest-{style}", str(path))
        missing = [ch for ch in THAI_GLYPH_PROBE if ord(ch) not in font.face.charToGlyph]
        if missing:
            raise SelfTestFailure(f"{path.name} ไม่มีตัวอักษร {''.join(missing)}")
    return f"Sarabun {len(FONT_FILES)} แบบ"


def check_thai_words(workdir: Path) -> str:
    """pythainlp's newmm and dictionary syllables split a known sentence as expected, and
    so do the screen's word breaks (the same word list, read by domain.thai_words)."""
    from pythainlp.tokenize import syllable_tokenize, word_tokenize

    from asr_desktop.domain.thai_words import thai_words

    words = word_tokenize(SAMPLE_SENTENCE, engine="newmm")
    if words != SAMPLE_WORDS:
        raise SelfTestFailure(f"ตัดคำได้ {'|'.join(words)}")
    shown = thai_words(SAMPLE_SENTENCE)
    if shown != SAMPLE_WORDS:
        raise SelfTestFailure(f"ตัดคำสำหรับหน้าจอได้ {'|'.join(shown)}")
    syllables = syllable_tokenize("อาสาสมัครแรงงาน", engine="dict")
    if syllables != SAMPLE_SYLLABLES:
        raise SelfTestFailure(f"ตัดพยางค์ได้ {'|'.join(syllables)}")
    return "|".join(words)


def check_database(workdir: Path) -> str:
    """A new database file opens, migrates to the latest schema and holds the DOPA areas."""
    from asr_desktop.store import migrations
    from asr_desktop.store.database import foreign_keys_enforced, open_database, stored_area_name

    db = open_database(workdir / "selftest.db")
    try:
        if migrations.pending(db):
            raise SelfTestFailure(f"ยังมีการปรับโครงสร้างค้างอยู่: {migrations.pending(db)}")
        if not foreign_keys_enforced(db):
            raise SelfTestFailure("foreign_keys ไม่ได้เปิด")
        if stored_area_name(db, "47") != "สกลนคร":
            raise SelfTestFailure("ไม่พบข้อมูลพื้นที่ของกรมการปกครอง (รหัส 47)")
        applied = migrations.applied_names(db)
    finally:
        db.close()
    return f"{len(applied)} migration, ล่าสุด {applied[-1]}"


def check_pdf(workdir: Path) -> str:
    """A one-page PDF in Sarabun is written, and the file read back has the embedded font."""
    from reportlab.pdfgen import canvas

    from asr_desktop.reports.pdf.fonts import REGULAR, register_fonts

    # The reports' own registration: reportlab keeps one font object per typeface, so a
    # second TTFont of the same file registered first would stand in for the reports' font.
    register_fonts()
    path = workdir / "selftest.pdf"
    pdf = canvas.Canvas(str(path), invariant=1, initialFontName=REGULAR)
    pdf.setFont(REGULAR, 16)
    pdf.drawString(72, 720, SAMPLE_SENTENCE)
    pdf.showPage()
    pdf.save()

    data = path.read_bytes()
    if not data.startswith(b"%PDF-") or not data.rstrip().endswith(b"%%EOF"):
        raise SelfTestFailure("ไฟล์ PDF ไม่สมบูรณ์")
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    if pages != 1:
        raise SelfTestFailure(f"PDF มี {pages} หน้า (ควรมี 1)")
    if not re.search(rb"/BaseFont\s*/[A-Z]{6}\+Sarabun-Regular", data) or b"/FontFile2" not in data:
        raise SelfTestFailure("PDF ไม่ได้ฝังฟอนต์ Sarabun")
    return f"{len(data):,} ไบต์"


def check_workbook(workdir: Path) -> str:
    """A workbook with Thai text, a 13-digit ID kept as text and a date is written and read back."""
    from openpyxl import Workbook, load_workbook

    expected = ["ทะเบียนอาสาสมัครแรงงาน", "1101700203451", 42, date(2025, 10, 1)]
    path = workdir / "selftest.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "ทดสอบ"
    sheet.append(expected)
    workbook.save(path)

    sheet = load_workbook(path, read_only=True)["ทดสอบ"]
    got = [cell.value for cell in next(sheet.iter_rows(min_row=1, max_row=1))]
    # openpyxl reads dates back as datetimes at midnight.
    got[3] = got[3].date() if hasattr(got[3], "date") else got[3]
    if got != expected:
        raise SelfTestFailure(f"อ่านกลับได้ {got!r}")
    return f"{path.stat().st_size:,} ไบต์"


CHECKS: tuple[tuple[str, Check], ...] = (
    ("ฟอนต์ (fonts)", check_fonts),
    ("การตัดคำภาษาไทย (Thai segmentation)", check_thai_words),
    ("ฐานข้อมูล (database)", check_database),
    ("ไฟล์ PDF (PDF)", check_pdf),
    ("ไฟล์ Excel (workbook)", check_workbook),
)


def run_checks(checks: tuple[tuple[str, Check], ...] | None = None) -> list[CheckResult]:
    """Runs the checks (all of :data:`CHECKS` by default) in a fresh temporary folder.

    One check failing does not stop the rest.
    """
    checks = CHECKS if checks is None else checks
    results = []
    with tempfile.TemporaryDirectory(prefix="asr-selftest-") as tmp:
        for label, check in checks:
            workdir = Path(tmp) / check.__name__
            workdir.mkdir()
            try:
                detail = check(workdir)
            except SelfTestFailure as exc:
                results.append(CheckResult(label, False, str(exc)))
            except Exception as exc:  # a missing file in a frozen build, a broken library
                where = traceback.extract_tb(exc.__traceback__)[-1]
                detail = f"{type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})"
                results.append(CheckResult(label, False, detail))
            else:
                results.append(CheckResult(label, True, detail))
    return results
