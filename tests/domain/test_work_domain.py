"""Rules of the work records: months, suggestions, attention."""

from datetime import date

from asr_desktop.domain.checklist import VolunteerFacts, attention_reasons, suggest
from asr_desktop.domain.work import ChecklistItem


def facts(**changes):
    base = dict(
        today=date(2025, 11, 20),
        term_valid=True,
        card_issued=True,
        term_end=date(2027, 9, 30),
        has_mentor=True,
        last_activity=date(2025, 11, 2),
        events_this_year=3,
        trainings_this_year=2,
    )
    return VolunteerFacts(**{**base, **changes})


def test_a_busy_volunteer_gets_full_marks() -> None:
    assert {s.score for s in suggest(facts()).values()} == {2, 3}
    assert attention_reasons(facts(), dict.fromkeys(ChecklistItem, 3)) == []


def test_each_rule_lowers_its_item_with_a_reason() -> None:
    s = suggest(
        facts(
            term_valid=False,
            last_activity=None,
            trainings_this_year=0,
            events_this_year=0,
            has_mentor=False,
        )
    )
    assert all(v.score == 0 for v in s.values())
    assert all(v.reason for v in s.values())
    assert suggest(facts(term_end=date(2026, 1, 10)))[ChecklistItem.RETENTION].score == 1


def test_attention_reasons() -> None:
    reasons = attention_reasons(
        facts(last_activity=date(2025, 6, 1), term_end=date(2025, 12, 31), card_issued=False),
        {ChecklistItem.UNITY: 1, ChecklistItem.AUTHORITY: 3},
    )
    assert reasons == [
        "คะแนนต่ำ: สามัคคี",
        "วาระสิ้นสุดใน 41 วัน",
        "ไม่มีรายงานผลตั้งแต่ 1 ส.ค. 2568",
        "ยังไม่ได้ออกบัตร",
    ]
    assert attention_reasons(facts(), None) == ["ยังไม่ได้ประเมินไตรมาสนี้"]
