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


# -- as at a date: records dated later wait for their day ---------------------------------


def test_exit_recorded_ahead_waits_for_its_day():
    from asr_desktop.domain.status import next_change, status_at

    t = term(date(2025, 10, 1), date(2028, 9, 30), ended=date(2026, 12, 20))
    exit_ = StatusEvent(1, StatusChange.EXITED, date(2026, 12, 20), ExitReason.RESIGNED)
    assert status_at([t], [exit_], date(2026, 12, 19)) is Status.ACTIVE
    assert status_at([t], [exit_], date(2026, 12, 20)) is Status.EXITED
    change = next_change([t], [exit_], date(2026, 12, 1))
    assert change is not None and change.text() == "จะพ้นสภาพ 20 ธ.ค. 2569"
    assert next_change([t], [exit_], date(2026, 12, 20)) is None


def test_renewal_recorded_ahead_keeps_the_current_term_in_force():
    from asr_desktop.domain.status import scheduled_changes, status_at, term_at

    current = term(date(2024, 8, 1), date(2027, 7, 31))
    renewal = term(date(2027, 8, 1), date(2030, 7, 31))
    assert status_at([current, renewal], [], TODAY) is Status.ACTIVE
    assert term_at([current, renewal], TODAY) is current
    assert [c.text() for c in scheduled_changes([current, renewal], [], TODAY)] == [
        "วาระใหม่เริ่ม 1 ส.ค. 2570"
    ]
    assert [c.text() for c in scheduled_changes([renewal], [], TODAY)] == ["วาระเริ่ม 1 ส.ค. 2570"]


def test_term_closed_early_ends_on_the_close_date_and_is_scheduled_until_then():
    from asr_desktop.domain.status import scheduled_changes, status_at, term_last_day

    t = term(date(2024, 8, 1), date(2027, 7, 31), ended=date(2027, 1, 15))
    assert term_last_day(t) == date(2027, 1, 15)
    assert status_at([t], [], date(2027, 1, 15)) is Status.ACTIVE
    assert status_at([t], [], date(2027, 1, 16)) is Status.TERM_ENDED
    assert [c.text() for c in scheduled_changes([t], [], TODAY)] == [
        "วาระสิ้นสุดก่อนกำหนด 15 ม.ค. 2570"
    ]
    # A close recorded after the end date does not lengthen the term.
    late = term(date(2024, 8, 1), date(2027, 7, 31), ended=date(2027, 9, 1))
    assert term_last_day(late) == date(2027, 7, 31)


def test_suspension_and_reinstatement_ahead():
    from asr_desktop.domain.status import scheduled_changes, status_at

    t = term(date(2025, 10, 1), date(2028, 9, 30))
    suspended = StatusEvent(1, StatusChange.SUSPENDED, date(2026, 10, 1), id=1)
    back = StatusEvent(1, StatusChange.REINSTATED, date(2027, 1, 1), id=2)
    assert status_at([t], [suspended, back], TODAY) is Status.SUSPENDED
    assert status_at([t], [suspended, back], date(2027, 1, 1)) is Status.ACTIVE
    assert [c.text() for c in scheduled_changes([t], [suspended, back], TODAY)] == [
        "จะกลับมาปฏิบัติหน้าที่ 1 ม.ค. 2570"
    ]
