"""Every CLI command opens the office through Office: the GUI's start-up checks apply."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.safety_support import make_office

from asr_desktop.cli import main
from asr_desktop.services.backup import backups_dir, list_backups
from asr_desktop.store import location


@pytest.fixture
def office(tmp_path: Path) -> Path:
    path = tmp_path / "asr.db"
    make_office(path, volunteers=60).close()
    return path


def damage(path: Path) -> None:
    with path.open("r+b") as f:
        f.seek(4096 * 3)
        f.write(b"\x00\xff" * 4096)


@pytest.mark.parametrize(
    "command",
    [
        ["list"],
        ["dashboard"],
        ["report", "roster", "--xlsx", "{tmp}/r.xlsx"],
        ["export", "roster", "--xlsx", "{tmp}/x.xlsx"],
        ["privacy-log"],
    ],
)
def test_a_damaged_database_is_refused_with_a_thai_reason(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    damage(office)
    argv = ["--db", str(office), *(a.replace("{tmp}", str(tmp_path)) for a in command)]
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert "เสียหาย" in captured.err and "Traceback" not in captured.err
    assert captured.out == ""
    assert not (tmp_path / "r.xlsx").exists() and not (tmp_path / "x.xlsx").exists()


def test_import_into_a_damaged_database_adds_nothing(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "people.csv"
    sheet.write_text("เลขประจำตัวประชาชน,ชื่อ,นามสกุล\n", encoding="utf-8")
    damage(office)
    before = office.read_bytes()
    assert main(["--db", str(office), "import", str(sheet)]) == 1
    assert "เสียหาย" in capsys.readouterr().err
    assert office.read_bytes() == before


@pytest.mark.parametrize(
    "command",
    [["list"], ["dashboard"], ["report", "roster", "--pdf", "r.pdf"], ["backup"], ["privacy-log"]],
)
def test_a_missing_database_is_refused_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    missing = tmp_path / "typo.db"
    assert main(["--db", str(missing), *command]) == 1
    assert "ไม่พบไฟล์ฐานข้อมูล" in capsys.readouterr().err
    assert not missing.exists()


def test_init_and_demo_create_their_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(tmp_path / "new.db"), "init", "--province", "47"]) == 0
    assert main(["--db", str(tmp_path / "new.db"), "list"]) == 0
    assert main(["--db", str(tmp_path / "demo.db"), "demo", "--volunteers", "5"]) == 0
    assert (tmp_path / "demo.db").stat().st_size > 0


def test_a_network_share_is_refused(
    office: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(location, "filesystem_type", lambda path: "cifs")
    assert main(["--db", str(office), "list"]) == 1
    assert "(cifs)" in capsys.readouterr().err


def test_the_first_command_of_the_day_backs_up(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert list_backups(backups_dir(office)) == []
    assert main(["--db", str(office), "list", "--format", "csv"]) == 0
    assert main(["--db", str(office), "dashboard"]) == 0
    made = list_backups(backups_dir(office))
    assert len(made) == 1 and made[0].reason == "daily"
