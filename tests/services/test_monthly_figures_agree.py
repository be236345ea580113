"""Every figure the monthly report prints twice is one number, also with records outside
the office's province (a volunteer living across the border, a referral naming another
province's tambon): those are counted apart, in a row that says so, and in every total."""

from __future__ import annotations

import json
import re
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from tests.report_helpers import MONTH, office_with_work
from tests.reports.pdf_helpers import pypdf_pages
from tests.work_helpers import TODAY, national_id

from asr_desktop.domain.model import Volunteer
from asr_desktop.domain.vocabulary import Tier
from asr_desktop.domain.work import Activity, CategoryKind, Referral, ReferralStatus
from asr_desktop.services.activities import ActivityService
from asr_desktop.services.referrals import ReferralService
from asr_desktop.services.reporting.catalogue import ReportRequest, report_spec
from asr_desktop.services.reporting.monthly import build_monthly_report, write_monthly_workbook
from asr_desktop.services.reporting.package import build_package
from asr_desktop.services.roster import RosterService
from asr_desktop.store.categories import CategoryStore


@pytest.fixture(scope="module")
def office():
    """The shared office, plus a volunteer of นครพนม (48) with work in October, and two
    referrals of the office's volunteers: one naming a tambon of นครพนม, one from a
    volunteer with no tambon at all."""
    db, ids = office_with_work()
    roster = RosterService(db, today=lambda: TODAY)
    across = roster.register(
        Volunteer(national_id(90), "ข้ามเขต", "ริมโขง", title="นาย", subdistrict_code="480101")
    )
    roster.appoint(across, tier=Tier.LEAD, start_date=date(2024, 10, 1))
    missions = {c.code: c.id for c in CategoryStore(db).all(CategoryKind.MISSION)}
    ActivityService(db, today=lambda: TODAY).save(
        Activity(across, date(2025, 10, 12), missions["job_referral"], agency="doe",
                 people_male=6, people_female=3)
    )  # fmt: skip
    referrals = ReferralService(db, today=lambda: TODAY)
    referrals.save(Referral(date(2025, 10, 13), "ผู้รับบริการข้ามเขต", "doe", volunteer_id=across))
    first = next(iter(ids.values()))
    referrals.save(
        Referral(date(2025, 10, 14), "ผู้รับบริการนครพนม", "sso", volunteer_id=first,
                 subdistrict_code="480102", status=ReferralStatus.SERVED, outcome="ได้งานแล้ว")
    )  # fmt: skip
    return db


def test_the_figures_agree_and_the_outside_row_says_what_it_is(office, tmp_path: Path) -> None:
    report = build_monthly_report(office, MONTH)
    rows = report.district_rows
    assert report.outside is not None and rows[-1] is report.outside
    assert report.outside.district.startswith("นอกจังหวัดสกลนคร")
    assert (report.outside.activities, report.outside.referrals) == (1, 2)
    assert (report.outside.reached_male, report.outside.reached_female) == (6, 3)
    assert report.outside.leads == 1

    activities = office.execute(
        "SELECT sum(count), sum(people_male), sum(people_female) FROM activities "
        "WHERE date >= '2025-10-01' AND date < '2025-11-01'"
    ).fetchone()
    referrals = office.execute(
        "SELECT count(*) FROM referrals WHERE date >= '2025-10-01' AND date < '2025-11-01'"
    ).fetchone()[0]
    assert sum(d.activities for d in rows) == sum(m.total for m in report.missions)
    assert sum(d.activities for d in rows) == activities[0]
    assert sum(d.reached_male for d in rows) == activities[1]
    assert sum(d.reached_female for d in rows) == activities[2]
    assert sum(d.referrals for d in rows) == sum(r.total for r in report.referrals) == referrals
    counts = report.record_counts()
    assert counts["referrals"] == referrals and counts["activities"] == activities[0]
    assert counts["outside_province"] > 0

    # The workbook's district table adds up to the same totals.
    workbook = tmp_path / "monthly.xlsx"
    write_monthly_workbook(office, report, workbook, today=TODAY)
    book = openpyxl.load_workbook(workbook, read_only=True)
    cells = [list(row) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)]
    book.close()
    assert any(report.outside.district in row for row in cells)

    # The PDF: the district table's total, the summary and the referral table say one number.
    pdf = tmp_path / "monthly.pdf"
    spec = report_spec("monthly")
    assert spec.write_pdf is not None
    spec.write_pdf(office, ReportRequest(today=TODAY, month=MONTH), pdf, lambda d, n: None)
    text = "".join("".join(pypdf_pages(pdf)).split())  # justified text: gaps vary
    assert f"ชี้เป้าคัดกรองและส่งต่อ{referrals}ราย" in text
    assert f"รายงานการปฏิบัติงาน{activities[0]}ครั้ง" in text
    assert "นอกจังหวัดสกลนคร" in text and "หมายเหตุ" in text

    # The package manifest carries the same counts.
    folder = tmp_path / "package"
    result = build_package(
        office, month=MONTH, out_dir=folder, data_dir=tmp_path / "data",
        today=TODAY,
    )  # fmt: skip
    with zipfile.ZipFile(result.package) as signed:  # the manifest travels inside the zip
        manifest = json.loads(signed.read("manifest.json"))
    found = json.dumps(manifest, ensure_ascii=False)
    assert re.search(rf'"referrals": {referrals}\b', found)
    assert re.search(rf'"activities": {activities[0]}\b', found)
