"""Headquarters pages, driven through their methods (pytest-qt)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.hq.conftest import counts

from asr_desktop.domain.month import Month
from asr_desktop.domain.progress import Cancelled
from asr_desktop.services.hq.receive import receive_packages


@pytest.fixture(autouse=True)
def _sarabun(qapp):  # type: ignore[no-untyped-def]
    from asr_desktop.ui.fonts import install_fonts

    install_fonts(qapp)


@pytest.fixture
def context(hq):  # type: ignore[no-untyped-def]
    from datetime import date

    from asr_desktop.ui.hq.context import HQContext

    return HQContext(hq, today=lambda: date(2025, 12, 20))


def test_receive_page_receives_in_the_background(qtbot, context, genuine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from asr_desktop.ui.hq.receive_page import ReceivePage

    page = ReceivePage(context)
    qtbot.addWidget(page)
    junk = tmp_path / "asr_47_2568-10.zip"
    junk.write_bytes(b"junk")
    with qtbot.waitSignal(context.changed, timeout=20_000):
        page.receive([genuine.first, junk])
    assert page.table.rowCount() == 2
    texts = {page.table.item(r, 3).text() for r in range(2)}
    assert texts == {"รับ", "ไม่รับ"}
    assert "รับ 1 ไม่รับ 1" in page.summary.text()
    assert counts(context.hq)["packages"] == 1


def test_cancel_between_packages_keeps_what_was_received(hq, genuine) -> None:  # type: ignore[no-untyped-def]
    calls = []

    def progress(done: int, total: int) -> None:
        calls.append(done)
        if done == 1:
            raise Cancelled

    with pytest.raises(Cancelled):
        receive_packages(hq, [genuine.first, genuine.second], progress)
    # The first package's transaction committed; the second never started.
    assert counts(hq)["packages"] == 1


def test_status_dashboard_and_roster_pages_after_receiving(qtbot, context, genuine) -> None:  # type: ignore[no-untyped-def]
    from asr_desktop.ui.hq.dashboard_page import NationalDashboardPage
    from asr_desktop.ui.hq.roster_page import NationalRosterPage
    from asr_desktop.ui.hq.status_page import StatusPage

    receive_packages(context.hq, [genuine.first])
    status = StatusPage(context)
    dashboard = NationalDashboardPage(context)
    roster = NationalRosterPage(context)
    for widget in (status, dashboard, roster):
        qtbot.addWidget(widget)
    assert status.grid.rowCount() == 77 and status.grid.columnCount() == 12
    october = status.grid.item(list(status.status_grid.provinces).index("47"), 0)
    assert october.text() in ("✓", "ช้า")
    assert "ต้องติดตาม (ยังไม่ส่ง 153" in status.chase_title.text()
    assert dashboard.values["reporting"].text() == "1 / 77"
    assert roster.model.rowCount() > 0
    first = roster.model.records[0]
    roster.search.setText(first.national_id[:9])
    roster.refresh()
    assert all(r.national_id.startswith(first.national_id[:9]) for r in roster.model.records)


def test_roster_model(qtmodeltester, context, genuine) -> None:  # type: ignore[no-untyped-def]
    from asr_desktop.ui.hq.roster_page import NationalRosterModel

    receive_packages(context.hq, [genuine.first])
    from asr_desktop.services.hq.national import search

    model = NationalRosterModel()
    model.set_records(search(context.hq, ""))
    qtmodeltester.check(model)


def test_window_has_every_page(qtbot, context) -> None:  # type: ignore[no-untyped-def]
    from asr_desktop.ui.hq.window import HQWindow

    window = HQWindow(context)
    qtbot.addWidget(window)
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == [
        "รับรายงาน",
        "สถานะการส่งรายงาน",
        "ภาพรวมประเทศ",
        "ทะเบียนทั้งประเทศ",
        "ผู้ปฏิบัติหน้าที่ซ้ำ",
        "ข้อสังเกต",
        "รายงานและข้อสังเกตส่งกลับ",
    ]
    from PySide6.QtWidgets import QLabel

    labels = [label.text() for label in window.statusBar().findChildren(QLabel)]
    assert any("DEMO" in text for text in labels)


def test_first_run_offers_headquarters(qtbot, tmp_path: Path) -> None:
    from asr_desktop.store.database import open_database
    from asr_desktop.ui.first_run import FirstRunDialog

    db = open_database(tmp_path / "asr.db")
    dialog = FirstRunDialog(db, tmp_path / "asr.db")
    qtbot.addWidget(dialog)
    dialog.as_hq.setChecked(True)
    assert not dialog.province.isEnabled()
    dialog.accept()
    assert dialog.headquarters and dialog.result() == dialog.DialogCode.Accepted
    db.close()


def test_hq_flag_opens_the_national_database(monkeypatch, tmp_path: Path) -> None:
    from asr_desktop.ui import app

    monkeypatch.setenv("ASR_DESKTOP_DATA", str(tmp_path))
    args = app.parse_args(["--hq"])
    assert args.hq and app.database_path(args) == tmp_path / "hq.db"


def test_receive_page_shows_a_new_key_for_a_person_to_accept(
    qtbot, context, genuine, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from tests.hq import forge

    from asr_desktop.ui import ask
    from asr_desktop.ui.hq.receive_page import ReceivePage

    receive_packages(context.hq, [genuine.first])
    files = forge.members(genuine.second)
    files = forge.resign(files, forge.manifest_of(files), Ed25519PrivateKey.generate())
    reinstalled = forge.write_zip(tmp_path / genuine.second.name, files)
    page = ReceivePage(context)
    qtbot.addWidget(page)
    assert page.keys_box.isHidden()
    with qtbot.waitSignal(context.changed, timeout=20_000):
        page.receive([reinstalled])
    assert not page.keys_box.isHidden() and page.keys.rowCount() == 1
    assert page.keys.item(0, 0).text() == "สกลนคร"
    monkeypatch.setattr(ask, "confirm", lambda *a, **k: True)
    page.keys.selectRow(0)
    page.decide(accept=True)
    assert page.keys_box.isHidden()
    with qtbot.waitSignal(context.changed, timeout=20_000):
        page.receive([reinstalled])
    assert page.results[0].accepted and "แทน" in page.results[0].note


def test_plain_start_after_choosing_headquarters_opens_headquarters(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from asr_desktop.services.hq.headquarters import Headquarters
    from asr_desktop.services.office import init_office
    from asr_desktop.store.database import open_database
    from asr_desktop.ui import app

    monkeypatch.setenv("ASR_DESKTOP_DATA", str(tmp_path))
    plain = app.parse_args([])
    assert not app._chosen_headquarters(plain)
    open_database(tmp_path / "asr.db").close()  # made before the first-run dialog
    Headquarters.create(tmp_path / "hq.db")[0].close()  # the choice สำนักงานส่วนกลาง
    assert app._chosen_headquarters(plain)
    assert not app._chosen_headquarters(app.parse_args(["--demo"]))
    db = open_database(tmp_path / "asr.db")
    init_office(db, "47")  # an office set up later wins
    db.close()
    assert not app._chosen_headquarters(plain)


def test_outputs_page_writes_the_national_report_and_feedback(
    qtbot, context, genuine, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    import openpyxl
    import pypdf

    from asr_desktop.ui.hq.outputs_page import OutputsPage

    receive_packages(context.hq, [genuine.first])
    page = OutputsPage(context)
    qtbot.addWidget(page)
    assert page.month.currentData() == "2025-10"
    pdf = tmp_path / "n.pdf"
    with qtbot.waitSignal(page.runner.finished, timeout=60_000):
        page.save_national("pdf", Month(2025, 10), pdf)
    assert "ตุลาคม 2568" in pypdf.PdfReader(pdf).pages[0].extract_text()
    assert "บันทึกรายงานทั้งประเทศ" in page.result.text()
    with qtbot.waitSignal(page.runner.finished, timeout=60_000):
        page.save_feedback(["47", "12"], tmp_path)
    written = sorted(p.name for p in tmp_path.glob("ข้อสังเกต_*.xlsx"))
    assert written == ["ข้อสังเกต_12_นนทบุรี.xlsx", "ข้อสังเกต_47_สกลนคร.xlsx"]
    sheet = openpyxl.load_workbook(tmp_path / written[0])["การส่งรายงาน"]
    assert any("ยังไม่ส่ง" in str(c) for row in sheet.iter_rows(values_only=True) for c in row)
