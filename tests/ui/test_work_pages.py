"""GUI tests of the work pages: the month grid, the referral list, the dashboard."""

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from sqlite_utils import Database
from tests.work_helpers import TODAY, bulk_volunteers, make_office, populate

from asr_desktop.domain.month import Month
from asr_desktop.domain.work import CategoryKind
from asr_desktop.services.changes import Change
from asr_desktop.services.demo.work import add_demo_work
from asr_desktop.services.office import Office
from asr_desktop.services.reporting.dashboard import compute_dashboard, inactive_ids
from asr_desktop.store.activities import ActivityStore
from asr_desktop.store.categories import CategoryStore
from asr_desktop.store.database import memory_database
from asr_desktop.store.referrals import ReferralStore
from asr_desktop.ui.activities_page import ActivitiesPage
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.month_grid_model import FIXED_COLUMNS, NOTHING_REPORTED

# Showing a top-level widget on the offscreen platform logs this harmless warning.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def shown(label) -> str:
    """An error label's text without the display-only word breaks (dialogs are not shown)."""
    return label.text().replace("\u200b", "")


@pytest.fixture(scope="module")
def demo_db():
    db = memory_database()
    populate(db, 80)
    add_demo_work(db, seed=11, today=TODAY)
    return db


@pytest.fixture
def context(qtbot):
    db = memory_database()
    populate(db, 30)
    return AppContext(Office.adopt(db, Path("test.db"), today=lambda: TODAY))


@pytest.fixture
def demo_context(demo_db, qtbot):
    """A fresh copy of the demo database for each test (the main window closes its own)."""
    conn = sqlite3.connect(":memory:")
    demo_db.conn.backup(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    return AppContext(
        Office.adopt(Database(conn, execute_plugins=False), Path("demo.db"), today=lambda: TODAY)
    )


# -- the month grid -----------------------------------------------------------------------


def test_typed_counts_are_saved_and_totalled(context, qtbot) -> None:
    page = ActivitiesPage(context)
    qtbot.addWidget(page)
    page.show()
    page.set_month(Month(2025, 11))
    model = page.grid_model
    assert model.volunteer_rows == 30 and model.reported_count() == 0
    assert model.index(0, model.columnCount() - 1).data() == NOTHING_REPORTED
    page.focus_cell(0, 0)
    page.grid.setFocus()
    qtbot.keyClicks(page.grid, "4")  # typing opens the editor with the digit
    qtbot.keyClick(page.grid.focusWidget(), Qt.Key.Key_Tab)  # Tab commits and moves on
    assert page.grid.currentIndex().column() == FIXED_COLUMNS + 1
    qtbot.keyClicks(page.grid.focusWidget(), "3")
    qtbot.keyClick(page.grid.focusWidget(), Qt.Key.Key_Return)  # commits on the next loop
    qtbot.waitUntil(lambda: model.reported_count() == 1 and model.row_total(0) == 7)
    assert model.setData(model.index(1, FIXED_COLUMNS), "๑๒")  # Thai digits
    totals_row = model.volunteer_rows
    last = model.columnCount() - 1
    assert model.index(0, last).data() == "7"
    assert model.index(totals_row, FIXED_COLUMNS).data() == "16"
    assert model.index(totals_row, last).data() == "19"
    assert model.reported_count() == 2
    assert "รายงานแล้ว 2 จาก 30 คน" in page.summary.text()
    saved = ActivityStore(context.office.db).month_counts(Month(2025, 11))
    assert sorted(saved.values()) == [3, 4, 12]
    # Clearing a cell takes it out again; the volunteer is marked as not reporting.
    assert model.setData(model.index(1, FIXED_COLUMNS), "")
    assert model.index(1, last).data() == NOTHING_REPORTED
    assert sorted(ActivityStore(context.office.db).month_counts(Month(2025, 11)).values()) == [3, 4]


def test_bad_counts_are_refused_with_a_reason(context, qtbot) -> None:
    page = ActivitiesPage(context)
    qtbot.addWidget(page)
    model = page.grid_model
    with qtbot.waitSignal(model.problem) as blocker:
        assert not model.setData(model.index(0, FIXED_COLUMNS), "abc")
    assert "ตัวเลข" in blocker.args[0]
    assert not model.setData(model.index(0, 0), "5")  # names are not editable
    page.set_month(Month(2025, 10))
    page.follow_previous.setChecked(True)  # nothing last month: nobody to follow
    assert model.volunteer_rows == 0


def test_month_grid_passes_the_model_tester(demo_context, qtbot, qtmodeltester) -> None:
    page = ActivitiesPage(demo_context)
    qtbot.addWidget(page)
    page.set_month(Month(2025, 10))
    qtmodeltester.check(page.grid_model)
    page.follow_previous.setChecked(True)
    assert any("(" in page.grid_model.index(r, c).data() for r in range(5) for c in (2, 3, 4, 5))
    qtmodeltester.check(page.grid_model)
    page.tabs.setCurrentIndex(1)
    qtmodeltester.check(page.entries_model)


def test_grid_of_300_volunteers_by_10_areas(qtbot) -> None:
    """The size the issue names; how fast it is, benchmarks/month_grid.py prints."""
    db = memory_database()
    make_office(db)
    bulk_volunteers(db, 300)
    CategoryStore(db).add(CategoryKind.MISSION, "ส่งเสริมการออม")  # the 10th area
    context = AppContext(Office.adopt(db, Path("big.db"), today=lambda: TODAY))
    page = ActivitiesPage(context)
    qtbot.addWidget(page)
    page.reload()
    model = page.grid_model
    assert (model.volunteer_rows, model.mission_columns) == (300, 10)
    for row in range(0, 300, 10):
        assert model.setData(model.index(row, FIXED_COLUMNS + row % 10), "2")
    assert model.grand_total() == 60


# -- referrals ----------------------------------------------------------------------------


def test_referral_list_filters_and_opens_overdue(demo_context, qtbot, qtmodeltester) -> None:
    from asr_desktop.ui.referrals_page import ReferralsPage

    page = ReferralsPage(demo_context)
    qtbot.addWidget(page)
    total = page.model.rowCount()
    assert total == demo_context.office.db.execute("SELECT count(*) FROM referrals").fetchone()[0]
    qtmodeltester.check(page.model)
    page.status.setCurrentIndex(page.status.findData("served"))
    assert 0 < page.model.rowCount() < total
    assert {r.status for r in page.model.rows} == {"served"}
    status_column, follow_up_column = 5, 6

    def colours(column: int) -> set[str | None]:
        brushes = [
            page.proxy.index(row, column).data(Qt.ItemDataRole.ForegroundRole)
            for row in range(page.proxy.rowCount())
        ]
        return {None if b is None else QColor(b).name() for b in brushes}

    assert colours(status_column) == colours(follow_up_column) == {None}  # served: closed
    page.show_overdue()
    overdue = ReferralStore(demo_context.office.db).overdue_count(TODAY)
    assert page.model.rowCount() == overdue > 0
    assert page.status.currentIndex() == 0 and page.overdue.isChecked()
    # the one colour of an open referral past its follow-up date
    assert colours(status_column) == colours(follow_up_column) == {"#b00020"}
    page.search.setText("ไม่มีชื่อนี้แน่นอน")
    page.reload()
    assert page.model.rowCount() == 0


def test_referral_dialog_saves_and_the_list_shows_it(context, qtbot, monkeypatch) -> None:
    from asr_desktop.ui.referral_dialog import ReferralDialog
    from asr_desktop.ui.referrals_page import ReferralsPage

    page = ReferralsPage(context)
    qtbot.addWidget(page)
    dialog = ReferralDialog(context, None, page)
    qtbot.addWidget(dialog)
    dialog.save()
    assert "กรุณากรอกชื่อ" in shown(dialog.error)
    dialog.person_name.setText("นายสมหมาย ใจงาม")
    dialog.agency.setCurrentIndex(dialog.agency.findData("doe"))
    dialog.need.setText("หางานทำ")
    dialog.date.setText("15/10/2568")
    dialog.follow_up.setText("1/11/2568")
    dialog.volunteer.search.setText("สมชาย")
    dialog.volunteer.find_matches()
    assert dialog.volunteer.volunteer_id() is not None
    dialog.save()
    assert dialog.saved_id is not None, shown(dialog.error)
    context.notify(Change.REFERRALS)
    assert [r.person_name for r in page.model.rows] == ["นายสมหมาย ใจงาม"]
    page.overdue.setChecked(True)
    assert page.model.rowCount() == 1  # follow-up 1 Nov 2025 has passed
    page.table.selectRow(0)
    monkeypatch.setattr("asr_desktop.ui.ask.confirm", lambda *a, **k: True)
    page.delete_selected()
    assert ReferralStore(context.office.db).overdue_count(TODAY) == 0


# -- dashboard ----------------------------------------------------------------------------


@pytest.fixture
def window(demo_context, qtbot):
    from asr_desktop.ui.main_window import MainWindow

    main = MainWindow(demo_context)
    qtbot.addWidget(main)
    return main


def test_navigation_order_puts_the_dashboard_first(window) -> None:
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles[:6] == [
        "หน้าหลัก",
        "ทะเบียน อสร.",
        "พี่เลี้ยง",
        "ผลการปฏิบัติงาน",
        "การส่งต่อ",
        "กิจกรรม/อบรม",
    ]


def test_a_dashboard_figure_opens_its_filtered_list(window, demo_context, qtbot) -> None:
    from asr_desktop.domain.vocabulary import Status, Tier
    from asr_desktop.ui.referrals_page import ReferralsPage
    from asr_desktop.ui.roster_page import RosterPage

    dashboard = window.page(0)
    figures = compute_dashboard(demo_context.office.db, TODAY)
    window.show()  # the figures follow the dashboard's first paint
    qtbot.waitUntil(lambda: dashboard.figures is not None)
    assert dashboard.cards["active"].value == f"{figures.active_volunteers:,}"

    qtbot.mouseClick(dashboard.cards["leads"], Qt.MouseButton.LeftButton)
    roster = window.current_page()
    assert isinstance(roster, RosterPage)
    assert roster.model.roster_filter.status is Status.ACTIVE
    assert roster.model.roster_filter.tier is Tier.LEAD
    assert roster.model.rowCount() == figures.active_leads

    window.navigation.setCurrentRow(0)
    qtbot.mouseClick(dashboard.cards["overdue"], Qt.MouseButton.LeftButton)
    referrals = window.current_page()
    assert isinstance(referrals, ReferralsPage)
    assert referrals.model.rowCount() == figures.referrals_overdue

    window.navigation.setCurrentRow(0)
    qtbot.mouseClick(dashboard.cards["inactive"], Qt.MouseButton.LeftButton)
    dialog = dashboard.open_windows[-1]
    assert (
        dialog.model.rowCount()
        == figures.inactive_3m
        == len(inactive_ids(demo_context.office.db, TODAY))
    )

    dashboard.open_district(0)  # a bar of the coverage chart
    assert window.current_page() is roster
    assert roster.model.roster_filter.district_code == figures.coverage[0].district_code

    window.navigation.setCurrentRow(0)
    qtbot.mouseClick(dashboard.cards["month"], Qt.MouseButton.LeftButton)
    assert window.current_page().current_month() == Month(2025, 11)


def test_work_models_pass_the_model_tester(window, demo_context, qtbot, qtmodeltester) -> None:
    dashboard, mentors, events = [window.page(row) for row in (0, 2, 5)]
    dashboard.open_ending(90)
    qtmodeltester.check(dashboard.open_windows[-1].model)
    dashboard.open_uncovered()
    qtmodeltester.check(dashboard.open_windows[-1].model)
    mentors.table.selectRow(0)
    qtmodeltester.check(mentors.model)
    qtmodeltester.check(mentors.volunteer_model)
    mentors.tabs.setCurrentIndex(1)
    assert mentors.summary_model.rowCount() > 0
    qtmodeltester.check(mentors.summary_model)
    qtmodeltester.check(mentors.proxy)
    events.table.selectRow(0)
    assert events.attendee_model.rowCount() > 0
    qtmodeltester.check(events.model)
    qtmodeltester.check(events.attendee_model)


def test_checklist_dialog_uses_suggestions_and_saves(window, demo_context, qtbot) -> None:
    from asr_desktop.ui.mentor_dialogs import ChecklistDialog

    mentors = window.page(2)
    mentors.table.selectRow(0)
    mentors.tabs.setCurrentIndex(1)
    row = next(r for r in mentors.summary_model.rows if r.checklist is None)
    dialog = ChecklistDialog(demo_context, row.volunteer_id, 2569, 1, row.name, mentors)
    qtbot.addWidget(dialog)
    dialog.use_suggestions()
    dialog.notes[next(iter(dialog.notes))].setText("มอบเอกสารคำสั่งแล้ว")
    dialog.save()
    assert dialog.saved
    mentors.show_summary()
    saved = next(r for r in mentors.summary_model.rows if r.volunteer_id == row.volunteer_id)
    assert saved.checklist.complete
    assert not any("ยังไม่ได้ประเมิน" in reason for reason in saved.reasons)


def test_event_dialog_counts_roles(demo_context, qtbot) -> None:
    from asr_desktop.store.events import EventStore
    from asr_desktop.ui.event_dialog import EventDialog

    dialog = EventDialog(demo_context)
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("ประชุมแกนนำ")
    dialog.start.setText("5/11/2568")
    dialog.volunteer.search.setText("สมชาย")
    dialog.volunteer.find_matches()
    dialog.add_volunteer()
    dialog.add_volunteer()  # the same person twice is refused
    assert "อยู่ในรายชื่อแล้ว" in shown(dialog.error)
    dialog.add_mentor()
    dialog.guest_name.setText("นางสาวอรทัย ใจดี")
    dialog.add_guest()
    assert dialog.lines.rowCount() == 3
    assert "เข้าร่วม 3 คน" in dialog.summary.text()
    dialog.save()
    assert dialog.saved_id is not None
    counts = EventStore(demo_context.office.db).role_counts(dialog.saved_id)
    assert sum(counts.values()) == 3
    assert dialog.lines.rows[0].attendee.volunteer_id is not None
    EventStore(demo_context.office.db).delete(dialog.saved_id)
    assert date(2025, 11, 5)


def test_event_dialog_gives_the_role_of_the_tier_on_the_event_day(context, qtbot) -> None:
    """A volunteer whose term of the other tier is recorded ahead attends this month's
    meeting in today's role, and next year's (the date changed after the adding) in the
    new one."""
    from asr_desktop.domain.status import term_at
    from asr_desktop.domain.vocabulary import Tier
    from asr_desktop.domain.work import AttendeeRole
    from asr_desktop.store.events import EventStore
    from asr_desktop.ui.event_dialog import EventDialog

    dialog = EventDialog(context)
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("ประชุมประจำเดือน")
    dialog.start.setText("5/11/2568")
    dialog.volunteer.search.setText("ศรีสุข")
    dialog.volunteer.find_matches()
    vid = dialog.volunteer.volunteer_id()
    assert vid is not None
    roster = context.office.roster
    term = term_at(roster.store.terms(vid), TODAY)
    assert term is not None
    lead = term.tier is Tier.LEAD
    now = AttendeeRole.LEAD if lead else AttendeeRole.NETWORK
    ahead = Tier.NETWORK if lead else Tier.LEAD
    roster.end_term(term, date(2026, 3, 31))
    roster.appoint(vid, tier=ahead, start_date=date(2026, 4, 1))

    dialog.add_volunteer()
    assert dialog.lines.rows[0].attendee.role is now
    dialog.start.setText("5/4/2569")  # moved to after the new term starts
    dialog.save()
    assert dialog.saved_id is not None
    counts = EventStore(context.office.db).role_counts(dialog.saved_id)
    assert {role: n for role, n in counts.items() if n} == {AttendeeRole(ahead.value): 1}
