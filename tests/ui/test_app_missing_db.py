"""A ``--db`` that is not there is refused with a Thai reason, and nothing is created:
before, the app opened the first-run dialog and made an empty office at the mistyped path."""

from __future__ import annotations

import subprocess
import sys

import pytest
from tests.conftest import subprocess_env

from asr_desktop.ui import app, ask


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("ASR_DESKTOP_DATA", str(folder))
    return folder


def test_a_missing_db_is_refused_on_stderr_and_nothing_is_made(tmp_path, data_dir, capsys):
    missing = tmp_path / "no" / "such.db"
    assert app.main(["--db", str(missing)]) == 1
    err = capsys.readouterr().err
    assert f"ไม่พบไฟล์ฐานข้อมูล {missing}" in err
    assert "ไม่มีไฟล์อยู่ที่ตำแหน่งนี้" in err
    assert f'asr-cli --db "{missing}" init --province' in err  # how to make one there
    assert str(data_dir / "asr.db") in err  # or the first run, at the default path
    assert not missing.exists() and not missing.parent.exists()
    assert not data_dir.exists()


def test_without_stderr_the_reason_is_a_dialog(tmp_path, data_dir, monkeypatch, qapp):
    """A windowed build on Windows has no stderr: the reason must still be seen."""
    shown: list[tuple[str, str]] = []

    def error(_parent, title, text, details=""):
        shown.append((title, text))

    monkeypatch.setattr(ask, "error", error)
    monkeypatch.setattr(sys, "stderr", None)
    missing = tmp_path / "typo.db"
    assert app.main(["--db", str(missing)]) == 1
    assert len(shown) == 1 and f"ไม่พบไฟล์ฐานข้อมูล {missing}" in shown[0][1]
    assert not missing.exists()


def test_the_demo_hq_and_an_existing_file_are_not_refused(tmp_path):
    missing = tmp_path / "new.db"
    assert app.missing_db_reason(app.parse_args(["--demo", "--db", str(missing)])) is None
    assert app.missing_db_reason(app.parse_args(["--hq", "--db", str(missing)])) is None
    assert app.missing_db_reason(app.parse_args([])) is None  # the default path: first run
    missing.write_bytes(b"")
    assert app.missing_db_reason(app.parse_args(["--db", str(missing)])) is None


def test_python_m_asr_desktop_with_a_mistyped_db_exits_1(tmp_path):
    env = subprocess_env()
    env.update({"ASR_DESKTOP_DATA": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"})
    missing = tmp_path / "no" / "such" / "file.db"
    result = subprocess.run(
        [sys.executable, "-m", "asr_desktop", "--db", str(missing)],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 1
    assert f"ไม่พบไฟล์ฐานข้อมูล {missing}" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "no").exists() and not (tmp_path / "data").exists()
