"""A small office with a month of recorded work, built through the services, for the
tests of the printed reports (monthly numbers are checked against what was saved here)."""

from __future__ import annotations

import dataclasses
from datetime import date

from sqlite_utils import Database
from tests.work_helpers import TODAY, add_mentor, make_office, national_id

from asr_desktop.domain.model import Volunteer
from asr_desktop.domain.month import Month
from asr_desktop.domain.vocabulary import Tier
from asr_desktop.domain.work import (
    Activity,
    Attendee,
    AttendeeRole,
    CategoryKind,
    Event,
    Referral,
    ReferralStatus,
)
from asr_desktop.services.activities import ActivityService
from asr_desktop.services.events import EventService
from asr_desktop.services.referrals import ReferralService
from asr_desktop.services.roster import RosterService
from asr_desktop.store.categories import CategoryStore
from asr_desktop.store.database import memory_database
from asr_desktop.store.settings import load_settings, save_settings

MONTH = Month(2025, 10)  # ตุลาคม 2568
TONE_NAMES = ("กุ้ง", "ปิ่นแก้ว", "เพ็ญศรี", "น้ำผึ้ง", "ก๋วยเตี๋ยว", "จ๋อง")
"""First names with ่ ้ ๊ ๋ ็ ิ ำ ั, to check the text read back from a PDF."""


def today() -> date:
    return TODAY


def office_with_work(db: Database | None = None) -> tuple[Database, dict[str, int]]:
    """Six volunteers in two districts of สกลนคร, and in October 2025: activities,
    referrals and one training. Returns the database and the volunteers' ids by name."""
    db = db or memory_database()
    make_office(db)
    settings = load_settings(db)
    save_settings(
        db,
        dataclasses.replace(
            settings,
            preparer_name="นางสาวปิ่นแก้ว ศักดิ์สิทธิ์",
            preparer_position="นักวิชาการแรงงานชำนาญการ",
            approver_name="นายสมศักดิ์ ใจดี",
        ),
    )
    ids: dict[str, int] = {}
    tambons = ("470101", "470101", "470102", "470201", "470202", "470201")
    roster = RosterService(db, today=today)
    for n, (name, tambon) in enumerate(zip(TONE_NAMES, tambons, strict=True), start=1):
        vid = roster.register(
            Volunteer(national_id(n), name, "ศักดิ์สิทธิ์", title="นาย", subdistrict_code=tambon)
        )
        roster.appoint(
            vid,
            tier=Tier.LEAD if n % 2 else Tier.NETWORK,
            start_date=date(2024, 10, 1),
            end_date=date(2025, 12, 31) if n == 1 else None,
        )
        ids[name] = vid
    missions = {c.code: c.id for c in CategoryStore(db).all(CategoryKind.MISSION)}
    activities = ActivityService(db, today=today)
    work = [
        ("กุ้ง", "job_referral", "doe", 3, 4),
        ("กุ้ง", "social_security_40", "sso", 0, 7),
        ("ปิ่นแก้ว", "job_referral", "", 2, 2),
        ("เพ็ญศรี", "skill_training", "dsd", 5, 1),
        ("น้ำผึ้ง", "labour_protection", "dlpw", 1, 1),
    ]
    for day, (name, mission, agency, male, female) in enumerate(work, start=2):
        activities.save(
            Activity(
                ids[name],
                date(2025, 10, day),
                missions[mission],
                agency=agency,
                people_male=male,
                people_female=female,
            )
        )
    activities.set_count(ids["ก๋วยเตี๋ยว"], MONTH, missions["labour_survey"], 4)  # month grid
    activities.save(Activity(ids["กุ้ง"], date(2025, 9, 30), missions["other"]))  # not October
    referrals = ReferralService(db, today=today)
    for day, (name, agency, status) in enumerate(
        [
            ("กุ้ง", "doe", ReferralStatus.SERVED),
            ("กุ้ง", "doe", ReferralStatus.REFERRED),
            ("เพ็ญศรี", "sso", ReferralStatus.IN_PROGRESS),
            ("น้ำผึ้ง", "dlpw", ReferralStatus.NOT_SERVED),
        ],
        start=5,
    ):
        referrals.save(
            Referral(
                date(2025, 10, day),
                f"ผู้รับบริการ{day}",
                agency,
                volunteer_id=ids[name],
                status=status,
                outcome="ได้งานแล้ว" if status.value.endswith("served") else "",
            )
        )
    events = EventService(db, today=today)
    mentor = add_mentor(db)
    held = date(2025, 10, 20)
    events.save(
        Event("อบรมเชิงปฏิบัติการเครือข่ายอาสาสมัครแรงงาน", held, venue="ห้องประชุม"),
        [
            events.volunteer_attendee(ids["กุ้ง"], on=held),
            events.volunteer_attendee(ids["ปิ่นแก้ว"], on=held),
            events.volunteer_attendee(ids["เพ็ญศรี"], on=held),
            Attendee(AttendeeRole.MENTOR, mentor_id=mentor),
            Attendee(AttendeeRole.OTHER, guest_name="นายแขก รับเชิญ"),
        ],
    )
    return db, ids
