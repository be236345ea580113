"""First run's province list and the crash dialog's spacing (issue 22)."""

from __future__ import annotations

from pathlib import Path

from asr_desktop.domain.thai_sort import thai_sort_key
from asr_desktop.services.office import Office, default_office_name
from asr_desktop.ui import crash
from asr_desktop.ui.first_run import FirstRunDialog


def dialog(qtbot, tmp_path: Path) -> FirstRunDialog:
    office = Office.open(tmp_path / "asr.db", create=True)
    made = FirstRunDialog(office, tmp_path / "asr.db")
    qtbot.addWidget(made)
    return made


def test_provinces_in_thai_dictionary_order(qtbot, tmp_path) -> None:
    made = dialog(qtbot, tmp_path)
    box = made.province
    names = [box.itemText(i) for i in range(1, box.count())]
    assert len(names) == 77 and names == sorted(names, key=thai_sort_key)
    # Code-point order put these three at the bottom.
    assert names.index("เชียงใหม่") < names.index("ตรัง") and names[-1] != "แพร่"


def test_a_misspelt_province_is_never_replaced_by_another(qtbot, tmp_path) -> None:
    made = dialog(qtbot, tmp_path)
    made.province.setEditText("เชียงไหม")
    assert made.province_code() == ""
    assert made.office.text() == ""
    made.province.setEditText("เชียงใหม่")
    made.province.setCurrentIndex(made.province.findText("เชียงใหม่"))
    assert made.province_code() == "50"
    assert made.office.text() == "สำนักงานแรงงานจังหวัดเชียงใหม่"
    made.office.setText("สำนักงานแรงงานจังหวัดเชียงใหม่ (ชั่วคราว)")
    made.province.setCurrentIndex(made.province.findText("เชียงราย"))
    assert made.office.text().endswith("(ชั่วคราว)")  # the user's own name stays


def test_bangkok_is_not_a_changwat() -> None:
    assert default_office_name("10") == "สำนักงานแรงงานกรุงเทพมหานคร"
    assert default_office_name("47") == "สำนักงานแรงงานจังหวัดสกลนคร"


def test_crash_message_lines_have_room_for_thai_marks(qtbot, tmp_path) -> None:
    shown = crash.CrashDialog("Traceback ...", tmp_path / "asr-desktop.log")
    qtbot.addWidget(shown)
    from PySide6.QtWidgets import QLabel

    message = next(w for w in shown.findChildren(QLabel) if "ขออภัย" in w.text())
    assert f"line-height: {crash.LINE_HEIGHT}%" in message.text() and crash.LINE_HEIGHT >= 140
