"""Which tambons have serving volunteers: shared by the monthly report and the workbooks."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from asr_desktop.domain import areas
from asr_desktop.reports.monthly import CoverageRow
from asr_desktop.store.reporting import serving_counts as serving_counts
from asr_desktop.store.settings import load_settings


def coverage_rows(db: Database, as_of: date) -> list[CoverageRow]:
    """Every tambon of the office's province with its serving leads and network members."""
    serving = serving_counts(db, as_of)
    return [
        CoverageRow(
            district_name, sub_name, serving[(code, "lead")], serving[(code, "network")], code
        )
        for district_code, district_name in areas.districts(load_settings(db).province_code)
        for code, sub_name in areas.subdistricts(district_code)
    ]
