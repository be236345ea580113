"""Issue 14's command line: dry runs print the real run's counts, a person twice in a file
is the file's problem, usage errors exit 2 in Thai, a closed pipe is quiet, tables line up
by display width with พ.ศ. dates, and --date/--month take either era by one rule."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from tests.cli.test_excel_cli import BAD, GOOD, _count, _file
from tests.conftest import subprocess_env
from tests.excel_fixtures import national_id

from asr_desktop.cli import main
from asr_desktop.cli.output import date_arg, display_width, month_arg, print_rows

SUMMARY = re.compile(r"read=(\d+) added=(\d+) updated=(\d+) skipped=(\d+) rejected=(\d+)")


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.db"
    assert main(["--db", str(path), "init", "--province", "47"]) == 0
    return path


def _summary(out: str) -> tuple[int, ...]:
    match = SUMMARY.search(out)
    assert match, out
    read, *counts = (int(n) for n in match.groups())
    assert sum(counts) == read, out  # the counts always add up to the rows read
    return (read, *counts)


def test_dry_run_prints_the_counts_of_the_real_run(tmp_path, capsys) -> None:
    demo, target = tmp_path / "demo.db", tmp_path / "target.db"
    assert main(["--db", str(demo), "demo", "--volunteers", "40"]) == 0
    roster = tmp_path / "roster.xlsx"
    assert main(["--db", str(demo), "export", "roster", "--xlsx", str(roster), "--full-ids"]) == 0
    assert main(["--db", str(target), "init", "--province", "47"]) == 0
    capsys.readouterr()
    dry_code = main(["--db", str(target), "import", str(roster), "--dry-run"])
    dry = _summary(capsys.readouterr().out)
    assert _count(target) == 0
    real_code = main(["--db", str(target), "import", str(roster)])
    real = _summary(capsys.readouterr().out)
    assert (dry_code, dry) == (real_code, real)
    assert real[1] == _count(target) == 40


def test_mixed_file_counts_add_up_in_every_mode(empty, tmp_path, capsys) -> None:
    twice = [national_id(8), "สาม", "ซ้ำ", "ธาตุเชิงชุม", "เมือง"]
    path = _file(tmp_path, [GOOD, BAD, twice, twice])
    assert main(["--db", str(empty), "import", str(path), "--dry-run"]) == 3
    assert _summary(capsys.readouterr().out) == (4, 1, 0, 0, 3)
    assert main(["--db", str(empty), "import", str(path), "--strict"]) == 3
    assert _summary(capsys.readouterr().out) == (4, 0, 0, 1, 3)  # refused: nothing added
    assert main(["--db", str(empty), "import", str(path)]) == 3
    assert _summary(capsys.readouterr().out) == (4, 1, 0, 0, 3)


def test_one_person_twice_in_a_file_names_both_rows(empty, tmp_path, capsys) -> None:
    first = [national_id(9), "สี่", "หนึ่ง", "ธาตุเชิงชุม", "เมือง"]
    again = [national_id(9), "สี่", "สอง", "ธาตุเชิงชุม", "เมือง"]
    report = tmp_path / "rejects.xlsx"
    path = _file(tmp_path, [first, GOOD, again])
    assert main(["--db", str(empty), "import", str(path), "--report", str(report)]) == 3
    err = capsys.readouterr().err
    assert "แถว 2 คอลัมน์ A (เลขประจำตัวประชาชน): เลขประจำตัวประชาชนซ้ำกับแถว 4 ในไฟล์เดียวกัน" in err
    assert "แถว 4 คอลัมน์ A (เลขประจำตัวประชาชน): เลขประจำตัวประชาชนซ้ำกับแถว 2 ในไฟล์เดียวกัน" in err
    import openpyxl

    rows = list(openpyxl.load_workbook(report).active.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == [2, 4]
    assert _count(empty) == 1


def test_usage_errors_exit_2_with_thai_messages(empty, tmp_path, capsys) -> None:
    assert main(["--db", str(empty), "report", "roster"]) == 2
    assert "ระบุ --pdf OUT.pdf หรือ --xlsx OUT.xlsx" in capsys.readouterr().err
    for argv, thai in (
        (["--db", str(empty), "list", "--bogus"], "ไม่รู้จักอาร์กิวเมนต์: --bogus"),
        (["--db", str(empty), "list", "--status", "nope"], "ไม่มีตัวเลือก 'nope'"),
        (["--db", str(empty), "import"], "ต้องระบุ: file"),
    ):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 2
        err = capsys.readouterr().err
        assert thai in err and "วิธีใช้:" in err
        assert "error:" not in err and "usage:" not in err


@pytest.mark.slow  # a 500-volunteer demo, so the listing outgrows the pipe's buffer
def test_a_closed_pipe_is_a_quiet_success(tmp_path) -> None:
    db = tmp_path / "demo.db"
    assert main(["--db", str(db), "demo", "--volunteers", "500"]) == 0
    child = subprocess.Popen(
        [sys.executable, "-m", "asr_desktop.cli", "--db", str(db), "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=subprocess_env(),
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.readline()  # like `| head -1`
    child.stdout.close()
    with child.stderr:
        err = child.stderr.read().decode()
    assert child.wait(timeout=60) == 0, err
    assert err == ""


def test_table_pads_by_display_width_with_thai_dates_and_phones() -> None:
    rows = [
        {"name": "นายสมชาย ใจดี", "term_end": "2027-01-31", "phone": "0812345678"},
        {"name": "นางกุสุมาลย์ ภูพาน", "term_end": "2026-11-24", "phone": "042712345"},
    ]
    columns = [("name", "ชื่อ-สกุล"), ("term_end", "วาระสิ้นสุด"), ("phone", "โทรศัพท์")]
    out = io.StringIO()
    print_rows(rows, columns, "table", out)
    lines = out.getvalue().splitlines()
    assert "31 ม.ค. 2570" in lines[1] and "081-234-5678" in lines[1]
    assert "24 พ.ย. 2569" in lines[2] and "042-712345" in lines[2]
    # Every row's second column starts at the same terminal column.
    starts = {
        display_width(line[: line.index(cell)])
        for line, cell in zip(lines, ("วาระสิ้นสุด", "31 ม.ค. 2570", "24 พ.ย. 2569"), strict=True)
    }
    assert len(starts) == 1
    assert display_width("กุสุมาลย์") == 6
    csv_out = io.StringIO()
    print_rows(rows, columns, "csv", csv_out)
    assert "2027-01-31,0812345678" in csv_out.getvalue()  # programs keep ISO dates


def test_one_date_rule_for_date_and_month() -> None:
    assert date_arg("2569-11-24") == date_arg("2026-11-24") == date(2026, 11, 24)
    assert month_arg("2568-10") == month_arg("2025-10")
    with pytest.raises(Exception, match="ไม่มีวันที่นี้"):
        date_arg("2569-02-30")
