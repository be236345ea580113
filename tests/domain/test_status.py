from datetime import date

import pytest

from asr_desktop.domain.model import StatusEvent, Term
from asr_desktop.domain.status import derive_status, status_of
from asr_desktop.domain.terms import default_term_end
from asr_desktop.domain.vocabulary import ExitReason, Status, StatusChange, Tier

TODAY = date(2026, 11, 24)


def term(start: date, end: date, ended: date | None = None) -> Term:
    return Term(volunteer_id=1, tier=Tier.LEAD, start_date=start, end_date=end, ended_date=ended)


def test_no_term_is_candidate():
    assert status_of([], [], TODAY) is Status.CANDIDATE


def test_future_term_is_candidate():
    assert status_of([term(date(2027, 1, 1), date(2029, 12, 31))], [], TODAY) is Status.CANDIDATE


def test_current_term_is_active_including_its_first_and_last_day():
    t = term(date(2025, 10, 1), date(2028, 9, 30))
    assert status_of([t], [], TODAY) is Status.ACTIVE
    assert status_of([t], [], date(2025, 10, 1)) is Status.ACTIVE
    assert status_of([t], [], date(2028, 9, 30)) is Status.ACTIVE
    assert status_of([t], [], date(2028, 10, 1)) is Status.TERM_ENDED


def test_term_closed_early_has_ended():
    t = term(date(2024, 10, 1), date(2027, 9, 30), ended=date(2026, 1, 31))
    assert status_of([t], [], TODAY) is Status.TERM_ENDED


def test_latest_term_decides():
    old = term(date(2020, 10, 1), date(2023, 9, 30))
    new = term(date(2023, 10, 1), date(2026, 9, 30))
    renewed = term(date(2026, 10, 1), date(2029, 9, 30))
    assert status_of([old, new], [], TODAY) is Status.TERM_ENDED
    assert status_of([renewed, old, new], [], TODAY) is Status.ACTIVE


def test_exit_and_suspension_override_terms():
    t = term(date(2025, 10, 1), date(2028, 9, 30))
    exited = StatusEvent(1, StatusChange.EXITED, date(2026, 3, 1), ExitReason.RESIGNED)
    suspended = StatusEvent(1, StatusChange.SUSPENDED, date(2026, 2, 1))
    reinstated = StatusEvent(1, StatusChange.REINSTATED, date(2026, 4, 1))
    assert status_of([t], [exited], TODAY) is Status.EXITED
    assert status_of([t], [suspended], TODAY) is Status.SUSPENDED
    assert status_of([t], [suspended, reinstated], TODAY) is Status.ACTIVE


@pytest.mark.parametrize(
    ("start", "years", "end"),
    [
        (date(2025, 10, 1), 3, date(2028, 9, 30)),
        (date(2024, 2, 29), 3, date(2027, 2, 28)),
        (date(2025, 1, 15), 4, date(2029, 1, 14)),
    ],
)
def test_default_term_end(start, years, end):
    assert default_term_end(start, years) == end


def test_derive_status_is_total():
    for standing in (None, *StatusChange):
        for start in (None, date(2025, 1, 1), date(2027, 1, 1)):
            for last in (None, date(2026, 1, 1), date(2028, 1, 1)):
                assert isinstance(derive_status(standing, start, last, TODAY), Status)
