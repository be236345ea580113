"""asr-cli cards and event: files written, exit codes 0, 1 (one Thai line) and 2."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pypdf
import pytest
from tests.work_helpers import add_volunteer, make_office

from asr_desktop.cli import main
from asr_desktop.domain.work import Attendee, AttendeeRole, Event
from asr_desktop.services.events import EventService
from asr_desktop.store.database import open_database


@pytest.fixture(scope="module")
def db_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("documents") / "office.db"
    db = open_database(path)
    make_office(db)
    # Terms from today, so the run's real date is always inside them.
    today = date.today()
    ids = [add_volunteer(db, n, "470101" if n < 12 else "470201", start=today) for n in range(13)]
    attendees = [Attendee(AttendeeRole.LEAD, volunteer_id=v) for v in ids[:3]]
    EventService(db).save(Event("อบรมอาสาสมัครแรงงาน", today), attendees)
    db.close()
    return path


def run(db_path: Path, *args: str) -> int:
    return main(["--db", str(db_path), *args])


def test_cards_of_all_and_of_one_district(db_path: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "cards.pdf"
    assert run(db_path, "cards", "--pdf", str(out)) == 0
    assert len(pypdf.PdfReader(out).pages) == 2  # 13 cards, ten to a page
    assert "13" in capsys.readouterr().out
    assert run(db_path, "cards", "--pdf", str(out), "--district", "4702") == 0
    assert len(pypdf.PdfReader(out).pages) == 1


def test_event_signin_and_certificates(db_path: Path, tmp_path: Path) -> None:
    signin, certificates = tmp_path / "signin.pdf", tmp_path / "cert.pdf"
    assert (
        run(
            db_path,
            "event",
            "1",
            "--signin-pdf",
            str(signin),
            "--certificates-pdf",
            str(certificates),
        )
        == 0
    )
    assert len(pypdf.PdfReader(certificates).pages) == 3
    assert signin.exists()
    assert run(db_path, "event", "1", "--certificates-pdf", str(tmp_path / "only.pdf")) == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("event", "99", "--signin-pdf", "{tmp}/s.pdf"), "ไม่พบกิจกรรมรหัส 99"),
        (("cards", "--pdf", "{tmp}/c.pdf", "--district", "4718"), "ไม่มีอาสาสมัคร"),
        (("cards", "--pdf", "{tmp}/missing/c.pdf"), "ไม่พบโฟลเดอร์ปลายทาง"),
    ],
)
def test_failures_exit_1_with_one_thai_line(
    db_path: Path, tmp_path: Path, capsys, args: tuple[str, ...], message: str
) -> None:
    assert run(db_path, *(a.format(tmp=tmp_path) for a in args)) == 1
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "args",
    [
        ("event", "1"),
        ("event", "x", "--signin-pdf", "s.pdf"),
        ("cards",),
        ("cards", "--pdf", "c.pdf", "--district", "47"),
    ],
)
def test_usage_errors_exit_2(db_path: Path, args: tuple[str, ...]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(db_path, *args)
    assert exit_info.value.code == 2


def test_certificate_lookup_as_typed(db_path: Path, capsys) -> None:
    assert run(db_path, "certificate", " เลขที่ ๔๗-๐๐๐๑-V๐๐๐๐๒ ") == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("เกียรติบัตรเลขที่ 47-0001-V00002 ออกให้ ")
    assert "(แกนนำ) กิจกรรม อบรมอาสาสมัครแรงงาน วันที่ " in out
    assert run(db_path, "certificate", "47-0001-V09999") == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("asr-cli: ไม่พบเกียรติบัตรเลขที่ 47-0001-V09999")
    assert len(err.splitlines()) == 1
