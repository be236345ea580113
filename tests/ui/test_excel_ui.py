"""The import wizard and the monthly package action, driven through their methods."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from tests.excel_fixtures import TODAY, national_id, sample_office

from asr_desktop.domain.month import Month
from asr_desktop.services.office import Office
from asr_desktop.store.database import open_database
from asr_desktop.ui import ask, excel_actions
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.import_dialog import ImportDialog


@pytest.fixture
def context(tmp_path: Path):
    db = open_database(tmp_path / "office.db")
    sample_office(db)
    ctx = AppContext(Office.adopt(db, tmp_path / "office.db", today=lambda: TODAY))
    yield ctx
    db.close()


def _roster_file(tmp_path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["รายชื่อ อสร. ตำบลธาตุเชิงชุม"])
    ws.append(["เลขประจำตัวประชาชน", "ชื่อ", "นามสกุล", "ตำบล", "อำเภอ", "หมายเหตุ"])
    ws.append([national_id(20), "ใหม่", "หนึ่ง", "ธาตุเชิงชุม", "เมือง", "-"])
    ws.append([national_id(21), "ใหม่", "สอง", "ธาตุเชิงชุม", "เมือง", "-"])
    ws.append(["12345", "ผิด", "เลข", "ธาตุเชิงชุม", "เมือง", "-"])
    path = tmp_path / "roster.xlsx"
    wb.save(path)
    return path


def _count(context: AppContext) -> int:
    return int(context.office.db.execute("SELECT count(*) FROM volunteers").fetchone()[0])


def test_preview_then_commit(qtbot, context, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(ask, "confirm", lambda *a, **k: True)
    dialog = ImportDialog(context)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sheets_read, timeout=10_000):
        dialog.set_path(_roster_file(tmp_path))
    assert dialog.sheet.currentText() == "Sheet"
    with qtbot.waitSignal(dialog.runner.finished, timeout=10_000):
        dialog.plan_file()
    assert dialog.pages.currentIndex() == 1
    counts = dialog.counts.text().replace("\u200b", "")  # display-only word breaks
    assert "เพิ่ม 2" in counts and "ไม่นำเข้า 1" in counts
    assert dialog.problems.rowCount() == 1
    assert dialog.problems.item(0, 0).text().replace("\u200b", "") == "5"
    assert "13 หลัก" in dialog.problems.item(0, 2).text().replace("\u200b", "")
    assert _count(context) == 4  # nothing written by the preview

    # The user says the notes column is not to be imported, and plans again.
    dialog.set_mapping(5, "")
    assert 5 not in dialog.edited_mapping()
    with qtbot.waitSignal(dialog.runner.finished, timeout=10_000):
        dialog.plan_file(dialog.edited_mapping())
    assert 5 not in dialog.plan.mapping

    with qtbot.waitSignal(context.changed, timeout=10_000):
        dialog.commit()
    assert dialog.pages.currentIndex() == 2
    assert "เพิ่ม 2" in dialog.done_label.text().replace("\u200b", "")
    assert _count(context) == 6


def _titles_file(tmp_path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["ที่", "เลขประจำตัวประชาชน", "ชื่อ-สกุล", "เพศ", "ตำบล", "อำเภอ"])
    names = ["นายแพทย์ธนา ใจงาม", "ร.ต.อ.หญิง พิมพ์ชนก ศรีวงศ์", "พระสมหมาย ฐิตธมฺโม",
             "ผอ.สมชาย ใจดี", "ผศ.ดร.วิไล ศรีสุข", "ว่าที่ ร.ต.บุญมี พรมมา"]  # fmt: skip
    for i, name in enumerate(names):
        ws.append([i + 1, national_id(40 + i), name, "ชาย" if i == 4 else "", "ธาตุเชิงชุม", "เมือง"])
    ws.append([7, 1470780000000, "นางสาวดาว เด่น", "", "ธาตุเชิงชุม", "เมือง"])
    path = tmp_path / "titles.xlsx"
    wb.save(path)
    return path


def test_preview_shows_how_names_were_split(qtbot, context, tmp_path) -> None:
    dialog = ImportDialog(context)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sheets_read, timeout=10_000):
        dialog.set_path(_titles_file(tmp_path))
    with qtbot.waitSignal(dialog.runner.finished, timeout=10_000):
        dialog.plan_file()
    names = dialog.names
    rows = [[names.item(r, c).text() for c in range(6)] for r in range(names.rowCount())]
    assert rows[0][2:] == ["นายแพทย์ (นพ.)", "ธนา", "ใจงาม", "ชาย (จากคำนำหน้า)"]
    assert rows[1][2:] == ["ร้อยตำรวจเอกหญิง (ร.ต.อ.หญิง)", "พิมพ์ชนก", "ศรีวงศ์", "หญิง (จากคำนำหน้า)"]
    assert rows[2][2:5] == ["พระ", "สมหมาย", "ฐิตธมฺโม"]
    assert rows[3][2:5] == ["ผอ. (คำนำหน้าที่ไม่รู้จัก)", "สมชาย", "ใจดี"]
    assert rows[4][2:] == ["ผู้ช่วยศาสตราจารย์ ดร. (ผศ.ดร.)", "วิไล", "ศรีสุข", "ชาย"]
    assert rows[6][:3] == ["8", "ไม่นำเข้า", "นางสาว (น.ส.)"]
    problems = [
        dialog.problems.item(r, 2).text().replace("\u200b", "")
        for r in range(dialog.problems.rowCount())
    ]
    assert any("Excel ปัดเป็น 1.47078E+12" in p for p in problems)
    assert any("คำนำหน้าที่ไม่รู้จัก 'ผอ.'" in p for p in problems)


def test_monthly_package_action(qtbot, context, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    shown: list[str] = []
    monkeypatch.setattr(excel_actions, "choose_month", lambda *a: Month(2025, 10))
    monkeypatch.setattr(excel_actions, "choose_folder", lambda *a: tmp_path / "hq")
    monkeypatch.setattr(ask, "inform", lambda parent, title, text: shown.append(text))
    runner = excel_actions.TaskRunner(parent)
    with qtbot.waitSignal(runner.finished, timeout=15_000):
        excel_actions.monthly_package_action(context, parent, runner)
    assert (tmp_path / "hq" / "asr_47_2568-10.zip").is_file()
    assert "ตุลาคม 2568" in shown[0]
    assert context.office.db.execute("SELECT count(*) FROM export_log").fetchone()[0] == 1


@pytest.mark.parametrize("far", ["XFD1048576", "A1048576", "GR200000"])
def test_a_hostile_file_in_the_import_dialog_shows_one_thai_line(
    qtbot, context, tmp_path, monkeypatch, far
) -> None:
    """Issue 12 item 1: calamine aborted the whole app (SIGABRT) on one far cell."""
    path = _roster_file(tmp_path)
    wb = openpyxl.load_workbook(path)
    wb.active[far] = "ไกล"
    wb.save(path)
    errors: list[str] = []
    monkeypatch.setattr(ask, "error", lambda parent, title, text: errors.append(text))
    monkeypatch.setattr(ask, "warn", lambda parent, title, text: errors.append(text))
    dialog = ImportDialog(context)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sheets_read, timeout=10_000):
        dialog.set_path(path)
    with qtbot.waitSignal(dialog.runner.finished, timeout=20_000):
        dialog.plan_file()
    assert len(errors) == 1 and "\n" not in errors[0] and "เกินกว่าที่นำเข้าได้" in errors[0]
    assert dialog.pages.currentIndex() == 0
    assert _count(context) == 4


def test_sheet_names_are_read_off_the_gui_thread_and_a_later_choice_wins(
    qtbot, context, tmp_path, monkeypatch
) -> None:
    """Listing an .xls's sheets means checking and reading it whole (2.4 s for 20 MB):
    never on the GUI thread. A file chosen while another is read gets its own list."""
    import threading

    from asr_desktop.ui import import_dialog

    release = threading.Event()
    threads: list[str] = []

    def slow_sheet_names(path: Path) -> list[str]:
        threads.append(threading.current_thread().name)
        if path.name == "first.xlsx":
            release.wait(10)
        return [f"แผ่นของ {path.stem}"]

    monkeypatch.setattr(import_dialog, "sheet_names", slow_sheet_names)
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    first.write_bytes(b"x")
    second.write_bytes(b"x")
    dialog = ImportDialog(context)
    qtbot.addWidget(dialog)
    dialog.set_path(first)  # returns at once: the GUI thread is free while it reads
    assert dialog.sheet_reader.busy and dialog.sheet.count() == 0
    dialog.set_path(second)
    with qtbot.waitSignal(dialog.sheets_read, timeout=10_000):
        release.set()
    assert [dialog.sheet.itemText(i) for i in range(dialog.sheet.count())] == ["แผ่นของ second"]
    assert threads and threading.main_thread().name not in threads


def test_a_hostile_xls_is_refused_when_its_sheets_are_listed(
    qtbot, context, tmp_path, monkeypatch
) -> None:
    """One far cell: calamine would build 65,536 × 256 cells just to list the sheets."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    book.add_sheet("ทะเบียน").write(65_535, 255, "ไกล")
    path = tmp_path / "far.xls"
    book.save(str(path))
    warnings: list[str] = []
    monkeypatch.setattr(ask, "warn", lambda parent, title, text: warnings.append(text))
    dialog = ImportDialog(context)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sheets_read, timeout=10_000):
        dialog.set_path(path)
    assert dialog.sheet.count() == 0
    assert len(warnings) == 1 and "เกินกว่าที่นำเข้าได้" in warnings[0] and "\n" not in warnings[0]
