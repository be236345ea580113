import json
import subprocess
import sys
from datetime import date

import pytest
from tests.conftest import subprocess_env
from tests.work_helpers import national_id

from asr_desktop.cli import main
from asr_desktop.domain.model import Volunteer
from asr_desktop.domain.month import Month
from asr_desktop.domain.status import ChangeKind
from asr_desktop.domain.thai_dates import format_thai_date
from asr_desktop.domain.vocabulary import Tier
from asr_desktop.services.roster import RosterService
from asr_desktop.store.database import open_database


@pytest.fixture
def office_db(tmp_path):
    path = tmp_path / "office.db"
    assert main(["--db", str(path), "init", "--province", "47", "--office", "สรจ.สกลนคร"]) == 0
    db = open_database(path)
    service = RosterService(db)
    for i, (first, last, sub) in enumerate(
        [("สมชาย", "ใจดี", "470101"), ("กมล", "ศรีสุข", "470201"), ("แก้ว", "บุญมา", "470101")]
    ):
        vid = service.register(
            Volunteer(national_id(i + 1), first, last, title="นาย", subdistrict_code=sub)
        )
        if i != 1:
            service.appoint(vid, tier=Tier.LEAD, start_date=service.today().replace(day=1))
    db.close()
    return path


def test_init_refuses_an_unknown_province(tmp_path, capsys):
    path = tmp_path / "x.db"
    assert main(["--db", str(path), "init", "--province", "99"]) == 1
    err = capsys.readouterr().err
    assert "ไม่พบรหัสจังหวัด" in err and "Traceback" not in err
    assert not path.exists()


def test_init_twice_is_an_error(office_db, capsys):
    assert main(["--db", str(office_db), "init", "--province", "47"]) == 1
    assert "ตั้งค่าสำนักงานไว้แล้ว" in capsys.readouterr().err


def test_list_json_has_the_documented_keys(office_db, capsys):
    assert main(["--db", str(office_db), "list", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["first_name"] for r in rows] == ["กมล", "แก้ว", "สมชาย"]  # dictionary order
    for key in (
        "national_id",
        "title",
        "first_name",
        "last_name",
        "subdistrict_code",
        "district_code",
        "tier",
        "status",
        "term_end",
    ):
        assert key in rows[0]
    assert {r["status"] for r in rows} == {"active", "candidate"}
    assert rows[0]["term_end"] is None and rows[1]["term_end"].count("-") == 2


def test_list_filters_and_formats(office_db, capsys):
    assert main(["--db", str(office_db), "list", "--status", "candidate", "--format", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("เลขประจำตัวประชาชน,ชื่อ-สกุล")
    assert len(out) == 2 and "นายกมล ศรีสุข" in out[1]
    assert (
        main(["--db", str(office_db), "list", "--district", "4701", "--sort", "national_id"]) == 0
    )
    table = capsys.readouterr().out.splitlines()
    assert len(table) == 3 and "สมชาย" in table[1]
    assert main(["--db", str(office_db), "list", "--search", "ศรีสุข", "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1


def test_usage_error_exits_2(office_db):
    with pytest.raises(SystemExit) as caught:
        main(["--db", str(office_db), "list", "--status", "retired"])
    assert caught.value.code == 2


def test_runs_as_a_module_without_qt(office_db):
    code = (
        "import sys, runpy; sys.argv=['asr-cli','--db',sys.argv[1],'list'];"
        "runpy.run_module('asr_desktop.cli', run_name='__main__')"
    )
    check = (
        "import sys; import asr_desktop.cli, asr_desktop.cli.roster;"
        "assert not any(m.startswith('PySide6') for m in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(office_db)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=subprocess_env(),
    )
    assert result.returncode == 0, result.stderr
    assert "สมชาย" in result.stdout
    assert subprocess.run([sys.executable, "-c", check], env=subprocess_env()).returncode == 0


def test_list_csv_neutralises_formulas(tmp_path, capsys):
    """Issue 12 item 11: an empty title put a name like =HYPERLINK(...) first in its cell."""
    import csv
    import io

    path = tmp_path / "office.db"
    assert main(["--db", str(path), "init", "--province", "47"]) == 0
    db = open_database(path)
    service = RosterService(db)
    names = ['=HYPERLINK("http://x","คลิก")', "+SUM(1)", "-2+3", "@cmd", "\tแท็บ"]
    for i, name in enumerate(names):
        service.register(Volunteer(national_id(i + 1), name, "ใจดี", subdistrict_code="470101"))
    db.close()
    assert main(["--db", str(path), "list", "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))[1:]
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert {row[1] for row in rows} >= {"'" + names[0] + " ใจดี", "'+SUM(1) ใจดี"}


def test_list_json_gives_scheduled_changes_as_plain_values(office_db, capsys):
    """An exit dated after today waits for its day; JSON carries it as date, kind and text."""
    from datetime import date, timedelta

    from asr_desktop.domain.vocabulary import ExitReason

    db = open_database(office_db)
    service = RosterService(db)
    first = db.execute("select id from volunteers order by id limit 1").fetchone()[0]
    leaving = date.today() + timedelta(days=20)
    service.record_exit(first, reason=ExitReason.RESIGNED, on=leaving)
    db.close()
    assert main(["--db", str(office_db), "list", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    scheduled = [row["scheduled"] for row in rows if row["scheduled"]]
    assert scheduled == [
        [
            {
                "date": leaving.isoformat(),
                "kind": "exit",
                "kind_label": "จะพ้นสภาพ",
                "text": f"จะพ้นสภาพ {format_thai_date(leaving)}",
            }
        ]
    ]


def test_every_json_command_on_the_demo_gives_plain_values(tmp_path, capsys):
    """The demo has records dated ahead, a privacy log and a month of work: each JSON
    command prints values a program can read back, dates as ISO, never an object."""
    demo = str(tmp_path / "demo.db")
    assert main(["--db", demo, "demo", "--volunteers", "300"]) == 0
    assert main(["--db", demo, "list", "--full-ids", "--format", "csv"]) == 0
    capsys.readouterr()
    month = Month.of(date.today()).shift(-1).be_text
    commands = [
        ["list", "--format", "json"],
        ["list", "--full-ids", "--format", "json"],
        ["dashboard", "--format", "json"],
        ["activities", "--month", month, "--format", "json"],
        ["privacy-log", "--format", "json"],
    ]
    printed = {}
    for command in commands:
        assert main(["--db", demo, *command]) == 0, command
        printed[" ".join(command)] = json.loads(capsys.readouterr().out)

    rows = printed["list --format json"]
    scheduled = [change for row in rows for change in row["scheduled"]]
    assert scheduled, "the demo schedules exits and renewals ahead of today"
    for change in scheduled:
        assert set(change) == {"date", "kind", "kind_label", "text"}
        assert date.fromisoformat(change["date"]) > date.today()
        assert change["kind_label"] == ChangeKind(change["kind"]).label
        assert change["text"].startswith(change["kind_label"])
    assert all(date.fromisoformat(row["term_end"]) for row in rows if row["term_end"])
    log = printed["privacy-log --format json"]
    assert [entry["record_count"] for entry in log] == [300, 300]
    assert printed["activities --month " + month + " --format json"]
