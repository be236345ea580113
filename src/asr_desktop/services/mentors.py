"""Use cases of mentors: keep the list, assign volunteers, the 3อ 2ส 1ร checklist."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlite_utils import Database

from asr_desktop.domain.checklist import Suggestion as Suggestion
from asr_desktop.domain.checklist import VolunteerFacts, attention_reasons, suggest
from asr_desktop.domain.errors import InputError
from asr_desktop.domain.model import Mentor
from asr_desktop.domain.status import term_at
from asr_desktop.domain.thai_dates import fiscal_year, fiscal_year_range
from asr_desktop.domain.vocabulary import Agency, Status
from asr_desktop.domain.work import Checklist, ChecklistItem
from asr_desktop.store.activities import ActivityStore
from asr_desktop.store.checklists import ChecklistStore
from asr_desktop.store.events import EventStore
from asr_desktop.store.mentors import MentorStore
from asr_desktop.store.referrals import ReferralStore
from asr_desktop.store.roster import RosterFilter, roster_ids, volunteer_statuses
from asr_desktop.store.volunteers import VolunteerStore


class MentorLoad(NamedTuple):
    mentor: Mentor
    active_volunteers: int
    all_volunteers: int


@dataclass(frozen=True, slots=True)
class AttentionRow:
    """One of a mentor's volunteers in the quarter's summary."""

    volunteer_id: int
    name: str
    subdistrict_code: str
    checklist: Checklist | None
    reasons: tuple[str, ...]

    @property
    def needs_attention(self) -> bool:
        return bool(self.reasons)


class MentorService:
    def __init__(self, db: Database, *, today: Callable[[], date] = date.today) -> None:
        self.db = db
        self.store = MentorStore(db)
        self.today = today

    # -- the list of mentors ----------------------------------------------------------------

    def save(self, mentor: Mentor) -> int:
        problems = []
        if not mentor.first_name.strip():
            problems.append("กรุณากรอกชื่อ")
        if not mentor.last_name.strip():
            problems.append("กรุณากรอกนามสกุล")
        if mentor.agency and mentor.agency not in {a.value for a in Agency}:
            problems.append(f"ไม่รู้จักหน่วยงาน {mentor.agency!r}")
        if problems:
            raise InputError("; ".join(problems), "first_name")
        if mentor.id is None:
            return self.store.add(mentor)
        self.store.update(mentor)
        return mentor.id

    def loads(self) -> list[MentorLoad]:
        """Every mentor with how many volunteers they look after (active ones, all)."""
        counts = self.store.volunteer_counts(today=self.today())
        return [MentorLoad(m, *counts.get(m.id or 0, (0, 0))) for m in self.store.all()]

    def volunteers_of(self, mentor_id: int) -> list[int]:
        return roster_ids(self.db, RosterFilter(mentor_id=mentor_id), today=self.today())

    # -- assigning ----------------------------------------------------------------------

    def assign(self, volunteer_ids: list[int], mentor_id: int | None) -> int:
        """Makes ``mentor_id`` (None: nobody) the mentor of the volunteers; returns how many."""
        if mentor_id is not None:
            self.store.get(mentor_id)  # raises NotFoundError for a wrong id
        self.store.assign(list(volunteer_ids), mentor_id)
        return len(volunteer_ids)

    def assign_district(
        self, district_code: str, mentor_id: int, *, only_unassigned: bool = False
    ) -> int:
        """Assigns every current volunteer (not exited) of a district to the mentor."""
        if not district_code:
            raise InputError("กรุณาเลือกอำเภอ", "district_code")
        ids = self.store.current_in_district(
            district_code, today=self.today(), only_unassigned=only_unassigned
        )
        return self.assign(ids, mentor_id)

    # -- the 3อ 2ส 1ร checklist -----------------------------------------------------------

    def facts(self, volunteer_id: int) -> VolunteerFacts:
        """What the data says about a volunteer, for suggestions and the summary."""
        today = self.today()
        volunteers = VolunteerStore(self.db)
        volunteer = volunteers.get(volunteer_id)
        term = term_at(volunteers.terms(volunteer_id), today)
        status = volunteer_statuses(self.db, [volunteer_id], today=today).get(volunteer_id)
        term_valid = term is not None and status == Status.ACTIVE
        card_issued = term is not None and bool(term.card_no or term.card_issue_date)
        fy_first, fy_last = fiscal_year_range(fiscal_year(today))
        events, trainings = EventStore(self.db).attended_counts(
            volunteer_id, fy_first, date.fromordinal(fy_last.toordinal() + 1)
        )
        served, total = ReferralStore(self.db).by_volunteer(volunteer_id)
        return VolunteerFacts(
            today=today,
            term_valid=term_valid,
            card_issued=card_issued,
            term_end=term.last_day if term else None,
            has_mentor=volunteer.mentor_id is not None,
            last_activity=ActivityStore(self.db).last_activity(volunteer_id),
            events_this_year=events,
            trainings_this_year=trainings,
            referrals_served=served,
            referrals_total=total,
        )

    def suggestions(self, volunteer_id: int) -> dict[ChecklistItem, Suggestion]:
        return suggest(self.facts(volunteer_id))

    def checklist(self, volunteer_id: int, fiscal_year: int, quarter: int) -> Checklist:
        """The saved checklist, or an empty one for the volunteer's mentor."""
        found = ChecklistStore(self.db).get(volunteer_id, fiscal_year, quarter)
        if found is not None:
            return found
        mentor_id = VolunteerStore(self.db).get(volunteer_id).mentor_id
        return Checklist(volunteer_id, fiscal_year, quarter, mentor_id=mentor_id)

    def save_checklist(self, checklist: Checklist) -> int:
        for item, score in checklist.scores.items():
            if score is not None and not 0 <= score <= 3:
                raise InputError(f"คะแนน{item.label}ต้องอยู่ระหว่าง 0–3", item.value)
        if not 1 <= checklist.quarter <= 4:
            raise InputError("ไตรมาสต้องเป็น 1–4", "quarter")
        if checklist.assessed_on is None:
            checklist.assessed_on = self.today()
        return ChecklistStore(self.db).save(checklist)

    def summary(self, mentor_id: int, fiscal_year: int, quarter: int) -> list[AttentionRow]:
        """The mentor's volunteers (not exited) for the quarter, those needing attention first."""
        theirs = self.volunteers_of(mentor_id)
        statuses = volunteer_statuses(self.db, theirs, today=self.today())
        ids = [vid for vid in theirs if statuses.get(vid) not in (Status.EXITED, Status.TERM_ENDED)]
        checklists = ChecklistStore(self.db).for_quarter(ids, fiscal_year, quarter)
        names = VolunteerStore(self.db).names_and_subdistricts(ids)
        rows = []
        for vid in ids:
            checklist = checklists.get(vid)
            reasons = attention_reasons(self.facts(vid), checklist.scores if checklist else None)
            rows.append(AttentionRow(vid, names[vid][0], names[vid][1], checklist, tuple(reasons)))
        rows.sort(key=lambda r: (not r.needs_attention, -len(r.reasons)))
        return rows
