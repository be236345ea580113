"""The SQL twin of domain/status.py:status_at, checked on every combination of histories.

Each volunteer gets one combination of terms (none, past, current, closed early before or
after the day asked, a renewal recorded ahead, a first term that has not started) and of
status events (none, past, future, a suspension with a future reinstatement …), saved
through the store so the summary columns are the real ones; the SQL is then asked for
every day that matters (before, on and after each record's date) and must agree with
status_at, and the tier of the term in force with term_at.
"""

import itertools
from datetime import date, timedelta

import pytest
from tests.work_helpers import national_id

from asr_desktop.domain.model import StatusEvent, Term, Volunteer
from asr_desktop.domain.status import status_at, term_at
from asr_desktop.domain.vocabulary import ExitReason, StatusChange, Tier
from asr_desktop.store.roster import active_sql, status_sql, tier_sql
from asr_desktop.store.volunteers import VolunteerStore

D = date(2026, 11, 30)  # the pivot: records fall before, on and after it
DAY = timedelta(days=1)


def _term(start, end, ended=None, tier=Tier.LEAD):
    return Term(volunteer_id=0, tier=tier, start_date=start, end_date=end, ended_date=ended)


TERM_SETS = {
    "none": [],
    "past": [_term(date(2020, 10, 1), date(2023, 9, 30))],
    "current": [_term(date(2025, 10, 1), date(2028, 9, 30))],
    "ends_on_day": [_term(date(2023, 12, 1), D)],
    "closed_early_past": [_term(date(2025, 10, 1), date(2028, 9, 30), ended=D - 10 * DAY)],
    "closed_early_future": [_term(date(2025, 10, 1), date(2028, 9, 30), ended=D + 15 * DAY)],
    "closed_after_end": [_term(date(2023, 10, 1), D - DAY, ended=D + 5 * DAY)],
    "first_starts_later": [_term(D + DAY, date(2029, 11, 30))],
    "starts_on_day": [_term(D, date(2029, 11, 29))],
    "renewal_recorded_ahead": [
        _term(date(2024, 8, 1), D + 20 * DAY, tier=Tier.NETWORK),
        _term(D + 21 * DAY, date(2030, 7, 31), tier=Tier.LEAD),
    ],
    "gap_then_renewal": [
        _term(date(2022, 1, 1), D - 40 * DAY),
        _term(D + 40 * DAY, date(2030, 1, 1), tier=Tier.NETWORK),
    ],
    "same_start_twice": [
        _term(date(2025, 1, 1), date(2027, 12, 31), tier=Tier.NETWORK),
        _term(date(2025, 1, 1), date(2026, 1, 1), tier=Tier.LEAD),
    ],
}

EXIT = ExitReason.RESIGNED
EVENT_SETS = {
    "none": [],
    "exit_past": [(StatusChange.EXITED, D - 30 * DAY)],
    "exit_on_day": [(StatusChange.EXITED, D)],
    "exit_future": [(StatusChange.EXITED, D + 20 * DAY)],
    "suspended_past": [(StatusChange.SUSPENDED, D - 60 * DAY)],
    "suspended_future": [(StatusChange.SUSPENDED, D + DAY)],
    "suspended_then_reinstated_future": [
        (StatusChange.SUSPENDED, D - 60 * DAY),
        (StatusChange.REINSTATED, D + 10 * DAY),
    ],
    "suspended_reinstated_past": [
        (StatusChange.SUSPENDED, D - 60 * DAY),
        (StatusChange.REINSTATED, D - 5 * DAY),
    ],
    "same_day_suspend_then_exit": [(StatusChange.SUSPENDED, D), (StatusChange.EXITED, D)],
    "same_day_exit_then_reinstate": [(StatusChange.EXITED, D), (StatusChange.REINSTATED, D)],
}


@pytest.fixture
def histories(db):
    store = VolunteerStore(db)
    people = {}
    for n, ((tkey, terms), (ekey, events)) in enumerate(
        itertools.product(TERM_SETS.items(), EVENT_SETS.items()), start=1
    ):
        vid = store.add(Volunteer(national_id(n), "ทดสอบ", f"คนที่{n}"))
        saved_terms = []
        for t in terms:
            term = Term(vid, t.tier, t.start_date, t.end_date, ended_date=t.ended_date)
            store.add_term(term)
            saved_terms.append(term)
        saved_events = []
        for change, on in events:
            event = StatusEvent(vid, change, on, EXIT if change is StatusChange.EXITED else None)
            store.add_event(event)
            saved_events.append(event)
        people[vid] = (tkey, ekey, saved_terms, saved_events)
    return people


def _days(terms, events):
    days = {D - 400 * DAY, D, D + 400 * DAY, date(2035, 1, 1)}
    for t in terms:
        for d in (t.start_date, t.end_date, t.ended_date):
            if d:
                days |= {d - DAY, d, d + DAY}
    for e in events:
        days |= {e.date - DAY, e.date, e.date + DAY}
    return sorted(days)


def test_sql_status_agrees_with_status_at_on_every_day(db, histories):
    sql = (
        f"SELECT {status_sql('day')}, {active_sql('day')}, {tier_sql('day')} "
        "FROM volunteers v WHERE v.id = :id"
    )
    checked = 0
    for vid, (tkey, ekey, terms, events) in histories.items():
        for day in _days(terms, events):
            status, active, tier = db.execute(sql, {"id": vid, "day": day.isoformat()}).fetchone()
            expected = status_at(terms, events, day)
            where = (tkey, ekey, day)
            assert status == expected.value, where
            assert bool(active) == (expected.value == "active"), where
            in_force = term_at(terms, day)
            assert tier == (in_force.tier.value if in_force else None), where
            checked += 1
    assert checked > 1_500  # every combination, many days each


def test_today_and_a_past_day_differ_only_by_records_in_between(db, histories):
    """Asked as at D, future records must not count; asked later, they do."""
    sql = f"SELECT v.id, {status_sql('day')} FROM volunteers v"
    at_d = dict(db.execute(sql, {"day": D.isoformat()}).fetchall())
    later = dict(db.execute(sql, {"day": (D + 30 * DAY).isoformat()}).fetchall())
    by_key = {(t, e): vid for vid, (t, e, _, _) in histories.items()}
    assert at_d[by_key[("current", "exit_future")]] == "active"
    assert later[by_key[("current", "exit_future")]] == "exited"
    assert at_d[by_key[("renewal_recorded_ahead", "none")]] == "active"
    assert at_d[by_key[("closed_early_future", "none")]] == "active"
    assert later[by_key[("closed_early_future", "none")]] == "term_ended"
    assert at_d[by_key[("current", "suspended_then_reinstated_future")]] == "suspended"
    assert later[by_key[("current", "suspended_then_reinstated_future")]] == "active"
