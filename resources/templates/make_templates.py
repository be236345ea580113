"""Builds the default report templates in this folder (run after changing a layout).

    python resources/templates/make_templates.py

Each template is an ordinary workbook: titles with ``{{placeholders}}``, a header row, and a
table row of ``{{table.field}}`` cells whose styles every record copies (README: "แม่แบบ
รายงาน Excel"). An office may copy one of these files, change it in Excel and choose it in
the settings; the app reads everything it needs from the file.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

HERE = Path(__file__).resolve().parent
FONT = "Sarabun"
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDE5F0")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
TEXT, NUMBER, DATE, CENTER = "text", "number", "date", "center"

Column = tuple[str, str, str, float]
"""(field, Thai header, kind, width)."""


def _title_rows(ws: Worksheet, titles: list[str], width: int) -> None:
    for row, text in enumerate(titles, 1):
        cell = ws.cell(row, 1, text)
        cell.font = Font(name=FONT, sz=16 if row == 1 else 14, bold=row == 1)
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        ws.row_dimensions[row].height = 27 if row == 1 else 23


def _note(ws: Worksheet, row: int, text: str, width: int) -> None:
    """A paragraph under the table (how the figures are counted), wrapped across it."""
    cell = ws.cell(row, 1, text)
    cell.font = Font(name=FONT, sz=12)
    cell.alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    ws.row_dimensions[row].height = 58


def _table(ws: Worksheet, table: str, columns: list[Column], header_row: int) -> None:
    for col, (field, header, kind, width) in enumerate(columns, 1):
        head = ws.cell(header_row, col, header)
        head.font = Font(name=FONT, sz=14, bold=True)
        head.fill = HEADER_FILL
        head.border = BOX
        head.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        body = ws.cell(header_row + 1, col, f"{{{{{table}.{field}}}}}")
        body.font = Font(name=FONT, sz=14)
        body.border = BOX
        horizontal = {NUMBER: "right", CENTER: "center", DATE: "center"}.get(kind, "left")
        indent = 1 if horizontal == "left" else 0  # text off the cell border, as in print
        body.alignment = Alignment(horizontal=horizontal, vertical="top", indent=indent)
        if kind == NUMBER:
            body.number_format = "#,##0"
        elif kind in (TEXT, CENTER):
            body.number_format = "@"
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[header_row].height = 45


def _totals(ws: Worksheet, table: str, columns: list[Column], row: int, label: str) -> None:
    ws.cell(row, 1, label)
    for col, (field, _, kind, _) in enumerate(columns, 1):
        cell = ws.cell(row, col)
        if col > 1 and kind == NUMBER:
            cell.value = f"{{{{{table}.{field}:sum}}}}"
            cell.number_format = "#,##0"
        cell.font = Font(name=FONT, sz=14, bold=True)
        cell.fill = TOTAL_FILL
        cell.border = BOX
        cell.alignment = Alignment(horizontal="right" if col > 1 else "center")


SIGNATURES = (
    ("ผู้รายงาน", "{{preparer_name}}", "{{preparer_position}}"),
    ("ผู้รับรอง", "{{approver_name}}", "{{approver_position}}"),
)


def _signature(ws: Worksheet, row: int, width: int) -> None:
    """The preparer's block on the left half, the approver's on the right, each with the
    role word after the dotted line and a date line, as in the printed reports."""
    half = max(1, width // 2)
    spans = ((1, half), (half + 1, width)) if width > 1 else ((1, 1), (1, 1))
    for (role, name, position), (first, last) in zip(SIGNATURES, spans, strict=True):
        lines = (
            f"ลงชื่อ ........................................ {role}",
            f"({name})",
            position,
            "วันที่ ........ / ............ / ........",
        )
        for offset, text in enumerate(lines):
            cell = ws.cell(row + offset, first, text)
            cell.font = Font(name=FONT, sz=14)
            cell.alignment = Alignment(horizontal="center")
            if last > first:
                ws.merge_cells(
                    start_row=row + offset,
                    start_column=first,
                    end_row=row + offset,
                    end_column=last,
                )


def file_data_sheet(wb: Workbook, report: str) -> None:
    """A sheet of key/value cells a program can read without parsing the titles: the
    office's DOPA province code (text, "47"), the period (2025-10 for a month, else the
    date the data is as of) and what the file is."""
    ws = wb.create_sheet("ข้อมูลไฟล์")
    rows = [
        ("key", "value", "ความหมาย"),
        ("report", report, "ชื่อรายงาน"),
        ("province_code", "{{province_code}}", "รหัสจังหวัด (กรมการปกครอง)"),
        ("province", "{{province}}", "จังหวัด"),
        ("office", "{{office}}", "สำนักงาน"),
        ("period", "{{period}}", "งวดข้อมูล (เดือน ค.ศ. YYYY-MM หรือวันที่ข้อมูล)"),
        ("as_of", "{{as_of}}", "ข้อมูล ณ วันที่"),
    ]
    for r, values in enumerate(rows, 1):
        for c, value in enumerate(values, 1):
            cell = ws.cell(r, c, value)
            cell.font = Font(name=FONT, sz=14, bold=r == 1)
            if c == 2 and r > 1 and value != "{{as_of}}":
                cell.number_format = "@"
    for column, width in zip("ABC", (16, 34, 44), strict=True):
        ws.column_dimensions[column].width = width


def _sheet(wb: Workbook, title: str, *, landscape: bool) -> Worksheet:
    ws = wb.create_sheet(title)
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.page_margins.header = ws.page_margins.footer = 0.25
    ws.oddFooter.center.text = "หน้า &P / &N"
    ws.oddFooter.center.font = FONT
    return ws


def table_sheet(
    wb: Workbook,
    title: str,
    table: str,
    titles: list[str],
    columns: list[Column],
    *,
    totals: str | None = None,
    note: str | None = None,
    signature: bool = False,
    landscape: bool = True,
    print_columns: int | None = None,
    frozen_columns: int = 0,
) -> None:
    """``print_columns``: how many leading columns are printed (the print area), the titles
    and signatures centred over them; ``frozen_columns`` stay on screen when scrolling."""
    ws = _sheet(wb, title, landscape=landscape)
    width = print_columns or len(columns)
    _title_rows(ws, titles, width)
    header = len(titles) + 2
    _table(ws, table, columns, header)
    row = header + 2
    if totals:
        _totals(ws, table, columns, row, totals)
        row += 1
    if note:
        _note(ws, row, note, width)
        row += 1
    if signature:
        _signature(ws, row + 1, width)
    if frozen_columns:
        ws.freeze_panes = f"{get_column_letter(frozen_columns + 1)}{header + 1}"
        # Printed two pages wide, the names repeat on the second page too.
        ws.print_title_cols = f"A:{get_column_letter(frozen_columns)}"
    if print_columns:
        last = get_column_letter(print_columns)
        ws.print_area = f"A1:{last}{row + (5 if signature else 0)}"


# The register an officer signs off (and prints) comes first; the rest of the record
# follows for headquarters' programs and is left out of the print area.
ROSTER_PRINTED = 14
ROSTER: list[Column] = [
    ("seq", "ลำดับ", NUMBER, 6),
    ("title", "คำนำหน้า", TEXT, 9),
    ("first_name", "ชื่อ", TEXT, 13),
    ("last_name", "นามสกุล", TEXT, 14),
    ("national_id", "เลขประจำตัวประชาชน", CENTER, 17),
    ("subdistrict", "ตำบล", TEXT, 12),
    ("district", "อำเภอ", TEXT, 13),
    ("tier", "ระดับ", TEXT, 9),
    ("batch", "รุ่น", CENTER, 7),
    ("term_start", "วันเริ่มวาระ", DATE, 11),
    ("term_end", "วันสิ้นสุดวาระ", DATE, 11),
    ("card_no", "เลขที่บัตร อสร.", TEXT, 13),
    ("status", "สถานะ", TEXT, 13),
    ("phone", "โทรศัพท์", CENTER, 12),
    ("gender", "เพศ", CENTER, 6),
    ("birth_date", "วันเกิด", DATE, 11),
    ("line_id", "LINE ID", TEXT, 10),
    ("house_no", "บ้านเลขที่", TEXT, 9),
    ("moo", "หมู่ที่", CENTER, 6),
    ("village", "หมู่บ้าน", TEXT, 12),
    ("soi", "ซอย", TEXT, 8),
    ("road", "ถนน", TEXT, 8),
    ("province", "จังหวัด", TEXT, 10),
    ("postcode", "รหัสไปรษณีย์", CENTER, 8),
    ("education", "การศึกษา", TEXT, 10),
    ("occupation", "อาชีพ", TEXT, 10),
    ("other_roles", "บทบาทอื่น", TEXT, 10),
    ("order_no", "คำสั่งเลขที่", TEXT, 10),
    ("order_date", "คำสั่งลงวันที่", DATE, 11),
    ("status_date", "วันที่เปลี่ยนสถานะ", DATE, 11),
    ("exit_reason", "เหตุที่พ้นสภาพ", TEXT, 12),
    ("pdpa_consent_date", "วันที่ให้ความยินยอม (PDPA)", DATE, 11),
    ("mentor", "พี่เลี้ยง", TEXT, 14),
    ("notes", "หมายเหตุ", TEXT, 16),
]

TERMS_ENDING: list[Column] = [
    ("seq", "ลำดับ", NUMBER, 6),
    ("national_id", "เลขประจำตัวประชาชน", CENTER, 17),
    ("full_name", "ชื่อ-สกุล", TEXT, 24),
    ("subdistrict", "ตำบล", TEXT, 12),
    ("district", "อำเภอ", TEXT, 12),
    ("tier", "ระดับ", TEXT, 10),
    ("batch", "รุ่น", CENTER, 6),
    ("term_start", "วันเริ่มวาระ", DATE, 11),
    ("term_end", "วันสิ้นสุดวาระ", DATE, 11),
    ("days_left", "เหลือ (วัน)", NUMBER, 8),
    ("phone", "โทรศัพท์", CENTER, 12),
]

BY_DISTRICT: list[Column] = [
    ("district", "อำเภอ", TEXT, 16),
    ("tambons", "จำนวนตำบล", NUMBER, 8),
    ("covered", "ตำบลที่มี อสร.", NUMBER, 8),
    ("leads", "แกนนำ", NUMBER, 8),
    ("network", "เครือข่าย", NUMBER, 8),
    ("active", "รวม อสร.", NUMBER, 8),
    ("appointed", "แต่งตั้งใหม่ในเดือน", NUMBER, 10),
    ("exited", "พ้นสภาพในเดือน", NUMBER, 10),
    ("activities", "ผลการปฏิบัติงาน (ครั้ง)", NUMBER, 10),
    ("reached_male", "ผู้รับบริการ ชาย", NUMBER, 10),
    ("reached_female", "ผู้รับบริการ หญิง", NUMBER, 10),
    ("referrals", "การส่งต่อ (ราย)", NUMBER, 10),
]

AGENCIES = [("ops", "สป.รง."), ("doe", "กกจ."), ("dsd", "กพร."), ("dlpw", "กสร."), ("sso", "สปส.")]
BY_MISSION: list[Column] = [
    ("mission", "ภารกิจ", TEXT, 30),
    *[(code, label, NUMBER, 8) for code, label in AGENCIES],
    ("none", "ไม่ระบุหน่วยงาน", NUMBER, 9),
    ("total", "รวม", NUMBER, 8),
]
REFERRALS: list[Column] = [
    ("agency", "หน่วยงานที่ส่งต่อ", TEXT, 26),
    ("referred", "ส่งต่อแล้ว", NUMBER, 9),
    ("in_progress", "อยู่ระหว่างดำเนินการ", NUMBER, 10),
    ("served", "ได้รับบริการแล้ว", NUMBER, 10),
    ("not_served", "ไม่ได้รับบริการ", NUMBER, 10),
    ("total", "รวม", NUMBER, 8),
]
EVENTS: list[Column] = [
    ("date", "วันที่", DATE, 11),
    ("title", "ชื่อกิจกรรม/การอบรม", TEXT, 30),
    ("venue", "สถานที่", TEXT, 18),
    ("leads", "แกนนำ", NUMBER, 7),
    ("network", "เครือข่าย", NUMBER, 7),
    ("mentors", "พี่เลี้ยง", NUMBER, 7),
    ("staff", "เจ้าหน้าที่", NUMBER, 7),
    ("others", "อื่น ๆ", NUMBER, 7),
    ("total", "รวม", NUMBER, 7),
]
COVERAGE: list[Column] = [
    ("district", "อำเภอ", TEXT, 16),
    ("subdistrict", "ตำบล", TEXT, 16),
    ("subdistrict_code", "รหัสตำบล", CENTER, 9),
    ("covered", "มีแกนนำปฏิบัติหน้าที่", CENTER, 10),
    ("leads", "แกนนำ", NUMBER, 8),
    ("network", "เครือข่าย", NUMBER, 8),
]

MONTHLY_TITLES = [
    "รายงานผลการดำเนินงานอาสาสมัครแรงงาน ประจำเดือน{{month_th}}",
    "{{office}}  ปีงบประมาณ พ.ศ. {{fiscal_year}}",
]


def make_roster(path: Path) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    table_sheet(
        wb,
        "ทะเบียน อสร.",
        "roster",
        [
            "ทะเบียนอาสาสมัครแรงงาน (อสร.) จังหวัด{{province}}",
            "{{office}}",
            "ข้อมูล ณ วันที่ {{as_of_th}}  จำนวน {{roster:count}} คน",
        ],
        ROSTER,
        signature=True,
        print_columns=ROSTER_PRINTED,
        frozen_columns=4,
    )
    file_data_sheet(wb, "roster")
    wb.save(path)


def make_terms_ending(path: Path) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    table_sheet(
        wb,
        "ครบวาระ",
        "terms_ending",
        [
            "รายชื่ออาสาสมัครแรงงานที่จะครบวาระภายใน {{days}} วัน",
            "{{office}}",
            "นับจากวันที่ {{as_of_th}}  จำนวน {{terms_ending:count}} คน",
        ],
        TERMS_ENDING,
        signature=True,
        frozen_columns=3,
    )
    file_data_sheet(wb, "terms_ending")
    wb.save(path)


def make_monthly(path: Path) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    table_sheet(
        wb,
        "รายอำเภอ",
        "districts",
        [*MONTHLY_TITLES, "สรุปรายอำเภอ"],
        BY_DISTRICT,
        totals="รวมทั้งจังหวัด",
        note="{{counting_note}}",
        signature=True,
    )
    table_sheet(
        wb,
        "ภารกิจและหน่วยงาน",
        "missions",
        [*MONTHLY_TITLES, "ผลการปฏิบัติงานจำแนกตามภารกิจและหน่วยงาน (ครั้ง)", "{{activity_note}}"],
        BY_MISSION,
        totals="รวม",
    )
    table_sheet(
        wb,
        "การส่งต่อ",
        "referrals",
        [*MONTHLY_TITLES, "การชี้เป้า คัดกรอง ส่งต่อ จำแนกตามหน่วยงาน (ราย)", "{{activity_note}}"],
        REFERRALS,
        totals="รวม",
    )
    table_sheet(
        wb,
        "กิจกรรมและการอบรม",
        "events",
        [*MONTHLY_TITLES, "กิจกรรม การประชุม และการอบรม", "{{activity_note}}"],
        EVENTS,
        totals="รวม",
    )
    table_sheet(
        wb,
        "ความครอบคลุม",
        "coverage",
        [
            *MONTHLY_TITLES,
            "ตำบลที่มีและไม่มีแกนนำ อสร. ปฏิบัติหน้าที่ (มี {{coverage_covered}} จาก {{coverage_total}} ตำบล)",
        ],
        COVERAGE,
        totals="รวม",
        landscape=False,
    )
    file_data_sheet(wb, "monthly")
    wb.save(path)


def make_coverage(path: Path) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    table_sheet(
        wb,
        "ความครอบคลุม",
        "coverage",
        [
            "รายงานความครอบคลุมพื้นที่ของแกนนำอาสาสมัครแรงงาน",
            "{{office}}",
            "ข้อมูล ณ วันที่ {{as_of_th}}  มีแกนนำปฏิบัติหน้าที่ {{coverage_covered}} จาก "
            "{{coverage_total}} ตำบล",
        ],
        COVERAGE,
        totals="รวม",
        signature=True,
        landscape=False,
    )
    file_data_sheet(wb, "coverage")
    wb.save(path)


def main() -> None:
    make_roster(HERE / "roster.xlsx")
    make_terms_ending(HERE / "terms_ending.xlsx")
    make_monthly(HERE / "monthly.xlsx")
    make_coverage(HERE / "coverage.xlsx")


if __name__ == "__main__":
    main()
