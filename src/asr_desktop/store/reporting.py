"""The queries behind the office's figures: the dashboard, the monthly report, coverage."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlite_utils import Database

from asr_desktop.store.roster import STATUS_SQL


def serving_counts(db: Database, as_of: date) -> Counter[tuple[str, str]]:
    """Volunteers serving (status active) on ``as_of``, by (subdistrict code, tier)."""
    serving: Counter[tuple[str, str]] = Counter()
    for code, tier, n in db.execute(
        f"SELECT v.subdistrict_code, v.tier, count(*) FROM volunteers v "
        f"WHERE ({STATUS_SQL}) = 'active' GROUP BY 1, 2",
        {"today": as_of.isoformat()},
    ):
        serving[(code, tier)] += n
    return serving


ACTIVE_SQL = "(v.standing IS NULL AND v.term_start <= :today AND v.term_end >= :today)"
"""store/roster.py's status rule reduced to its 'active' branch (cheaper per row), for a
volunteer row ``v`` and a ``:today`` parameter."""


def volunteer_figures(
    db: Database, today: date, since: date, ending: tuple[date, date, date]
) -> tuple[int, int, int, int, int, int, int]:
    """Active volunteers: all, leads, network, terms ending by each of ``ending``, and
    those with no work since ``since`` — one pass over the covering index."""
    row = db.execute(
        "SELECT count(*), coalesce(sum(tier = 'lead'), 0), coalesce(sum(tier = 'network'), 0), "
        "coalesce(sum(term_end <= :e0), 0), coalesce(sum(term_end <= :e1), 0), "
        "coalesce(sum(term_end <= :e2), 0), "
        "coalesce(sum(last_activity IS NULL OR last_activity < :since), 0) "
        f"FROM volunteers v INDEXED BY volunteers_dashboard WHERE {ACTIVE_SQL}",
        {
            "today": today.isoformat(),
            "since": since.isoformat(),
            **{f"e{i}": d.isoformat() for i, d in enumerate(ending)},
        },
    ).fetchone()
    a, b, c, d, e, f, g = (int(n) for n in row)
    return a, b, c, d, e, f, g


def covered_tambons(db: Database, today: date) -> set[str]:
    """Subdistrict codes with at least one active lead volunteer (แกนนำระดับตำบล)."""
    return {
        r[0]
        for r in db.execute(
            "SELECT DISTINCT v.subdistrict_code FROM volunteers v INDEXED BY volunteers_dashboard "
            f"WHERE v.tier = 'lead' AND {ACTIVE_SQL}",
            {"today": today.isoformat()},
        ).fetchall()
    }


def terms_ending_ids(db: Database, today: date, until: date) -> list[int]:
    """Active volunteers whose term ends by ``until``, soonest first."""
    return [
        r[0]
        for r in db.execute(
            f"SELECT v.id FROM volunteers v WHERE v.term_end <= :until AND {ACTIVE_SQL} "
            "ORDER BY v.term_end, v.name_sort_key",
            {"today": today.isoformat(), "until": until.isoformat()},
        ).fetchall()
    ]


def inactive_ids(db: Database, today: date, since: date) -> list[int]:
    """Active volunteers with no activity reported since ``since``."""
    return [
        r[0]
        for r in db.execute(
            f"SELECT v.id FROM volunteers v WHERE {ACTIVE_SQL} "
            "AND (v.last_activity IS NULL OR v.last_activity < :since) "
            "ORDER BY v.district_code, v.subdistrict_code, v.name_sort_key",
            {"today": today.isoformat(), "since": since.isoformat()},
        ).fetchall()
    ]
