"""The queries behind the office's figures: the dashboard, the monthly report, coverage.

Every figure is as at a day (domain/status.py): who serves on the day comes from
store/roster.py:serving_arms, two halves each read through an index and added here. A term
"ends" on its last day (the early close, if any) while no later term is recorded; "no work
since" is domain/inactivity.py's day, passed in as ``since``.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlite_utils import Database

from asr_desktop.store.roster import LISTED_SQL, active_sql, serving_arms

ACTIVE_SQL = active_sql("today")
"""Serving on ``:today``, for a volunteer row ``v`` (store/roster.py:active_sql)."""

# A term ending by :{0}: its last day by then and no later term recorded. For rows whose
# records are all by :today the latest term is the one in force, so the first test holds.
_ENDING = "v.term_start <= :today AND v.term_end <= :{0}"


def serving_counts(db: Database, as_of: date) -> Counter[tuple[str, str]]:
    """Volunteers serving on ``as_of``, by (home subdistrict code, tier of the term in force
    that day); records dated after ``as_of`` do not count."""
    serving: Counter[tuple[str, str]] = Counter()
    for arm in serving_arms("day"):
        for code, tier, n in db.execute(
            f"SELECT v.subdistrict_code, {arm.tier}, count(*) {arm.source} GROUP BY 1, 2",
            {"day": as_of.isoformat()},
        ):
            serving[(code, tier)] += n
    return serving


def volunteer_figures(
    db: Database, today: date, since: date, ending: tuple[date, date, date]
) -> tuple[int, int, int, int, int, int, int]:
    """Serving on ``today``: all, leads, network, terms ending by each of ``ending``, and
    those with no work since ``since`` — one pass over each half of serving_arms."""
    params = {
        "today": today.isoformat(),
        "since": since.isoformat(),
        **{f"e{i}": d.isoformat() for i, d in enumerate(ending)},
    }
    totals = [0] * 7
    for arm in serving_arms():
        row = db.execute(
            f"SELECT count(*), coalesce(sum({arm.tier} = 'lead'), 0), "
            f"coalesce(sum({arm.tier} = 'network'), 0), "
            + ", ".join(
                f"coalesce(sum({arm.not_renewed} AND v.term_end <= :e{i}), 0)"
                for i in range(len(ending))
            )
            + ", coalesce(sum(v.last_activity IS NULL OR v.last_activity < :since), 0) "
            + arm.source,
            params,
        ).fetchone()
        totals = [a + int(b) for a, b in zip(totals, row, strict=True)]
    a, b, c, d, e, f, g = totals
    return a, b, c, d, e, f, g


def covered_tambons(db: Database, today: date) -> set[str]:
    """Subdistrict codes with at least one lead (แกนนำระดับตำบล) serving on ``today``."""
    return {
        r[0]
        for arm in serving_arms()
        for r in db.execute(
            f"SELECT DISTINCT v.subdistrict_code {arm.source} AND {arm.tier} = 'lead'",
            {"today": today.isoformat()},
        ).fetchall()
    }


def terms_ending_ids(db: Database, today: date, until: date) -> list[int]:
    """Serving volunteers whose term's last day is by ``until`` and who have no later term
    recorded, soonest first (the same rule as store/register.py's list)."""
    return [
        r[0]
        for r in db.execute(
            f"SELECT v.id FROM volunteers v WHERE {_ENDING.format('until')} AND {ACTIVE_SQL} "
            f"AND {LISTED_SQL} "
            "ORDER BY v.term_end, v.name_sort_key",
            {"today": today.isoformat(), "until": until.isoformat()},
        ).fetchall()
    ]


def inactive_ids(db: Database, today: date, since: date) -> list[int]:
    """Serving volunteers with no work dated on or after ``since``."""
    return [
        r[0]
        for r in db.execute(
            f"SELECT v.id FROM volunteers v WHERE {ACTIVE_SQL} AND {LISTED_SQL} "
            "AND (v.last_activity IS NULL OR v.last_activity < :since) "
            "ORDER BY v.district_code, v.subdistrict_code, v.name_sort_key",
            {"today": today.isoformat(), "since": since.isoformat()},
        ).fetchall()
    ]


def appointed_by_district(db: Database, first: date, last: date) -> Counter[str]:
    """Terms starting from ``first`` to ``last`` (inclusive), by the volunteer's district."""
    return Counter(
        dict(
            db.execute(
                "SELECT v.district_code, count(*) FROM terms t JOIN volunteers v "
                "ON v.id = t.volunteer_id WHERE t.start_date BETWEEN ? AND ? GROUP BY 1",
                [first.isoformat(), last.isoformat()],
            ).fetchall()
        )
    )


def exits_by_district(db: Database, first: date, last: date) -> Counter[str]:
    """Exits dated from ``first`` to ``last`` (inclusive), by the volunteer's district."""
    return Counter(
        dict(
            db.execute(
                "SELECT v.district_code, count(*) FROM status_events e JOIN volunteers v "
                "ON v.id = e.volunteer_id WHERE e.change = 'exited' "
                "AND e.date BETWEEN ? AND ? GROUP BY 1",
                [first.isoformat(), last.isoformat()],
            ).fetchall()
        )
    )
