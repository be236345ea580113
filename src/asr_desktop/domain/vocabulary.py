"""The programme's fixed vocabulary: codes in data and CLI, Thai labels on screen and paper.

One table (see "The vocabulary" in docs/ARCHITECTURE.md) so that the UI, reports and CLI
never spell a label twice.
"""

from __future__ import annotations

from enum import StrEnum


class _Labelled(StrEnum):
    """A string enum whose members also carry a Thai label."""

    label: str

    # ``label`` has a default only for type checkers: after the class is built, Enum looks
    # members up by code alone (``Status("active")``), and mypy reads this signature.
    def __new__(cls, code: str, label: str = "") -> _Labelled:
        member = str.__new__(cls, code)
        member._value_ = code
        member.label = label
        return member

    @classmethod
    def from_label(cls, label: str) -> _Labelled:
        for member in cls:
            if member.label == label:
                return member
        raise ValueError(label)


class Status(_Labelled):
    """A volunteer's current standing, always derived from terms and status events."""

    CANDIDATE = "candidate", "ผู้สมัคร"
    ACTIVE = "active", "ปฏิบัติหน้าที่"
    SUSPENDED = "suspended", "พักการปฏิบัติหน้าที่"
    TERM_ENDED = "term_ended", "ครบวาระ"
    EXITED = "exited", "พ้นสภาพ"


class Tier(_Labelled):
    LEAD = "lead", "แกนนำอาสาสมัครแรงงานระดับตำบล"
    NETWORK = "network", "เครือข่ายอาสาสมัครแรงงาน"

    @property
    def short_label(self) -> str:
        return "แกนนำ" if self is Tier.LEAD else "เครือข่าย"


class ExitReason(_Labelled):
    DEATH = "death", "เสียชีวิต"
    RESIGNED = "resigned", "ลาออก"
    TERM_ENDED = "term_ended", "ครบวาระ"
    DISQUALIFIED = "disqualified", "ขาดคุณสมบัติหรือมีลักษณะต้องห้าม"
    MOVED = "moved", "ย้ายภูมิลำเนา"
    REMOVED = "removed", "ให้ออก"


class Agency(_Labelled):
    """The ministry's five agencies that volunteers refer people to."""

    OPS = "ops", "สป.รง."
    DOE = "doe", "กกจ."
    DSD = "dsd", "กพร."
    DLPW = "dlpw", "กสร."
    SSO = "sso", "สปส."

    @property
    def full_name(self) -> str:
        return _AGENCY_FULL_NAMES[self.value]


_AGENCY_FULL_NAMES = {
    "ops": "สำนักงานปลัดกระทรวงแรงงาน",
    "doe": "กรมการจัดหางาน",
    "dsd": "กรมพัฒนาฝีมือแรงงาน",
    "dlpw": "กรมสวัสดิการและคุ้มครองแรงงาน",
    "sso": "สำนักงานประกันสังคม",
}


class Gender(_Labelled):
    MALE = "male", "ชาย"
    FEMALE = "female", "หญิง"
    OTHER = "other", "อื่น ๆ"


class StatusChange(_Labelled):
    """What a status event records. Terms make a volunteer active; these events change that."""

    SUSPENDED = "suspended", "พักการปฏิบัติหน้าที่"
    REINSTATED = "reinstated", "กลับมาปฏิบัติหน้าที่"
    EXITED = "exited", "พ้นสภาพ"


TITLES = ("นาย", "นาง", "นางสาว", "ว่าที่ร้อยตรี", "ว่าที่ร้อยตรีหญิง", "ดร.", "จ.ส.อ.", "ส.อ.")
"""Name titles offered in the form; any other title may be typed."""
