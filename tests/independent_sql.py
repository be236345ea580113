"""Every figure recomputed from the raw tables with SQL of its own (issue 19's checker).

Nothing here uses the app's SQL, its summary columns (``standing``, ``term_end``,
``settled_on`` …) or its Python rules: statuses come from window functions over
``status_events`` and ``terms`` as at a day, written from the README's rules, so a mistake
in the app's SQL twin or its summary columns shows up as a difference.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from sqlite_utils import Database

_PEOPLE_AS_AT = """
WITH ev AS (
    SELECT volunteer_id, change, row_number() OVER (
        PARTITION BY volunteer_id ORDER BY date DESC, id DESC) AS rn
    FROM status_events WHERE date <= :day
), tm AS (
    SELECT volunteer_id, tier, start_date,
           CASE WHEN ended_date IS NOT NULL AND ended_date < end_date
                THEN ended_date ELSE end_date END AS last_day,
           row_number() OVER (PARTITION BY volunteer_id ORDER BY start_date DESC, id DESC) AS rn
    FROM terms WHERE start_date <= :day
), later AS (
    SELECT DISTINCT volunteer_id FROM terms WHERE start_date > :day
), work AS (
    SELECT volunteer_id, max(date) AS last_work FROM activities GROUP BY volunteer_id
)
SELECT v.id, v.subdistrict_code, tm.tier,
       CASE WHEN ev.change = 'exited' THEN 'exited'
            WHEN ev.change = 'suspended' THEN 'suspended'
            WHEN tm.volunteer_id IS NULL THEN 'candidate'
            WHEN tm.last_day < :day THEN 'term_ended'
            ELSE 'active' END,
       tm.last_day, later.volunteer_id IS NOT NULL, work.last_work
FROM volunteers v
LEFT JOIN ev ON ev.volunteer_id = v.id AND ev.rn = 1
LEFT JOIN tm ON tm.volunteer_id = v.id AND tm.rn = 1
LEFT JOIN later ON later.volunteer_id = v.id
LEFT JOIN work ON work.volunteer_id = v.id
"""


@dataclass(frozen=True)
class Person:
    id: int
    tambon: str
    tier: str | None
    status: str
    last_day: str | None
    renewed: bool
    last_work: str | None


def people_as_at(db: Database, day: date) -> list[Person]:
    rows = db.execute(_PEOPLE_AS_AT, {"day": day.isoformat()}).fetchall()
    return [Person(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6]) for r in rows]


def serving(db: Database, day: date) -> Counter[tuple[str, str]]:
    """(home tambon, tier) → people active on ``day``."""
    return Counter((p.tambon, p.tier or "") for p in people_as_at(db, day) if p.status == "active")


def ending(db: Database, today: date, days: int) -> list[tuple[int, str, int]]:
    """(id, last day, days left) of those serving whose term ends within ``days`` days and
    who have no later term recorded."""
    until = (today + timedelta(days=days)).isoformat()
    out = [
        (p.id, p.last_day, (date.fromisoformat(p.last_day) - today).days)
        for p in people_as_at(db, today)
        if p.status == "active" and not p.renewed and p.last_day and p.last_day <= until
    ]
    return sorted(out, key=lambda x: (x[1], x[0]))


def inactive(db: Database, today: date) -> set[int]:
    """Serving, with no work dated on or after the 1st of the month three months back."""
    since = db.execute("SELECT date(:d, 'start of month', '-3 months')", {"d": today.isoformat()})
    cutoff = since.fetchone()[0]
    return {
        p.id
        for p in people_as_at(db, today)
        if p.status == "active" and (p.last_work is None or p.last_work < cutoff)
    }


def work_by_district(
    db: Database, first: date, last: date, province: str
) -> dict[str, tuple[int, int, int]]:
    """District → (activities, men, women) for work dated first..last, counted in the
    tambon named on the record when it lies in ``province``, else the volunteer's home."""
    rows = db.execute(
        """SELECT substr(CASE WHEN a.subdistrict_code LIKE :p || '____' THEN a.subdistrict_code
                              ELSE v.subdistrict_code END, 1, 4),
                  total(a.count), total(a.people_male), total(a.people_female)
           FROM activities a, volunteers v
           WHERE v.id = a.volunteer_id AND a.date BETWEEN :first AND :last GROUP BY 1""",
        {"p": province, "first": first.isoformat(), "last": last.isoformat()},
    ).fetchall()
    return {d: (int(n), int(m), int(f)) for d, n, m, f in rows}


def referrals_by_district(db: Database, first: date, last: date) -> Counter[str]:
    rows = db.execute(
        """SELECT CASE WHEN r.subdistrict_code <> '' THEN substr(r.subdistrict_code, 1, 4)
                       ELSE v.district_code END
           FROM referrals r LEFT JOIN volunteers v ON v.id = r.volunteer_id
           WHERE r.date BETWEEN :first AND :last""",
        {"first": first.isoformat(), "last": last.isoformat()},
    ).fetchall()
    return Counter(r[0] for r in rows if r[0])


def appointed_and_exited(
    db: Database, first: date, last: date
) -> tuple[Counter[str], Counter[str]]:
    span = {"first": first.isoformat(), "last": last.isoformat()}
    appointed = Counter(
        r[0]
        for r in db.execute(
            "SELECT substr(v.subdistrict_code, 1, 4) FROM terms t, volunteers v "
            "WHERE v.id = t.volunteer_id AND t.start_date BETWEEN :first AND :last",
            span,
        )
    )
    exited = Counter(
        r[0]
        for r in db.execute(
            "SELECT substr(v.subdistrict_code, 1, 4) FROM status_events e, volunteers v "
            "WHERE v.id = e.volunteer_id AND e.change = 'exited' "
            "AND e.date BETWEEN :first AND :last",
            span,
        )
    )
    return appointed, exited


def events_starting(db: Database, first: date, last: date) -> list[str]:
    return [
        r[0]
        for r in db.execute(
            "SELECT title FROM events WHERE start_date BETWEEN ? AND ? ORDER BY start_date, id",
            [first.isoformat(), last.isoformat()],
        )
    ]
