"""ui/app.py's smoke-test hook: ASR_DESKTOP_EXIT_AFTER_MS shows the window, says so, quits."""

from __future__ import annotations

import pytest

from asr_desktop.services.office import init_office
from asr_desktop.store.database import open_database
from asr_desktop.ui import app


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_exit_after_hook_reports_the_main_window_and_quits(qapp, tmp_path, monkeypatch, capsys):
    db_path = tmp_path / "office.db"
    db = open_database(db_path)
    init_office(db, "47", "")
    db.close()
    monkeypatch.setenv(app.EXIT_AFTER_ENV, "0")

    assert app.main(["--db", str(db_path)]) == 0

    assert app.SHOWN_MESSAGE in capsys.readouterr().out
    for widget in qapp.topLevelWidgets():
        widget.close()
        widget.deleteLater()
