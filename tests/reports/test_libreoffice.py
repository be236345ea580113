"""Each exported workbook opened by LibreOffice Calc (skipped where it is not installed).

Converting to CSV "as shown" proves that another spreadsheet program reads the values
and formats the way Excel users will see them: IDs and phones as text with every digit,
dates in พ.ศ., Thai text intact, totals in place.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest
from tests.excel_fixtures import TODAY, national_id, sample_office

from asr_desktop.domain.month import Month
from asr_desktop.services.reporting.monthly import build_monthly_report, write_monthly_workbook
from asr_desktop.services.reporting.workbooks import export_roster, export_terms_ending

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# Each test starts LibreOffice (5–10 s); `-m "not slow"` leaves them to CI.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed"),
]

# Tokens: comma, quote, UTF-8 (76), from line 1, -, language, quoted as text, detect special
# numbers, save cell contents as shown (true), formulas, trim spaces, every sheet (-1).
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"


def to_csv(workbook: Path, tmp_path: Path) -> dict[str, list[list[str]]]:
    """Every sheet of ``workbook`` as LibreOffice shows it, by sheet name."""
    out = tmp_path / "csv"
    out.mkdir(exist_ok=True)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", CSV_FILTER,
         "--outdir", str(out), str(workbook)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    sheets = {}
    for path in out.glob(f"{workbook.stem}*.csv"):
        name = path.stem.removeprefix(workbook.stem).removeprefix("-") or workbook.stem
        with path.open(encoding="utf-8", newline="") as stream:
            sheets[name] = list(csv.reader(stream))
    return sheets


@pytest.fixture(scope="module")
def db():
    return sample_office()


def test_roster_in_libreoffice(db, tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    export_roster(db, path, today=TODAY, full_ids=True)
    sheets = to_csv(path, tmp_path)
    assert set(sheets) == {"ทะเบียน อสร.", "ข้อมูลไฟล์"}
    rows = sheets["ทะเบียน อสร."]
    assert rows[0][0] == "ทะเบียนอาสาสมัครแรงงาน (อสร.) จังหวัดสกลนคร"
    header = rows[4]
    by_id = {r[4]: dict(zip(header, r, strict=False)) for r in rows[5:] if r[4]}
    somchai = by_id[national_id(1)]  # 13 digits, not 3E+12
    assert somchai["โทรศัพท์"] == "0812345678"  # the leading 0 kept
    assert somchai["วันเกิด"] == "12/02/2513"  # a real date shown in พ.ศ.
    assert somchai["วันเริ่มวาระ"] == "01/12/2566"
    assert somchai["หมายเหตุ"] == "=ไม่ใช่สูตร"
    assert by_id[national_id(3)]["วันที่เปลี่ยนสถานะ"] == "15/03/2568"


def test_terms_ending_in_libreoffice(db, tmp_path: Path) -> None:
    path = tmp_path / "terms.xlsx"
    export_terms_ending(db, path, today=TODAY, full_ids=True, days=800)
    rows = to_csv(path, tmp_path)["ครบวาระ"]
    assert rows[5][1:3] == [national_id(1), "นายสมชาย ใจดี"]
    assert rows[5][8:10] == ["30/11/2569", "406"]


def test_monthly_workbook_in_libreoffice(db, tmp_path: Path) -> None:
    path = tmp_path / "monthly.xlsx"
    write_monthly_workbook(db, build_monthly_report(db, Month(2025, 10)), path, today=TODAY)
    sheets = to_csv(path, tmp_path)
    assert set(sheets) == {"รายอำเภอ", "ภารกิจและหน่วยงาน", "การส่งต่อ", "กิจกรรมและการอบรม",
                           "ความครอบคลุม", "ข้อมูลไฟล์"}  # fmt: skip
    districts = sheets["รายอำเภอ"]
    assert districts[0][0] == "รายงานผลการดำเนินงานอาสาสมัครแรงงาน ประจำเดือนตุลาคม 2568"
    total = next(r for r in districts if r[0] == "รวมทั้งจังหวัด")
    assert total[1:6] == ["125", "1", "1", "1", "2"]
    coverage = sheets["ความครอบคลุม"]
    assert ["ธาตุเชิงชุม", "470101", "มี", "1", "0"] in [r[1:6] for r in coverage]
    assert ["ขมิ้น", "470102", "ไม่มี", "0", "1"] in [r[1:6] for r in coverage]
    data = {r[0]: r[1] for r in sheets["ข้อมูลไฟล์"][1:]}
    assert data["province_code"] == "47" and data["period"] == "2025-10"
