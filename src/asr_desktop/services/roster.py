"""Use cases of the roster: register a volunteer, appoint, suspend, exit, delete.

The GUI and the CLI call these; they validate, then let the store write in one
transaction. Dates of "today" come from the injected clock so tests can fix them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from asr_desktop.domain.errors import InputError
from asr_desktop.domain.model import StatusEvent, Term, Volunteer
from asr_desktop.domain.status import term_at
from asr_desktop.domain.terms import default_term_end
from asr_desktop.domain.validation import term_problems, volunteer_problems
from asr_desktop.domain.vocabulary import ExitReason, StatusChange, Tier
from asr_desktop.store.photos import load_photo, save_photo
from asr_desktop.store.roster import (
    RosterFilter,
    RosterRow,
    RosterSort,
    RosterView,
    roster_ids,
    roster_rows,
)
from asr_desktop.store.settings import load_settings
from asr_desktop.store.volunteers import VolunteerStore


@dataclass(frozen=True, slots=True)
class Photo:
    """A volunteer's photo as saved: JPEG or PNG bytes (empty means no photo)."""

    image: bytes
    mime_type: str = "image/jpeg"


class InvalidRecord(InputError):
    """The record has one or more problems; ``problems`` lists each with its field."""

    def __init__(self, problems: list[InputError]) -> None:
        super().__init__("; ".join(p.message for p in problems), problems[0].field)
        self.problems = problems


class RosterService:
    def __init__(self, db: Database, *, today: Callable[[], date] = date.today) -> None:
        self.db = db
        self.store = VolunteerStore(db)
        self.today = today

    # -- reading the roster (the pages' queries) ------------------------------------------

    def view(self) -> RosterView:
        """Search-as-you-type over the whole roster; see :class:`RosterView`."""
        return RosterView(self.db, today=self.today())

    def ids(
        self,
        roster_filter: RosterFilter,
        *,
        sort: RosterSort = RosterSort.NAME,
        descending: bool = False,
        limit: int | None = None,
    ) -> list[int]:
        ids = roster_ids(
            self.db, roster_filter, sort=sort, descending=descending, today=self.today()
        )
        return ids if limit is None else ids[:limit]

    def rows(self, ids: Sequence[int]) -> dict[int, RosterRow]:
        return roster_rows(self.db, ids, today=self.today())

    def display_names(self, ids: Iterable[int]) -> dict[int, str]:
        return self.store.display_names(ids)

    def count_without_mentor(self) -> int:
        return self.store.count_without_mentor()

    def photo(self, volunteer_id: int) -> tuple[bytes, str] | None:
        return load_photo(self.db, volunteer_id)

    def register(
        self,
        volunteer: Volunteer,
        *,
        first_term: Term | None = None,
        photo: Photo | None = None,
    ) -> int:
        """Adds a new volunteer, their first term and photo (if given) in one transaction."""
        self._check(volunteer)
        if first_term is not None and (problems := term_problems(first_term)):
            raise InvalidRecord(problems)
        with self.db.atomic():
            volunteer_id = self.store.add(volunteer)
            if first_term is not None:
                first_term.volunteer_id = volunteer_id
                self.store.add_term(first_term)
            if photo is not None and photo.image:
                save_photo(self.db, volunteer_id, photo.image, photo.mime_type)
        return volunteer_id

    def save(self, volunteer: Volunteer, *, photo: Photo | None = None) -> None:
        """Saves changes to an existing volunteer (and a new or removed photo) at once.

        ``photo`` None leaves the photo as it is; a Photo with empty ``image`` removes it.
        """
        self._check(volunteer)
        with self.db.atomic():
            self.store.update(volunteer)
            if photo is not None and volunteer.id is not None:
                save_photo(self.db, volunteer.id, photo.image or None, photo.mime_type)

    def _check(self, volunteer: Volunteer) -> None:
        problems = volunteer_problems(volunteer, today=self.today())
        if problems:
            raise InvalidRecord(problems)

    def term_end_for(self, start: date) -> date:
        """The default end of a term starting on ``start``, from the office's term length."""
        return default_term_end(start, load_settings(self.db).term_years)

    def appoint(
        self,
        volunteer_id: int,
        *,
        tier: Tier,
        start_date: date,
        end_date: date | None = None,
        batch: str = "",
        order_no: str = "",
        order_date: date | None = None,
        card_no: str = "",
        card_issue_date: date | None = None,
        card_expiry_date: date | None = None,
        area_codes: tuple[str, ...] = (),
    ) -> Term:
        """Adds a term of appointment; its end defaults to the office's term length."""
        term = Term(
            volunteer_id=volunteer_id,
            tier=tier,
            start_date=start_date,
            end_date=end_date or self.term_end_for(start_date),
            batch=batch,
            order_no=order_no,
            order_date=order_date,
            card_no=card_no,
            card_issue_date=card_issue_date,
            card_expiry_date=card_expiry_date,
            area_codes=area_codes,
        )
        self.save_term(term)
        return term

    def save_term(self, term: Term) -> None:
        problems = term_problems(term)
        if problems:
            raise InvalidRecord(problems)
        if term.id is None:
            self.store.add_term(term)
        else:
            self.store.update_term(term)

    def end_term(self, term: Term, on: date) -> None:
        """Closes a term before its end date (the last day served is ``on``)."""
        term.ended_date = on
        self.save_term(term)

    def record_exit(
        self,
        volunteer_id: int,
        *,
        on: date,
        reason: ExitReason,
        reference: str = "",
        note: str = "",
    ) -> None:
        """Records that the volunteer left the programme; the current term closes that day.

        This is what "delete" means in the roster: the record stays, with its reason.
        """
        with self.db.atomic():
            term = term_at(self.store.terms(volunteer_id), on)
            if term is not None and on < term.last_day:
                self.end_term(term, on)
            self.store.add_event(
                StatusEvent(
                    volunteer_id=volunteer_id,
                    change=StatusChange.EXITED,
                    date=on,
                    reason=reason,
                    reference=reference,
                    note=note,
                )
            )

    def suspend(self, volunteer_id: int, *, on: date, reference: str = "", note: str = "") -> None:
        self.store.add_event(
            StatusEvent(volunteer_id, StatusChange.SUSPENDED, on, reference=reference, note=note)
        )

    def reinstate(
        self, volunteer_id: int, *, on: date, reference: str = "", note: str = ""
    ) -> None:
        self.store.add_event(
            StatusEvent(volunteer_id, StatusChange.REINSTATED, on, reference=reference, note=note)
        )

    def delete(self, volunteer_id: int) -> None:
        """Removes a record entered by mistake. The UI asks for confirmation first."""
        self.store.delete(volunteer_id)


__all__ = [
    "Photo",
    "RosterFilter",
    "RosterRow",
    "RosterService",
    "RosterSort",
    "RosterView",
]
