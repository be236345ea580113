"""The national reports of the month (PDF and Excel), for the report catalogue.

Writers take a :class:`Headquarters` and the catalogue's request; the month's figures come
from :func:`national_month` and the reporting state from the status grid.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from asr_desktop.assets import resource_path
from asr_desktop.domain.hq.regions import REGION_LABELS, region_of
from asr_desktop.domain.hq.reporting import ReportState
from asr_desktop.domain.month import Month
from asr_desktop.domain.progress import ProgressFn
from asr_desktop.domain.settings import OfficeSettings
from asr_desktop.domain.thai_dates import fiscal_year
from asr_desktop.domain.vocabulary import Agency
from asr_desktop.reports.excel.template import load_template
from asr_desktop.reports.excel.writer import Table, fill_template
from asr_desktop.reports.pdf.national_report import (
    NationalLine,
    NationalPrint,
    write_national_report,
)
from asr_desktop.services.hq.headquarters import Headquarters
from asr_desktop.services.hq.national import Figures, NationalMonth, national_month
from asr_desktop.services.hq.status import reporting_status

_STATE_SHORT = {
    ReportState.ON_TIME: "ตรงเวลา",
    ReportState.LATE: "ล่าช้า",
    ReportState.MISSING: "ยังไม่ส่ง",
    ReportState.NOT_DUE: "ยังไม่ถึงกำหนด",
}


def _states(hq: Headquarters, month: Month, today: date) -> dict[str, ReportState]:
    grid = reporting_status(hq, fiscal_year(month.first_day), today=today)
    return {code: grid.cell(code, month.iso).state for code in grid.provinces}


def _line(f: Figures, state: str) -> NationalLine:
    return NationalLine(
        f.name,
        state,
        f.serving,
        f.tambons,
        f.tambons_covered,
        f.activities,
        f.reached,
        f.referrals,
        f.terms_ending,
    )


def _summary(m: NationalMonth) -> str:
    c = m.country
    return (
        f"ได้รับรายงาน {c.provinces_reporting} จาก 77 จังหวัด ณ สิ้นเดือน มีอาสาสมัครแรงงานที่ปฏิบัติหน้าที่ "
        f"{c.serving:,} คน (แกนนำ {c.leads:,} คน เครือข่าย {c.network:,} คน) ตำบลที่มีแกนนำ "
        f"{c.tambons_covered:,} จาก {m.tambons_national:,} ตำบลทั้งประเทศ "
        f"(ร้อยละ {100 * c.tambons_covered / m.tambons_national:.1f}) "
        f"ในเดือนนี้มีกิจกรรม {c.activities:,} ครั้ง ผู้รับบริการ {c.reached:,} คน "
        f"ส่งต่อ {c.referrals:,} ราย และมีอาสาสมัครที่จะครบวาระภายใน 90 วัน {c.terms_ending:,} คน"
    )


def national_print(hq: Headquarters, month: Month, today: date) -> NationalPrint:
    m = national_month(hq, month.iso)
    states = _states(hq, month, today)
    by_region: dict[str, list[NationalLine]] = {}
    for p in m.provinces:
        by_region.setdefault(region_of(p.code), []).append(_line(p, _STATE_SHORT[states[p.code]]))
    agencies = [(a.label, *m.country.by_agency.get(a.value, (0, 0))) for a in Agency]
    return NationalPrint(
        month.thai(),
        _summary(m),
        _line(m.country, f"{m.country.provinces_reporting}/77"),
        [_line(r, f"{r.provinces_reporting}/{r.provinces}") for r in m.regions],
        [(REGION_LABELS[key], lines) for key, lines in by_region.items()],
        agencies,
        [p.name for p in m.provinces if states[p.code] is ReportState.MISSING],
    )


def write_national_pdf(
    hq: Headquarters, month: Month, out: Path, today: date, progress: ProgressFn
) -> int:
    return write_national_report(out, national_print(hq, month, today), progress=progress)


def _figures(f: Figures) -> tuple[int | float, ...]:
    return (
        f.serving,
        f.leads,
        f.network,
        f.tambons,
        f.tambons_covered,
        round(f.coverage_rate, 1),
        f.activities,
        f.reached,
        f.referrals,
        f.terms_ending,
    )


_FIGURE_FIELDS = (
    "serving",
    "leads",
    "network",
    "tambons",
    "covered",
    "coverage",
    "activities",
    "reached",
    "referrals",
    "terms_ending",
)


def write_national_xlsx(
    hq: Headquarters, month: Month, out: Path, today: date, progress: ProgressFn
) -> int:
    m = national_month(hq, month.iso)
    states = _states(hq, month, today)
    provinces = [
        (
            REGION_LABELS.get(region_of(p.code), ""),
            p.code,
            p.name,
            _STATE_SHORT[states[p.code]],
            *_figures(p),
        )
        for p in m.provinces
    ]
    fill_template(
        load_template(resource_path("templates", "national.xlsx")),
        out,
        values={
            "month_th": month.thai(),
            "reporting": m.country.provinces_reporting,
        },
        tables={
            "regions": Table(
                ("region", "reporting", *_FIGURE_FIELDS),
                [(r.name, r.provinces_reporting, *_figures(r)) for r in m.regions],
                sums={"coverage": round(m.country.coverage_rate, 1)},
            ),
            "provinces": Table(
                ("region", "code", "province", "state", *_FIGURE_FIELDS),
                provinces,
                sums={"coverage": round(m.country.coverage_rate, 1)},
            ),
            "agencies": Table(
                ("agency", "activities", "referrals"),
                [(a.label, *m.country.by_agency.get(a.value, (0, 0))) for a in Agency],
            ),
        },
        settings=OfficeSettings(),
        progress=progress,
    )
    return len(provinces)
