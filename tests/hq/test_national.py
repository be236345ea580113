"""The national views over a small demo country (three provinces, three months): the CLI's
JSON formats, reporting status, planted duplicates and findings, reports and feedback."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pypdf
import pytest
from tests.hq.conftest import THAI

from asr_desktop.cli import main

TODAY = date(2025, 12, 20)


@pytest.fixture(scope="session")
def country(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from asr_desktop.services.demo.national import build_demo_national

    out = tmp_path_factory.mktemp("country")
    return build_demo_national(
        out / "demo",
        seed=11,
        months=3,
        provinces=["10", "47", "90"],
        volunteers=2000,
        today=TODAY,
        now=datetime(2025, 12, 20, 12, 0, tzinfo=THAI),
        jobs=1,
    )


@pytest.fixture
def received(country, tmp_path: Path, capsys) -> Path:  # type: ignore[no-untyped-def]
    db = tmp_path / "hq.db"
    assert main(["--db", str(db), "hq", "init", "--demo-key"]) == 0
    capsys.readouterr()
    packages = str(country.out / "packages")
    assert main(["--db", str(db), "hq", "receive", packages, "--format", "json"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert len(results) == len(country.packages) == 8  # 3 × 3 less the missing month
    for r in results:
        assert set(r) >= {"path", "accepted", "province_code", "period", "reason"}
        assert r["accepted"] is True and r["period"][:4] == "2025"
    return db


def test_demo_country_is_what_it_says(country) -> None:  # type: ignore[no-untyped-def]
    assert country.missing is not None
    assert len(country.duplicates) >= 1
    assert country.shrinking in ("10", "47", "90")
    names = sorted(p.name for p in country.packages)
    assert names[0] == "asr_10_2568-09.zip"  # พ.ศ. in the file name


def test_status_json(received: Path, country, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--db", str(received), "hq", "status", "--fiscal-year", "2569",
                 "--format", "json"]) == 0  # fmt: skip
    cells = json.loads(capsys.readouterr().out)
    assert len(cells) == 77 * 12
    by_key = {(c["province_code"], c["period"]): c for c in cells}
    for cell in cells:
        assert set(cell) >= {"province_code", "period", "state", "received_at"}
        assert cell["state"] in ("on_time", "late", "missing", "not_due")
    code, period = country.missing
    if period >= "2025-10":
        assert by_key[(code, period)]["state"] == "missing"
    for code, period in country.late:
        if period >= "2025-10":
            assert by_key[(code, period)]["state"] == "late"
    assert by_key[("12", "2025-10")]["state"] == "missing"  # never sent anything
    received_cell = by_key[("10", "2025-11")]
    assert received_cell["received_at"] and received_cell["state"] in ("on_time", "late")


def test_status_table_is_for_a_person(received: Path, country, capsys) -> None:  # type: ignore[no-untyped-def]
    """The table says the state in Thai and both times: on time is judged by when the
    office sent the package (its signed clock), not when headquarters received it."""
    assert main(["--db", str(received), "hq", "status", "--fiscal-year", "2569"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[-2:] == ["ส่งเมื่อ", "รับเมื่อ"]
    assert not any(code in line for line in lines for code in ("on_time", "not_due"))
    code, period = country.late[0] if country.late else (None, None)
    if code and period >= "2025-10":
        row = next(line for line in lines if line.startswith(f"{code} ") and period in line)
        assert "ส่งล่าช้า" in row


def test_duplicates_json(received: Path, country, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--db", str(received), "hq", "duplicates", "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    planted = {nid: {a, b} for nid, a, b in country.duplicates}
    assert found
    for item in found:
        assert set(item) == {"national_id", "province_codes"}
        assert set(item["province_codes"]) == planted[item["national_id"]]


def test_findings_include_the_shrinking_roster(received: Path, country, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--db", str(received), "hq", "findings", "--month", "2568-11",
                 "--format", "json"]) == 0  # fmt: skip
    found = json.loads(capsys.readouterr().out)
    shrink = [f for f in found if f["rule"] == "roster_shrink"]
    assert [f["province_code"] for f in shrink] == [country.shrinking]
    assert all(f["period"] == "2025-11" for f in found)
    assert "ลดลงร้อยละ" in shrink[0]["text"]
    empty = [f for f in found if f["rule"] == "activities_without_volunteers"]
    assert country.emptied in {f["province_code"] for f in empty}
    assert all(f["district_code"][:2] == f["province_code"] for f in empty)


def test_national_report_pdf_and_excel(received: Path, tmp_path: Path) -> None:
    pdf, xlsx = tmp_path / "n.pdf", tmp_path / "n.xlsx"
    args = ["--db", str(received), "report", "national", "--month", "2568-11"]
    assert main([*args, "--pdf", str(pdf), "--xlsx", str(xlsx)]) == 0
    text = "".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages)
    for words in ("ทั้งประเทศ", "ภาคใต้", "สงขลา", "กรุงเทพมหานคร", "พฤศจิกายน 2568"):
        assert words in text
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == ["รายภาค", "รายจังหวัด", "หน่วยงาน"]
    provinces = [row[2] for row in book["รายจังหวัด"].iter_rows(values_only=True)]
    assert "สกลนคร" in provinces and "นราธิวาส" in provinces


def test_feedback_workbook_lists_what_the_province_must_fix(  # type: ignore[no-untyped-def]
    received: Path, country, tmp_path: Path
) -> None:
    from asr_desktop.services.hq.headquarters import Headquarters
    from asr_desktop.services.hq.national import duplicates

    hq = Headquarters.open(received)
    try:
        duplicate = duplicates(hq)[0]
    finally:
        hq.close()
    code = duplicate.province_codes[0]
    out = tmp_path / "fb.xlsx"
    assert main(["--db", str(received), "hq", "feedback", "--province", code,
                 "--fiscal-year", "2569", "--xlsx", str(out)]) == 0  # fmt: skip
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["การส่งรายงาน", "ผู้ปฏิบัติหน้าที่ซ้ำ", "ข้อสังเกต"]
    cells = [c for row in book["ผู้ปฏิบัติหน้าที่ซ้ำ"].iter_rows(values_only=True) for c in row]
    assert duplicate.national_id in cells


def test_receive_exit_code_three_when_some_are_refused(received: Path, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip")
    assert main(["--db", str(received), "hq", "receive", str(junk), "--format", "json"]) == 3
    [result] = json.loads(capsys.readouterr().out)
    assert result["accepted"] is False and result["reason"]


def test_months_not_yet_due_and_rates(received: Path, country) -> None:  # type: ignore[no-untyped-def]
    from asr_desktop.services.hq.headquarters import Headquarters
    from asr_desktop.services.hq.status import reporting_status

    hq = Headquarters.open(received)
    try:
        grid = reporting_status(hq, 2569, today=TODAY)
    finally:
        hq.close()
    assert grid.cell("47", "2026-01").state.value == "not_due"
    assert grid.cell("47", "2025-12").state.value == "not_due"  # due 10 January
    # Due so far: October and November for 77 provinces; 5 of those 154 were received
    # (3 provinces x 2 months, less the missing one when it is in October/November).
    expected_received = 6 - (country.missing[1] >= "2025-10")
    assert (grid.rates.expected, grid.rates.received) == (154, expected_received)
    late = sum(1 for code, period in country.late if period >= "2025-10")
    assert grid.rates.on_time == expected_received - late
    assert grid.chase[0].period == "2025-11"


def test_cancelled_national_report_leaves_no_file(received: Path, tmp_path: Path) -> None:
    from asr_desktop.domain.month import Month
    from asr_desktop.domain.progress import Cancelled
    from asr_desktop.services.hq.headquarters import Headquarters
    from asr_desktop.services.reporting.catalogue import ReportRequest, report_spec

    def cancel(done: int, total: int) -> None:
        raise Cancelled

    spec = report_spec("national")
    hq = Headquarters.open(received)
    try:
        # (PDF only: a cancelled Excel writer leaves openpyxl's row generator to the garbage
        # collector, which pytest reports; that is the office writer's behaviour too.)
        for writer, out in ((spec.write_pdf, tmp_path / "n.pdf"),):
            assert writer is not None
            with pytest.raises(Cancelled):
                writer(hq.db, ReportRequest(today=TODAY, month=Month(2025, 11)), out, cancel)
            assert not out.exists()
    finally:
        hq.close()


def test_national_roster_is_each_provinces_newest_package(received: Path) -> None:
    from asr_desktop.services.hq.headquarters import Headquarters
    from asr_desktop.services.hq.national import search

    hq = Headquarters.open(received)
    try:
        rows = hq.db.execute(
            "SELECT province_code, period, count(*) FROM national_roster GROUP BY 1, 2"
        ).fetchall()
        newest = hq.db.execute(
            "SELECT province_code, package_id FROM national_roster GROUP BY 1"
        ).fetchall()
        sizes = {
            code: hq.db.execute(
                "SELECT count(*) FROM package_roster WHERE package_id = ?", [package_id]
            ).fetchone()[0]
            for code, package_id in newest
        }
        found = search(hq, "")
    finally:
        hq.close()
    assert sorted((code, period) for code, period, _ in rows) == [
        ("10", "2025-11"),
        ("47", "2025-11"),
        ("90", "2025-11"),
    ]
    assert {code: n for code, _, n in rows} == sizes
    assert len(found) == min(500, sum(sizes.values()))


def test_deadline_setting_changes_on_time_to_late(received: Path, country, capsys) -> None:  # type: ignore[no-untyped-def]
    from asr_desktop.services.hq.headquarters import Headquarters
    from asr_desktop.services.hq.status import reporting_status

    assert main(["--db", str(received), "hq", "deadline", "--day", "1"]) == 0
    assert "วันที่ 1 ของเดือนถัดไป" in capsys.readouterr().out
    hq = Headquarters.open(received)
    try:
        grid = reporting_status(hq, 2569, today=TODAY)
    finally:
        hq.close()
    # The demo's offices make their packages from the 2nd of the next month on.
    assert grid.rates.on_time == 0 and grid.rates.received > 0
    assert main(["--db", str(received), "hq", "deadline", "--day", "29"]) == 1
