"""Suggested 3อ 2ส 1ร scores from what the app already knows; the mentor decides.

Each suggestion comes with its reason in Thai so the mentor can judge it. The rules are
deliberately simple and visible, not a hidden formula:

- อำนาจ (mandate): a valid term and an ID card issued.
- อำนวย (facilitation): a mentor is assigned and the volunteer's referrals get served.
- โอกาส (opportunity): how recently the volunteer reported any work.
- เสริมสร้าง (capacity): trainings attended this fiscal year.
- สามัคคี (unity): events of any kind attended this fiscal year.
- รักษา (retention): how long the term still runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from asr_desktop.domain.inactivity import inactive_label, is_inactive
from asr_desktop.domain.work import ChecklistItem

ATTENTION_SCORE = 1
"""An item scored at or below this needs the mentor's attention."""
TERM_ENDING_DAYS = 90


@dataclass(frozen=True, slots=True)
class VolunteerFacts:
    """What the data says about one volunteer, gathered by the services."""

    today: date
    term_valid: bool
    card_issued: bool
    term_end: date | None
    has_mentor: bool
    last_activity: date | None
    events_this_year: int
    trainings_this_year: int
    referrals_served: int = 0
    referrals_total: int = 0


@dataclass(frozen=True, slots=True)
class Suggestion:
    item: ChecklistItem
    score: int
    reason: str


def suggest(facts: VolunteerFacts) -> dict[ChecklistItem, Suggestion]:
    """A suggested score with its reason for each of the six items."""
    out = [
        _authority(facts),
        _facilitation(facts),
        _opportunity(facts),
        _capacity(facts),
        _unity(facts),
        _retention(facts),
    ]
    return {s.item: s for s in out}


def _authority(f: VolunteerFacts) -> Suggestion:
    item = ChecklistItem.AUTHORITY
    if not f.term_valid:
        return Suggestion(item, 0, "ไม่มีวาระที่ยังมีผล")
    if not f.card_issued:
        return Suggestion(item, 1, "มีวาระ แต่ยังไม่ได้ออกบัตรประจำตัว")
    return Suggestion(item, 3, "มีวาระที่ยังมีผลและออกบัตรแล้ว")


def _facilitation(f: VolunteerFacts) -> Suggestion:
    item = ChecklistItem.FACILITATION
    if not f.has_mentor:
        return Suggestion(item, 0, "ยังไม่มีพี่เลี้ยง")
    if f.referrals_total == 0:
        return Suggestion(item, 2, "มีพี่เลี้ยง ยังไม่มีการส่งต่อ")
    if f.referrals_served * 2 >= f.referrals_total:
        return Suggestion(
            item, 3, f"ส่งต่อได้รับบริการ {f.referrals_served} จาก {f.referrals_total} ราย"
        )
    return Suggestion(
        item, 1, f"ส่งต่อได้รับบริการเพียง {f.referrals_served} จาก {f.referrals_total} ราย"
    )


def _opportunity(f: VolunteerFacts) -> Suggestion:
    item = ChecklistItem.OPPORTUNITY
    if f.last_activity is None:
        return Suggestion(item, 0, "ยังไม่เคยรายงานผลการปฏิบัติงาน")
    days = (f.today - f.last_activity).days
    if days <= 31:
        return Suggestion(item, 3, f"รายงานผลล่าสุดเมื่อ {days} วันก่อน")
    if not is_inactive(f.last_activity, f.today):
        return Suggestion(item, 2, f"รายงานผลล่าสุดเมื่อ {days} วันก่อน")
    if days <= 180:
        return Suggestion(item, 1, f"ไม่มีรายงานผลมา {days} วัน")
    return Suggestion(item, 0, f"ไม่มีรายงานผลมา {days} วัน")


def _capacity(f: VolunteerFacts) -> Suggestion:
    item = ChecklistItem.CAPACITY
    n = f.trainings_this_year
    score = 3 if n >= 2 else 2 if n == 1 else 0
    reason = f"เข้าอบรมในปีงบประมาณนี้ {n} ครั้ง" if n else "ยังไม่ได้เข้าอบรมในปีงบประมาณนี้"
    return Suggestion(item, score, reason)


def _unity(f: VolunteerFacts) -> Suggestion:
    item = ChecklistItem.UNITY
    n = f.events_this_year
    score = 3 if n >= 3 else 2 if n == 2 else 1 if n == 1 else 0
    reason = f"ร่วมกิจกรรมในปีงบประมาณนี้ {n} ครั้ง" if n else "ยังไม่ได้ร่วมกิจกรรมในปีงบประมาณนี้"
    return Suggestion(item, score, reason)


def _retention(f: VolunteerFacts) -> Suggestion:
    item = ChecklistItem.RETENTION
    if f.term_end is None or not f.term_valid:
        return Suggestion(item, 0, "ไม่มีวาระที่ยังมีผล")
    days = (f.term_end - f.today).days
    if days <= TERM_ENDING_DAYS:
        return Suggestion(item, 1, f"วาระจะสิ้นสุดในอีก {days} วัน")
    if days <= 180:
        return Suggestion(item, 2, f"วาระจะสิ้นสุดในอีก {days} วัน")
    return Suggestion(item, 3, "วาระยังเหลือมากกว่า 6 เดือน")


def attention_reasons(
    facts: VolunteerFacts, scores: dict[ChecklistItem, int | None] | None
) -> list[str]:
    """Why a mentor should look at this volunteer now (empty: nothing stands out)."""
    reasons: list[str] = []
    if not scores or all(v is None for v in scores.values()):
        reasons.append("ยังไม่ได้ประเมินไตรมาสนี้")
    else:
        low = [i.label for i, v in scores.items() if v is not None and v <= ATTENTION_SCORE]
        if low:
            reasons.append("คะแนนต่ำ: " + ", ".join(low))
    if facts.term_valid and facts.term_end is not None:
        days = (facts.term_end - facts.today).days
        if days <= TERM_ENDING_DAYS:
            reasons.append(f"วาระสิ้นสุดใน {days} วัน")
    if is_inactive(facts.last_activity, facts.today):
        reasons.append(inactive_label(facts.today))
    if facts.term_valid and not facts.card_issued:
        reasons.append("ยังไม่ได้ออกบัตร")
    return reasons
