"""A demo roster that looks like a real province, built from a seed (nothing shipped).

The story the demo tells, for the province of the office (สกลนคร, 47, by default):

- every tambon has an active lead (แกนนำระดับตำบล; three per แขวง in Bangkok) and most
  have one to four network members; around them are the people a real roster also holds:
  former volunteers who resigned, moved or died, terms that ended without renewal, a few
  suspensions and applicants still waiting for an order (candidates);
- appointments come in batches (รุ่น) every six months, each by a provincial order
  (คำสั่ง ที่ 123/2566) dated a few days before the start; a term lasts the office's term
  length; one batch's terms end within the next 90 days, so the "ending soon" lists are
  never empty; some volunteers are in their second term;
- 8 to 15 mentors from the five agencies, each looking after one or two districts.

With ``volunteers`` given, the roster has exactly that many people, all living in the
office's province whatever the size: a larger roster has more network members per tambon
(8,000 in สกลนคร is about 64 a tambon). A provincial office's register never lists
people of other provinces as if they were its own; the reports count a record outside
the province apart and say so (see services/reporting/pdf_reports.py).

Everything is drawn from one ``random.Random(seed)`` in a fixed order, and every date is
counted from ``today``: the same seed and day give the same database.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from sqlite_utils import Database

from asr_desktop.domain import areas
from asr_desktop.domain.errors import InputError
from asr_desktop.domain.model import Mentor
from asr_desktop.domain.vocabulary import Status, Tier
from asr_desktop.services.demo import names
from asr_desktop.services.demo.ahead import add_records_ahead
from asr_desktop.services.demo.batches import make_batches
from asr_desktop.services.demo.people import PersonMaker, Story
from asr_desktop.services.demo.work import add_demo_work
from asr_desktop.services.office import init_office
from asr_desktop.services.reporting.dashboard import covered_tambons, terms_ending_ids
from asr_desktop.store import demo as demo_store
from asr_desktop.store.bulk import VolunteerRecord, insert_volunteers
from asr_desktop.store.mentors import MentorStore
from asr_desktop.store.roster import count_by_status
from asr_desktop.store.settings import is_initialised, load_settings, save_settings
from asr_desktop.store.volunteers import VolunteerStore

BANGKOK = "10"
LEADS_PER_BANGKOK_KHWAENG = 3
PROGRESS_STEP = 1_000


# The extras of a tambon in the natural demo: chance of each (at most one of each kind).
_TAMBON_EXTRAS = {
    Story.EXITED: 0.40,
    Story.TERM_ENDED: 0.35,
    Story.SUSPENDED: 0.07,
    Story.REINSTATED: 0.03,
    Story.CANDIDATE: 0.10,
}
_NETWORK_COUNT_WEIGHTS = {0: 12, 1: 22, 2: 30, 3: 22, 4: 14}

# The people beyond the leads when the size is given: what each one's story is.
_SCALED_STORIES = {
    Story.ACTIVE: 71,
    Story.REINSTATED: 1,
    Story.SUSPENDED: 3,
    Story.TERM_ENDED: 10,
    Story.EXITED: 10,
    Story.CANDIDATE: 5,
}
_FORMER_LEAD_SHARE = 0.25
"""Of those whose term ended or who left, the share that had been tambon leads."""


@dataclass(frozen=True, slots=True)
class PlannedPerson:
    subdistrict_code: str
    tier: Tier
    story: Story


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What the demo put in the database, as the dashboard would count it today."""

    province_code: str
    volunteers: int
    by_status: dict[Status, int]
    by_tier: dict[Tier, int]
    """Tier of each volunteer's latest term (candidates have none)."""
    mentors: int
    tambons: int
    """Tambons the demo covers (the province's, or the country's when scaled up)."""
    tambons_covered: int
    """Of those, the tambons with an active lead today."""
    terms_ending_soon: int
    """Active volunteers whose term ends within 90 days."""


def build_demo(
    db: Database,
    *,
    province_code: str = "47",
    seed: int = 2568,
    volunteers: int | None = None,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Fills an empty office database with a demo roster for ``province_code``.

    Args:
        db: A migrated database: new, or initialised for the same province, with no
            volunteers yet.
        province_code: DOPA code of the province (the office's, when initialised).
        seed: Everything random is drawn from ``random.Random(seed)``.
        volunteers: Exactly this many volunteers; None for the natural size of the
            province (one lead per tambon plus network members and history).
        today: The day the demo is "as of" (default: the real today).
        progress: Called with (done, total) volunteers as they are generated and saved.

    Raises:
        InputError: Unknown province, a database of another province, or a roster that
            already holds volunteers.
    """
    today = today or date.today()
    if not is_initialised(db):
        init_office(db, province_code)
        _fill_demo_office(db, province_code)
    office_province = load_settings(db).province_code
    if office_province != province_code:
        raise InputError(
            f"ฐานข้อมูลนี้เป็นของ{areas.province_name(office_province)} "
            f"สร้างข้อมูลตัวอย่างของ{areas.province_name(province_code)}ไม่ได้"
        )
    if VolunteerStore(db).count():
        raise InputError("ฐานข้อมูลนี้มีรายชื่ออาสาสมัครอยู่แล้ว ข้อมูลตัวอย่างต้องสร้างในฐานข้อมูลใหม่")
    if volunteers is not None and volunteers < 0:
        raise InputError("จำนวนอาสาสมัครต้องไม่ติดลบ")

    rng = random.Random(seed)
    tambons = _tambons_of(province_code)
    plan = _plan(rng, tambons, volunteers)

    batches = make_batches(today, load_settings(db).term_years, rng)
    maker = PersonMaker(rng, today, batches, _card_prefix(province_code))
    mentor_by_district = _add_mentors(db, rng, maker, province_code)
    total = len(plan)

    def records() -> Iterator[VolunteerRecord]:
        for done, person in enumerate(plan, start=1):
            record = maker.make(person.subdistrict_code, person.tier, person.story)
            if person.story is not Story.CANDIDATE:
                district = person.subdistrict_code[:4]
                record.volunteer.mentor_id = mentor_by_district.get(district)
            yield record
            if progress is not None and (done % PROGRESS_STEP == 0 or done == total):
                progress(done, total)

    insert_volunteers(
        db, records(), summary=f"ข้อมูลตัวอย่าง{areas.province_name(province_code)} (seed {seed})"
    )
    # What the volunteers did: checklists, months of activities, referrals, events.
    add_demo_work(db, seed=seed, today=today)
    # What offices type in ahead of its date, and work done outside the home tambon.
    add_records_ahead(db, seed=seed, today=today, province_code=province_code)
    return _summarise(db, province_code, len(tambons), today)


def _fill_demo_office(db: Database, province_code: str) -> None:
    """A demo office has an address and report signatories, as a real one would (fictional)."""
    province = areas.province_name(province_code)
    save_settings(
        db,
        replace(
            load_settings(db),
            office_address=f"ศาลากลางจังหวัด{province} ชั้น 2",
            office_phone="0 4200 0000",
            preparer_name="นางสาวพรทิพย์ ศรีสุข",
            preparer_position="นักวิชาการแรงงานปฏิบัติการ",
            approver_name="นายสมศักดิ์ ใจดี",
            approver_position=f"แรงงานจังหวัด{province}",
        ),
    )


# -- where the volunteers live ---------------------------------------------------------


def _tambons_of(province_code: str) -> list[str]:
    return [
        code
        for district_code, _ in areas.districts(province_code)
        for code, _ in areas.subdistricts(district_code)
    ]


def _leads_per_tambon(subdistrict_code: str) -> int:
    return LEADS_PER_BANGKOK_KHWAENG if subdistrict_code.startswith(BANGKOK) else 1


def _plan(rng: random.Random, tambons: list[str], size: int | None) -> list[PlannedPerson]:
    """Who lives where and what has happened to them, in area order.

    The leads come first in each tambon. When ``size`` is smaller than the number of
    lead posts, the tambons that get one are drawn at random.
    """
    leads = [
        PlannedPerson(code, Tier.LEAD, Story.ACTIVE)
        for code in tambons
        for _ in range(_leads_per_tambon(code))
    ]
    if size is not None and size <= len(leads):
        chosen = sorted(rng.sample(range(len(leads)), size))
        return [leads[i] for i in chosen]

    others: list[PlannedPerson] = []
    if size is None:
        _leave_some_posts_vacant(rng, leads, others)
        counts = list(_NETWORK_COUNT_WEIGHTS)
        weights = list(_NETWORK_COUNT_WEIGHTS.values())
        for code in tambons:
            network = rng.choices(counts, weights)[0]
            others += [PlannedPerson(code, Tier.NETWORK, Story.ACTIVE)] * network
            for story, chance in _TAMBON_EXTRAS.items():
                if rng.random() < chance:
                    others.append(PlannedPerson(code, _tier_for(rng, story), story))
    else:
        # Tambons differ in size: some villages send many volunteers, some few.
        sizes = [rng.uniform(0.4, 1.6) for _ in tambons]
        places = rng.choices(tambons, sizes, k=size - len(leads))
        stories = rng.choices(list(_SCALED_STORIES), list(_SCALED_STORIES.values()), k=len(places))
        others = [
            PlannedPerson(code, _tier_for(rng, story), story)
            for code, story in zip(places, stories, strict=True)
        ]
    _ensure_every_story(rng, others)
    order = {code: i for i, code in enumerate(tambons)}
    # Stable sort: in each tambon the leads come first, then the others in the order drawn.
    return sorted(leads + others, key=lambda p: order[p.subdistrict_code])


def vacant_posts(tambon_count: int) -> int:
    """How many tambons of a natural-size demo have lost their lead and wait for a new one."""
    return max(2, tambon_count // 40)


def _leave_some_posts_vacant(
    rng: random.Random, leads: list[PlannedPerson], others: list[PlannedPerson]
) -> None:
    """A real province always has a few tambons whose lead left and whose replacement is
    still an applicant: the dashboard's "tambons without an active lead" shows them.
    Only single-lead tambons: a Bangkok แขวง keeps its other two leads anyway."""
    single = [i for i, p in enumerate(leads) if _leads_per_tambon(p.subdistrict_code) == 1]
    for i in rng.sample(single, min(vacant_posts(len(single)), len(single))):
        code = leads[i].subdistrict_code
        leads[i] = PlannedPerson(code, Tier.LEAD, Story.EXITED)
        others.append(PlannedPerson(code, Tier.NETWORK, Story.CANDIDATE))


def _tier_for(rng: random.Random, story: Story) -> Tier:
    """Former leads appear among those who left or whose term ended; the rest are network."""
    if story in (Story.TERM_ENDED, Story.EXITED) and rng.random() < _FORMER_LEAD_SHARE:
        return Tier.LEAD
    return Tier.NETWORK


def _ensure_every_story(rng: random.Random, others: list[PlannedPerson]) -> None:
    """Turns a few active network members into each story the draw happened to miss, so
    that even a small demo shows every status."""
    present = Counter(p.story for p in others)
    for story in Story:
        if present[story]:
            continue
        active = [i for i, p in enumerate(others) if p.story is Story.ACTIVE]
        if len(active) <= 1:
            return
        i = rng.choice(active)
        others[i] = PlannedPerson(others[i].subdistrict_code, Tier.NETWORK, story)
        present[story] += 1


# -- mentors ---------------------------------------------------------------------------


def _add_mentors(
    db: Database, rng: random.Random, maker: PersonMaker, province_code: str
) -> dict[str, int]:
    """Adds 8 to 15 mentors and returns the mentor id of each district they look after.

    Each mentor has one or two districts. A province with more districts than 15 mentors
    can cover leaves the rest without one (the roster's "no mentor" filter shows them); a
    small province shares its districts between mentors by alternating districts.
    """
    districts = [code for code, _ in areas.districts(province_code)]
    count = min(15, max(8, -(-len(districts) * 2 // 3)))
    agencies = ["ops", "doe", "dsd", "dlpw", "sso"]
    agencies += rng.choices(agencies, weights=[50, 15, 10, 10, 15], k=count - len(agencies))
    store = MentorStore(db)
    mentor_ids = []
    for agency in sorted(agencies, key=agencies.index):
        first_name, last_name, title = maker.mentor_name()
        mentor = Mentor(
            first_name=first_name,
            last_name=last_name,
            title=title,
            position=rng.choice(names.MENTOR_POSITIONS[agency]),
            agency=agency,
            phone=maker.phone(),
        )
        mentor_ids.append(store.add(mentor))

    shuffled = rng.sample(districts, len(districts))
    if len(shuffled) >= count:
        # Everyone gets one district, then as many as can get a second one.
        return {district: mentor_ids[i % count] for i, district in enumerate(shuffled[: 2 * count])}
    return {district: mentor_ids[i] for i, district in enumerate(shuffled)}


def _card_prefix(province_code: str) -> str:
    return names.PROVINCE_ABBREVIATIONS.get(province_code, province_code)


# -- summary ---------------------------------------------------------------------------


def _summarise(db: Database, province_code: str, tambons: int, today: date) -> DemoSummary:
    tiers = {tier.value: tier for tier in Tier}
    by_tier = dict.fromkeys(Tier, 0)
    for tier, n in demo_store.count_by_tier(db).items():
        if tier is not None:
            by_tier[tiers[tier]] = n
    covered = len(covered_tambons(db, today))
    ending_soon = len(terms_ending_ids(db, today, 90))
    return DemoSummary(
        province_code=province_code,
        volunteers=VolunteerStore(db).count(),
        by_status=count_by_status(db, today=today),
        by_tier=by_tier,
        mentors=demo_store.count_mentors(db),
        tambons=tambons,
        tambons_covered=int(covered),
        terms_ending_soon=int(ending_soon),
    )
