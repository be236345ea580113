"""Documents for people: volunteer ID cards, an event's sign-in sheet and certificates.

These read the database and hand plain data to the PDF writers in reports/pdf. Each
writes through a temporary file, so a run cancelled by its progress callback (which
raises ``Cancelled``) or one that fails leaves nothing at the output path.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from typing import BinaryIO

from sqlite_utils import Database

from asr_desktop.assets import title_table
from asr_desktop.domain import areas
from asr_desktop.domain.errors import InputError
from asr_desktop.domain.model import Term
from asr_desktop.domain.phone import format_phone
from asr_desktop.domain.progress import ProgressFn
from asr_desktop.domain.status import status_of, term_at
from asr_desktop.domain.titles import printed_name
from asr_desktop.domain.vocabulary import Status
from asr_desktop.reports.pdf.certificates import CertificateData, build_certificates
from asr_desktop.reports.pdf.id_cards import CardData, build_id_cards
from asr_desktop.reports.pdf.layout import EventHeading
from asr_desktop.reports.pdf.signin_sheet import SigninRow, build_signin_sheet
from asr_desktop.store.events import EventStore
from asr_desktop.store.photos import load_photo
from asr_desktop.store.roster import RosterFilter, roster_ids
from asr_desktop.store.settings import load_settings
from asr_desktop.store.volunteers import VolunteerStore

Output = str | os.PathLike[str] | BinaryIO

NO_CARD_HOLDERS = "ไม่มีอาสาสมัครที่ปฏิบัติหน้าที่และอยู่ในวาระ"
NO_ATTENDED = "ไม่มีผู้ที่เข้าร่วมกิจกรรมนี้ (ยังไม่ได้บันทึกว่าเข้าร่วม)"
SIGNIN_BLANK_ROWS = 10


def card_holders(
    db: Database,
    *,
    volunteer_ids: Sequence[int] | None = None,
    district_code: str | None = None,
    today: date | None = None,
) -> list[CardData]:
    """The cards to print: active volunteers with a current term, in roster order.

    ``volunteer_ids`` (the roster's selection) keeps its order; those not active or
    without a current term are left out. Otherwise every active volunteer of the
    province, or of ``district_code`` (DOPA, 4 digits).
    """
    today = today or date.today()
    if volunteer_ids is None:
        volunteer_ids = roster_ids(
            db,
            RosterFilter(district_code=district_code or "", status=Status.ACTIVE),
            today=today,
        )
    store = VolunteerStore(db)
    short_titles = load_settings(db).short_titles_in_print
    cards: list[CardData] = []
    for volunteer_id in volunteer_ids:
        terms = store.terms(volunteer_id)
        term = term_at(terms, today)
        if term is None or not term.is_current(today):
            continue
        if status_of(terms, store.events(volunteer_id), today) is not Status.ACTIVE:
            continue
        volunteer = store.get(volunteer_id)
        photo = load_photo(db, volunteer_id)
        cards.append(
            CardData(
                name=printed_name(
                    volunteer.title,
                    volunteer.first_name,
                    volunteer.last_name,
                    short_titles=short_titles,
                    table=title_table(),
                ),
                tier_label=term.tier.label,
                area=_area(term, volunteer.subdistrict_code),
                card_no=term.card_no,
                issued=term.card_issue_date or term.start_date,
                expires=term.card_expiry_date or term.last_day,
                photo=photo[0] if photo else None,
            )
        )
    return cards


def _area(term: Term, home_subdistrict: str) -> str:
    """ "ต.ท่าแร่ อ.เมืองสกลนคร": the first area of responsibility, else where they live."""
    code = term.area_codes[0] if term.area_codes else home_subdistrict
    if not code:
        return ""
    tambon, district = areas.subdistrict_name(code), areas.district_name(code[:4])
    return " ".join(
        part
        for part in (f"ต.{tambon}" if tambon else "", f"อ.{district}" if district else "")
        if part
    )


def write_id_cards(
    db: Database,
    out: Output,
    *,
    volunteer_ids: Sequence[int] | None = None,
    district_code: str | None = None,
    progress: ProgressFn | None = None,
    today: date | None = None,
) -> int:
    """Write ID cards (ten per A4 page) for the volunteers :func:`card_holders` picks.

    Returns the number of cards. Raises InputError when there is none to print.
    """
    cards = card_holders(db, volunteer_ids=volunteer_ids, district_code=district_code, today=today)
    if not cards:
        raise InputError(NO_CARD_HOLDERS + _district_words(district_code))
    settings = load_settings(db)
    build_id_cards(
        out,
        cards,
        office_name=settings.office_name,
        thai_digits=settings.thai_digits_in_print,
        progress=progress,
    )
    return len(cards)


def _district_words(code: str | None) -> str:
    if not code:
        return ""
    name = areas.district_name(code)
    return f" ในอำเภอ{name}" if name else f" ในอำเภอรหัส {code}"


def _heading(db: Database, event_id: int) -> EventHeading:
    event = EventStore(db).get(event_id)
    return EventHeading(event.title, event.start_date, event.end_date, event.venue)


def signin_rows(db: Database, event_id: int) -> list[SigninRow]:
    """Everyone on the event's list, in the order they were entered."""
    rows = []
    for entry in EventStore(db).attendees(event_id):
        attendee = entry.attendee
        phone = ""
        detail = entry.detail or ""
        if attendee.volunteer_id is not None:
            detail = _tambon(detail)
            phone = _phone(db, "volunteers", attendee.volunteer_id)
        elif attendee.mentor_id is not None:
            phone = _phone(db, "mentors", attendee.mentor_id)
        rows.append(SigninRow(entry.name or "", attendee.role.label, detail, phone))
    return rows


def _tambon(subdistrict_code: str) -> str:
    name = areas.subdistrict_name(subdistrict_code) if subdistrict_code else ""
    return f"ต.{name}" if name else ""


def _phone(db: Database, table: str, row_id: int) -> str:
    row = db.execute(f"SELECT phone FROM {table} WHERE id = ?", [row_id]).fetchone()
    if not row or not row[0]:
        return ""
    try:
        return format_phone(str(row[0]))
    except InputError:  # an old number that breaks today's rules prints as it was typed
        return str(row[0])


def write_signin_sheet(
    db: Database,
    event_id: int,
    out: Output,
    *,
    blank_rows: int = SIGNIN_BLANK_ROWS,
    progress: ProgressFn | None = None,
) -> int:
    """Write the event's sign-in sheet (ใบลงชื่อ); returns its page count.

    Raises NotFoundError for an unknown event.
    """
    heading = _heading(db, event_id)
    settings = load_settings(db)
    return build_signin_sheet(
        out,
        heading,
        signin_rows(db, event_id),
        office_name=settings.office_name,
        blank_rows=blank_rows,
        thai_digits=settings.thai_digits_in_print,
        progress=progress,
    )


def attended_names(db: Database, event_id: int) -> list[str]:
    """The names of those marked as attended, in the order of the list."""
    return [
        entry.name
        for entry in EventStore(db).attendees(event_id)
        if entry.attendee.attended and entry.name
    ]


def write_certificates(
    db: Database,
    event_id: int,
    out: Output,
    *,
    progress: ProgressFn | None = None,
) -> int:
    """Write one certificate (เกียรติบัตร) per attendee marked attended; returns the count.

    Raises NotFoundError for an unknown event, InputError when nobody attended.
    """
    heading = _heading(db, event_id)
    names = attended_names(db, event_id)
    if not names:
        raise InputError(NO_ATTENDED)
    settings = load_settings(db)
    build_certificates(
        out,
        [CertificateData(name) for name in names],
        heading,
        office_name=settings.office_name,
        signer_name=settings.approver_name,
        signer_position=settings.approver_position,
        thai_digits=settings.thai_digits_in_print,
        progress=progress,
    )
    return len(names)
