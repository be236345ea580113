"""The people of the demo roster: one volunteer with their terms and status events.

services/demo/province.py decides who lives where and what has happened to them (a
:class:`Story`); :class:`PersonMaker` turns that into a believable record: a name that
fits the gender and generation, a national ID that fits the birth year, an address on a
real หมู่ of the tambon, and terms in the batches (services/demo/batches.py) the province
appointed.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from enum import Enum
from functools import cache
from itertools import accumulate

from asr_desktop.domain import areas
from asr_desktop.domain.model import StatusEvent, Term, Volunteer
from asr_desktop.domain.national_id import check_digit
from asr_desktop.domain.thai_dates import format_thai_date
from asr_desktop.domain.vocabulary import ExitReason, Gender, StatusChange, Tier
from asr_desktop.services.demo import names
from asr_desktop.services.demo.batches import BE_OFFSET, Batch
from asr_desktop.store.bulk import VolunteerRecord

CENSUS_1984 = 1984
"""Thais alive at the 1984 census have IDs starting with 3; those born later, with 1."""
PDPA_IN_FORCE = date(2022, 6, 1)
PDPA_PURPOSE = "ทะเบียนอาสาสมัครแรงงาน การติดต่อประสานงาน และการรายงานผลต่อกระทรวงแรงงาน"
ENDING_SOON_SHARE = 8
"""Percent of current terms in the batch whose terms end within 90 days of today."""
MIN_AGE_AT_START = 19


class Story(Enum):
    """What has happened to a demo volunteer by today."""

    ACTIVE = "active"
    REINSTATED = "reinstated"  # suspended for a while, active again
    SUSPENDED = "suspended"
    TERM_ENDED = "term_ended"
    EXITED = "exited"
    CANDIDATE = "candidate"


class PersonMaker:
    """Makes demo volunteers and mentors; all randomness comes from the given ``rng``."""

    def __init__(
        self, rng: random.Random, today: date, batches: list[Batch], card_prefix: str
    ) -> None:
        self.rng = rng
        self.today = today
        self.batches = batches
        self.by_index = {b.index: b for b in batches}
        self.renewal_step = 0
        if len(batches) > 1:
            term_days = (batches[0].end - batches[0].start).days
            self.renewal_step = round(term_days / 182.6)
        self.card_prefix = card_prefix
        self.used_ids: set[str] = set()
        self.card_counters: dict[int, int] = {}
        self.villages: dict[str, list[str]] = {}
        self.all_districts = [d for p, _ in areas.provinces() for d, _ in areas.districts(p)]
        self.districts_of: dict[str, list[str]] = {}
        self._choices_by_story: dict[Story, tuple[list[Batch], list[int]]] = {}
        self._cumulative_by_story: dict[Story, list[int]] = {}

    # -- the record --------------------------------------------------------------------

    def make(self, subdistrict_code: str, tier: Tier, story: Story) -> VolunteerRecord:
        rng = self.rng
        gender = Gender.MALE if rng.random() < 0.47 else Gender.FEMALE
        age = min(70, int(rng.triangular(20, 71, 50)))
        birth = self._birth_date(age)
        urban = subdistrict_code.startswith("10")
        education = self._education(age)
        first_name, last_name = self.name(gender, birth.year, subdistrict_code[:2])
        phone = self.phone() if rng.random() < 0.97 else ""
        volunteer = Volunteer(
            national_id=self._national_id(birth, subdistrict_code[:4]),
            first_name=first_name,
            last_name=last_name,
            title=self._title(gender, age, education),
            gender=gender,
            birth_date=birth,
            phone=phone,
            line_id=self._line_id(age, birth, phone),
            subdistrict_code=subdistrict_code,
            postcode=(areas.postcodes(subdistrict_code) or ("",))[0],
            education=education,
            occupation=self._occupation(gender, age, tier, urban),
            other_roles=self._other_roles(gender, urban),
        )
        self._address(volunteer, urban)
        terms, events = self._history(story, tier, birth, subdistrict_code)
        if terms:
            volunteer.pdpa_consent_date = self._consent_date(terms[0].start_date)
        else:  # a candidate: consent given with the application
            applied = self.today - timedelta(days=rng.randint(5, 120))
            volunteer.pdpa_consent_date = applied
            volunteer.notes = f"ยื่นใบสมัครเมื่อ {format_thai_date(applied)} รอคำสั่งแต่งตั้งรุ่นถัดไป"
        if volunteer.pdpa_consent_date is not None:
            volunteer.pdpa_purpose = PDPA_PURPOSE
        if not volunteer.notes and rng.random() < 0.06:
            isan = subdistrict_code[:2] in names.NORTHEAST_PROVINCES
            volunteer.notes = rng.choice(names.ISAN_NOTES if isan else names.GENERAL_NOTES)
        return VolunteerRecord(volunteer, terms, events)

    # -- person ------------------------------------------------------------------------

    def name(self, gender: Gender, birth_year: int, province_code: str) -> tuple[str, str]:
        """A given name of the person's generation and region, and a family name."""
        rng = self.rng
        # Names like ณัฐพล and กมลชนก spread from the 1980s; most people born before have
        # names like สมชาย and บัวผัน.
        modern = rng.random() < min(0.9, max(0.03, (birth_year - 1972) / 25))
        isan = province_code in names.NORTHEAST_PROVINCES and rng.random() < 0.35
        if gender is Gender.MALE:
            pool = names.MALE_MODERN if modern else names.MALE_ISAN if isan else names.MALE_CLASSIC
        else:
            pool = (
                names.FEMALE_MODERN
                if modern
                else names.FEMALE_ISAN
                if isan
                else names.FEMALE_CLASSIC
            )
        return rng.choice(pool), self._surname()

    def _surname(self) -> str:
        rng = self.rng
        if rng.random() < 0.25:
            return rng.choice(names.REAL_SURNAMES)
        head = rng.choice(names.SURNAME_HEADS)
        tail = rng.choice(names.SURNAME_TAILS)
        while tail == head:
            tail = rng.choice(names.SURNAME_TAILS)
        middle = rng.choice(names.SURNAME_MIDDLES) if rng.random() < 0.2 else ""
        if middle in (head, tail):
            middle = ""
        return head + middle + tail

    def mentor_name(self) -> tuple[str, str, str]:
        """First name, last name and title of an official aged 28–58."""
        gender = Gender.MALE if self.rng.random() < 0.5 else Gender.FEMALE
        age = self.rng.randint(28, 58)
        first, last = self.name(gender, self.today.year - age, "")
        return first, last, self._title(gender, age, "ปริญญาตรี", officer=True)

    def _title(self, gender: Gender, age: int, education: str, *, officer: bool = False) -> str:
        rng = self.rng
        degree = education in names.DEGREE_EDUCATION
        if gender is Gender.MALE:
            if degree and 25 <= age <= 60 and rng.random() < 0.06:
                return "ว่าที่ร้อยตรี"
            if not officer and age >= 45 and rng.random() < 0.01:
                return "จ.ส.อ."  # a retired sergeant major, common among village leaders
            return "นาย"
        if degree and 25 <= age <= 60 and rng.random() < 0.02:
            return "ว่าที่ร้อยตรีหญิง"
        married = 0.15 if age < 28 else 0.65
        return "นาง" if rng.random() < married else "นางสาว"

    def _birth_date(self, age: int) -> date:
        """A birth date that makes the person exactly ``age`` today."""
        try:
            birthday = self.today.replace(year=self.today.year - age)
        except ValueError:  # today is 29 February
            birthday = date(self.today.year - age, 2, 28)
        return birthday - timedelta(days=self.rng.randint(0, 364))

    def _national_id(self, birth: date, district_code: str) -> str:
        """A valid, unused ID whose first digit fits the birth year and whose registry
        office (digits 2–5) is usually the person's own district."""
        rng = self.rng
        while True:
            if birth.year < CENSUS_1984:
                kind = rng.choices("3548", cum_weights=(90, 95, 99, 100))[0]
            else:
                kind = rng.choices("12", cum_weights=(96, 100))[0]
            roll = rng.random()
            if roll < 0.75:
                office = district_code
            elif roll < 0.9:
                office = rng.choice(self._districts_of(district_code[:2]))
            else:
                office = rng.choice(self.all_districts)
            first12 = f"{kind}{office}{rng.randrange(10_000_000):07d}"
            national_id = first12 + str(check_digit(first12))
            if national_id not in self.used_ids:
                self.used_ids.add(national_id)
                return national_id

    def _districts_of(self, province_code: str) -> list[str]:
        if province_code not in self.districts_of:
            self.districts_of[province_code] = [d for d, _ in areas.districts(province_code)]
        return self.districts_of[province_code]

    def phone(self) -> str:
        """A 10-digit mobile number (06x, 08x, 09x), digits only as the store keeps it."""
        second = self.rng.choices("689", cum_weights=(2, 7, 11))[0]
        return f"0{second}{self.rng.randrange(100_000_000):08d}"

    def _line_id(self, age: int, birth: date, phone: str) -> str:
        rng = self.rng
        if rng.random() >= (0.45 if age < 45 else 0.3 if age < 60 else 0.12):
            return ""
        nick = rng.choice(names.LINE_NICKNAMES)
        roll = rng.random()
        if phone and roll < 0.3:
            return phone
        if roll < 0.6:
            return f"{nick}{birth.year + BE_OFFSET}"
        return f"{nick}_{rng.randint(1, 999)}"

    def _education(self, age: int) -> str:
        band = next(
            i for i, (start, _) in enumerate(names.EDUCATION_WEIGHTS_BY_AGE) if age >= start
        )
        return self.rng.choices(names.EDUCATION, cum_weights=_education_table(band))[0]

    def _occupation(self, gender: Gender, age: int, tier: Tier, urban: bool) -> str:
        jobs, cumulative = _occupation_table(gender is Gender.MALE, age >= 60, tier, urban)
        return self.rng.choices(jobs, cum_weights=cumulative)[0]

    def _other_roles(self, gender: Gender, urban: bool) -> str:
        rng = self.rng
        if urban:
            return rng.choice(("อสส.", "กรรมการชุมชน", "อพม.")) if rng.random() < 0.25 else ""
        if rng.random() >= 0.45:
            return ""
        roles = dict(names.OTHER_ROLES)
        if gender is Gender.MALE:
            roles.pop("ประธานกลุ่มแม่บ้าน")
        chosen = rng.choices(list(roles), list(roles.values()), k=rng.choice((1, 1, 2)))
        return ", ".join(dict.fromkeys(chosen))

    def _address(self, volunteer: Volunteer, urban: bool) -> None:
        rng = self.rng
        number = str(rng.randint(1, 450 if urban else 220))
        if rng.random() < (0.5 if urban else 0.12):
            number += f"/{rng.randint(1, 99 if urban else 9)}"
        volunteer.house_no = number
        if urban:
            road = rng.choice(names.BANGKOK_ROADS)
            volunteer.road = road if rng.random() < 0.85 else ""
            if rng.random() < 0.75:
                volunteer.soi = f"{road} {rng.randint(1, 120)}"
            if rng.random() < 0.25:
                volunteer.village = rng.choice(names.BANGKOK_ESTATES)
            return
        villages = self._villages(volunteer.subdistrict_code)
        moo = rng.randint(1, len(villages))
        volunteer.moo = str(moo)
        if rng.random() < 0.85:
            volunteer.village = villages[moo - 1]
        if rng.random() < 0.06:
            volunteer.soi = rng.choice((str(rng.randint(1, 12)), "สามัคคี", "ร่วมใจ", "วัดป่า"))
        if rng.random() < 0.1:
            volunteer.road = rng.choice(names.ROADS)

    def _villages(self, subdistrict_code: str) -> list[str]:
        """The villages (บ้าน…) of หมู่ 1, 2, … of a tambon, drawn once per tambon."""
        if subdistrict_code not in self.villages:
            rng = self.rng
            villages: list[str] = []
            for _ in range(rng.randint(6, 20)):
                name = "บ้าน" + rng.choice(names.VILLAGE_HEADS) + rng.choice(names.VILLAGE_TAILS)
                if name in villages:  # a village that grew is split into two หมู่
                    name += rng.choice(("เหนือ", "ใต้", "ใหม่", "พัฒนา"))
                villages.append(name)
            self.villages[subdistrict_code] = villages
        return self.villages[subdistrict_code]

    def _consent_date(self, first_start: date) -> date | None:
        if self.rng.random() >= 0.92:
            return None
        asked = max(PDPA_IN_FORCE, first_start - timedelta(days=self.rng.randint(5, 40)))
        return min(self.today, asked + timedelta(days=self.rng.randint(0, 60)))

    # -- history -----------------------------------------------------------------------

    def _history(
        self, story: Story, tier: Tier, birth: date, subdistrict_code: str
    ) -> tuple[list[Term], list[StatusEvent]]:
        if story is Story.CANDIDATE or not self.batches:
            return [], []
        batch = self._pick_batch(story, birth)
        terms = []
        earlier = self.by_index.get(batch.index - self.renewal_step)
        renew_chance = 0.45 if tier is Tier.LEAD else 0.25
        if (
            self.renewal_step
            and earlier is not None
            and self._old_enough(birth, earlier)
            and self.rng.random() < renew_chance
        ):
            earlier_tier = tier if self.rng.random() < 0.7 else Tier.NETWORK
            terms.append(self._term(earlier, earlier_tier, subdistrict_code))
        terms.append(self._term(batch, tier, subdistrict_code))
        events = self._events(story, terms[-1], subdistrict_code[:2])
        return terms, events

    def _old_enough(self, birth: date, batch: Batch) -> bool:
        return birth.replace(year=birth.year + MIN_AGE_AT_START, day=1) <= batch.start

    def _pick_batch(self, story: Story, birth: date) -> Batch:
        choices, weights = self._batch_choices(story)
        if not self._old_enough(birth, min(choices, key=lambda b: b.start)):
            allowed = [
                (b, w) for b, w in zip(choices, weights, strict=True) if self._old_enough(birth, b)
            ]
            if not allowed:  # too young for every batch: the most recent one
                return max(choices, key=lambda b: b.start)
            choices, weights = (list(column) for column in zip(*allowed, strict=True))
            return self.rng.choices(choices, weights)[0]
        return self.rng.choices(choices, cum_weights=self._cumulative_by_story[story])[0]

    def _batch_choices(self, story: Story) -> tuple[list[Batch], list[int]]:
        """The batches a volunteer with this story can have their latest term in, weighted."""
        if story not in self._choices_by_story:
            today = self.today
            if story is Story.TERM_ENDED:
                ended = [b for b in self.batches if b.end < today]
                choices = sorted(ended, key=lambda b: -b.index)[:6]
                weights = [6 - rank for rank in range(len(choices))]  # recent ones more
            elif story is Story.EXITED:
                choices = [
                    b
                    for b in self.batches
                    if b.index >= -self.renewal_step and b.start + timedelta(days=60) < today
                ]
                weights = [1] * len(choices)
            else:
                latest_start = today - timedelta(days=60 if story is Story.REINSTATED else 20)
                choices = [b for b in self.batches if b.end >= today and b.start <= latest_start]
                others = max(1, len(choices) - 1)
                weights = [
                    ENDING_SOON_SHARE * others if b.index == 0 else 100 - ENDING_SOON_SHARE
                    for b in choices
                ]
            if not choices:
                choices, weights = [max(self.batches, key=lambda b: b.start)], [1]
            self._choices_by_story[story] = (choices, weights)
            self._cumulative_by_story[story] = list(accumulate(weights))
        return self._choices_by_story[story]

    def _term(self, batch: Batch, tier: Tier, subdistrict_code: str) -> Term:
        rng = self.rng
        term = Term(
            volunteer_id=0,
            tier=tier,
            start_date=batch.start,
            end_date=batch.end,
            batch=batch.name,
            order_no=batch.order_no(tier),
            order_date=batch.order_date,
            area_codes=(subdistrict_code,),
        )
        issued = batch.start + timedelta(days=rng.randint(7, 45))
        if issued <= self.today and rng.random() < 0.88:
            year = batch.start.year + BE_OFFSET
            self.card_counters[year] = self.card_counters.get(year, 0) + 1
            term.card_no = f"{self.card_prefix}-{year}-{self.card_counters[year]:05d}"
            term.card_issue_date = issued
            term.card_expiry_date = batch.end
        return term

    def _events(self, story: Story, term: Term, province_code: str) -> list[StatusEvent]:
        rng = self.rng
        today = self.today
        if story is Story.SUSPENDED:
            on = self._day_between(term.start_date + timedelta(days=14), today - timedelta(days=3))
            return [
                StatusEvent(
                    0,
                    StatusChange.SUSPENDED,
                    on,
                    reference=self._memo_reference(on),
                    note=rng.choice(names.SUSPENSION_NOTES),
                )
            ]
        if story is Story.REINSTATED:
            first = self._day_between(term.start_date + timedelta(days=14), today - timedelta(40))
            again = self._day_between(first + timedelta(days=14), today - timedelta(days=3))
            return [
                StatusEvent(
                    0, StatusChange.SUSPENDED, first, reference=self._memo_reference(first)
                ),
                StatusEvent(
                    0, StatusChange.REINSTATED, again, reference=self._memo_reference(again)
                ),
            ]
        if story is Story.EXITED:
            last_day = min(term.end_date, today - timedelta(days=3))
            on = self._day_between(term.start_date + timedelta(days=60), last_day)
            if on < term.end_date:
                term.ended_date = on
            reason = rng.choices(
                (
                    ExitReason.RESIGNED,
                    ExitReason.MOVED,
                    ExitReason.DEATH,
                    ExitReason.DISQUALIFIED,
                    ExitReason.REMOVED,
                ),
                (42, 22, 14, 12, 10),
            )[0]
            return [
                StatusEvent(
                    0,
                    StatusChange.EXITED,
                    on,
                    reason=reason,
                    reference=self._exit_reference(reason, on, province_code),
                    note=rng.choice(names.EXIT_NOTES[reason.value]),
                )
            ]
        return []

    def _day_between(self, first: date, last: date) -> date:
        if last <= first:
            return min(first, last)
        return first + timedelta(days=self.rng.randint(0, (last - first).days))

    def _memo_reference(self, on: date) -> str:
        return f"บันทึกข้อความ ที่ {self.rng.randint(100, 2999)}/{on.year + BE_OFFSET}"

    def _exit_reference(self, reason: ExitReason, on: date, province_code: str) -> str:
        written = format_thai_date(on - timedelta(days=self.rng.randint(1, 20)))
        if reason is ExitReason.RESIGNED:
            return f"หนังสือลาออก ลงวันที่ {written}"
        if reason is ExitReason.MOVED:
            return f"แจ้งย้ายภูมิลำเนา ลงวันที่ {written}"
        if reason is ExitReason.DEATH:
            return f"แจ้งการเสียชีวิตโดยผู้ใหญ่บ้าน ลงวันที่ {written}"
        province = areas.province_name(province_code)
        if province_code == "10":
            return f"คำสั่งกรุงเทพมหานคร ที่ {self.rng.randint(100, 999)}/{on.year + BE_OFFSET}"
        return f"คำสั่งจังหวัด{province} ที่ {self.rng.randint(100, 999)}/{on.year + BE_OFFSET}"


# Weighted draws take cumulative weights, worked out once per table rather than per person
# (the same draw as with plain weights, in a fraction of the time).


@cache
def _education_table(band: int) -> list[int]:
    return list(accumulate(names.EDUCATION_WEIGHTS_BY_AGE[band][1]))


@cache
def _occupation_table(
    male: bool, retired: bool, tier: Tier, urban: bool
) -> tuple[list[str], list[int]]:
    table = dict(names.URBAN_OCCUPATIONS if urban else names.RURAL_OCCUPATIONS)
    if male:
        table.pop("แม่บ้าน", None)
    if not retired:
        table.pop("ข้าราชการบำนาญ", None)
    if tier is Tier.LEAD and "ผู้ใหญ่บ้าน" in table:
        table["ผู้ใหญ่บ้าน"] *= 3
    return list(table), list(accumulate(table.values()))
