"""Validation rules (ข้อสังเกต) over the packages received, declared as data.

Each rule has a key (in data and the CLI), a Thai title, and a Thai text with the
figures of the finding filled in. :func:`evaluate` applies every rule to the month's
figures of each province (and the month before, for the rules that compare).

- ``leads_over_tambons``: more serving tambon leads than the province's lead posts
  (one a tambon; three a แขวง in Bangkok).
- ``activities_without_volunteers``: a district reports activities but has no serving
  volunteer.
- ``jump``: a figure is more than ``factor`` times last month's (last month at least
  ``minimum``, so that 1 → 4 is not a finding).
- ``roster_shrink``: volunteers serving fell by more than ``share`` since last month.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from asr_desktop.domain import areas

BANGKOK = "10"


@dataclass(frozen=True, slots=True)
class Rule:
    key: str
    title: str
    text: str
    """Thai, with ``{}`` fields filled from the finding's figures."""
    figures: tuple[str, ...] = ()
    factor: float = 0.0
    minimum: int = 0
    share: float = 0.0


FIGURE_LABELS = {
    "activities": "จำนวนกิจกรรม",
    "referrals": "จำนวนการส่งต่อ",
    "volunteers_serving": "อาสาสมัครที่ปฏิบัติหน้าที่",
    "appointed": "การแต่งตั้งใหม่",
}

RULES: tuple[Rule, ...] = (
    Rule(
        "leads_over_tambons",
        "แกนนำมากกว่าจำนวนตำบล",
        "แกนนำระดับตำบลที่ปฏิบัติหน้าที่ {leads:,} คน มากกว่าจำนวนตำแหน่งแกนนำ {posts:,} ตำแหน่ง "
        "({tambons:,} ตำบล)",
    ),
    Rule(
        "activities_without_volunteers",
        "มีกิจกรรมแต่ไม่มีอาสาสมัคร",
        "{district} รายงานกิจกรรม {activities:,} ครั้ง แต่ไม่มีอาสาสมัครที่ปฏิบัติหน้าที่",
    ),
    Rule(
        "jump",
        "ตัวเลขเพิ่มขึ้นผิดปกติ",
        "{figure} เพิ่มจาก {before:,} เป็น {after:,} (มากกว่า {factor:g} เท่าของเดือนก่อน)",
        figures=("activities", "referrals", "volunteers_serving", "appointed"),
        factor=3.0,
        minimum=5,
    ),
    Rule(
        "roster_shrink",
        "อาสาสมัครลดลงมาก",
        "อาสาสมัครที่ปฏิบัติหน้าที่ลดจาก {before:,} เหลือ {after:,} คน "
        "(ลดลงร้อยละ {percent:.0f} เกินร้อยละ {limit:.0f})",
        share=0.20,
    ),
)
RULES_BY_KEY = {r.key: r for r in RULES}


@dataclass(frozen=True, slots=True)
class Finding:
    province_code: str
    period: str
    rule: str
    text: str
    district_code: str = ""

    @property
    def title(self) -> str:
        return RULES_BY_KEY[self.rule].title

    def as_json(self) -> dict[str, str]:
        return {
            "province_code": self.province_code,
            "period": self.period,
            "rule": self.rule,
            "title": self.title,
            "text": self.text,
            "district_code": self.district_code,
        }


@dataclass(frozen=True, slots=True)
class MonthFigures:
    """What the rules read of one province's package for one month."""

    totals: Mapping[str, int]
    leads: int
    districts: tuple[tuple[str, int, int], ...] = ()
    """(district code, serving volunteers, activities)."""


def previous_period(period: str) -> str:
    year, month = int(period[:4]), int(period[5:])
    year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return f"{year:04d}-{month:02d}"


def evaluate(
    province_code: str, period: str, now: MonthFigures, before: MonthFigures | None
) -> Iterator[Finding]:
    """Every finding of every rule for one province and month."""
    for rule in RULES:
        for values, district in _check(rule, province_code, now, before):
            text = rule.text.format(**values)
            yield Finding(province_code, period, rule.key, text, district)


def _check(
    rule: Rule, province_code: str, now: MonthFigures, before: MonthFigures | None
) -> Iterator[tuple[dict[str, object], str]]:
    if rule.key == "leads_over_tambons":
        tambons = now.totals.get("tambons", 0)
        posts = tambons * (3 if province_code == BANGKOK else 1)
        if now.leads > posts:
            yield {"leads": now.leads, "posts": posts, "tambons": tambons}, ""
    elif rule.key == "activities_without_volunteers":
        for district_code, serving, activities in now.districts:
            if activities > 0 and serving == 0:
                yield {"district": areas.district_label(district_code) or district_code,
                       "activities": activities}, district_code  # fmt: skip
    elif rule.key == "jump" and before is not None:
        for figure in rule.figures:
            old, new = before.totals.get(figure, 0), now.totals.get(figure, 0)
            if old >= rule.minimum and new > rule.factor * old:
                label = FIGURE_LABELS[figure]
                yield {"figure": label, "before": old, "after": new, "factor": rule.factor}, ""
    elif rule.key == "roster_shrink" and before is not None:
        old, new = (
            before.totals.get("volunteers_serving", 0),
            now.totals.get("volunteers_serving", 0),
        )
        if old and (old - new) / old > rule.share:
            percent = 100 * (old - new) / old
            yield {"before": old, "after": new, "percent": percent, "limit": 100 * rule.share}, ""
