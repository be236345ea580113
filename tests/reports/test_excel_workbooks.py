"""The workbooks for headquarters, read back with openpyxl."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from tests.excel_fixtures import TODAY, national_id, sample_office

from asr_desktop.domain.month import Month
from asr_desktop.reports.excel.style import BE_DATE_FORMAT
from asr_desktop.services.reporting.monthly import build_monthly_report, write_monthly_workbook
from asr_desktop.services.reporting.workbooks import export_roster, export_terms_ending
from asr_desktop.store.settings import load_settings, save_settings


@pytest.fixture
def db():
    return sample_office()


def workbook_data(path: Path) -> dict[str, object]:
    """The key/value cells of the ข้อมูลไฟล์ sheet that programs read."""
    sheet = openpyxl.load_workbook(path)["ข้อมูลไฟล์"]
    return {row[0]: row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}


def _by_id(ws, header_row: int = 5) -> dict[str, dict[str, object]]:
    headers = [c.value for c in ws[header_row]]
    rows = {}
    for row in ws.iter_rows(min_row=header_row + 1):
        values = {h: c for h, c in zip(headers, row, strict=False)}
        cell = values.get("เลขประจำตัวประชาชน")
        if cell is not None and cell.value:
            rows[cell.value] = values
    return rows


def test_roster_register_looks_like_a_government_workbook(db, tmp_path: Path) -> None:
    out = tmp_path / "roster.xlsx"
    assert export_roster(db, out, today=TODAY, full_ids=True) == 4
    ws = openpyxl.load_workbook(out).active
    assert ws["A1"].value == "ทะเบียนอาสาสมัครแรงงาน (อสร.) จังหวัดสกลนคร"
    assert ws["A2"].value == "สำนักงานแรงงานจังหวัดสกลนคร"
    assert ws["A3"].value == "ข้อมูล ณ วันที่ 20 ตุลาคม 2568  จำนวน 4 คน"
    # Titles centred over the printed columns (A:N), not over all 34.
    assert {str(r) for r in ws.merged_cells.ranges} >= {"A1:N1", "A2:N2", "A3:N3"}
    assert ws["A1"].font.name == "Sarabun" and ws["A1"].font.b
    assert ws.freeze_panes == "E6"  # the header and ลำดับ, คำนำหน้า, ชื่อ, นามสกุล stay
    assert ws.auto_filter.ref == "A5:AH9"
    assert ws.print_title_rows == "$5:$5"
    assert ws.print_area == "'ทะเบียน อสร.'!$A$1:$N$14"  # the table and the signatures
    texts = [c.value for row in ws.iter_rows(min_row=10) for c in row if c.value]
    assert any("ผู้รายงาน" in str(t) for t in texts) and any("ผู้รับรอง" in str(t) for t in texts)
    assert sum("วันที่ ...." in str(t) for t in texts) == 2
    data = workbook_data(out)
    assert data["province_code"] == "47" and data["period"] == "2025-10-20"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.orientation == "landscape"
    # 14 columns at one page wide would print at about 50 %: two pages wide, the name
    # columns repeated on the second, both halves of the same rows one after the other.
    assert ws.page_setup.fitToWidth == 2 and ws.page_setup.fitToHeight == 0
    assert ws.print_title_cols == "$A:$D" and ws.page_setup.pageOrder == "overThenDown"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.column_dimensions["E"].width >= 15  # 13 digits fit
    rows = _by_id(ws)
    somchai = rows[national_id(1)]
    assert somchai["เลขประจำตัวประชาชน"].data_type == "s"
    assert somchai["โทรศัพท์"].value == "0812345678"
    assert somchai["โทรศัพท์"].data_type == "s"
    assert somchai["วันเกิด"].value == datetime(1970, 2, 12)
    assert somchai["วันเกิด"].number_format == BE_DATE_FORMAT
    assert somchai["ชื่อ"].font.name == "Sarabun"
    assert somchai["หมายเหตุ"].value == "=ไม่ใช่สูตร"
    assert somchai["หมายเหตุ"].data_type == "s"
    assert somchai["ระดับ"].value == "แกนนำ"
    assert somchai["สถานะ"].value == "ปฏิบัติหน้าที่"
    exited = rows[national_id(3)]
    assert exited["สถานะ"].value == "พ้นสภาพ"
    assert exited["เหตุที่พ้นสภาพ"].value == "ลาออก"
    assert exited["วันที่เปลี่ยนสถานะ"].value == datetime(2025, 3, 15)


def test_office_font_and_dates_as_text_settings(db, tmp_path: Path) -> None:
    settings = load_settings(db)
    save_settings(
        db, dataclasses.replace(settings, report_font="TH SarabunPSK", excel_dates_as_text=True)
    )
    out = tmp_path / "roster.xlsx"
    export_roster(db, out, today=TODAY, full_ids=True)
    workbook = openpyxl.load_workbook(out)
    ws = workbook.active
    assert ws["A1"].font.name == "TH SarabunPSK"
    assert ws["A1"].font.sz == 18  # Sarabun 16 looks like TH SarabunPSK 18
    somchai = _by_id(ws)[national_id(1)]
    assert somchai["วันเกิด"].value == "12 ก.พ. 2513"
    assert somchai["ชื่อ"].font.name == "TH SarabunPSK"


def test_terms_ending_list(db, tmp_path: Path) -> None:
    out = tmp_path / "terms.xlsx"
    assert export_terms_ending(db, out, today=TODAY, full_ids=True, days=800) == 2
    ws = openpyxl.load_workbook(out).active
    assert ws["A1"].value == "รายชื่ออาสาสมัครแรงงานที่จะครบวาระภายใน 800 วัน"
    first = [c.value for c in ws[6]]
    assert first[1] == national_id(1)
    assert first[2] == "นายสมชาย ใจดี"
    assert first[9] == 406  # days left
    signature = [c.value for row in ws.iter_rows(min_row=8) for c in row if c.value]
    assert any("ลงชื่อ" in str(v) for v in signature)


def test_monthly_workbook_has_totals_rows(db, tmp_path: Path) -> None:
    report = build_monthly_report(db, Month(2025, 10))
    out = tmp_path / "monthly.xlsx"
    write_monthly_workbook(db, report, out, today=TODAY)
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames[0] == "รายอำเภอ"
    ws = workbook["รายอำเภอ"]
    assert ws["A1"].value == "รายงานผลการดำเนินงานอาสาสมัครแรงงาน ประจำเดือนตุลาคม 2568"
    assert "ปีงบประมาณ พ.ศ. 2569" in ws["A2"].value
    values = [[c.value for c in row] for row in ws.iter_rows(min_row=6)]
    districts = [v for v in values if v[0] and v[0] != "รวมทั้งจังหวัด" and isinstance(v[1], int)]
    assert len(districts) == 18  # สกลนคร has 18 districts
    total = next(v for v in values if v[0] == "รวมทั้งจังหวัด")
    assert total[1] == 125  # tambons
    assert total[3] == 1 and total[4] == 1  # one serving lead, one network member
    assert total[5] == 2
    coverage = workbook["ความครอบคลุม"]
    assert "มี 1 จาก 125 ตำบล" in coverage["A3"].value


def test_an_office_template_with_its_own_placeholders(db, tmp_path: Path) -> None:
    folder = tmp_path / "forms"
    folder.mkdir()
    form = openpyxl.Workbook()
    ws = form.active
    ws.title = "แบบ อสร.1"
    ws["A1"] = "แบบรายงาน {{office}} ({{province}})"
    ws["A3"], ws["B3"], ws["C3"] = "เลขบัตร", "ชื่อ", "ตำบล"
    ws["A4"], ws["B4"], ws["C4"] = (
        "{{roster.national_id}}",
        "{{roster.first_name}}",
        "{{roster.subdistrict}}",
    )
    ws["A6"] = "รวม {{roster:count}} คน"
    ws.merge_cells("A6:C6")
    form.save(folder / "roster.xlsx")
    save_settings(db, dataclasses.replace(load_settings(db), template_folder=str(folder)))
    out = tmp_path / "out.xlsx"
    export_roster(db, out, today=TODAY, full_ids=True)
    result = openpyxl.load_workbook(out)["แบบ อสร.1"]
    assert result["A1"].value == "แบบรายงาน สำนักงานแรงงานจังหวัดสกลนคร (สกลนคร)"
    # Register order: districts and tambons in DOPA code order (4701 before 4702), then name.
    assert [result.cell(r, 1).value for r in range(4, 8)][:4] == [
        national_id(1),
        national_id(4),
        national_id(2),
        national_id(3),
    ]
    assert result["A9"].value == "รวม 4 คน"
    assert "A9:C9" in {str(r) for r in result.merged_cells.ranges}
    assert result.auto_filter.ref == "A3:C7"


def test_a_template_with_one_far_cell_is_refused_not_a_hang(db, tmp_path: Path) -> None:
    """Issue 12: one cell at XFD1048576 made the export visit 17 billion cells."""
    from asr_desktop.reports.excel.template import TemplateError

    folder = tmp_path / "forms"
    folder.mkdir()
    form = openpyxl.Workbook()
    ws = form.active
    ws["A1"] = "{{office}}"
    ws["A3"] = "{{roster.national_id}}"
    ws["XFD1048576"] = "ไกล"
    form.save(folder / "roster.xlsx")
    save_settings(db, dataclasses.replace(load_settings(db), template_folder=str(folder)))
    out = tmp_path / "out.xlsx"
    with pytest.raises(TemplateError, match="16,384"):
        export_roster(db, out, today=TODAY)
    assert not out.exists()
