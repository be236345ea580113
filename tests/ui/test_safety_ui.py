"""GUI of issue 6: crash dialog and log, audit page, restore, damaged db, single instance,
password."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from tests.safety_support import make_office, volunteer

from asr_desktop.services import backup as backups
from asr_desktop.services.access import set_password
from asr_desktop.services.changes import Change
from asr_desktop.services.office import Office
from asr_desktop.services.roster import RosterService
from asr_desktop.services.startup import DamagedDatabaseError, open_office_database
from asr_desktop.store.audit_query import AuditFilter
from asr_desktop.ui import backup_dialogs, crash, login, single_instance
from asr_desktop.ui.audit_page import AuditPage, describe_change
from asr_desktop.ui.context import AppContext


@pytest.fixture
def context(tmp_path: Path, qtbot) -> AppContext:
    db = make_office(tmp_path / "asr.db", volunteers=5)
    return AppContext(Office.adopt(db, tmp_path / "asr.db"))


def raise_and_hook(handler: crash.ExceptionHandler, exc: BaseException) -> None:
    try:
        raise exc
    except BaseException as caught:
        handler(type(caught), caught, caught.__traceback__)


def test_uncaught_exception_shows_thai_dialog_and_logs(tmp_path: Path, qtbot, monkeypatch) -> None:
    shown: list[str] = []
    handler = crash.ExceptionHandler(crash.install_log(tmp_path), lambda: None)
    monkeypatch.setattr(handler, "show", shown.append)
    raise_and_hook(handler, ZeroDivisionError("boom"))
    assert len(shown) == 1 and "ZeroDivisionError: boom" in shown[0]
    for h in crash.log.handlers:
        h.flush()
    assert "ZeroDivisionError: boom" in (tmp_path / crash.LOG_FILE_NAME).read_text("utf-8")


def test_storage_failures_and_user_errors_get_plain_messages(tmp_path, qtbot, monkeypatch):
    import sqlite3

    from asr_desktop.domain.errors import AsrError

    warned: list[str] = []
    monkeypatch.setattr("asr_desktop.ui.ask.warn", lambda parent, title, msg: warned.append(msg))
    handler = crash.ExceptionHandler(None, lambda: None)
    monkeypatch.setattr(handler, "show", lambda details: pytest.fail("crash dialog shown"))
    raise_and_hook(handler, sqlite3.OperationalError("database or disk is full"))
    raise_and_hook(handler, AsrError("ไม่พบอาสาสมัคร"))
    assert "ดิสก์เต็ม" in warned[0] and warned[1] == "ไม่พบอาสาสมัคร"


def test_crash_dialog_copies_details(qtbot, tmp_path: Path) -> None:
    dialog = crash.CrashDialog("Traceback: details", tmp_path / "asr-desktop.log")
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == "Traceback: details"
    assert dialog.copy_button.text() == "คัดลอกแล้ว"


def test_audit_page_filters_and_passes_modeltester(context: AppContext, qtbot, qtmodeltester):
    RosterService(context.office.db).store.delete(3)
    page = AuditPage(context)
    qtbot.addWidget(page)
    total = len(page.model.ids)
    assert total >= 11  # settings + 5 volunteers + 5 terms + delete
    qtmodeltester.check(page.model)
    page.show_record("volunteer", 3)
    assert [page.model.entry(r)["action"] for r in range(page.model.rowCount())] == [
        "delete",
        "create",
    ]
    page.record_id.setText("")
    page.record_type.setCurrentIndex(page.record_type.findData("term"))
    assert page.model.rowCount() == 5
    page.record_type.setCurrentIndex(0)
    page.use_dates.setChecked(True)  # the last month up to today: everything was made today
    assert page.model.rowCount() == total
    page.model.set_filter(AuditFilter(os_user="nobody-like-this"))
    assert page.model.rowCount() == 0
    page.refresh()
    page.table.selectRow(0)
    assert page.detail.toPlainText()
    assert not page.model.flags(page.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable


def test_audit_model_fetches_lazily(context: AppContext, qtbot) -> None:
    page = AuditPage(context)
    qtbot.addWidget(page)
    page.model.set_filter(AuditFilter())
    assert page.model._rows == {}
    page.model.data(page.model.index(0, 5))
    assert 0 < len(page.model._rows) <= 200


def test_describe_change_shows_before_and_after() -> None:
    text = describe_change(
        {
            "at": "2026-11-15T09:30:00",
            "os_user": "somchai",
            "action": "update",
            "record_type": "volunteer",
            "record_id": 7,
            "summary": "นายสมชาย ใจดี",
            "before": '{"phone": "0811111111"}',
            "after": '{"phone": "0822222222"}',
            "redacted_at": None,
        }
    )
    assert "แก้ไข อาสาสมัคร รหัส 7" in text and "phone: 0811111111 → 0822222222" in text


def test_restore_from_menu_confirms_then_restores(context: AppContext, qtbot, monkeypatch):
    saved = backups.backup_now(context.office.db, "manual")
    RosterService(context.office.db).register(volunteer(77))
    seen: list[tuple] = []
    messages: list[str] = []
    monkeypatch.setattr(backup_dialogs, "choose_backup_file", lambda parent, start: saved)
    monkeypatch.setattr(
        backup_dialogs,
        "confirm_restore",
        lambda parent, path, summary, current: seen.append((summary, current)) or True,
    )
    monkeypatch.setattr("asr_desktop.ui.ask.inform", lambda p, t, m: messages.append(m))
    changed: list[frozenset[Change]] = []
    context.changed.connect(changed.append)
    assert backup_dialogs.restore_from(None, context)
    summary, current = seen[0]
    assert summary.counts["volunteers"] == 5 and current.counts["volunteers"] == 6
    assert context.office.db.execute("SELECT count(*) FROM volunteers").fetchone()[0] == 5
    assert any(Change.VOLUNTEERS in c for c in changed) and "ข้อมูลก่อนกู้คืนถูกสำรองไว้ที่" in messages[0]


def test_damaged_database_recovered_at_start(tmp_path: Path, qtbot, monkeypatch) -> None:
    path = tmp_path / "asr.db"
    db = make_office(path, volunteers=30)
    backups.backup_now(db, "daily")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    with path.open("r+b") as f:
        f.seek(4096 * 3)
        f.write(b"\xff" * 4096 * 3)
    with pytest.raises(DamagedDatabaseError) as info:
        open_office_database(path)

    def choose(dialog) -> int:
        dialog.choice = dialog.USE_BACKUP
        return 1

    monkeypatch.setattr(backup_dialogs.DamagedDatabaseDialog, "exec", choose)
    monkeypatch.setattr("asr_desktop.ui.ask.inform", lambda *a: None)
    assert backup_dialogs.recover_damaged(info.value)
    assert open_office_database(path).db.execute("SELECT count(*) FROM volunteers").fetchone()[0]


def test_second_instance_brings_the_first_forward(tmp_path: Path, qtbot) -> None:
    key = f"asr-test-{os.getpid()}"
    first = single_instance.SingleInstance(key, tmp_path)
    second = single_instance.SingleInstance(key, tmp_path)
    assert first.acquire()
    try:
        assert not second.acquire()
        with qtbot.waitSignal(first.activated, timeout=3000):
            assert single_instance.ask_running_instance(key)
    finally:
        first.release()
    assert second.acquire()
    second.release()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_stale_lock_of_a_killed_instance_is_recovered(tmp_path: Path, qtbot) -> None:
    key = f"asr-stale-{os.getpid()}"
    src = str(Path(__file__).parents[2] / "src")
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; sys.path.insert(0, sys.argv[1]);"
            "from pathlib import Path;"
            "from PySide6.QtCore import QCoreApplication; app = QCoreApplication([]);"
            "from asr_desktop.ui.single_instance import SingleInstance;"
            "s = SingleInstance(sys.argv[2], Path(sys.argv[3])); print(s.acquire(), flush=True);"
            "import time; time.sleep(60)",
            src,
            key,
            str(tmp_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "True"
    assert (tmp_path / f"{key}.lock").exists()
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    again = single_instance.SingleInstance(key, tmp_path)
    assert again.acquire()
    again.release()


def test_login_dialog(context: AppContext, qtbot) -> None:
    assert login.login(context.office)  # no password set: no dialog
    set_password(context.office.db, "รหัสลับ2569", "รหัสลับ2569")
    dialog = login.LoginDialog(context.office)
    qtbot.addWidget(dialog)
    dialog.password.setText("ผิด")
    dialog.try_login()
    assert "ไม่ถูกต้อง" in dialog.message.text() and dialog.result() == 0
    dialog.password.setText("รหัสลับ2569")
    dialog.try_login()
    assert dialog.result() == 1


def test_password_dialog_reasons(context: AppContext, qtbot) -> None:
    dialog = login.PasswordDialog(context.office)
    qtbot.addWidget(dialog)
    dialog.password.setText("abc")
    dialog.repeated.setText("abd")
    dialog.save()
    assert "อย่างน้อย" in dialog.message.text() and "ไม่ตรงกัน" in dialog.message.text()


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen: no raise()
def test_main_window_has_audit_page_and_last_backup(context: AppContext, qtbot) -> None:
    from asr_desktop.ui.main_window import MainWindow

    backups.backup_now(context.office.db, "daily", now=lambda: datetime(2026, 11, 15, 8, 5))
    window = MainWindow(context)
    qtbot.addWidget(window)
    assert window.show_page(AuditPage).title == "ประวัติการแก้ไข"
    assert window.status_backup.text() == "สำรองล่าสุด: 15 พ.ย. 2569 08:05 น."
    window.bring_forward()


def test_log_file_rotates(tmp_path: Path) -> None:
    crash.install_log(tmp_path)
    handlers = [
        h for h in crash.log.handlers if isinstance(h, logging.handlers.RotatingFileHandler)
    ]
    assert handlers and handlers[0].maxBytes == 1_000_000 and handlers[0].backupCount == 4


def test_privacy_actions(context: AppContext, qtbot, monkeypatch, tmp_path: Path) -> None:
    from asr_desktop.ui import privacy_actions

    monkeypatch.setattr(privacy_actions, "choose_folder", lambda parent, title: tmp_path / "x")
    monkeypatch.setattr("asr_desktop.ui.ask.inform", lambda *a: None)
    monkeypatch.setattr("asr_desktop.ui.ask.confirm", lambda *a, **k: True)
    result = privacy_actions.export_person_data(None, context, 1)
    assert result is not None and result.json_path.exists()
    assert privacy_actions.anonymise_volunteer(None, context, 1)
    nid = context.office.db.execute("SELECT national_id FROM volunteers WHERE id = 1").fetchone()[0]
    assert nid == "0000000000001"


def test_recovery_asks_again_before_using_a_much_smaller_backup(
    tmp_path: Path, qtbot, monkeypatch
) -> None:
    from tests.services.test_recovery_warning import break_header, office_with_two_backups

    path = tmp_path / "asr.db"
    small, full = office_with_two_backups(path)
    break_header(path)
    with pytest.raises(DamagedDatabaseError) as info:
        open_office_database(path)
    assert info.value.backup is not None and info.value.backup.path == small
    choices = iter(["use", "quit", "use", "choose"])

    def choose(dialog) -> int:
        pick = next(choices)
        dialog.choice = {"use": dialog.USE_BACKUP, "quit": dialog.QUIT}.get(
            pick, dialog.CHOOSE_FILE
        )
        return int(dialog.choice != dialog.QUIT)

    questions: list[str] = []
    answers = iter([False])

    def confirm(parent, title, question, danger=False) -> bool:
        questions.append(question)
        return next(answers)

    monkeypatch.setattr(backup_dialogs.DamagedDatabaseDialog, "exec", choose)
    monkeypatch.setattr("asr_desktop.ui.ask.confirm", confirm)
    monkeypatch.setattr(backup_dialogs, "choose_backup_file", lambda parent, start: full)
    monkeypatch.setattr("asr_desktop.ui.ask.inform", lambda *a: None)
    # The newest good backup holds 2 of 30 volunteers: asked again; "no" goes back to the
    # choice, and quitting there leaves the damaged file as it was.
    assert not backup_dialogs.recover_damaged(info.value)
    assert len(questions) == 1 and "อาสาสมัคร 2 รายการ" in questions[0]
    assert "ต้องการใช้สำเนานี้แทนไฟล์ที่เสียหายจริงหรือไม่" in questions[0]
    with pytest.raises(DamagedDatabaseError):
        open_office_database(path)
    # Next start: no again to the small one, then the fuller file chosen: no question.
    answers = iter([False])
    assert backup_dialogs.recover_damaged(info.value)
    assert len(questions) == 2
    db = open_office_database(path).db
    assert db.execute("SELECT count(*) FROM volunteers").fetchone()[0] == 30
    db.close()
