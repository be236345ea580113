import itertools
from datetime import date

import pytest
from tests.work_helpers import TODAY, national_id

from asr_desktop.domain.model import Volunteer
from asr_desktop.domain.status import derive_status
from asr_desktop.domain.vocabulary import ExitReason, Status, StatusChange, Tier
from asr_desktop.store.roster import (
    RosterFilter,
    RosterSort,
    count_by_status,
    roster_ids,
    roster_rows,
)

PEOPLE = [
    # first, last, subdistrict (สกลนคร), phone
    ("สมชาย", "ใจดี", "470101", "0812345678"),
    ("แก้ว", "ศรีสุข", "470102", "0898765432"),
    ("เกศินี", "บุญมา", "470201", "0861112222"),
    ("กมล", "พรหมวงศ์", "470101", ""),
    ("ไพโรจน์", "แก้วประเสริฐ", "470301", "0923334444"),
]


@pytest.fixture
def filled(db, roster):
    ids = []
    for i, (first, last, sub, phone) in enumerate(PEOPLE):
        ids.append(
            roster.register(
                Volunteer(
                    national_id=national_id(i + 1),
                    first_name=first,
                    last_name=last,
                    title="นาย",
                    subdistrict_code=sub,
                    phone=phone,
                )
            )
        )
    roster.appoint(ids[0], tier=Tier.LEAD, start_date=date(2025, 10, 1))
    roster.appoint(ids[1], tier=Tier.NETWORK, start_date=date(2022, 10, 1))  # ended 2025
    roster.appoint(ids[2], tier=Tier.LEAD, start_date=date(2024, 10, 1))
    roster.record_exit(ids[2], on=date(2025, 5, 1), reason=ExitReason.MOVED)
    roster.appoint(ids[4], tier=Tier.LEAD, start_date=date(2025, 10, 1))
    roster.suspend(ids[4], on=date(2025, 6, 1))
    return ids


def names(db, ids):
    rows = roster_rows(db, ids, today=TODAY)
    return [rows[i].first_name for i in ids]


def test_sorts_names_in_thai_dictionary_order(db, filled):
    ordered = names(db, roster_ids(db, RosterFilter(), today=TODAY))
    # Leading vowels do not decide: เกศินี and แก้ว sort under ก.
    assert ordered == ["กมล", "เกศินี", "แก้ว", "ไพโรจน์", "สมชาย"]
    reverse = names(db, roster_ids(db, RosterFilter(), descending=True, today=TODAY))
    assert reverse == ordered[::-1]


def test_search_narrows_by_name_id_phone_and_tambon(db, filled):
    def found(text):
        return set(names(db, roster_ids(db, RosterFilter(search=text), today=TODAY)))

    assert found("สม") == {"สมชาย"}
    assert found("ศรีสุข") == {"แก้ว"}
    assert found("089-876") == {"แก้ว"}
    assert found("๐๘๙๘๗๖") == {"แก้ว"}  # Thai digits
    nid = national_id(4)
    assert found(f"{nid[0]}-{nid[1:5]}-{nid[5:10]}-{nid[10:12]}-{nid[12]}") == {"กมล"}
    assert found("ธาตุเชิงชุม") == {"สมชาย", "กมล"}  # tambon 470101
    assert found("สมชาย ใจดี") == {"สมชาย"}
    assert found("ไม่มีใครชื่อนี้") == set()


def test_filters(db, filled):
    def found(**kw):
        return set(names(db, roster_ids(db, RosterFilter(**kw), today=TODAY)))

    assert found(status=Status.ACTIVE) == {"สมชาย"}
    assert found(status=Status.TERM_ENDED) == {"แก้ว"}
    assert found(status=Status.EXITED) == {"เกศินี"}
    assert found(status=Status.SUSPENDED) == {"ไพโรจน์"}
    assert found(status=Status.CANDIDATE) == {"กมล"}
    assert found(tier=Tier.LEAD) == {"สมชาย", "เกศินี", "ไพโรจน์"}
    assert found(district_code="4701") == {"สมชาย", "แก้ว", "กมล"}
    assert found(subdistrict_code="470102") == {"แก้ว"}
    assert found(mentor_id=0) == {p[0] for p in PEOPLE}
    counts = count_by_status(db, today=TODAY)
    assert sum(counts.values()) == len(PEOPLE)


@pytest.mark.parametrize("sort", list(RosterSort))
def test_every_sort_returns_every_row(db, filled, sort):
    ids = roster_ids(db, RosterFilter(), sort=sort, today=TODAY)
    assert sorted(ids) == sorted(filled)


def test_term_end_sort_puts_no_term_last(db, filled):
    ids = roster_ids(db, RosterFilter(), sort=RosterSort.TERM_END, today=TODAY)
    assert names(db, ids)[-1] == "กมล"
    ids = roster_ids(db, RosterFilter(), sort=RosterSort.TERM_END, descending=True, today=TODAY)
    assert names(db, ids)[-1] == "กมล"


def test_sql_status_rule_matches_the_domain_rule(db):
    """STATUS_SQL must agree with derive_status for every combination of facts."""
    from asr_desktop.store.roster import STATUS_SQL

    days = [None, date(2025, 1, 1), TODAY, date(2027, 1, 1)]
    for standing, start, last in itertools.product([None, *StatusChange], days, days):
        if standing is StatusChange.REINSTATED:
            continue  # never stored: a reinstatement is stored as no standing
        if (start is None) != (last is None) or (start and last and last < start):
            continue
        sql = STATUS_SQL.replace("v.", "")
        got = db.execute(
            f"SELECT {sql} FROM (SELECT :standing AS standing, :start AS term_start, "
            ":last AS term_end, NULL AS settled_on)",
            {
                "standing": standing.value if standing else None,
                "start": start.isoformat() if start else None,
                "last": last.isoformat() if last else None,
                "today": TODAY.isoformat(),
            },
        ).fetchone()[0]
        assert got == derive_status(standing, start, last, TODAY).value, (standing, start, last)


def test_one_or_two_characters_match_the_start_of_names_ids_and_phones(db, filled):
    def found(text):
        return set(names(db, roster_ids(db, RosterFilter(search=text), today=TODAY)))

    assert found("ศร") == {"แก้ว"}  # last name ศรีสุข
    assert found("ก") == {"กมล"}  # first names only by their first letter, not เกศินี
    assert found("08") == {"สมชาย", "แก้ว", "เกศินี"}
    assert found("3") == {p[0] for p in PEOPLE}  # every national ID here starts with 3


@pytest.mark.parametrize("search", ["", "ส", "สม", "ใจดี", "0", "ธาตุ", "แก้ว"])
@pytest.mark.parametrize("sort", [RosterSort.NAME, RosterSort.TERM_END, RosterSort.STATUS])
def test_roster_view_orders_like_sql(db, filled, search, sort):
    from asr_desktop.store.roster import RosterView

    view = RosterView(db, today=TODAY)
    for descending in (False, True):
        expected = roster_ids(
            db, RosterFilter(search=search), sort=sort, descending=descending, today=TODAY
        )
        assert view.ids(RosterFilter(search=search), sort, descending) == expected


def test_search_index_follows_updates_and_deletes(db, roster, filled):
    volunteer = roster.store.get(filled[0])
    volunteer.last_name = "เปลี่ยนสกุลใหม่"
    roster.save(volunteer)
    assert roster_ids(db, RosterFilter(search="ใจดี"), today=TODAY) == []
    assert roster_ids(db, RosterFilter(search="สกุลใหม่"), today=TODAY) == [filled[0]]
    roster.delete(filled[0])
    assert roster_ids(db, RosterFilter(search="สกุลใหม่"), today=TODAY) == []
