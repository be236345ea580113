from asr_desktop.domain.thai_sort import thai_sort_key
from asr_desktop.domain.vocabulary import Status
from asr_desktop.store.roster import RosterFilter
from asr_desktop.ui.roster_model import RosterModel
from asr_desktop.ui.roster_page import RosterPage


def visible_names(page):
    model = page.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_model_passes_qtmodeltester(qtmodeltester, context):
    model = RosterModel(context)
    model.reload()
    qtmodeltester.check(model, force_py=True)


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
