"""The volunteers' work: activities, referrals, events and the mentors' 3อ 2ส 1ร checklist.

Plain records and the vocabulary (docs/ARCHITECTURE.md) that belongs to them. Dates are CE
``datetime.date``; months are :class:`asr_desktop.domain.month.Month`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from asr_desktop.domain.vocabulary import _Labelled

Day = date
"""``date`` under a name that a dataclass field called ``date`` cannot shadow."""


class ReferralStatus(_Labelled):
    """Where a referral (ชี้เป้า คัดกรอง ส่งต่อ) stands."""

    REFERRED = "referred", "ส่งต่อแล้ว"
    IN_PROGRESS = "in_progress", "อยู่ระหว่างดำเนินการ"
    SERVED = "served", "ได้รับบริการแล้ว"
    NOT_SERVED = "not_served", "ไม่ได้รับบริการ"

    @property
    def is_open(self) -> bool:
        """Still waiting for an outcome, so its follow-up date matters."""
        return self in (ReferralStatus.REFERRED, ReferralStatus.IN_PROGRESS)


class AttendeeRole(_Labelled):
    """How a person attended an event; counted separately in reports."""

    LEAD = "lead", "แกนนำ"
    NETWORK = "network", "เครือข่าย"
    MENTOR = "mentor", "พี่เลี้ยง"
    STAFF = "staff", "เจ้าหน้าที่"
    OTHER = "other", "อื่น ๆ"


class EventKind(_Labelled):
    TRAINING = "training", "อบรม"
    SEMINAR = "seminar", "สัมมนา"
    MEETING = "meeting", "ประชุม"
    OTHER = "other", "อื่น ๆ"


class CategoryKind(_Labelled):
    """The lists of activity categories the office can extend."""

    DUTY = "duty", "หน้าที่"
    MISSION = "mission", "ภารกิจ"
    TARGET_GROUP = "target_group", "กลุ่มเป้าหมาย"


class ChecklistItem(_Labelled):
    """The six items of the mentors' principle 3อ 2ส 1ร, in their customary order."""

    AUTHORITY = "authority", "อำนาจ"
    FACILITATION = "facilitation", "อำนวย"
    OPPORTUNITY = "opportunity", "โอกาส"
    CAPACITY = "capacity", "เสริมสร้าง"
    UNITY = "unity", "สามัคคี"
    RETENTION = "retention", "รักษา"


MAX_SCORE = 3

# (kind, code, label) seeded by the migration; the office may add more.
DEFAULT_CATEGORIES: tuple[tuple[str, str, str], ...] = (
    ("duty", "publicise", "เผยแพร่ประชาสัมพันธ์ข้อมูลข่าวสารด้านแรงงาน"),
    ("duty", "coordinate", "ประสานงานระหว่างกระทรวงกับประชาชน"),
    ("duty", "prevent", "ส่งเสริมการป้องกันปัญหาด้านแรงงาน"),
    ("duty", "collect", "จัดเก็บข้อมูลด้านแรงงาน"),
    ("duty", "assigned", "งานอื่นที่ได้รับมอบหมาย"),
    ("mission", "job_referral", "แนะนำ/ส่งต่อการมีงานทำ"),
    ("mission", "skill_training", "ชักชวนเข้ารับการฝึกอาชีพ"),
    ("mission", "labour_protection", "คุ้มครองแรงงานและต่อต้านการค้ามนุษย์"),
    ("mission", "social_security_40", "ประกันสังคม มาตรา 40"),
    ("mission", "informal_workers", "แรงงานนอกระบบและอาชีพอิสระ"),
    ("mission", "drug_prevention", "ป้องกันยาเสพติดในสถานประกอบการ"),
    ("mission", "labour_survey", "สำรวจความต้องการด้านแรงงาน"),
    ("mission", "public_benefit", "งานสาธารณประโยชน์/ช่วยเหลือผู้ประสบภัย"),
    ("mission", "other", "อื่น ๆ"),
    ("target_group", "unemployed", "ผู้ว่างงาน"),
    ("target_group", "informal", "แรงงานนอกระบบ"),
    ("target_group", "formal", "แรงงานในระบบ"),
    ("target_group", "migrant", "แรงงานต่างด้าว"),
    ("target_group", "elderly", "ผู้สูงอายุ"),
    ("target_group", "disabled", "คนพิการ"),
    ("target_group", "youth", "เด็กและเยาวชน"),
    ("target_group", "general", "ประชาชนทั่วไป"),
)


# Two-line column titles for the month grid, where the full labels do not fit.
GRID_TITLES: dict[str, str] = {
    "job_referral": "จัดหางาน/\nส่งต่องาน",
    "skill_training": "ฝึกอาชีพ",
    "labour_protection": "คุ้มครอง\nแรงงาน",
    "social_security_40": "ประกันสังคม\nมาตรา 40",
    "informal_workers": "แรงงาน\nนอกระบบ",
    "drug_prevention": "ป้องกัน\nยาเสพติด",
    "labour_survey": "สำรวจความ\nต้องการ",
    "public_benefit": "สาธารณ\nประโยชน์",
    "other": "อื่น ๆ",
}


@dataclass(slots=True)
class Category:
    kind: CategoryKind
    code: str
    label: str
    position: int = 0
    active: bool = True
    id: int | None = None


@dataclass(slots=True)
class Activity:
    """One piece of monthly work (ผลการปฏิบัติงาน) by a volunteer.

    ``count`` is how many times it was done: 1 for an entry from the detailed form, any
    number for a cell of the month grid (``from_grid``).
    """

    volunteer_id: int
    date: date
    mission_id: int
    duty_id: int | None = None
    target_group_id: int | None = None
    agency: str = ""
    subdistrict_code: str = ""
    moo: str = ""
    count: int = 1
    people_male: int = 0
    people_female: int = 0
    note: str = ""
    from_grid: bool = False
    id: int | None = None


@dataclass(slots=True)
class Referral:
    """A person a volunteer found, screened and referred to one of the five agencies.

    Only the minimum about the person (PDPA): name, phone, gender, tambon.
    """

    date: date
    person_name: str
    agency: str
    volunteer_id: int | None = None
    person_phone: str = ""
    person_gender: str | None = None
    subdistrict_code: str = ""
    need: str = ""
    status: ReferralStatus = ReferralStatus.REFERRED
    outcome: str = ""
    follow_up_date: Day | None = None
    note: str = ""
    id: int | None = None

    def is_overdue(self, today: Day) -> bool:
        return (
            self.status.is_open and self.follow_up_date is not None and self.follow_up_date < today
        )


@dataclass(slots=True)
class Event:
    """A training, seminar or meeting (กิจกรรม/อบรม)."""

    title: str
    start_date: date
    kind: EventKind = EventKind.TRAINING
    end_date: date | None = None
    project: str = ""
    fiscal_year: int | None = None
    venue: str = ""
    organiser: str = ""
    topics: str = ""
    note: str = ""
    id: int | None = None


@dataclass(slots=True)
class Attendee:
    """One person at an event: a volunteer, a mentor, or a guest typed in by name."""

    role: AttendeeRole
    volunteer_id: int | None = None
    mentor_id: int | None = None
    guest_name: str = ""
    guest_organisation: str = ""
    attended: bool = True
    id: int | None = None


@dataclass(slots=True)
class Checklist:
    """A mentor's quarterly 3อ 2ส 1ร assessment of one volunteer (scores 0–3, None: not yet)."""

    volunteer_id: int
    fiscal_year: int
    quarter: int
    mentor_id: int | None = None
    assessed_on: date | None = None
    scores: dict[ChecklistItem, int | None] = field(default_factory=dict)
    notes: dict[ChecklistItem, str] = field(default_factory=dict)
    id: int | None = None

    @property
    def total(self) -> int:
        return sum(s for s in self.scores.values() if s is not None)

    @property
    def complete(self) -> bool:
        return all(self.scores.get(item) is not None for item in ChecklistItem)
