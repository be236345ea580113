"""How a volunteer's current status follows from the record (never typed by hand).

The rule, in order:
1. The latest status event is an exit → ``exited``.
2. The latest status event is a suspension → ``suspended``.
3. No term at all, or the latest term starts after today → ``candidate``.
4. The latest term has passed its end (or was closed early) → ``term_ended``.
5. Otherwise → ``active``.

The store keeps the facts this rule needs in each volunteer row (``standing``,
``term_start``, ``term_end``) so that 100,000 rows can be filtered in SQL; the store's SQL
expression is tested against :func:`derive_status`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from asr_desktop.domain.model import StatusEvent, Term
from asr_desktop.domain.vocabulary import Status, StatusChange


def standing_from_events(events: Sequence[StatusEvent]) -> StatusChange | None:
    """The change that decides the standing: the latest event, or None when there is none.

    A reinstatement cancels an earlier suspension, so it counts as no event.
    """
    if not events:
        return None
    latest = max(events, key=lambda e: (e.date, e.id or 0))
    return None if latest.change is StatusChange.REINSTATED else latest.change


def latest_term(terms: Sequence[Term]) -> Term | None:
    """The term that decides the status: the one that starts last."""
    if not terms:
        return None
    return max(terms, key=lambda t: (t.start_date, t.id or 0))


def derive_status(
    standing: StatusChange | None,
    term_start: date | None,
    term_last_day: date | None,
    today: date,
) -> Status:
    """Applies the rule above to the summarised facts.

    Args:
        standing: From :func:`standing_from_events`.
        term_start: Start of the latest term, or None.
        term_last_day: Its end date, or the day it was closed early.
        today: The day the status is asked for.
    """
    if standing is StatusChange.EXITED:
        return Status.EXITED
    if standing is StatusChange.SUSPENDED:
        return Status.SUSPENDED
    if term_start is None or term_last_day is None or term_start > today:
        return Status.CANDIDATE
    if term_last_day < today:
        return Status.TERM_ENDED
    return Status.ACTIVE


def status_of(terms: Sequence[Term], events: Sequence[StatusEvent], today: date) -> Status:
    """The status of one volunteer from the whole history."""
    term = latest_term(terms)
    return derive_status(
        standing_from_events(events),
        term.start_date if term else None,
        (term.ended_date or term.end_date) if term else None,
        today,
    )
