"""The printed reports from a database: what the PDF says equals what was recorded."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import pytest
from tests.report_helpers import MONTH, TONE_NAMES, office_with_work
from tests.reports.pdf_helpers import extractions, pypdf_pages
from tests.work_helpers import TODAY, national_id

from asr_desktop.domain.month import Month
from asr_desktop.domain.national_id import format_national_id, mask_national_id
from asr_desktop.domain.progress import Cancelled
from asr_desktop.domain.thai_digits import to_thai_digits
from asr_desktop.services.reporting.catalogue import ReportRequest, office_reports, report_spec
from asr_desktop.services.reporting.monthly import build_monthly_report
from asr_desktop.store.settings import load_settings, save_settings


@pytest.fixture(scope="module")
def office():
    db, _ = office_with_work()
    return db


def _write(db, key: str, out: Path, **request: object) -> int:
    spec = report_spec(key)
    assert spec.write_pdf is not None
    return spec.write_pdf(db, ReportRequest(today=TODAY, **request), out, lambda d, n: None)


def _text(path: Path) -> dict[str, str]:
    return {name: "\n".join(pages) for name, pages in extractions(path).items()}


def _flat(text: str) -> str:
    """Words and numbers in reading order, one space apart (pdftotext puts table cells on
    lines of their own, pypdf a row to a line)."""
    return " ".join(text.split())


def test_every_report_in_the_catalogue_prints(office, tmp_path: Path) -> None:
    for spec in office_reports():  # the national report reads a national database (tests/hq)
        key = spec.key
        out = tmp_path / f"{key}.pdf"
        assert spec.write_pdf is not None
        pages = spec.write_pdf(
            office, ReportRequest(today=TODAY, month=MONTH), out, lambda d, n: None
        )
        texts = pypdf_pages(out)
        assert len(texts) == pages >= 1
        for number, text in enumerate(texts, start=1):
            assert f"หน้า {number}/{pages}" in text
            assert "สำนักงานแรงงานจังหวัดสกลนคร" in text


def test_roster_names_come_back_exactly_and_ids_are_masked(office, tmp_path: Path) -> None:
    out = tmp_path / "roster.pdf"
    _write(office, "roster", out)
    for extractor, text in _text(out).items():
        for number, name in enumerate(TONE_NAMES, start=1):
            assert f"นาย{name} ศักดิ์สิทธิ์" in text, (extractor, name)
            assert mask_national_id(national_id(number)) in text, extractor
            assert format_national_id(national_id(number)) not in text, extractor
        assert "อำเภอเมืองสกลนคร (3 คน)" in text
        assert "รวมทั้งสิ้น" in text and "6 คน" in text
        assert "นางสาวปิ่นแก้ว ศักดิ์สิทธิ์" in text  # the preparer's signature block
        assert "นักวิชาการแรงงานชำนาญการ" in text


def test_roster_titles_short_or_full_as_the_office_chose(tmp_path: Path) -> None:
    db, _ = office_with_work()
    first = db.execute("SELECT id, first_name, last_name FROM volunteers ORDER BY id").fetchone()
    db.execute("UPDATE volunteers SET title = 'นายแพทย์' WHERE id = ?", [first[0]])
    name = f"{first[1]} {first[2]}"
    out = tmp_path / "full.pdf"
    _write(db, "roster", out)
    assert all(f"นายแพทย์{name}" in text for text in _text(out).values())
    save_settings(db, dataclasses.replace(load_settings(db), short_titles_in_print=True))
    out = tmp_path / "short.pdf"
    _write(db, "roster", out)
    for text in _text(out).values():
        assert f"นพ.{name}" in text and f"นายแพทย์{name}" not in text


def test_roster_full_ids_only_when_asked_and_district_filter(office, tmp_path: Path) -> None:
    out = tmp_path / "roster.pdf"
    _write(office, "roster", out, full_national_ids=True, district_code="4702")
    text = "\n".join(pypdf_pages(out))
    assert format_national_id(national_id(4)) in text  # น้ำผึ้ง in กุสุมาลย์ (4702)
    assert format_national_id(national_id(1)) not in text  # เมืองสกลนคร is left out
    assert "อำเภอกุสุมาลย์ จังหวัดสกลนคร" in text
    assert "อำเภอเมืองสกลนคร" not in text


def test_unknown_district_is_refused(office, tmp_path: Path) -> None:
    from asr_desktop.domain.errors import InputError

    with pytest.raises(InputError):
        _write(office, "roster", tmp_path / "x.pdf", district_code="1001")
    assert not (tmp_path / "x.pdf").exists()


def test_monthly_numbers_equal_the_database(office, tmp_path: Path) -> None:
    report = build_monthly_report(office, MONTH)
    by_sql = office.execute(
        "SELECT sum(count), sum(people_male), sum(people_female) FROM activities "
        "WHERE date >= '2025-10-01' AND date < '2025-11-01'"
    ).fetchone()
    assert by_sql == (9, 11, 15)
    assert sum(d.activities for d in report.districts) == by_sql[0]
    assert sum(d.reached_male for d in report.districts) == by_sql[1]
    assert sum(d.reached_female for d in report.districts) == by_sql[2]
    assert sum(m.total for m in report.missions) == by_sql[0]
    assert sum(r.total for r in report.referrals) == 4 == sum(d.referrals for d in report.districts)
    [event] = report.events
    assert event.attendees == {"lead": 2, "network": 1, "mentor": 1, "staff": 0, "other": 1}
    assert report.has_activity_data

    out = tmp_path / "monthly.pdf"
    _write(office, "monthly", out, month=MONTH)
    for extractor, text in _text(out).items():
        assert "ประจำเดือนตุลาคม 2568" in text, extractor
        flat = _flat(text)
        # the district table: serving, activities, male, female, all, referrals
        assert "เมืองสกลนคร 3 4 10 14 24 3 กุสุมาลย์ 3 5 1 1 2 1" in flat, extractor
        assert "รวม 6 9 11 15 26 4" in flat, extractor
        assert "ชี้เป้า คัดกรอง และส่งต่อ 4 ราย" in flat, extractor
        assert "อบรมเชิงปฏิบัติการเครือข่ายอาสาสมัครแรงงาน" in text.replace("\n", ""), extractor
        # chart labels, set by our layer: district names and agencies with their shares
        assert "จำนวนกิจกรรมแยกตามอำเภอ (ครั้ง)" in text, extractor
        assert "กกจ. 2 ราย (ร้อยละ 50.0)" in flat, extractor
        assert "แกนนำ เครือข่าย พี่เลี้ยง เจ้าหน้าที่ อื่น ๆ รวม" in flat, extractor
    # pdftotext reads wide tables of short numbers column block by column block; pypdf
    # keeps each row together.
    flat = _flat("\n".join(pypdf_pages(out)))
    # by mission and agency: สป.รง. กกจ. กพร. กสร. สปส. none, total
    assert "แนะนำ/ส่งต่อการมีงานทำ 0 1 0 0 0 1 2" in flat
    assert "สำรวจความต้องการด้านแรงงาน 0 0 0 0 0 4 4" in flat  # the month grid's count
    # referrals by outcome: referred, in progress, served, not served, total
    assert "กกจ. 1 0 1 0 2" in flat
    # the event: lead, network, mentor, staff, other, total
    assert "2 1 1 0 1 5" in flat


def test_a_month_without_work_says_so(office, tmp_path: Path) -> None:
    out = tmp_path / "monthly.pdf"
    _write(office, "monthly", out, month=Month(2025, 7))
    assert "ยังไม่มีการบันทึกผลการปฏิบัติงาน" in "\n".join(pypdf_pages(out))


def test_thai_digits_when_the_office_asks(tmp_path: Path) -> None:
    db, _ = office_with_work()
    save_settings(db, dataclasses.replace(load_settings(db), thai_digits_in_print=True))
    out = tmp_path / "roster.pdf"
    pages = _write(db, "roster", out)
    for extractor, text in _text(out).items():
        assert to_thai_digits(mask_national_id(national_id(1))) in text, extractor
        assert f"หน้า ๑/{to_thai_digits(str(pages))}" in text, extractor
        assert not re.search(r"[0-9]", text), (extractor, re.findall(r".{5}[0-9].{5}", text)[:3])
    monthly = tmp_path / "monthly.pdf"
    _write(db, "monthly", monthly, month=MONTH)
    text = "\n".join(pypdf_pages(monthly))
    assert "ตุลาคม ๒๕๖๘" in text and not re.search(r"[0-9]", text)


def test_coverage_and_expiring(office, tmp_path: Path) -> None:
    coverage = tmp_path / "coverage.pdf"
    _write(office, "coverage", coverage)
    text = "\n".join(pypdf_pages(coverage))
    flat = _flat(text)
    assert "เมืองสกลนคร 16 2 14 12.5" in flat  # leads in 470101 and 470102
    assert "รวมทั้งจังหวัด 125 3 122 2.4" in flat
    assert "ตำบลที่ยังไม่มีแกนนำ" in text
    expiring = tmp_path / "expiring.pdf"
    _write(office, "expiring", expiring)  # TODAY is 20 Nov 2025: กุ้ง's term ends 31 Dec
    text = "\n".join(pypdf_pages(expiring))
    assert "รายชื่ออาสาสมัครแรงงานที่จะครบวาระภายใน 90 วัน" in text
    assert "นายกุ้ง ศักดิ์สิทธิ์" in text and "31 ธ.ค. 2568" in text
    assert "ปิ่นแก้ว" not in text.replace("นางสาวปิ่นแก้ว", "")  # not ending; preparer aside


def test_cancel_leaves_no_file(office, tmp_path: Path) -> None:
    def cancel(done: int, total: int) -> None:
        raise Cancelled

    for key in (spec.key for spec in office_reports()):
        out = tmp_path / f"{key}.pdf"
        spec = report_spec(key)
        assert spec.write_pdf is not None
        with pytest.raises(Cancelled):
            spec.write_pdf(office, ReportRequest(today=TODAY, month=MONTH), out, cancel)
        assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_an_empty_office_prints_too(tmp_path: Path) -> None:
    from tests.work_helpers import make_office

    from asr_desktop.store.database import memory_database

    db = memory_database()
    make_office(db)
    request = ReportRequest(today=date(2025, 11, 20), month=MONTH)
    for spec in office_reports():  # the national report reads a national database (tests/hq)
        key = spec.key
        assert spec.write_pdf is not None
        assert spec.write_pdf(db, request, tmp_path / f"{key}.pdf", lambda d, n: None) >= 1
