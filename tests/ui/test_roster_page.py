from tests.work_helpers import national_id

from asr_desktop.domain.thai_sort import thai_sort_key
from asr_desktop.domain.vocabulary import Status
from asr_desktop.services.roster import RosterFilter
from asr_desktop.ui.roster_model import RosterModel
from asr_desktop.ui.roster_page import RosterPage


def visible_names(page):
    model = page.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_model_passes_qtmodeltester(qtmodeltester, context):
    model = RosterModel(context)
    model.reload()
    qtmodeltester.check(model, force_py=True)


def test_model_passes_qtmodeltester_through_sort_and_reset(qtmodeltester, context):
    from PySide6.QtCore import Qt

    from asr_desktop.domain.vocabulary import Tier

    model = RosterModel(context)
    model.reload()
    # The tester stays connected and checks every signal the model emits from here on.
    qtmodeltester.check(model, force_py=True)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    model.sort(2, Qt.SortOrder.AscendingOrder)
    model.set_filter(RosterFilter(tier=Tier.LEAD))
    model.sort(1, Qt.SortOrder.DescendingOrder)
    model.reload(RosterFilter())
    assert model.rowCount() == 5


def test_the_selected_volunteer_stays_selected_across_a_sort(qtbot, context):
    """A header click used to move the selection to whoever took the row's place, so Edit
    and ID cards acted on the wrong person."""
    from PySide6.QtCore import Qt

    page = RosterPage(context)
    qtbot.addWidget(page)
    page.apply_filter()
    chosen = page.model.volunteer_id(3)
    page.table.selectRow(3)
    assert page.selected_ids() == [chosen]
    for column, order in ((0, Qt.SortOrder.DescendingOrder), (2, Qt.SortOrder.AscendingOrder)):
        page.table.sortByColumn(column, order)
        assert page.selected_ids() == [chosen]
        assert page.selected_id() == chosen
        assert page.table.currentIndex().row() == page.model.row_of(chosen)
    assert page.model.row_of(chosen) != 3 or page.model.volunteer_id(3) == chosen


def test_a_volunteer_list_shares_the_roster_rows_with_a_bounded_cache(qtbot, context):
    from asr_desktop.ui import roster_model
    from asr_desktop.ui.volunteer_list import VolunteerIdsModel

    ids = [5, 3, 1]
    model = VolunteerIdsModel(context, ids)
    assert [model.index(r, 0).data() for r in range(3)] == [
        "นายไพโรจน์ แก้วประเสริฐ",
        "นางสาวเกศินี บุญมา",
        "นายสมชาย ใจดี",
    ]
    assert isinstance(model, roster_model.VolunteerRowsModel)
    assert model.columnCount() == 7  # the roster's columns without the national ID


def test_lists_everyone_in_thai_order_and_reports_the_count(qtbot, context):
    page = RosterPage(context)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.status_changed) as signal:
        page.apply_filter()
    assert signal.args == ["แสดง 5 คน"]
    assert visible_names(page) == [
        "นายกมล พรหมวงศ์",
        "นางสาวเกศินี บุญมา",
        "นางแก้ว ศรีสุข",
        "นายไพโรจน์ แก้วประเสริฐ",
        "นายสมชาย ใจดี",
    ]


def test_search_as_you_type_narrows_the_table(qtbot, context):
    page = RosterPage(context)
    qtbot.addWidget(page)
    page.search.setText("แก้ว")  # keyClicks with Thai aborts pytest-qt: set the text instead
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert set(visible_names(page)) == {"นางแก้ว ศรีสุข", "นายไพโรจน์ แก้วประเสริฐ"}
    page.search.setText("081")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 5)


def test_an_id_pasted_from_a_number_cell_finds_its_owner_or_says_excel_rounded_it(qtbot, context):
    page = RosterPage(context)
    qtbot.addWidget(page)
    page.search.setText(f"{national_id(2)}.0")  # copied from a number cell
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.search_note.isHidden()
    page.search.setText("1.47078E+12")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert "ตัวเลขถูก Excel ปัดเป็น 1.47078E+12" in page.search_note.message
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 5)
    assert page.search_note.isHidden()


def test_filters_and_sorting(qtbot, context):
    page = RosterPage(context)
    qtbot.addWidget(page)
    page.district.setCurrentIndex(page.district.findData("4701"))
    assert page.model.rowCount() == 3
    page.subdistrict.setCurrentIndex(page.subdistrict.findData("470102"))
    assert visible_names(page) == ["นางแก้ว ศรีสุข"]
    page.set_filter(RosterFilter(status=Status.ACTIVE))
    assert page.model.rowCount() == 5
    page.set_filter(RosterFilter(status=Status.EXITED))
    assert page.model.rowCount() == 0
    page.set_filter(RosterFilter())
    from PySide6.QtCore import Qt

    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert visible_names(page)[0] == "นายสมชาย ใจดี"
    page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # ตำบล
    tambons = [page.model.index(r, 2).data() for r in range(5)]
    assert tambons == sorted(tambons, key=thai_sort_key)


def test_audit_page_filters_by_dates_typed_in_buddhist_era(qtbot, context):
    from asr_desktop.ui.audit_page import AuditPage

    page = AuditPage(context)
    qtbot.addWidget(page)
    page.page_shown()  # as the main window does
    assert page.date_to.text() == "20/11/2568"  # TODAY in พ.ศ.
    everything = page.model.rowCount()
    assert everything > 0
    page.use_dates.setChecked(True)
    # Entries carry the real clock's time; choose ranges around it, typed in พ.ศ.
    page.date_from.setText("1/1/2500")
    page.date_to.setText("31/12/2700")
    page.date_to.editingFinished.emit()
    assert page.model.rowCount() == everything
    page.date_to.setText("1/1/2501")
    page.date_to.editingFinished.emit()
    assert page.model.rowCount() == 0
    page.date_to.setText("31/12/2700")
    page.date_from.setText("31/2/2569")
    page.date_from.editingFinished.emit()
    assert "31" in page.date_error.message  # refused with a reason, the filter ignores it
    assert page.model.rowCount() == everything
