"""Which kinds of office data a write changed, so the pages showing them refresh.

A page subscribes to the kinds it shows (``context.on_change({Change.VOLUNTEERS}, ...)``);
the code that wrote tells the context (``context.notify(Change.VOLUNTEERS)``). An enum
rather than bare strings: a misspelt kind is a type error, not a page that silently stops
refreshing.
"""

from __future__ import annotations

from enum import StrEnum


class Change(StrEnum):
    VOLUNTEERS = "volunteers"
    TERMS = "terms"
    MENTORS = "mentors"
    ACTIVITIES = "activities"
    CATEGORIES = "categories"
    REFERRALS = "referrals"
    EVENTS = "events"
    SETTINGS = "settings"
    AUDIT = "audit"


EVERYTHING: frozenset[Change] = frozenset(Change)
"""After a restore: every kind may have changed."""

WORK: frozenset[Change] = frozenset(
    {Change.VOLUNTEERS, Change.TERMS, Change.MENTORS, Change.ACTIVITIES, Change.REFERRALS}
    | {Change.EVENTS, Change.CATEGORIES}
)
"""The kinds behind the dashboard's figures."""
