"""The records the office keeps, as plain dataclasses (no database, no Qt).

Dates are ``datetime.date`` (Common Era inside the program; Buddhist Era only on screen
and paper). Area codes are DOPA codes as text: province 2 digits, district 4, subdistrict 6.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from asr_desktop.domain.clean_text import clean_names
from asr_desktop.domain.vocabulary import ExitReason, Gender, StatusChange, Tier


@dataclass(slots=True)
class Volunteer:
    """A labour volunteer (อาสาสมัครแรงงาน). ``id`` is None until saved."""

    national_id: str
    first_name: str
    last_name: str
    title: str = ""
    gender: Gender | None = None
    birth_date: date | None = None
    phone: str = ""
    line_id: str = ""
    house_no: str = ""
    moo: str = ""
    village: str = ""
    soi: str = ""
    road: str = ""
    subdistrict_code: str = ""
    postcode: str = ""
    education: str = ""
    occupation: str = ""
    other_roles: str = ""
    pdpa_consent_date: date | None = None
    pdpa_purpose: str = ""
    mentor_id: int | None = None
    notes: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        clean_names(self)  # on every way in (see domain/clean_text.py)

    @property
    def district_code(self) -> str:
        return self.subdistrict_code[:4]

    @property
    def province_code(self) -> str:
        return self.subdistrict_code[:2]

    @property
    def full_name(self) -> str:
        """Title, first and last name as Thai officials write them (title joined to the name)."""
        return f"{self.title}{self.first_name} {self.last_name}".strip()


@dataclass(slots=True)
class Term:
    """One appointment (วาระ) of a volunteer, made by an order in a batch (รุ่น)."""

    volunteer_id: int
    tier: Tier
    start_date: date
    end_date: date
    batch: str = ""
    order_no: str = ""
    order_date: date | None = None
    card_no: str = ""
    card_issue_date: date | None = None
    card_expiry_date: date | None = None
    ended_date: date | None = None
    """Set when the term was closed before its end date (e.g. on exit)."""
    area_codes: tuple[str, ...] = field(default_factory=tuple)
    """Subdistrict codes the volunteer is responsible for."""
    notes: str = ""
    id: int | None = None

    @property
    def last_day(self) -> date:
        """The last day served: the end date, or the day the term was closed early if
        earlier. The one "last day of the term" of every screen, list and rule."""
        if self.ended_date is not None and self.ended_date < self.end_date:
            return self.ended_date
        return self.end_date

    def is_current(self, today: date) -> bool:
        return self.start_date <= today <= self.last_day


@dataclass(slots=True)
class StatusEvent:
    """A dated change of standing: suspension, reinstatement or exit, with its reason."""

    volunteer_id: int
    change: StatusChange
    date: date
    reason: ExitReason | None = None
    reference: str = ""
    note: str = ""
    id: int | None = None


@dataclass(slots=True)
class Mentor:
    """A ministry official who mentors volunteers (เจ้าหน้าที่พี่เลี้ยงอาสาสมัครแรงงาน)."""

    first_name: str
    last_name: str
    title: str = ""
    position: str = ""
    agency: str = ""
    phone: str = ""
    active: bool = True
    id: int | None = None

    def __post_init__(self) -> None:
        clean_names(self)

    @property
    def full_name(self) -> str:
        return f"{self.title}{self.first_name} {self.last_name}".strip()
