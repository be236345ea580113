"""Importing messy rosters, built in the tests as offices type them."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from tests.excel_fixtures import TODAY, national_id, office_db, sample_office

from asr_desktop.domain.progress import Cancelled
from asr_desktop.domain.vocabulary import Gender, Status, Tier
from asr_desktop.services.reporting.workbooks import export_roster
from asr_desktop.services.roster_import.commit import commit_plan, write_rejects
from asr_desktop.services.roster_import.headers import find_header
from asr_desktop.services.roster_import.plan import Action, OnDuplicate, build_plan
from asr_desktop.services.roster_import.reading import ImportFileError
from asr_desktop.store.roster import count_by_status
from asr_desktop.store.volunteers import VolunteerStore

THAI_ID_2 = national_id(12).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))


def messy_workbook(path: Path) -> Path:
    """A roster the way offices keep them: merged titles, a header on row 4, one name
    cell with the title inside, one address cell, numbers where text belongs."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "บัญชีรายชื่ออาสาสมัครแรงงาน จังหวัดสกลนคร"
    ws.merge_cells("A1:H1")
    ws["A2"] = "ข้อมูล ณ เดือนตุลาคม 2568"
    ws.merge_cells("A2:H2")
    ws.append([])
    ws.append(["ลำดับที่", "เลขบัตรประชาชน", "ชื่อ - สกุล", "ที่อยู่", "วัน/เดือน/ปีเกิด",
               "เบอร์โทร", "ประเภท", "วันที่แต่งตั้ง"])  # fmt: skip
    rows = [
        # 5: ID as a number, BE year typed into a date cell, phone lost its 0
        [1, 3000000000013, "นายสมชาย  ใจดี ", "12/3 ม.4 บ้านโนนหอม ต.ธาตุเชิงชุม อ.เมือง จ.สกลนคร 47000",
         datetime(2513, 2, 12), 812345678, "แกนนำ", "1/12/2566"],
        # 6: Thai digits, text date with a 2-digit year, Excel serial
        [2, THAI_ID_2, "น.ส.กัญญา ศรีสุข", "ต.ขมิ้น อ.เมืองสกลนคร", "30 พ.ย. 31", "๐๔๒-๗๑๒๓๔๕",
         "เครือข่าย อสร.", 45566],
        [None, None, None, None, None, None, None, None],  # 7: blank
        # 8: scientific notation: digits already lost
        [3, "3.00000E+12", "นางบุญมี มีสุข", "ต.กุสุมาลย์ อ.กุสุมาลย์", None, None, None, None],
        # 9: a near miss in the tambon name
        [4, national_id(4), "นายเอกชัย พรมมา", "ต.ธาตุเชิงชม อ.เมือง", None, None, None, None],
        # 10: postcode does not belong to the tambon
        [5, national_id(5), "นางสาวดาว เด่น", "ต.ขมิ้น อ.เมือง 47000", None, None, None, None],
        # 11: same person again
        [6, "3-0000-00000-01-3", "นายสมชาย ใจดี", "ต.ธาตุเชิงชุม อ.เมือง", None, None, None, None],
        # 12: a bad check digit
        [7, "3000000000014", "นายผิด เลขตรวจ", "ต.ธาตุเชิงชุม อ.เมือง", None, None, None, None],
        ["รวม 7 คน", None, None, None, None, None, None, None],  # 13: total row
    ]  # fmt: skip
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_header_found_under_merged_titles_with_thai_variants(tmp_path: Path) -> None:
    path = messy_workbook(tmp_path / "old.xlsx")
    plan = build_plan(office_db(), path, today=TODAY)
    assert plan.header_row == 3
    assert plan.mapping == {0: "seq", 1: "national_id", 2: "full_name", 3: "address",
                            4: "birth_date", 5: "phone", 6: "tier", 7: "term_start"}  # fmt: skip


def test_messy_values_are_read_or_refused_with_reasons(db, tmp_path: Path) -> None:
    plan = build_plan(db, messy_workbook(tmp_path / "old.xlsx"), today=TODAY)
    by_row = {r.row: r for r in plan.rows}
    assert plan.ignored_rows == 2  # the blank row and the total row
    somchai = by_row[5]
    # Read in full, but repeated in row 11 (below), so not imported.
    assert somchai.action is Action.REJECT, somchai.problems
    v = somchai.volunteer
    assert (v.national_id, v.title, v.first_name, v.last_name) == (
        national_id(1), "นาย", "สมชาย", "ใจดี")  # fmt: skip
    assert v.gender is Gender.MALE
    assert v.birth_date == date(1970, 2, 12)
    assert v.phone == "0812345678"
    assert (v.house_no, v.moo, v.subdistrict_code, v.postcode) == ("12/3", "4", "470101", "47000")
    assert somchai.term.tier is Tier.LEAD
    assert somchai.term.start_date == date(2023, 12, 1)
    assert somchai.term.end_date == date(2026, 11, 30)

    kanya = by_row[6]
    assert kanya.action is Action.ADD, kanya.problems
    assert kanya.volunteer.national_id == national_id(12)
    assert kanya.volunteer.title == "นางสาว"
    assert kanya.volunteer.birth_date == date(1988, 11, 30)
    assert kanya.volunteer.phone == "042712345"
    assert kanya.volunteer.postcode == "47220"
    assert kanya.term.start_date == date(2024, 10, 1)  # serial 45566
    assert kanya.term.tier is Tier.NETWORK

    assert by_row[8].action is Action.REJECT
    assert "ตัวเลขถูก Excel ปัดเป็น 3.00000E+12" in by_row[8].reason
    assert by_row[8].problems[0].column == "B (เลขบัตรประชาชน)"
    assert str(by_row[8].problems[0]).startswith("แถว 8 คอลัมน์ B (เลขบัตรประชาชน): ")
    assert by_row[9].action is Action.REJECT
    assert "ใกล้เคียง: ตำบลธาตุเชิงชุม อำเภอเมืองสกลนคร" in by_row[9].reason
    assert by_row[10].action is Action.REJECT
    assert "รหัสไปรษณีย์ 47000 ไม่ตรงกับตำบลขมิ้น" in by_row[10].reason
    # One person twice in the file: neither row is imported, each names the other.
    assert by_row[11].action is Action.REJECT
    assert "ซ้ำกับแถว 5 ในไฟล์เดียวกัน" in by_row[11].reason
    assert by_row[5].action is Action.REJECT
    assert "ซ้ำกับแถว 11 ในไฟล์เดียวกัน" in by_row[5].reason
    assert by_row[12].action is Action.REJECT
    assert "เลขตรวจสอบ" in by_row[12].reason
    assert (plan.read, plan.count(Action.ADD), plan.count(Action.REJECT)) == (7, 1, 6)


def test_commit_writes_valid_rows_in_one_go(db, tmp_path: Path) -> None:
    plan = build_plan(db, messy_workbook(tmp_path / "old.xlsx"), today=TODAY)
    result = commit_plan(db, plan)
    assert (result.added, result.rejected, result.skipped) == (1, 6, 0)
    assert VolunteerStore(db).count() == 1
    assert count_by_status(db, today=TODAY)[Status.ACTIVE] == 1


def test_error_workbook_lists_rejected_rows_as_they_were(db, tmp_path: Path) -> None:
    plan = build_plan(db, messy_workbook(tmp_path / "old.xlsx"), today=TODAY)
    out = tmp_path / "rejects.xlsx"
    assert write_rejects(plan, out) == 6  # both rows of the repeated ID among them
    ws = openpyxl.load_workbook(out).active
    assert [c.value for c in ws[1]][:4] == [
        "แถวในไฟล์เดิม",
        "เหตุผลที่ไม่นำเข้า",
        "ลำดับที่",
        "เลขบัตรประชาชน",
    ]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert [r[0] for r in rows] == [5, 8, 9, 10, 11, 12]
    assert "ซ้ำกับแถว 11 ในไฟล์เดียวกัน" in rows[0][1]
    assert "ซ้ำกับแถว 5 ในไฟล์เดียวกัน" in rows[4][1]
    assert rows[1][3] == "3.00000E+12"
    assert rows[5][3] == "3000000000014"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp874"])
def test_csv_in_utf8_or_tis620(db, tmp_path: Path, encoding: str) -> None:
    text = (
        "ทะเบียน อสร.\n"
        "เลขประจำตัวประชาชน,คำนำหน้า,ชื่อ,นามสกุล,ตำบล,อำเภอ,จังหวัด,รหัสไปรษณีย์,โทรศัพท์\n"
        f"{national_id(1)} ,นาย,สมชาย,ใจดี,ธาตุเชิงชุม,เมืองสกลนคร,สกลนคร,47000,081-234-5678\n"
        ",,,,,,,,\n"
    )
    path = tmp_path / "roster.csv"
    path.write_bytes(text.encode(encoding))
    plan = build_plan(db, path, today=TODAY)
    assert [r.action for r in plan.rows] == [Action.ADD]
    assert plan.rows[0].volunteer.first_name == "สมชาย"
    assert plan.rows[0].volunteer.phone == "0812345678"


def test_split_header_over_two_rows(db, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["ที่", "ชื่อ", "นามสกุล", "เลขประจำตัวประชาชน", "ที่อยู่", None, None])
    ws.append([None, None, None, None, "หมู่ที่", "ตำบล", "อำเภอ"])
    ws.merge_cells("E1:G1")
    ws.append([1, "สมชาย", "ใจดี", national_id(1), "๔", "ธาตุเชิงชุม", "เมือง"])
    wb.save(tmp_path / "two.xlsx")
    start, mapping = find_header([[c.value for c in r] for r in ws.iter_rows()])
    assert start == 2
    assert [mapping[4], mapping[5], mapping[6]] == ["moo", "subdistrict", "district"]
    plan = build_plan(db, tmp_path / "two.xlsx", today=TODAY)
    assert plan.rows[0].action is Action.ADD, plan.rows[0].problems
    assert plan.rows[0].volunteer.moo == "4"


def test_duplicates_against_the_roster_skip_or_update(tmp_path: Path) -> None:
    db = sample_office()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["เลขประจำตัวประชาชน", "ชื่อ", "นามสกุล", "ตำบล", "โทรศัพท์มือถือ"])
    ws.append([national_id(1), "สมชาย", "ใจดี", "ธาตุเชิงชุม", "0899999999"])
    wb.save(tmp_path / "dup.xlsx")
    skip = build_plan(db, tmp_path / "dup.xlsx", today=TODAY)
    assert skip.rows[0].action is Action.SKIP
    update = build_plan(db, tmp_path / "dup.xlsx", on_duplicate=OnDuplicate.UPDATE, today=TODAY)
    assert update.rows[0].action is Action.UPDATE
    commit_plan(db, update)
    store = VolunteerStore(db)
    somchai = store.get(store.id_by_national_id(national_id(1)))
    assert somchai.phone == "0899999999"
    assert somchai.birth_date == date(1970, 2, 12)  # not in the file: kept
    again = build_plan(db, tmp_path / "dup.xlsx", on_duplicate=OnDuplicate.UPDATE, today=TODAY)
    assert again.rows[0].action is Action.SKIP


def _snapshot(db):
    return [db.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
            for t in ("volunteers", "terms", "status_events", "audit_log")]  # fmt: skip


def test_cancel_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    db = sample_office()
    before = _snapshot(db)
    big = tmp_path / "big.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["เลขประจำตัวประชาชน", "ชื่อ", "นามสกุล", "ตำบล"])
    for n in range(100, 1700):
        ws.append([national_id(n), "ทดสอบ", f"คนที่{n}", "ธาตุเชิงชุม"])
    ws.append([national_id(1), "สมชาย", "ใจดีมาก", "ธาตุเชิงชุม"])  # an update at the end
    wb.save(big)
    plan = build_plan(db, big, on_duplicate=OnDuplicate.UPDATE, today=TODAY)

    def cancel_late(done: int, total: int) -> None:
        if done >= 1000:
            raise Cancelled

    with pytest.raises(Cancelled):
        commit_plan(db, plan, progress=cancel_late)
    assert _snapshot(db) == before


def test_a_crash_while_updating_leaves_the_database_as_it_was(tmp_path, monkeypatch) -> None:
    db = sample_office()
    path = tmp_path / "x.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["เลขประจำตัวประชาชน", "ชื่อ", "นามสกุล", "ตำบล"])
    ws.append([national_id(50), "ใหม่", "คนหนึ่ง", "ธาตุเชิงชุม"])
    ws.append([national_id(1), "สมชาย", "ใจดีมาก", "ธาตุเชิงชุม"])
    wb.save(path)
    plan = build_plan(db, path, on_duplicate=OnDuplicate.UPDATE, today=TODAY)
    before = _snapshot(db)

    def crash(self, volunteer):
        raise RuntimeError("disk full")

    monkeypatch.setattr(VolunteerStore, "update", crash)
    with pytest.raises(RuntimeError):
        commit_plan(db, plan)
    assert _snapshot(db) == before


def test_unreadable_files(db, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="ไม่พบไฟล์"):
        build_plan(db, tmp_path / "missing.xlsx", today=TODAY)
    (tmp_path / "fake.xlsx").write_text("not a workbook")
    with pytest.raises(ImportFileError, match="เสียหาย"):
        build_plan(db, tmp_path / "fake.xlsx", today=TODAY)
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(ImportFileError, match="ไม่รู้จักไฟล์ชนิด"):
        build_plan(db, tmp_path / "notes.txt", today=TODAY)
    no_header = tmp_path / "none.csv"
    no_header.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="หัวตาราง"):
        build_plan(db, no_header, today=TODAY)


def _comparable(store: VolunteerStore, volunteer_id: int):
    volunteer = dataclasses.replace(store.get(volunteer_id), id=None)
    terms = [dataclasses.replace(t, id=None, volunteer_id=0) for t in store.terms(volunteer_id)]
    events = [dataclasses.replace(e, id=None, volunteer_id=0) for e in store.events(volunteer_id)]
    return volunteer, terms[-1:], events


def test_round_trip_exported_roster_imports_back_identically(tmp_path: Path) -> None:
    source = sample_office()
    out = tmp_path / "roster.xlsx"
    export_roster(source, out, today=TODAY, full_ids=True)
    target = office_db()
    plan = build_plan(target, out, today=TODAY)
    assert plan.count(Action.REJECT) == 0, [str(p) for p in plan.problems]
    commit_plan(target, plan)
    a, b = VolunteerStore(source), VolunteerStore(target)
    ids_a = dict(source.execute("SELECT national_id, id FROM volunteers").fetchall())
    ids_b = dict(target.execute("SELECT national_id, id FROM volunteers").fetchall())
    assert ids_a.keys() == ids_b.keys()
    for nid in ids_a:
        before, after = _comparable(a, ids_a[nid]), _comparable(b, ids_b[nid])
        if before[0].gender is None and before[0].title == "นาย":
            # An empty gender cell is filled from the title on import (issue 17).
            assert after[0].gender is Gender.MALE
            before[0].gender = Gender.MALE
        assert before == after, nid
    columns = "national_id, standing, exit_reason, tier, term_start, term_end, search_text"
    query = f"SELECT {columns} FROM volunteers ORDER BY national_id"
    assert source.execute(query).fetchall() == target.execute(query).fetchall()


def test_invisible_characters_are_removed_from_names_and_named_in_the_preview(tmp_path) -> None:
    """Issue 12 item 12: สม\\u200bชาย was stored as typed, and a search for สมชาย missed it."""
    from asr_desktop.store.roster import RosterFilter, roster_ids

    source = tmp_path / "names.csv"
    source.write_text(
        "เลขประจำตัวประชาชน,ชื่อ,นามสกุล,ตำบล,อำเภอ\n"
        f"{national_id(31)},สม\u200bชาย\u200f,ใจ\x00ดี,ธาตุเชิงชุม,เมือง\n",
        encoding="utf-8",
    )
    db = office_db()
    plan = build_plan(db, source, today=TODAY)
    notes = [str(p) for p in plan.problems if not p.blocking]
    assert any("U+200B ZERO WIDTH SPACE" in n and "U+200F" in n for n in notes)
    assert any("U+0000" in n for n in notes)
    assert plan.count(Action.ADD) == 1
    commit_plan(db, plan)
    row = db.execute("SELECT first_name, last_name FROM volunteers").fetchone()
    assert row == ("สมชาย", "ใจดี")
    assert len(roster_ids(db, RosterFilter(search="สมชาย"), today=TODAY)) == 1
