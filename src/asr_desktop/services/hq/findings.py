"""Rule findings (ข้อสังเกต) over the current packages, per province and month."""

from __future__ import annotations

from asr_desktop.domain.hq.rules import Finding, MonthFigures, evaluate, previous_period
from asr_desktop.domain.month import Month
from asr_desktop.services.hq.headquarters import Headquarters
from asr_desktop.store.hq import queries


def findings(
    hq: Headquarters, *, month: Month | None = None, province_code: str = ""
) -> list[Finding]:
    """Every finding of the month (all months when None), by month then province."""
    totals = queries.totals(hq.db)
    by_key: dict[tuple[str, str], list[tuple[str, int, int, int]]] = {}
    for code, period, district, leads, network, activities in queries.districts(hq.db):
        by_key.setdefault((code, period), []).append((district, leads, network, activities))
    figures = {
        key: MonthFigures(
            totals[key],
            sum(d[1] for d in by_key.get(key, [])),
            tuple((d[0], d[1] + d[2], d[3]) for d in by_key.get(key, [])),
        )
        for key in totals
    }
    wanted = f"{month.year:04d}-{month.month:02d}" if month else None
    found: list[Finding] = []
    for (code, period), now in sorted(figures.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        if (wanted and period != wanted) or (province_code and code != province_code):
            continue
        found += evaluate(code, period, now, figures.get((code, previous_period(period))))
    return found
