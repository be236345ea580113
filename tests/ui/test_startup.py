"""Start-up builds only what the first screen needs (issue 20): the dashboard before the
window is shown, every other page on its first visit or in the idle moments after, and no
report, spreadsheet or PDF library until a report, card, export or import is made."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from tests.conftest import subprocess_env
from tests.work_helpers import TODAY, national_id, populate

from asr_desktop.domain.inactivity import inactive_label
from asr_desktop.domain.model import Volunteer
from asr_desktop.domain.thai_words import ZWSP, first_screen_breaks, without_word_breaks
from asr_desktop.services.changes import Change
from asr_desktop.services.demo.province import build_demo
from asr_desktop.services.demo.work import add_demo_work
from asr_desktop.services.office import Office
from asr_desktop.store.database import memory_database
from asr_desktop.store.referrals import ReferralStore
from asr_desktop.ui import app, startup_window
from asr_desktop.ui.context import AppContext, Page, ShowOverdueReferrals
from asr_desktop.ui.main_window import PAGES, MainWindow

# Showing a top-level widget on the offscreen platform logs this harmless warning.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

# What start-up must not import: the PDF, spreadsheet and PDF-rendering libraries, and the
# report writers and the services that make reports, documents, workbooks and imports
# (reports.output, the write-whole-or-nothing helper backups use, is plain Python).
# Nor pythainlp and its word list (~0.4 s): the Thai that the start-up window and the
# dashboard wrap is kept split in domain.thai_words.FIRST_SCREEN_WORDS.
HEAVY_LIBRARIES = {"reportlab", "openpyxl", "pypdfium2", "python_calamine", "pythainlp"}
REPORT_MODULES = (
    "asr_desktop.reports.pdf",
    "asr_desktop.reports.excel",
    "asr_desktop.reports.monthly",
    "asr_desktop.services.reporting.documents",
    "asr_desktop.services.reporting.package",
    "asr_desktop.services.reporting.pdf_reports",
    "asr_desktop.services.reporting.monthly",
    "asr_desktop.services.reporting.workbooks",
    "asr_desktop.services.roster_import",
)
# Nor the services the first screen does not use: Office imports each on first use.
UNUSED_SERVICES = {
    "asr_desktop.services.activities",
    "asr_desktop.services.audit_log",
    "asr_desktop.services.events",
    "asr_desktop.services.mentors",
    "asr_desktop.services.referrals",
}

# The real start, app.main(), up to the main window on screen; then the modules it loaded.
START_AND_LIST_MODULES = """
import json, sys
from asr_desktop.ui import app
code = app.main(["--db", sys.argv[1]])
print(json.dumps({"exit": code, "modules": sorted(sys.modules)}))
"""


def test_start_up_leaves_the_report_libraries_unimported(tmp_path):
    """In a child process, so that what other tests imported does not count."""
    demo = tmp_path / "demo.db"
    with Office.open(demo, create=True) as office:
        build_demo(office.db)
    env = subprocess_env()
    env.update(
        {
            app.EXIT_AFTER_ENV: "0",
            "ASR_DESKTOP_DATA": str(tmp_path / "data"),
            "QT_QPA_PLATFORM": "offscreen",
        }
    )
    result = subprocess.run(
        [sys.executable, "-c", START_AND_LIST_MODULES, str(demo)],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert app.SHOWN_MESSAGE in result.stdout
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["exit"] == 0
    loaded = set(report["modules"])
    assert {"asr_desktop.ui.main_window", "asr_desktop.ui.dashboard_page"} <= loaded
    assert sorted(m for m in loaded if m.split(".")[0] in HEAVY_LIBRARIES) == []
    assert sorted(m for m in loaded if m.startswith(REPORT_MODULES)) == []
    assert sorted(loaded & UNUSED_SERVICES) == []
    # The other pages' modules are imported when those pages are built.
    assert "asr_desktop.ui.reports_page" not in loaded
    assert "asr_desktop.ui.roster_page" not in loaded


@pytest.fixture
def context(qtbot):
    db = memory_database()
    populate(db, 40)
    add_demo_work(db, seed=3, today=TODAY)
    return AppContext(Office.adopt(db, Path("test.db"), today=lambda: TODAY))


@pytest.fixture
def window(context, qtbot):
    main = MainWindow(context)
    qtbot.addWidget(main)
    return main


def test_each_navigation_entry_builds_the_page_it_names(window):
    titles = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    assert titles == [entry.title for entry in PAGES]
    for row, entry in enumerate(PAGES):
        page = window.page(row)
        assert isinstance(page, Page)
        assert page.title == entry.title
        assert entry.is_for(type(page))
        assert window.page(row) is page  # built once


def test_only_the_dashboard_is_built_until_another_page_is_visited(window, qtbot):
    dashboard = window.current_page()
    assert window.built_pages() == [dashboard]
    assert type(dashboard).__name__ == "DashboardPage"

    window.navigation.setCurrentRow(4)  # การส่งต่อ
    referrals = window.current_page()
    assert type(referrals).__name__ == "ReferralsPage"
    assert window.built_pages() == [dashboard, referrals]
    assert window.status_count.text() == f"แสดง {referrals.model.rowCount():,} รายการ"

    window.navigation.setCurrentRow(0)
    assert window.current_page() is dashboard
    assert window.status_count.text() == ""


def test_the_dashboard_figures_follow_the_first_paint(window, qtbot):
    dashboard = window.current_page()
    assert dashboard.figures is None  # no queries before the window is on screen
    window.show()
    qtbot.waitUntil(lambda: dashboard.figures is not None)
    assert dashboard.cards["active"].value == f"{dashboard.figures.active_volunteers:,}"


def test_a_window_closed_before_its_figures_arrive_leaves_them(window, qtbot):
    """Closing (or quitting) right after the first paint closes the database before the
    figures' timer fires: they are not computed on the closed database."""
    dashboard = window.current_page()
    window.show()
    window.close()
    dashboard._refresh_soon.start()  # as started by the first paint, just before the close
    qtbot.wait(50)
    assert dashboard.figures is None


def test_a_navigation_target_builds_its_page(window):
    window.go_to(ShowOverdueReferrals())
    page = window.current_page()
    assert type(page).__name__ == "ReferralsPage"
    overdue = ReferralStore(page.context.office.db).overdue_count(TODAY)
    assert page.model.rowCount() == overdue > 0


def test_change_notices_reach_built_pages_and_unbuilt_ones_read_fresh_data(window, context, qtbot):
    window.navigation.setCurrentRow(1)  # the roster, built now
    roster = window.current_page()
    before = roster.model.rowCount()
    window.navigation.setCurrentRow(0)

    context.office.roster.register(
        Volunteer(national_id(9_999), "ทดสอบ", "เริ่มช้า", title="นาย", subdistrict_code="470101")
    )
    context.notify(Change.VOLUNTEERS)
    assert roster.model.rowCount() == before + 1  # built but hidden: refreshed

    window.navigation.setCurrentRow(1)
    assert window.status_count.text().startswith(f"แสดง {before + 1:,}")
    window.navigation.setCurrentRow(2)  # พี่เลี้ยง: built after the change
    assert type(window.current_page()).__name__ == "MentorsPage"


def test_the_other_pages_are_built_one_by_one_after_the_window_is_shown(window, qtbot):
    dashboard = window.current_page()
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: len(window.built_pages()) == len(PAGES), timeout=20_000)
    assert window.current_page() is dashboard  # built in the background, not shown


def test_the_first_screens_thai_wraps_without_the_word_list(window):
    """All the Thai that the start-up window and the dashboard wrap is in the table of
    split words, so none of it loads pythainlp before the window shows."""
    dashboard = window.current_page()
    dashboard.refresh()
    texts = [startup_window.OPENING_TEXT, startup_window.BUILDING_DEMO_TEXT]
    for card in dashboard.cards.values():
        texts += [card.caption, without_word_breaks(card.detail.text())]
    texts += [inactive_label(date(2026, month, 15)) for month in range(1, 13)]
    missing = [text for text in texts if first_screen_breaks(text) is None]
    assert missing == [], "add their Thai to domain.thai_words.FIRST_SCREEN_WORDS"
    assert without_word_breaks(dashboard.cards["active"].label.text()) == "อาสาสมัครที่ปฏิบัติหน้าที่"
    assert dashboard.cards["active"].label.text().count(ZWSP) == 2


def test_a_hidden_window_builds_nothing_in_the_background(window, qtbot):
    window.build_next_page()
    qtbot.wait(50)
    assert len(window.built_pages()) == 1


@pytest.mark.parametrize("row", range(1, len(PAGES)))
def test_a_page_reads_its_data_once_when_first_shown(window, row):
    """Built on its first visit and shown: no query runs twice (a page that loaded in its
    constructor and again when shown read everything twice)."""
    statements: list[str] = []
    window.context.office.db.conn.set_trace_callback(statements.append)
    try:
        window.navigation.setCurrentRow(row)
    finally:
        window.context.office.db.conn.set_trace_callback(None)
    assert window.current_page() is window.page(row)
    reads = [s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]
    assert reads or PAGES[row].class_name == "ReportsPage", "the page read nothing"
    assert sorted({s for s in reads if reads.count(s) > 1}) == []
