"""Printing ID cards from the roster selection and event documents from the events page."""

from datetime import date

import pytest
from tests.ui.conftest import PEOPLE
from tests.work_helpers import TODAY

from asr_desktop.domain.work import Attendee, AttendeeRole, Event
from asr_desktop.services.events import EventService
from asr_desktop.services.office import Office, init_office
from asr_desktop.services.roster import RosterService
from asr_desktop.store.database import open_database
from asr_desktop.ui import document_actions
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.events_page import EventsPage
from asr_desktop.ui.roster_page import RosterPage


@pytest.fixture
def file_context(tmp_path):
    """Documents are made in a worker thread with its own connection: a file database."""
    from tests.work_helpers import national_id

    from asr_desktop.domain.model import Volunteer
    from asr_desktop.domain.vocabulary import Tier

    path = tmp_path / "office.db"
    db = open_database(path)
    init_office(db, "47")
    roster = RosterService(db, today=lambda: TODAY)
    for i, (title, first, last, sub) in enumerate(PEOPLE):
        vid = roster.register(
            Volunteer(national_id(i + 1), first, last, title=title, subdistrict_code=sub)
        )
        roster.appoint(
            vid,
            tier=Tier.LEAD,
            start_date=date(2025, 10, 1),
            card_no=f"สน-{i:04d}" if i else "",  # the first has no card number yet
            card_issue_date=date(2025, 10, 5) if i else None,
        )
    EventService(db).save(
        Event(title="ประชุมแกนนำอาสาสมัครแรงงาน", start_date=date(2026, 3, 10)),
        [Attendee(role=AttendeeRole.LEAD, volunteer_id=v, attended=True) for v in (1, 2)],
    )
    yield AppContext(Office.adopt(db, path, today=lambda: TODAY))
    db.close()


def shown_documents(monkeypatch):
    shown = []
    monkeypatch.setattr(
        document_actions,
        "_show_preview",
        lambda pdf, title, parent: shown.append((title, pdf.read_bytes()[:4])),
    )
    return shown


def test_cards_for_the_roster_selection(qtbot, file_context, monkeypatch):
    shown = shown_documents(monkeypatch)
    page = RosterPage(file_context)
    qtbot.addWidget(page)
    page.table.selectRow(0)
    assert len(page.selected_ids()) == 1
    page.print_cards()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=20_000)
    assert shown == [("บัตรประจำตัวอาสาสมัครแรงงาน", b"%PDF")]


def test_cards_say_who_was_left_out_and_why(qtbot, file_context, monkeypatch):
    shown = shown_documents(monkeypatch)
    told: list[str] = []
    monkeypatch.setattr(
        document_actions.ask, "inform", lambda parent, title, text: told.append(text)
    )
    page = RosterPage(file_context)
    qtbot.addWidget(page)
    page.table.selectAll()
    page.print_cards()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=20_000)
    assert len(told) == 1
    assert "ไม่ได้พิมพ์บัตร 1 คน" in told[0] and "ยังไม่มีเลขที่บัตร" in told[0]


def test_signin_sheet_and_certificates_for_the_selected_event(qtbot, file_context, monkeypatch):
    shown = shown_documents(monkeypatch)
    page = EventsPage(file_context)
    qtbot.addWidget(page)
    page._document(document_actions.signin_sheet)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=20_000)
    qtbot.waitUntil(lambda: not page.runner.busy)
    page._document(document_actions.certificates)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=20_000)
    assert [title for title, _ in shown] == ["ใบลงชื่อเข้าร่วมกิจกรรม", "เกียรติบัตร"]
