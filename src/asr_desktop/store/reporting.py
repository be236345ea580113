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
