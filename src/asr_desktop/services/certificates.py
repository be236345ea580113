"""เลขที่เกียรติบัตร: the serial on each certificate, and whom a serial was made out to.

Kept apart from services/reporting/documents (which writes the certificates) so the
events page can look a serial up without importing reportlab.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlite_utils import Database

from asr_desktop.domain.errors import InputError, NotFoundError
from asr_desktop.domain.thai_dates import format_thai_date
from asr_desktop.domain.thai_digits import to_arabic_digits
from asr_desktop.domain.work import Attendee, Event
from asr_desktop.store.events import AttendeeRow, EventStore
from asr_desktop.store.settings import load_settings

SERIAL_EXAMPLE = "47-0012-V00345"
_PERSON_WIDTHS = {"V": 5, "M": 4, "G": 3}
"""Digits of the person part of a serial: volunteer, mentor, guest."""
_SERIAL = re.compile(r"(\d{2})-(\d{1,9})-([VMG])(\d{1,9})")
_DASHES = str.maketrans("\u2010\u2011\u2012\u2013\u2014\u2212", "------")


def certificate_serial(province_code: str, event_id: int, person_key: str) -> str:
    """เลขที่เกียรติบัตร: "47-0012-V00345" (province, event, person).

    The person part is the volunteer's (V) or mentor's (M) record number, which stays the
    same when the event's list is edited; a guest (G) is numbered in list order.
    """
    return f"{province_code}-{event_id:04d}-{person_key}"


def _person_key(kind: str, number: int) -> str:
    return f"{kind}{number:0{_PERSON_WIDTHS[kind]}d}"


def _serials_issued(db: Database, event_id: int) -> list[tuple[AttendeeRow, str]]:
    """Each person on the event's list with the serial of their certificate ("" for those
    not marked as attended), erased people included: their certificate was issued."""
    province = load_settings(db).province_code
    issued: list[tuple[AttendeeRow, str]] = []
    guests = 0
    for entry in EventStore(db).attendees(event_id):
        attendee = entry.attendee
        if attendee.volunteer_id is not None:
            key = _person_key("V", attendee.volunteer_id)
        elif attendee.mentor_id is not None:
            key = _person_key("M", attendee.mentor_id)
        else:
            guests += 1
            key = _person_key("G", guests)
        has_one = attendee.attended and (entry.name or entry.erased)
        issued.append((entry, certificate_serial(province, event_id, key) if has_one else ""))
    return issued


def certificate_serials(db: Database, event_id: int) -> list[str]:
    """The certificate serial of each person on the event's list, in list order ("" for
    those not marked as attended): what the event's page shows next to each name."""
    # Erased people get no certificate (and no name on one): counted, never printed.
    return ["" if entry.erased else s for entry, s in _serials_issued(db, event_id)]


def listed_serials(db: Database, event_id: int) -> list[str]:
    """The certificate serials of the event's list as the screens show it (erased people
    left out, services/events.EventPeople.rows), in list order."""
    return [serial for entry, serial in _serials_issued(db, event_id) if not entry.erased]


def attended_with_serials(db: Database, event_id: int) -> list[tuple[str, str]]:
    """(name, certificate serial) of those marked as attended, in the order of the list."""
    # Erased people get no certificate (and no name on one), as in certificate_serials.
    return [(e.name, s) for e, s in _serials_issued(db, event_id) if s and not e.erased]


def read_serial(text: str) -> str | None:
    """A serial as a clerk types it ("เลขที่ ๔๗-๐๐๑๒-v๐๐๓๔๕ ", "47 - 12 - V345") in the
    form certificates print it ("47-0012-V00345"), or None if it is not one."""
    typed = to_arabic_digits(text).translate(_DASHES).strip()
    typed = typed.removeprefix("เลขที่").replace(" ", "").replace("\u200b", "").upper()
    match = _SERIAL.fullmatch(typed)
    if match is None:
        return None
    province, event, kind, number = match.groups()
    return certificate_serial(province, int(event), _person_key(kind, int(number)))


@dataclass(frozen=True, slots=True)
class CertificateHolder:
    """Whom a certificate was made out to (the event's page and ``asr-cli certificate``)."""

    serial: str
    """As printed: "47-0012-V00345"."""
    event: Event
    attendee: Attendee
    name: str
    """As printed on the certificate; "" when the person's data was erased."""
    erased: bool

    def describe(self) -> str:
        """One Thai line: who, in what role, at which event, when."""
        when = format_thai_date(self.event.start_date)
        end = self.event.end_date
        if end is not None and end != self.event.start_date:
            when += " – " + format_thai_date(end)
        at = f"กิจกรรม {self.event.title} วันที่ {when}"
        if self.erased:
            return (
                f"เกียรติบัตรเลขที่ {self.serial} ถูกต้อง ออกใน{at} แต่ข้อมูลส่วนบุคคลของผู้รับถูกลบแล้ว จึงไม่แสดงชื่อ"
            )
        return f"เกียรติบัตรเลขที่ {self.serial} ออกให้ {self.name} ({self.attendee.role.label}) {at}"


def certificate_holder(db: Database, text: str) -> CertificateHolder:
    """Whom the certificate ``text`` (as typed, see ``read_serial``) was made out to.

    Raises InputError when ``text`` is not a serial, NotFoundError (with the Thai reason)
    when this office issued no certificate with that serial.
    """
    serial = read_serial(text)
    if serial is None:
        shown = text.strip() or "(ว่าง)"
        raise InputError(f"{shown} ไม่ใช่เลขที่เกียรติบัตร (เช่น {SERIAL_EXAMPLE})", "serial")
    province = load_settings(db).province_code
    if not serial.startswith(f"{province}-"):
        raise NotFoundError(
            f"ไม่พบเกียรติบัตรเลขที่ {serial}: เลขที่นี้ไม่ได้ออกโดยสำนักงานนี้ "
            f"(รหัสจังหวัด {serial[:2]} ไม่ใช่ {province})"
        )
    event_id = int(serial.split("-")[1])
    try:
        event = EventStore(db).get(event_id)
        issued = _serials_issued(db, event_id)
    except NotFoundError:
        raise NotFoundError(f"ไม่พบเกียรติบัตรเลขที่ {serial}: ไม่มีกิจกรรมรหัส {event_id}") from None
    for entry, number in issued:
        if number == serial:
            name = "" if entry.erased else entry.name
            return CertificateHolder(serial, event, entry.attendee, name, entry.erased)
    raise NotFoundError(
        f"ไม่พบเกียรติบัตรเลขที่ {serial} ในกิจกรรม {event.title} "
        "(ไม่มีผู้เข้าร่วมที่มีเลขที่นี้ หรือยังไม่ได้บันทึกว่าเข้าร่วม)"
    )


def find_certificate(db: Database, serial: str) -> tuple[int, str] | None:
    """(event id, name) of the certificate ``serial``, or None if no event issued it to a
    person whose name can be shown (see ``certificate_holder`` for the reasons)."""
    try:
        holder = certificate_holder(db, serial)
    except (InputError, NotFoundError):
        return None
    if holder.erased or holder.event.id is None:
        return None
    return holder.event.id, holder.name
