"""Issues 17 and 18 through the importer: names with every title, IDs Excel rounded."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
from tests.domain.test_titles import WRITTEN_FORMS
from tests.excel_fixtures import TODAY, national_id, office_db

from asr_desktop.cli import main
from asr_desktop.domain.thai_sort import thai_sort_key
from asr_desktop.services.roster_import.commit import commit_plan, write_rejects
from asr_desktop.services.roster_import.plan import Action, build_plan

ISSUE_ROWS = [
    ("นายแพทย์ธนา ใจงาม", "นายแพทย์", "ธนา", "ใจงาม"),
    ("ร.ต.อ.หญิง พิมพ์ชนก ศรีวงศ์", "ร้อยตำรวจเอกหญิง", "พิมพ์ชนก", "ศรีวงศ์"),
    ("พระสมหมาย ฐิตธมฺโม", "พระ", "สมหมาย", "ฐิตธมฺโม"),
]


def _csv(path: Path, names: list[str], *, gender: list[str] | None = None) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(["เลขประจำตัวประชาชน", "ชื่อ-สกุล", "เพศ", "ตำบล", "อำเภอ"])
        for i, name in enumerate(names):
            sex = gender[i] if gender else ""
            out.writerow([national_id(100 + i), name, sex, "ธาตุเชิงชุม", "เมืองสกลนคร"])
    return path


def test_the_three_rows_of_the_issue_import_as_they_should(tmp_path: Path) -> None:
    db = office_db()
    plan = build_plan(db, _csv(tmp_path / "t.csv", [r[0] for r in ISSUE_ROWS]), today=TODAY)
    got = [(r.volunteer.title, r.volunteer.first_name, r.volunteer.last_name) for r in plan.rows]  # type: ignore[union-attr]
    assert got == [r[1:] for r in ISSUE_ROWS]


def test_every_written_form_imports_split_with_gender_from_its_title(tmp_path: Path) -> None:
    db = office_db()
    names = [w[0] for w in WRITTEN_FORMS if not w[0].isascii()]
    plan = build_plan(db, _csv(tmp_path / "t.csv", names), today=TODAY)
    assert plan.count(Action.REJECT) == 0, [str(p) for p in plan.problems]
    expected = {w[0]: w for w in WRITTEN_FORMS}
    for row, name in zip(plan.rows, names, strict=True):
        _, title, first, last, gender = expected[name]
        v = row.volunteer
        assert v is not None
        assert (v.title, v.first_name, v.last_name, v.gender) == (title, first, last, gender)
        assert row.gender_from_title is (gender is not None)
        assert not row.problems, name


def test_a_title_like_word_is_shown_as_unknown_not_glued(tmp_path: Path) -> None:
    db = office_db()
    plan = build_plan(db, _csv(tmp_path / "t.csv", ["ผอ.สมชาย ใจดี"]), today=TODAY)
    (row,) = plan.rows
    assert row.action is Action.ADD
    assert row.volunteer is not None
    assert (row.volunteer.title, row.volunteer.first_name) == ("ผอ.", "สมชาย")
    (problem,) = row.problems
    assert "คำนำหน้าที่ไม่รู้จัก 'ผอ.'" in problem.message and not problem.blocking


def test_a_gender_cell_is_kept_and_a_clash_with_the_title_noted(tmp_path: Path) -> None:
    db = office_db()
    path = _csv(tmp_path / "t.csv", ["นายสมชาย ใจดี", "ดร.สมศรี ใจดี"], gender=["หญิง", "หญิง"])
    plan = build_plan(db, path, today=TODAY)
    first, second = plan.rows
    assert first.volunteer is not None and first.volunteer.gender is not None
    assert first.volunteer.gender.value == "female" and not first.gender_from_title
    assert "ไม่ตรงกับคำนำหน้า 'นาย'" in first.problems[0].message
    assert not second.problems


def test_names_sort_by_first_name_with_the_title_ignored(tmp_path: Path) -> None:
    db = office_db()
    names = ["พล.ต.อ.ก้องภพ ใจดี", "นางสาวเกศินี ใจดี", "ร.ต.อ.หญิง ขวัญใจ ใจดี", "นายกมล ใจดี"]
    commit_plan(db, build_plan(db, _csv(tmp_path / "t.csv", names), today=TODAY))
    order = [r[0] for r in db.execute("SELECT first_name FROM volunteers ORDER BY name_sort_key")]
    assert order == sorted(["ก้องภพ", "เกศินี", "ขวัญใจ", "กมล"], key=thai_sort_key)
    assert order == ["กมล", "ก้องภพ", "เกศินี", "ขวัญใจ"]


def _rounded_workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["เลขประจำตัวประชาชน", "ชื่อ", "นามสกุล", "ตำบล", "อำเภอ"])
    ws.append([int(national_id(1)), "สมชาย", "ใจดี", "ธาตุเชิงชุม", "เมืองสกลนคร"])
    for n in (1470780000000, 1476760000000, 1478400000000):  # as the issue found them
        ws.append([n, "ปัด", "เศษ", "ธาตุเชิงชุม", "เมืองสกลนคร"])
    ws.append(["1.47078E+12", "ปัด", "ข้อความ", "ธาตุเชิงชุม", "เมืองสกลนคร"])
    wb.save(path)
    return path


def test_rounded_ids_are_refused_with_row_and_reason_everywhere(tmp_path: Path) -> None:
    db = office_db()
    path = _rounded_workbook(tmp_path / "rounded.xlsx")
    plan = build_plan(db, path, today=TODAY)
    assert [r.action for r in plan.rows] == [Action.ADD] + [Action.REJECT] * 4
    reasons = {p.row: p.message for p in plan.problems}
    assert reasons[3] == (
        "เลขประจำตัวประชาชน 1470780000000: ตัวเลขถูก Excel ปัดเป็น 1.47078E+12 "
        "— ให้จัดรูปแบบเซลล์เป็นข้อความแล้วพิมพ์เลขใหม่"
    )
    assert "1.47676E+12" in reasons[4] and "1.4784E+12" in reasons[5]
    assert "ให้จัดรูปแบบเซลล์เป็นข้อความ" in reasons[6]
    out = tmp_path / "rejects.xlsx"
    assert write_rejects(plan, out) == 4
    rows = [[c.value for c in r] for r in openpyxl.load_workbook(out).active.iter_rows(min_row=2)]
    assert [r[0] for r in rows] == [3, 4, 5, 6]
    assert all("Excel" in r[1] for r in rows)


def test_cli_prints_each_rounded_id_with_its_row(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "office.db"
    assert main(["--db", str(target), "init", "--province", "47"]) == 0
    path = _rounded_workbook(tmp_path / "rounded.xlsx")
    code = main(["--db", str(target), "import", str(path)])
    err = capsys.readouterr().err
    assert code != 0
    where = "แถว 3 คอลัมน์ A (เลขประจำตัวประชาชน): "
    assert f"{where}เลขประจำตัวประชาชน 1470780000000: ตัวเลขถูก Excel ปัดเป็น 1.47078E+12" in err
    assert "แถว 5" in err and "1.4784E+12" in err
