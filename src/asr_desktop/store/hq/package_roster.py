"""The roster as headquarters receives it (PDPA minimum), read from an office database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import NamedTuple

from sqlite_utils import Database

from asr_desktop.store.roster import LISTED_SQL, STATUS_SQL


class PackageRosterRow(NamedTuple):
    national_id: str
    title: str
    first_name: str
    last_name: str
    subdistrict_code: str
    tier: str | None
    status: str
    term_start: str | None
    term_end: str | None
    mentor_agency: str


def package_roster(db: Database, as_of: date) -> Iterator[PackageRosterRow]:
    """Everyone appointed at least once (candidates are not sent), with the status as at
    ``as_of``, by national ID; erased people are not sent (a list of people: the
    package's figures count them)."""
    sql = (
        "SELECT v.national_id, v.title, v.first_name, v.last_name, "
        f"v.subdistrict_code, v.tier, ({STATUS_SQL}) AS status, v.term_start, v.term_end, "
        "coalesce(m.agency, '') FROM volunteers v LEFT JOIN mentors m ON m.id = v.mentor_id "
        f"WHERE v.term_start IS NOT NULL AND v.term_start <= :today AND {LISTED_SQL} "
        "ORDER BY v.national_id"
    )
    for row in db.execute(sql, {"today": as_of.isoformat()}):
        if row[6] != "candidate":
            yield PackageRosterRow(*row)
