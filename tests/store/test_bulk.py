"""The bulk insert writes what VolunteerStore writes, all at once or not at all."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlite_utils import Database
from tests import work_helpers

from asr_desktop.domain.model import StatusEvent, Term, Volunteer
from asr_desktop.domain.vocabulary import ExitReason, Gender, StatusChange, Tier
from asr_desktop.store import bulk
from asr_desktop.store.bulk import ImportDuplicateError, VolunteerRecord, insert_volunteers
from asr_desktop.store.database import memory_database
from asr_desktop.store.volunteers import VolunteerStore

TAMBONS = ("470101", "470102", "471201", "100101")


def national_id(n: int) -> str:
    return work_helpers.national_id(n, prefix="34701")


def make_record(n: int) -> VolunteerRecord:
    """Volunteer ``n`` with a history that varies with ``n`` (every kind of summary)."""
    volunteer = Volunteer(
        national_id=national_id(n),
        first_name=("สมชาย", "สมหญิง", "บุญมี", "แก้ว")[n % 4],
        last_name=f"ศรีสุข{n}",
        title=("นาย", "นาง", "นาย", "นางสาว")[n % 4],
        gender=(Gender.MALE, Gender.FEMALE)[n % 2],
        birth_date=date(1960 + n % 40, 1 + n % 12, 1 + n % 28),
        phone=f"08{n:08d}",
        line_id=f"line{n}" if n % 3 else "",
        house_no=str(n),
        moo=str(1 + n % 15),
        village="บ้านหนองบัว",
        subdistrict_code=TAMBONS[n % len(TAMBONS)],
        postcode="47000",
        education="ปริญญาตรี",
        occupation="เกษตรกร",
        pdpa_consent_date=date(2023, 5, 1) if n % 5 else None,
    )
    terms: list[Term] = []
    events: list[StatusEvent] = []
    kind = n % 6
    if kind >= 1:  # a term
        terms.append(
            Term(
                0,
                Tier.LEAD if n % 2 else Tier.NETWORK,
                date(2023, 1, 1),
                date(2025, 12, 31),
                batch="รุ่นที่ 1/2566",
                order_no="ที่ 12/2566",
                order_date=date(2022, 12, 20),
                card_no=f"สน-2566-{n:05d}",
                area_codes=(volunteer.subdistrict_code,),
            )
        )
    if kind == 2:  # a renewal
        terms.insert(0, Term(0, Tier.NETWORK, date(2020, 1, 1), date(2022, 12, 31)))
    if kind == 3:  # exited, the term closed that day
        terms[-1].ended_date = date(2024, 3, 1)
        events.append(
            StatusEvent(0, StatusChange.EXITED, date(2024, 3, 1), ExitReason.RESIGNED, "หนังสือลาออก")
        )
    if kind == 4:  # suspended and reinstated on the same day: the later entry decides
        events.append(StatusEvent(0, StatusChange.SUSPENDED, date(2024, 5, 1)))
        events.append(StatusEvent(0, StatusChange.REINSTATED, date(2024, 5, 1)))
    if kind == 5:  # two terms that start on the same day: the later entry decides
        terms.append(Term(0, Tier.NETWORK, date(2023, 1, 1), date(2024, 12, 31)))
    return VolunteerRecord(volunteer, terms, events)


def rows(db: Database, table: str) -> list[dict[str, Any]]:
    skip = {"created_at", "updated_at"}
    return [
        {k: v for k, v in row.items() if k not in skip}
        for row in db.query(f"SELECT * FROM {table} ORDER BY id")
    ]


def table_counts(db: Database) -> dict[str, int]:
    return {
        table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("volunteers", "terms", "status_events", "audit_log")
    }


@pytest.fixture
def db() -> Iterator[Database]:
    database = memory_database()
    yield database
    database.close()


def test_rows_equal_those_of_volunteer_store(db: Database) -> None:
    one_by_one = memory_database()
    store = VolunteerStore(one_by_one)
    for n in range(60):
        record = make_record(n)
        volunteer_id = store.add(record.volunteer)
        for term in record.terms:
            term.volunteer_id = volunteer_id
            store.add_term(term)
        for event in record.events:
            event.volunteer_id = volunteer_id
            store.add_event(event)

    ids = insert_volunteers(db, (make_record(n) for n in range(60)), summary="test")

    assert ids == list(range(1, 61))
    for table in ("volunteers", "terms", "status_events"):
        assert rows(db, table) == rows(one_by_one, table), table
    statuses = {r["standing"] for r in rows(db, "volunteers")}
    assert statuses == {None, "exited"}
    one_by_one.close()


def test_fills_in_ids_and_continues_after_existing_rows(db: Database) -> None:
    store = VolunteerStore(db)
    first = make_record(0)
    store.add(first.volunteer)
    records = [make_record(n) for n in range(1, 4)]

    ids = insert_volunteers(db, records, summary="test")

    assert ids == [2, 3, 4]
    for record, volunteer_id in zip(records, ids, strict=True):
        assert record.volunteer.id == volunteer_id
        assert all(t.volunteer_id == volunteer_id and t.id for t in record.terms)
        assert all(e.volunteer_id == volunteer_id and e.id for e in record.events)
    assert store.terms(3)[0].id == records[1].terms[0].id


def test_writes_one_audit_entry(db: Database) -> None:
    insert_volunteers(db, [make_record(n) for n in range(25)], summary="นำเข้าจาก roster.xlsx")

    entries = list(db.query("SELECT * FROM audit_log"))
    assert len(entries) == 1
    entry = entries[0]
    assert (entry["action"], entry["record_type"], entry["record_id"]) == (
        "import",
        "volunteer",
        None,
    )
    assert entry["summary"] == "นำเข้าจาก roster.xlsx"
    assert entry["after"] == '{"count": 25}'


def test_duplicate_in_the_middle_leaves_database_unchanged(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk, "CHUNK_SIZE", 100)  # several chunks are written before it fails
    VolunteerStore(db).add(make_record(9999).volunteer)
    before = table_counts(db)
    records = [make_record(n) for n in range(1000)]
    records[500] = make_record(10)

    with pytest.raises(ImportDuplicateError) as raised:
        insert_volunteers(db, records, summary="test")

    assert (raised.value.index, raised.value.earlier_index) == (500, 10)
    assert raised.value.existing_id == 0
    assert "รายการที่ 501" in raised.value.message
    assert table_counts(db) == before


def test_refuses_an_id_already_in_the_roster(db: Database) -> None:
    existing = VolunteerStore(db).add(make_record(3).volunteer)
    before = table_counts(db)

    with pytest.raises(ImportDuplicateError) as raised:
        insert_volunteers(db, [make_record(n) for n in range(5)], summary="test")

    assert raised.value.existing_id == existing
    assert raised.value.index == 3
    assert "มีอยู่ในทะเบียนแล้ว" in raised.value.message
    assert table_counts(db) == before


def test_constraint_failure_leaves_database_unchanged(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk, "CHUNK_SIZE", 100)
    records = [make_record(n) for n in range(1, 1000)]
    bad = records[700]
    bad.terms.append(Term(0, Tier.LEAD, date(2024, 1, 1), date(2023, 1, 1)))  # ends before start

    with pytest.raises(sqlite3.IntegrityError):
        insert_volunteers(db, records, summary="test")

    assert table_counts(db) == dict.fromkeys(
        ("volunteers", "terms", "status_events", "audit_log"), 0
    )


def test_empty_import_saves_nothing_but_the_audit_entry(db: Database) -> None:
    assert insert_volunteers(db, [], summary="ว่าง") == []
    assert table_counts(db)["audit_log"] == 1


def test_restores_the_page_cache_size(db: Database) -> None:
    before = db.execute("PRAGMA cache_size").fetchone()[0]
    insert_volunteers(db, [make_record(1)], summary="test")
    assert db.execute("PRAGMA cache_size").fetchone()[0] == before


def test_new_rows_are_searchable_and_the_search_trigger_survives(db: Database) -> None:
    def found(n: int) -> list[int]:
        query = "SELECT rowid FROM volunteer_search WHERE volunteer_search MATCH ?"
        return [r[0] for r in db.execute(query, [f'"{national_id(n)}"'])]

    ids = insert_volunteers(db, [make_record(1), make_record(2)], summary="test")
    assert (found(1), found(2)) == ([ids[0]], [ids[1]])
    trigger = "SELECT count(*) FROM sqlite_master WHERE name = 'volunteer_search_insert'"
    assert db.execute(trigger).fetchone()[0] == 1
    with pytest.raises(ImportDuplicateError):
        insert_volunteers(db, [make_record(3), make_record(1)], summary="test")
    assert db.execute(trigger).fetchone()[0] == 1
    assert found(3) == []
    VolunteerStore(db).add(make_record(4).volunteer)  # one by one: the trigger still works
    assert len(found(4)) == 1
