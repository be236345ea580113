"""Figures as at a date (issue 19), on data full of edge cases, checked by independent SQL.

A month's report made again later must not change: records dated after the month's last
day wait for their day. Every figure of the dashboard, the monthly report, the terms-ending
list and the roster is compared with tests/independent_sql.py's own SQL.
"""

import zipfile
from datetime import date

import pytest
from tests import independent_sql as ind
from tests.edge_data import (
    ELSEWHERE,
    KUSUMAN_2,
    KUTBAK,
    NOV_LAST,
    NOVEMBER,
    TODAY,
    add_december_records,
    build_edge_data,
)

from asr_desktop.domain import areas
from asr_desktop.domain.month import Month
from asr_desktop.domain.vocabulary import Status
from asr_desktop.services.reporting.dashboard import (
    compute_dashboard,
    inactive_ids,
    terms_ending_ids,
)
from asr_desktop.services.reporting.monthly import build_monthly_report, write_monthly_workbook
from asr_desktop.store import register
from asr_desktop.store.roster import count_by_status, roster_rows


@pytest.fixture
def edge(db):
    return build_edge_data(db)


def _check_month(db, year, month):
    report = build_monthly_report(db, Month(year, month))
    first, last = date(year, month, 1), report.as_at
    serving = ind.serving(db, last)
    work = ind.work_by_district(db, first, last, "47")
    referred = ind.referrals_by_district(db, first, last)
    appointed, exited = ind.appointed_and_exited(db, first, last)
    for row in report.districts:
        tambons = [code for code, _ in areas.subdistricts(row.district_code)]
        assert row.tambons == len(tambons)
        assert row.leads == sum(serving[(t, "lead")] for t in tambons), row.district
        assert row.network == sum(serving[(t, "network")] for t in tambons), row.district
        assert row.covered == sum(1 for t in tambons if serving[(t, "lead")]), row.district
        assert (row.activities, row.reached_male, row.reached_female) == work.get(
            row.district_code, (0, 0, 0)
        ), row.district
        assert row.referrals == referred[row.district_code], row.district
        assert row.appointed == appointed[row.district_code], row.district
        assert row.exited == exited[row.district_code], row.district
    assert sum(c.leads for c in report.coverage) == sum(
        n for (t, tier), n in serving.items() if tier == "lead" and t.startswith("47")
    )
    assert [e.title for e in report.events] == ind.events_starting(db, first, last)
    return report


def _check_today(db, today):
    people = ind.people_as_at(db, today)
    active = [p for p in people if p.status == "active"]
    figures = compute_dashboard(db, today)
    assert figures.active_volunteers == len(active)
    assert figures.active_leads == sum(p.tier == "lead" for p in active)
    assert figures.active_network == sum(p.tier == "network" for p in active)
    assert figures.tambons_covered == len({p.tambon for p in active if p.tier == "lead"})
    for days, got in ((30, figures.terms_ending_30d), (60, figures.terms_ending_60d)):
        expected = ind.ending(db, today, days)
        assert got == len(expected)
        assert sorted(terms_ending_ids(db, today, days)) == sorted(i for i, _, _ in expected)
    assert figures.terms_ending_90d == len(ind.ending(db, today, 90))
    assert figures.inactive_3m == len(ind.inactive(db, today))
    assert set(inactive_ids(db, today)) == ind.inactive(db, today)
    listed = register.terms_ending_rows(db, today=today, until=date(2027, 3, 1))
    expected = [(i, end) for i, end, _ in ind.ending(db, today, (date(2027, 3, 1) - today).days)]
    assert sorted((r[0], r[27]) for r in listed) == sorted(expected)
    by_status = count_by_status(db, today=today)
    assert {s.value: n for s, n in by_status.items() if n} == dict(
        __import__("collections").Counter(p.status for p in people)
    )
    rows = roster_rows(db, [p.id for p in people], today=today)
    assert {i: r.status for i, r in rows.items()} == {p.id: p.status for p in people}
    assert {i: r.tier for i, r in rows.items()} == {p.id: p.tier for p in people}


def test_every_figure_agrees_with_independent_sql(db, edge):
    _check_month(db, *NOVEMBER)
    _check_today(db, TODAY)
    _check_today(db, NOV_LAST)
    add_december_records(edge)
    _check_month(db, *NOVEMBER)
    _check_month(db, 2026, 12)
    for day in (TODAY, date(2026, 12, 31), date(2027, 1, 16), date(2027, 8, 1)):
        _check_today(db, day)


def test_the_edge_cases_come_out_as_the_rules_say(db, edge):
    ids = edge.ids
    report = build_monthly_report(db, Month(*NOVEMBER))
    covered = {c.subdistrict for c in report.coverage if c.covered}
    # A lead suspended on 1 Dec and one whose exit is dated 20 Dec still cover November.
    assert areas.subdistrict_name(KUSUMAN_2) in covered
    assert areas.subdistrict_name(KUTBAK) in covered
    kusuman = next(d for d in report.districts if d.district_code == "4702")
    # Work done in กุสุมาลย์ by a เมืองสกลนคร lead counts for กุสุมาลย์; work outside the
    # province counts in the volunteer's home district.
    assert (kusuman.activities, kusuman.reached_male, kusuman.reached_female) == (2, 4, 7)
    assert ELSEWHERE[:2] != "47"
    # Screens, as at today: a renewal recorded ahead keeps the volunteer serving.
    statuses = {i: r.status for i, r in roster_rows(db, list(ids.values()), today=TODAY).items()}
    assert statuses[ids["lead_renewed_ahead"]] == Status.ACTIVE
    assert statuses[ids["lead_exit_ahead"]] == Status.ACTIVE
    assert statuses[ids["lead_suspended_1_dec"]] == Status.SUSPENDED
    assert statuses[ids["network_first_term_ahead"]] == Status.CANDIDATE
    # The term closed early is listed with its close date and the days to it.
    row = next(
        r
        for r in register.terms_ending_rows(db, today=TODAY, until=date(2027, 3, 1))
        if r[0] == ids["network_closed_early"]
    )
    assert (row[27], (date.fromisoformat(row[27]) - TODAY).days) == ("2027-01-15", 45)
    assert ids["lead_renewed_ahead"] not in terms_ending_ids(db, TODAY, 365)


def _sheet_data(path):
    """Every part of the workbook but its document properties (which carry a timestamp)."""
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if not n.startswith("docProps/")}


def test_novembers_report_made_again_after_december_records_is_the_same(db, edge, tmp_path):
    before = build_monthly_report(db, Month(*NOVEMBER))
    write_monthly_workbook(db, before, tmp_path / "first.xlsx", today=TODAY)
    add_december_records(edge)
    after = build_monthly_report(db, Month(*NOVEMBER))
    write_monthly_workbook(db, after, tmp_path / "again.xlsx", today=TODAY)
    assert after == before
    assert after.record_counts() == before.record_counts()
    first, again = _sheet_data(tmp_path / "first.xlsx"), _sheet_data(tmp_path / "again.xlsx")
    assert first.keys() == again.keys()
    for name in first:
        assert first[name] == again[name], name
    # December's own report does see the December records.
    assert build_monthly_report(db, Month(2026, 12)).record_counts() != before.record_counts()


def test_the_demo_agrees_with_independent_sql_too():
    from asr_desktop.services.demo.province import build_demo
    from asr_desktop.store.database import memory_database

    db = memory_database()
    build_demo(db, today=TODAY)
    _check_month(db, *NOVEMBER)
    _check_month(db, 2026, 12)
    for day in (TODAY, date(2026, 12, 15), date(2027, 1, 20)):
        _check_today(db, day)
    db.close()


def test_month_grid_lists_who_served_in_the_month_whatever_was_recorded_ahead(db, edge):
    """A renewal or an exit recorded ahead does not drop anyone from the month's grid."""
    from asr_desktop.services.activities import ActivityService

    ids = edge.ids
    december = {
        r.volunteer_id for r in ActivityService(db, today=lambda: TODAY).grid(Month(2026, 12)).rows
    }
    for key in (
        "lead_renewed_ahead",
        "lead_exit_ahead",
        "network_then_lead_ahead",
        "network_closed_early",
        "lead_suspended_1_dec",
    ):
        assert ids[key] in december, key
    for key in ("lead_exit_in_november", "network_ends_30_nov", "candidate", "term_ended_long_ago"):
        assert ids[key] not in december, key
    november = {
        r.volunteer_id for r in ActivityService(db, today=lambda: TODAY).grid(Month(2026, 11)).rows
    }
    # Served part of November: left on the 15th, or their term ended on the 30th.
    assert {ids["lead_exit_in_november"], ids["network_ends_30_nov"]} <= november
    assert ids["network_first_term_ahead"] not in november
