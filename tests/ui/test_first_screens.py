"""First run's province list and the crash dialog's spacing (issue 22)."""

from __future__ import annotations

from pathlib import Path

import pytest

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


def test_login_hint_names_the_real_file_and_program(qtbot, tmp_path, monkeypatch) -> None:
    import sys

    from PySide6.QtWidgets import QLabel

    from asr_desktop.services.access import set_password
    from asr_desktop.ui import login

    path = tmp_path / "My Office" / "asr.db"
    office = Office.open(path, create=True)
    office.init("47")
    set_password(office.db, "รหัสลับ2569", "รหัสลับ2569")
    shown = login.LoginDialog(office)
    qtbot.addWidget(shown)
    hint = next(w.text() for w in shown.findChildren(QLabel) if "ลืมรหัสผ่าน" in w.text())
    assert f'--db "{path}" password --clear' in hint and "<" not in hint
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "executable", r"C:\Program Files\ASR Desktop\ASR Desktop.exe")
    assert login.cli_program() == r'"C:\Program Files\ASR Desktop\asr-cli.exe"'
    monkeypatch.undo()
    for _ in range(login.MAX_TRIES):
        shown.password.setText("ผิด")
        shown.try_login()
    assert shown.result() == 0  # not closed in silence: it says why and how long
    assert "ผิดติดต่อกัน 5 ครั้ง" in shown.message.text() and "30 วินาที" in shown.message.text()
    shown.password.setText("รหัสลับ2569")
    shown.try_login()  # the right one is not even checked while the wait runs
    assert shown.result() == 0 and "รอ" in shown.message.text()
    # A new start remembers the count and the wait; the audit log holds every wrong try.
    again = login.LoginDialog(office)
    qtbot.addWidget(again)
    assert "ผิดติดต่อกัน 5 ครั้ง" in again.message.text()
    actions = [r[0] for r in office.db.execute("SELECT action FROM audit_log").fetchall()]
    assert actions.count("login_failed") == 5
    office.close()


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen: no raise()
def test_second_start_at_the_login_screen_brings_the_dialog_back(qtbot, tmp_path) -> None:
    import os

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    from asr_desktop.ui import single_instance

    key = f"asr-login-{os.getpid()}"
    first = single_instance.SingleInstance(key, tmp_path)
    assert first.acquire()
    first.activated.connect(single_instance.bring_visible_forward)
    waiting = QDialog()  # the login dialog, before any main window exists
    qtbot.addWidget(waiting)
    waiting.show()
    waiting.setWindowState(Qt.WindowState.WindowMinimized)
    try:
        with qtbot.waitSignal(first.activated, timeout=3000):
            assert single_instance.ask_running_instance(key)
    finally:
        first.release()
    assert not waiting.windowState() & Qt.WindowState.WindowMinimized


def test_standard_buttons_and_file_dialogs_speak_thai(qapp, tmp_path, monkeypatch) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QDialogButtonBox

    from asr_desktop.ui import thai_qt

    thai_qt.install(qapp)
    try:
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        texts = {b.text().replace("&", "") for b in box.buttons()}
        assert texts == {"ตกลง", "ยกเลิก"}
        assert QCoreApplication.translate("QFileDialog", "Look in:") == "ค้นหาใน:"
        # Words we have no Thai for stay Qt's own, never blank (a line edit's menu).
        assert QCoreApplication.translate("QLineEdit", "&Undo") == "&Undo"
    finally:
        for translator in thai_qt._installed:
            qapp.removeTranslator(translator)
        thai_qt._installed.clear()
    # Save dialogs open in Documents (or home), then in the folder last used.
    assert thai_qt.start_path("รายงาน.xlsx").endswith("รายงาน.xlsx")
    assert Path(thai_qt.start_path("รายงาน.xlsx")).parent != Path.cwd() or Path.cwd() == Path.home()
    thai_qt.remember(tmp_path / "ทะเบียน.xlsx")
    assert thai_qt.start_path("รายงาน.xlsx") == str(tmp_path / "รายงาน.xlsx")
