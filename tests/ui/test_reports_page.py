"""The Reports page: a report made in the background is previewed, saved and can be cancelled."""

from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from asr_desktop.domain.month import Month
from asr_desktop.domain.progress import Cancelled
from asr_desktop.services.office import Office, init_office
from asr_desktop.services.reporting import catalogue as report_catalogue
from asr_desktop.services.reporting.catalogue import Period, ReportSpec
from asr_desktop.store.database import open_database
from asr_desktop.ui import reports_page
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.reports_page import ReportsPage

TODAY = date(2026, 11, 24)


def counting_pdf(db, request, out: Path, progress) -> int:
    """A stand-in report: one page per volunteer tambon count, so it reads the database."""
    pages = 3
    pdf = canvas.Canvas(str(out), pagesize=A4)
    for page in range(pages):
        progress(page, pages)
        pdf.drawString(100, 700, f"{request.month} {db.execute('SELECT 1').fetchone()[0]}")
        pdf.showPage()
    pdf.save()
    return pages


def never_finishes(db, request, out: Path, progress) -> int:
    while True:
        progress(0, 1)


@pytest.fixture
def page(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "office.db"
    db = open_database(path)
    init_office(db, "47")
    monkeypatch.setattr(
        report_catalogue,
        "CATALOGUE",
        {
            "fake": ReportSpec(
                "fake",
                "รายงานทดสอบ",
                Period.MONTH,
                write_pdf=counting_pdf,
                description="ใช้ทดสอบหน้ารายงาน",
            ),
            "slow": ReportSpec("slow", "รายงานที่ช้ามาก", Period.NONE, write_pdf=never_finishes),
            "xlsx": ReportSpec("xlsx", "เฉพาะ Excel", Period.NONE),
        },
    )
    widget = ReportsPage(AppContext(Office.adopt(db, path, today=lambda: TODAY)))
    qtbot.addWidget(widget)
    yield widget
    db.close()


def test_makes_previews_and_saves_a_report(page, qtbot, tmp_path, monkeypatch):
    assert page.month.currentData() == Month(2026, 10)  # last month by default
    assert page.month.currentText() == "ตุลาคม 2569"
    with qtbot.waitSignal(page.report_ready, timeout=10_000):
        page.generate()
    assert page.preview.page_count == 3
    assert page.print_button.isEnabled() and page.save_button.isEnabled()
    target = tmp_path / "saved.pdf"
    monkeypatch.setattr(reports_page.ask, "save_file", lambda *a: str(target))
    page.save_pdf()
    assert target.read_bytes() == page.current_pdf.read_bytes()


def test_period_controls_follow_the_report(page):
    page.select_report("slow")
    assert not page.month.isEnabled()
    page.select_report("xlsx")
    assert not page.make_pdf.isEnabled() and not page.make_xlsx.isEnabled()
    page.select_report("fake")
    assert page.month.isEnabled() and page.make_pdf.isEnabled()


def test_cancel_stops_the_work_and_keeps_the_page_usable(page, qtbot):
    page.select_report("slow")
    messages = []
    page.status_changed.connect(messages.append)
    page.generate()
    assert page.runner.busy
    page.runner.cancel()
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=10_000)
    assert messages[-1] == "ยกเลิกการสร้างรายงานแล้ว"
    assert page.current_pdf is None
    assert Cancelled  # the worker's progress callback raised it


def test_the_monthly_package_is_offered_on_the_reports_page(page, monkeypatch):
    from asr_desktop.ui import excel_actions

    called = []
    monkeypatch.setattr(
        excel_actions,
        "monthly_package_action",
        lambda context, parent, runner: called.append(parent),
    )
    assert page.package_button.isEnabled() and "ส่งรายงานประจำเดือน" in page.package_button.text()
    page.package_button.click()
    assert called == [page]
