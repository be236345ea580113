"""Reading the national database: the reporting grid, the month's figures, duplicates and
the national roster search. Only current packages count, except where history is asked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from sqlite_utils import Database


class Receipt(NamedTuple):
    province_code: str
    period: str
    first_created: str
    first_received: str
    packages: int


def receipts(db: Database, periods: Sequence[str]) -> list[Receipt]:
    """For each province and period that has packages: the earliest signed creation time
    and receipt time over every package (replaced ones too), and how many there were."""
    marks = ", ".join("?" * len(periods))
    sql = (
        "SELECT province_code, period, min(created_at), min(received_at), count(*) "
        f"FROM packages WHERE period IN ({marks}) GROUP BY 1, 2"
    )
    return [Receipt(*row) for row in db.execute(sql, list(periods))]


def periods(db: Database) -> list[str]:
    """Every period with a current package, newest first."""
    sql = "SELECT DISTINCT period FROM packages WHERE current = 1 ORDER BY period DESC"
    return [row[0] for row in db.execute(sql)]


def totals(db: Database, period: str | None = None) -> dict[tuple[str, str], dict[str, int]]:
    """(province, period) → the package's totals, of current packages (one period or all)."""
    where = "AND p.period = ?" if period else ""
    sql = (
        "SELECT p.province_code, p.period, t.key, t.value FROM packages p "
        f"JOIN package_totals t ON t.package_id = p.id WHERE p.current = 1 {where}"
    )
    found: dict[tuple[str, str], dict[str, int]] = {}
    for code, per, key, value in db.execute(sql, [period] if period else []):
        found.setdefault((code, per), {})[key] = value
    return found


def district_sums(db: Database, period: str) -> dict[str, dict[str, int]]:
    """Province → sums over its districts (leads, network, reached, ...) for a period."""
    keys = ("leads", "network", "reached_male", "reached_female", "appointed", "exited")
    sql = (
        f"SELECT p.province_code, {', '.join(f'sum(d.{k})' for k in keys)} FROM packages p "
        "JOIN package_districts d ON d.package_id = p.id "
        "WHERE p.current = 1 AND p.period = ? GROUP BY 1"
    )
    return {row[0]: dict(zip(keys, row[1:], strict=True)) for row in db.execute(sql, [period])}


def districts(db: Database, period: str | None = None) -> list[tuple[str, str, str, int, int, int]]:
    """(province, period, district, leads, network, activities) of current packages."""
    where = "AND p.period = ?" if period else ""
    sql = (
        "SELECT p.province_code, p.period, d.district_code, d.leads, d.network, d.activities "
        f"FROM packages p JOIN package_districts d ON d.package_id = p.id "
        f"WHERE p.current = 1 {where}"
    )
    return list(db.execute(sql, [period] if period else []))


def agencies(db: Database, period: str) -> dict[str, dict[str, tuple[int, int]]]:
    """Province → agency → (activities, referrals) for a period."""
    sql = (
        "SELECT p.province_code, a.agency, a.activities, a.referrals FROM packages p "
        "JOIN package_agencies a ON a.package_id = p.id WHERE p.current = 1 AND p.period = ?"
    )
    found: dict[str, dict[str, tuple[int, int]]] = {}
    for code, agency, activities, referrals in db.execute(sql, [period]):
        found.setdefault(code, {})[agency] = (activities, referrals)
    return found


def terms_ending(db: Database, period: str, start: str, end: str) -> dict[str, int]:
    """Province → serving volunteers whose term ends between ``start`` and ``end``."""
    sql = (
        "SELECT p.province_code, count(*) FROM packages p "
        "JOIN package_roster r ON r.package_id = p.id WHERE p.current = 1 AND p.period = ? "
        "AND r.status = 'active' AND r.term_end BETWEEN ? AND ? GROUP BY 1"
    )
    return dict(db.execute(sql, [period, start, end]).fetchall())


class RosterRecord(NamedTuple):
    national_id: str
    province_code: str
    period: str
    name: str
    subdistrict_code: str
    tier: str | None
    status: str
    term_start: str | None
    term_end: str | None
    mentor_agency: str


_NATIONAL_COLUMNS = (
    "national_id, province_code, period, name, subdistrict_code, tier, status, term_start, "
    "term_end, mentor_agency"
)


def serving_in_several_provinces(db: Database) -> list[RosterRecord]:
    """Each province's newest roster: everyone serving (active) in more than one province,
    one record per province, by national ID."""
    sql = (
        f"SELECT {_NATIONAL_COLUMNS} FROM national_roster WHERE status = 'active' "
        "AND national_id IN (SELECT national_id FROM national_roster WHERE status = 'active' "
        "GROUP BY national_id HAVING count(*) > 1) ORDER BY national_id, province_code"
    )
    return [RosterRecord(*row) for row in db.execute(sql)]


def search_roster(db: Database, text: str, *, limit: int = 500) -> list[RosterRecord]:
    """The national roster (each province's newest package) whose national ID or name
    holds every word of ``text``, by province and name; at most ``limit`` records."""
    words = text.casefold().split()
    where = " AND ".join("search_text LIKE ?" for _ in words) or "1"
    params: list[Any] = [f"%{w}%" for w in words]
    # In name order through the index: a common word stops after ``limit`` rows.
    sql = (
        f"SELECT {_NATIONAL_COLUMNS} FROM national_roster INDEXED BY national_roster_name "
        f"WHERE {where} ORDER BY name_sort_key, province_code LIMIT {int(limit)}"
    )
    return [RosterRecord(*row) for row in db.execute(sql, params)]


def roster_count(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM national_roster").fetchone()[0])


def demo_key_packages(db: Database) -> int:
    return int(
        db.execute("SELECT count(*) FROM packages WHERE current = 1 AND demo_key = 1").fetchone()[0]
    )
