"""Screens show records dated ahead as scheduled, not as already in effect (issue 19)."""

import os
from pathlib import Path

import pytest
from tests.edge_data import TODAY, build_edge_data

from asr_desktop.domain.vocabulary import Status
from asr_desktop.services.office import Office
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.roster_model import COL_STATUS, COL_TERM_END, ID_ROLE
from asr_desktop.ui.roster_page import RosterPage
from asr_desktop.ui.volunteer_dialog import VolunteerDialog

SHOTS = os.environ.get("ASR_SCREENSHOTS", "")
"""A folder to save the screens into, to look at them (unset in CI)."""


@pytest.fixture
def edge_context(db):
    data = build_edge_data(db)
    return data, AppContext(Office.adopt(db, Path(":memory:"), today=lambda: TODAY))


def _cells(page, column, role):
    model = page.model
    return {
        model.index(r, 0).data(ID_ROLE): model.index(r, column).data(role)
        for r in range(model.rowCount())
    }


def test_roster_status_column_and_tooltip_show_what_is_scheduled(qtbot, edge_context):
    from PySide6.QtCore import Qt

    data, context = edge_context
    page = RosterPage(context)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    shown = _cells(page, COL_STATUS, Qt.ItemDataRole.DisplayRole)
    tips = _cells(page, COL_STATUS, Qt.ItemDataRole.ToolTipRole)
    ids = data.ids
    assert shown[ids["lead_exit_ahead"]] == "ปฏิบัติหน้าที่ (จะพ้นสภาพ 20 ธ.ค. 2569)"
    assert shown[ids["lead_renewed_ahead"]] == "ปฏิบัติหน้าที่ (วาระใหม่เริ่ม 1 ส.ค. 2570)"
    assert shown[ids["network_first_term_ahead"]] == "ผู้สมัคร (วาระเริ่ม 1 ม.ค. 2570)"
    assert shown[ids["network_reinstated_ahead"]] == ("พักการปฏิบัติหน้าที่ (จะกลับมาปฏิบัติหน้าที่ 1 ม.ค. 2570)")
    assert shown[ids["lead_mueang_1"]] == Status.ACTIVE.label
    assert tips[ids["lead_mueang_1"]] is None
    assert "• จะพ้นสภาพ 20 ธ.ค. 2569" in tips[ids["lead_exit_ahead"]]
    # The term column shows the last day of the term in force: the early close, the
    # current term of one renewed ahead (not the new one), without a warning for them.
    ends = _cells(page, COL_TERM_END, Qt.ItemDataRole.DisplayRole)
    assert ends[ids["network_closed_early"]] == "15 ม.ค. 2570"
    assert ends[ids["lead_renewed_ahead"]] == "31 ก.ค. 2570"
    colours = _cells(page, COL_TERM_END, Qt.ItemDataRole.ForegroundRole)
    assert colours[ids["network_closed_early"]] is not None
    assert colours[ids["lead_renewed_ahead"]] is None
    if SHOTS:
        page.table.setColumnWidth(COL_STATUS, 330)
        page.grab().save(str(Path(SHOTS) / "roster_scheduled.png"))


def test_volunteer_dialog_marks_scheduled_records(qtbot, edge_context):
    data, context = edge_context
    dialog = VolunteerDialog(context, data.ids["lead_exit_ahead"])
    qtbot.addWidget(dialog)
    assert dialog.status_label.text() == ("สถานะปัจจุบัน: ปฏิบัติหน้าที่ · จะพ้นสภาพ 20 ธ.ค. 2569")
    events = [dialog.events_list.item(i).text() for i in range(dialog.events_list.count())]
    assert events == ["20 ธ.ค. 2569  พ้นสภาพ — ลาออก  [กำหนดการ ยังไม่ถึงวันที่มีผล]"]
    terms = [dialog.terms_list.item(i).text() for i in range(dialog.terms_list.count())]
    assert "สิ้นสุดก่อนกำหนด 20 ธ.ค. 2569" in terms[0] and "กำหนดการ" in terms[0]
    if SHOTS:
        dialog.resize(900, 700)
        dialog.tabs.setCurrentIndex(2)
        dialog.grab().save(str(Path(SHOTS) / "dialog_exit_ahead.png"))
    renewed = VolunteerDialog(context, data.ids["lead_renewed_ahead"])
    qtbot.addWidget(renewed)
    assert renewed.status_label.text() == ("สถานะปัจจุบัน: ปฏิบัติหน้าที่ · วาระใหม่เริ่ม 1 ส.ค. 2570")
    terms = [renewed.terms_list.item(i).text() for i in range(renewed.terms_list.count())]
    assert "กำหนดการ" in terms[0] and "กำหนดการ" not in terms[1]
    if SHOTS:
        renewed.resize(900, 700)
        renewed.tabs.setCurrentIndex(2)
        renewed.grab().save(str(Path(SHOTS) / "dialog_renewed_ahead.png"))


def test_dashboard_card_names_the_inactivity_day(qtbot, edge_context):
    from asr_desktop.ui.dashboard_page import DashboardPage

    data, context = edge_context
    page = DashboardPage(context)
    qtbot.addWidget(page)
    page.refresh()
    card = page.cards["inactive"]
    # The card wraps its text between words (display-only U+200B marks, for Windows).
    assert card.detail.text().replace("\u200b", "") == "ไม่มีรายงานผลตั้งแต่ 1 ก.ย. 2569"
    # Serving today and nothing dated since 1 Sep: the member whose last work is dated
    # 31 Aug and three with none; the lead whose month-grid count is dated 1 Sep is not.
    from asr_desktop.services.reporting.dashboard import inactive_ids

    assert card.number.text() == "4"
    ids = data.ids
    assert set(inactive_ids(context.office.db, TODAY)) == {
        ids["network_idle_since_august"],
        ids["network_closed_early"],
        ids["network_starts_30_nov"],
        ids["network_then_lead_ahead"],
    }
