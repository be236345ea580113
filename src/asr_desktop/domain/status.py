"""A volunteer's status as a function of a date (never typed by hand).

Status is asked *as at a day*: today for the screens, the last day of the period for a
report, so that a report made again later shows the same figures. Records dated after the
day (an exit typed in for next month, a renewal that starts next year) do not count yet;
the screens show them as scheduled (:func:`scheduled_changes`).

The rule, as at ``day``:
1. Only status events dated on or before ``day`` count; the latest of them (by date, then
   by the order they were entered) decides the standing. An exit → ``exited``; a
   suspension → ``suspended``; a reinstatement cancels an earlier suspension.
2. Only terms that have started on or before ``day`` count; the one that started last
   decides. None → ``candidate``.
3. That term's last day (:func:`term_last_day`: its end date, or the day it was closed
   early) is before ``day`` → ``term_ended``.
4. Otherwise → ``active``.

The store keeps each volunteer's facts after all their records (``standing``,
``term_start``, ``term_end``) plus the date of their latest dated record, so SQL can filter
100,000 rows without reading the history of those whose records are all in the past; the
store's SQL twin is tested against :func:`status_at` on every combination.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from asr_desktop.domain.model import StatusEvent, Term
from asr_desktop.domain.thai_dates import format_thai_date
from asr_desktop.domain.vocabulary import Status, StatusChange


def term_last_day(term: Term) -> date:
    """The last day of a term: its end date, or the day it was closed early if earlier.

    The one "last day of the term" for status, the terms-ending lists and days left.
    """
    return term.last_day


def _event_order(event: StatusEvent) -> tuple[date, int]:
    return event.date, event.id or 0


def standing_from_events(events: Sequence[StatusEvent]) -> StatusChange | None:
    """The change that decides the standing: the latest event, or None when there is none.

    A reinstatement cancels an earlier suspension, so it counts as no event.
    """
    if not events:
        return None
    latest = max(events, key=_event_order)
    return None if latest.change is StatusChange.REINSTATED else latest.change


def latest_term(terms: Sequence[Term]) -> Term | None:
    """The term that starts last (of those given)."""
    if not terms:
        return None
    return max(terms, key=lambda t: (t.start_date, t.id or 0))


def term_at(terms: Sequence[Term], day: date) -> Term | None:
    """The term that decides the status on ``day``: the latest one started by then."""
    return latest_term([t for t in terms if t.start_date <= day])


def derive_status(
    standing: StatusChange | None,
    term_start: date | None,
    term_last: date | None,
    day: date,
) -> Status:
    """Applies steps 1–4 of the rule to facts already reduced to ``day``.

    Args:
        standing: From :func:`standing_from_events` over the events dated by ``day``.
        term_start: Start of the term in force (:func:`term_at`), or None.
        term_last: Its :func:`term_last_day`.
        day: The day the status is asked for.
    """
    if standing is StatusChange.EXITED:
        return Status.EXITED
    if standing is StatusChange.SUSPENDED:
        return Status.SUSPENDED
    if term_start is None or term_last is None or term_start > day:
        return Status.CANDIDATE
    if term_last < day:
        return Status.TERM_ENDED
    return Status.ACTIVE


def status_at(terms: Sequence[Term], events: Sequence[StatusEvent], day: date) -> Status:
    """The status of one volunteer on ``day`` from their whole history."""
    term = term_at(terms, day)
    return derive_status(
        standing_from_events([e for e in events if e.date <= day]),
        term.start_date if term else None,
        term_last_day(term) if term else None,
        day,
    )


def status_of(terms: Sequence[Term], events: Sequence[StatusEvent], today: date) -> Status:
    """Today's status (the screens' name for :func:`status_at`)."""
    return status_at(terms, events, today)


def settled_on(terms: Sequence[Term], events: Sequence[StatusEvent]) -> date | None:
    """The date of the latest record that moves the standing or the term in force.

    From this day on the status follows from the facts after all records (the standing of
    the latest event, the latest term and its last day), which the store keeps per row.
    """
    dates = [e.date for e in events] + [t.start_date for t in terms]
    return max(dates) if dates else None


class ChangeKind(StrEnum):
    EXIT = "exit"
    SUSPENSION = "suspension"
    REINSTATEMENT = "reinstatement"
    FIRST_TERM = "first_term"
    NEW_TERM = "new_term"
    EARLY_CLOSE = "early_close"

    @property
    def label(self) -> str:
        """ "จะพ้นสภาพ", "วาระใหม่เริ่ม" … (the words before the date)."""
        return _CHANGE_TEXT[self]


_CHANGE_TEXT = {
    ChangeKind.EXIT: "จะพ้นสภาพ",
    ChangeKind.SUSPENSION: "จะพักการปฏิบัติหน้าที่",
    ChangeKind.REINSTATEMENT: "จะกลับมาปฏิบัติหน้าที่",
    ChangeKind.FIRST_TERM: "วาระเริ่ม",
    ChangeKind.NEW_TERM: "วาระใหม่เริ่ม",
    ChangeKind.EARLY_CLOSE: "วาระสิ้นสุดก่อนกำหนด",
}


@dataclass(frozen=True, slots=True)
class ScheduledChange:
    """A record dated after the day asked for: it waits for its day."""

    on: date
    kind: ChangeKind

    def text(self, *, thai_digits: bool = False) -> str:
        """ "จะพ้นสภาพ 20 ธ.ค. 2569", "วาระใหม่เริ่ม 1 ส.ค. 2570" …"""
        return f"{self.kind.label} {format_thai_date(self.on, thai_digits=thai_digits)}"

    def as_json(self) -> dict[str, str]:
        """Plain values for programs: the ISO date, the kind's code, its Thai label and the
        sentence the screens show (date in พ.ศ.)."""
        return {
            "date": self.on.isoformat(),
            "kind": self.kind.value,
            "kind_label": self.kind.label,
            "text": self.text(),
        }


_EVENT_KIND = {
    StatusChange.EXITED: ChangeKind.EXIT,
    StatusChange.SUSPENDED: ChangeKind.SUSPENSION,
    StatusChange.REINSTATED: ChangeKind.REINSTATEMENT,
}


def scheduled_changes(
    terms: Sequence[Term], events: Sequence[StatusEvent], day: date
) -> list[ScheduledChange]:
    """Every record dated after ``day``, soonest first: events, terms that start later,
    and terms closed early from a later day (a term's planned end is not a change)."""
    changes = [ScheduledChange(e.date, _EVENT_KIND[e.change]) for e in events if e.date > day]
    started = [t for t in terms if t.start_date <= day]
    for t in sorted(terms, key=lambda t: (t.start_date, t.id or 0)):
        if t.start_date > day:
            kind = ChangeKind.NEW_TERM if started else ChangeKind.FIRST_TERM
            changes.append(ScheduledChange(t.start_date, kind))
            started.append(t)
        elif (
            t.ended_date is not None
            and day < t.ended_date < t.end_date
            # An exit closes the term the same day; the exit says it already.
            and not any(c.kind is ChangeKind.EXIT and c.on == t.ended_date for c in changes)
        ):
            changes.append(ScheduledChange(t.ended_date, ChangeKind.EARLY_CLOSE))
    changes.sort(key=lambda c: c.on)
    return changes


def next_change(
    terms: Sequence[Term], events: Sequence[StatusEvent], day: date
) -> ScheduledChange | None:
    """The soonest scheduled change after ``day``, or None."""
    changes = scheduled_changes(terms, events, day)
    return changes[0] if changes else None
