"""Small offices with a handful of volunteers for the Excel tests (built in code, no files)."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database
from tests.work_helpers import national_id

from asr_desktop.domain.model import Volunteer
from asr_desktop.domain.vocabulary import ExitReason, Gender, Tier
from asr_desktop.services.office import init_office
from asr_desktop.services.roster import RosterService
from asr_desktop.store.database import memory_database
from asr_desktop.store.settings import is_initialised

TODAY = date(2025, 10, 20)


def office_db() -> Database:
    db = memory_database()
    init_office(db, "47")
    return db


def sample_office(db: Database | None = None) -> Database:
    """Four volunteers in สกลนคร: active lead, network member, exited, candidate."""
    if db is None:
        db = office_db()
    elif not is_initialised(db):
        init_office(db, "47")
    service = RosterService(db, today=lambda: TODAY)
    people = [
        Volunteer(national_id(1), "สมชาย", "ใจดี", title="นาย", gender=Gender.MALE,
                  birth_date=date(1970, 2, 12), phone="0812345678", house_no="12/3", moo="4",
                  village="บ้านโนนหอม", subdistrict_code="470101", postcode="47000",
                  education="ปริญญาตรี", occupation="เกษตรกร", notes="=ไม่ใช่สูตร"),
        Volunteer(national_id(2), "กัญญา", "ศรีสุข", title="นางสาว", gender=Gender.FEMALE,
                  birth_date=date(1988, 11, 30), phone="042712345", subdistrict_code="470102",
                  postcode="47220", line_id="kanya88", pdpa_consent_date=date(2024, 10, 1)),
        Volunteer(national_id(3), "บุญมี", "มีสุข", title="นาง", gender=Gender.FEMALE,
                  subdistrict_code="470201", postcode="47210"),
        Volunteer(national_id(4), "เอกชัย", "พรมมา", title="นาย", subdistrict_code="470101",
                  postcode="47000"),
    ]  # fmt: skip
    ids = [service.register(v) for v in people]
    service.appoint(
        ids[0],
        tier=Tier.LEAD,
        start_date=date(2023, 12, 1),
        batch="3",
        order_no="123/2566",
        order_date=date(2023, 11, 20),
    )
    service.appoint(ids[1], tier=Tier.NETWORK, start_date=date(2024, 10, 1), batch="4")
    service.appoint(ids[2], tier=Tier.LEAD, start_date=date(2022, 10, 1))
    service.record_exit(ids[2], on=date(2025, 3, 15), reason=ExitReason.RESIGNED)
    return db
