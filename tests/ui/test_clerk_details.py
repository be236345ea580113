"""Issue 14's small things a clerk trips on: list order, the two ดูแล counts, a browse
button, actions that need a selection, word-break marks kept out of copies and digits,
the title bar, the dashboard at a small size."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from tests.work_helpers import TODAY, populate

from asr_desktop.domain.model import Mentor
from asr_desktop.domain.thai_sort import thai_sort_key
from asr_desktop.domain.thai_words import ZWSP, with_word_breaks
from asr_desktop.services.office import Office
from asr_desktop.store.database import memory_database
from asr_desktop.ui.context import AppContext

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

MENTORS = [("ว่าที่ร้อยตรี", "ศพล", "ทองมา"), ("นาย", "เอกราช", "แสงสุวรรณ"),
           ("นาง", "กนกพร", "ศรีสุข"), ("นาย", "ขวัญชัย", "บุญมา")]  # fmt: skip


@pytest.fixture
def context(qtbot):
    db = memory_database()
    populate(db, 30)
    office = Office.adopt(db, Path("test.db"), today=lambda: TODAY)
    for title, first, last in MENTORS:
        office.mentors.save(Mentor(first, last, title=title, position="นักวิชาการแรงงาน"))
    return AppContext(office)


def _names(page) -> list[str]:
    proxy = page.proxy
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def test_mentors_open_in_thai_order_and_keep_the_users_choice(context, qtbot) -> None:
    from asr_desktop.ui.mentors_page import MentorsPage

    page = MentorsPage(context)
    qtbot.addWidget(page)
    page.page_shown()  # as the main window does
    names = _names(page)
    firsts = [next(m[1] for m in MENTORS if n.endswith(f"{m[1]} {m[2]}")) for n in names]
    assert firsts == sorted(firsts, key=thai_sort_key)  # ก→ฮ by name, not by title
    assert firsts[0] == "กนกพร"
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # the user clicks the header
    again = MentorsPage(context)
    qtbot.addWidget(again)
    again.page_shown()  # as the main window does
    assert _names(again) == list(reversed(names))


def test_each_care_count_says_what_it_counts(context, qtbot) -> None:
    from asr_desktop.ui.mentors_page import MentorsPage

    page = MentorsPage(context)
    qtbot.addWidget(page)
    page.page_shown()  # as the main window does
    header = page.model.headerData(3, Qt.Orientation.Horizontal)
    assert header == "ดูแลที่ปฏิบัติหน้าที่ (คน)"
    page.table.selectRow(0)
    text = page.mentor_label.text()
    assert "ปฏิบัติหน้าที่อยู่ 0 คน" in text and "มอบหมายให้ดูแลทั้งหมด 0 คน" in text


def test_actions_needing_a_row_are_off_and_say_why(context, qtbot) -> None:
    from asr_desktop.ui.mentors_page import MentorsPage

    page = MentorsPage(context)
    qtbot.addWidget(page)
    page.page_shown()  # as the main window does
    buttons = {b.text(): b for b in page.findChildren(QPushButton)}
    page.table.clearSelection()
    assess, edit = buttons["ประเมิน…"], buttons["แก้ไข"]
    assert not assess.isEnabled() and assess.toolTip() == "เลือกอาสาสมัครในตารางก่อน"
    assert not edit.isEnabled() and edit.toolTip() == "เลือกพี่เลี้ยงในตารางก่อน"
    assert buttons["เพิ่มพี่เลี้ยง"].isEnabled()
    page.table.selectRow(0)
    assert edit.isEnabled() and edit.toolTip() == ""


def test_template_folder_has_a_browse_button(context, qtbot, monkeypatch, tmp_path) -> None:
    from asr_desktop.ui import settings_dialog

    dialog = settings_dialog.SettingsDialog(context)
    qtbot.addWidget(dialog)
    field = dialog.editors["template_folder"]
    monkeypatch.setattr(
        settings_dialog.QFileDialog, "getExistingDirectory", lambda *a: str(tmp_path)
    )
    field.browse.click()
    assert dialog.values().template_folder == str(tmp_path)


def test_word_break_marks_stay_out_of_digits_and_copies(qtbot) -> None:
    message = "เลขประจำตัวประชาชน 3-4701-00012-34-5 ซ้ำกับแถว 12 วันที่ 24 พ.ย. 2569 โทร 081-234-5678"
    marked = with_word_breaks(message)
    assert ZWSP in marked  # Thai words still get their marks for Windows
    for piece in ("3-4701-00012-34-5", "แถว 12", "24 พ.ย. 2569", "081-234-5678"):
        assert piece in marked
    from asr_desktop.ui.clipboard import install_clean_copy

    app = QApplication.instance()
    install_clean_copy(app)
    window = QWidget()  # the copy is made while the app is the active one
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: app.applicationState() == Qt.ApplicationState.ApplicationActive)
    app.clipboard().setText(marked)
    qtbot.waitUntil(lambda: ZWSP not in app.clipboard().text())
    assert app.clipboard().text() == message


def test_title_bar_names_the_app_once(context, qtbot) -> None:
    from asr_desktop.ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    QApplication.instance().setApplicationDisplayName("อสร. Desktop")
    assert "อสร. Desktop" not in window.windowTitle()
    assert context.settings.office_name in window.windowTitle()


def test_dashboard_chart_rows_keep_a_line_and_cards_reflow(context, qtbot) -> None:
    from asr_desktop.ui.dashboard_page import DashboardPage

    page = DashboardPage(context)
    qtbot.addWidget(page)
    chart = page.coverage_chart
    line = QFontMetrics(chart.font()).lineSpacing()
    rows = max(len(chart.labels), 1)
    assert chart.minimumSizeHint().height() >= rows * line
    page.resize(700, 500)
    page.show()
    qtbot.waitUntil(lambda: page._card_columns <= 3)
    page.resize(1400, 800)
    qtbot.waitUntil(lambda: page._card_columns == 5)
    assert page.scroll_area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_month_grid_names_and_navigation_have_room(context, qtbot) -> None:
    from tests.work_helpers import national_id

    from asr_desktop.domain.model import Volunteer
    from asr_desktop.domain.vocabulary import Tier
    from asr_desktop.ui.activities_page import ActivitiesPage
    from asr_desktop.ui.main_window import MainWindow

    roster = context.office.roster
    long_name = Volunteer(
        national_id(9001), "ประภัสสรเพ็ญพักตร์", "ศรีสุวรรณวงศ์ไพบูลย์", title="ว่าที่ร้อยตรีหญิง"
    )
    long_name.subdistrict_code = "470101"
    vid = roster.register(long_name)
    roster.appoint(vid, tier=Tier.NETWORK, start_date=TODAY.replace(month=10, day=1))
    page = ActivitiesPage(context)
    qtbot.addWidget(page)
    page.reload()
    model, header = page.grid_model, page.grid.horizontalHeader()
    texts = [model.index(r, 0).data() for r in range(model.rowCount())]
    width = page.grid.fontMetrics().horizontalAdvance
    longest = max((t for t in texts if t), key=width)
    assert "ว่าที่ร้อยตรีหญิง" in longest and "(เครือข่าย)" in longest
    assert header.sectionSize(0) >= width(longest)

    window = MainWindow(context)
    qtbot.addWidget(window)
    nav = window.navigation
    for row in range(nav.count()):
        assert nav.fontMetrics().horizontalAdvance(nav.item(row).text()) + 20 <= nav.width()


def test_a_window_comes_back_at_the_size_the_user_gave_it(qtbot) -> None:
    from PySide6.QtWidgets import QDialog

    from asr_desktop.ui.screen_fit import available_geometry, fit_window

    room = available_geometry().size()
    first = QDialog()
    qtbot.addWidget(first)
    fit_window(first, 5000, 5000, key="test-dialog")  # asks for more than any screen
    assert first.width() <= room.width() and first.height() <= room.height()
    first.show()
    first.resize(500, 333)  # the user drags the corner
    first.hide()
    again = QDialog()
    qtbot.addWidget(again)
    fit_window(again, 900, 700, key="test-dialog")
    assert (again.width(), again.height()) == (500, 333)
