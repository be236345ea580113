"""A blank backup: never made, and if restored anyway, the app says so first and every
page reads the new database afterwards (issue 22)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.safety_support import make_office

from asr_desktop.services import backup as backups
from asr_desktop.services.office import Office
from asr_desktop.services.startup import open_office_database
from asr_desktop.ui import backup_dialogs
from asr_desktop.ui.context import AppContext


@pytest.fixture
def context(tmp_path: Path, qtbot) -> AppContext:
    db = make_office(tmp_path / "asr.db", volunteers=5)
    return AppContext(Office.adopt(db, tmp_path / "asr.db"))


def blank_backup(tmp_path: Path) -> Path:
    """What a cancelled first run used to leave behind: set up, but no office."""
    opened = open_office_database(tmp_path / "blank" / "asr.db")
    path = backups.backup_now(opened.db, "manual")
    opened.db.close()
    return path


def test_uninitialised_database_is_never_backed_up(tmp_path: Path) -> None:
    path = tmp_path / "asr.db"
    open_office_database(path).db.close()  # made, never set up
    again = open_office_database(path)  # a later start: no daily backup of nothing
    again.db.close()
    assert (
        not backups.backups_dir(path).exists()
        or backups.list_backups(backups.backups_dir(path)) == []
    )


def test_blank_backup_warns_and_can_be_refused(context, tmp_path, monkeypatch) -> None:
    blank = blank_backup(tmp_path)
    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(backup_dialogs, "choose_backup_file", lambda parent, start: blank)
    monkeypatch.setattr(backup_dialogs, "confirm_restore", lambda *a: True)
    monkeypatch.setattr(
        backup_dialogs.ask,
        "confirm",
        lambda p, title, text, **k: asked.append((title, text)) and False,
    )
    assert not backup_dialogs.restore_from(None, context)
    assert asked and "ยังไม่ได้ตั้งค่าสำนักงาน" in asked[0][1]
    assert context.office.db.execute("SELECT count(*) FROM volunteers").fetchone()[0] == 5


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_after_restoring_a_blank_backup_every_page_reads_the_new_database(
    context, tmp_path, qtbot, monkeypatch
) -> None:
    from tests.work_helpers import add_mentor

    from asr_desktop.ui.main_window import PAGES, MainWindow
    from asr_desktop.ui.mentors_page import MentorsPage

    mentor = add_mentor(context.office.db)
    context.office.mentors.assign([1, 2], mentor)
    window = MainWindow(context)
    qtbot.addWidget(window)
    page = window.show_page(MentorsPage)
    page.reload()
    assert page.volunteer_model is not None and page.volunteer_model.rowCount() == 2
    blank = blank_backup(tmp_path)
    monkeypatch.setattr(backup_dialogs, "choose_backup_file", lambda parent, start: blank)
    monkeypatch.setattr(backup_dialogs, "confirm_restore", lambda *a: True)
    monkeypatch.setattr(backup_dialogs.ask, "confirm", lambda *a, **k: True)
    monkeypatch.setattr(backup_dialogs.ask, "inform", lambda *a: None)
    assert backup_dialogs.restore_from(window, context)
    for entry in PAGES:
        shown = window.show_page(entry.page_class())
        shown.refresh()
        table = getattr(shown, "table", None)
        model = table.model() if table is not None else None
        for row in range(model.rowCount() if model is not None else 0):
            model.data(model.index(row, 0))  # no KeyError from ids of the old database
    mentors = window.show_page(MentorsPage)
    assert mentors.volunteer_model is None or mentors.volunteer_model.rowCount() == 0
