"""The PDPA export of one person holds everything the app keeps about them, in words a
person can read, and nothing internal (issue 22)."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from tests.reports.test_pdf_documents import jpeg
from tests.work_helpers import add_mentor, add_volunteer, make_office

from asr_desktop.domain.model import Volunteer
from asr_desktop.domain.vocabulary import Agency
from asr_desktop.domain.work import (
    Activity,
    Attendee,
    AttendeeRole,
    CategoryKind,
    Checklist,
    ChecklistItem,
    Event,
    Referral,
)
from asr_desktop.services.events import EventService
from asr_desktop.services.person_export import INTERNAL
from asr_desktop.services.privacy import export_person
from asr_desktop.store.activities import ActivityStore
from asr_desktop.store.categories import CategoryStore
from asr_desktop.store.checklists import ChecklistStore
from asr_desktop.store.database import memory_database
from asr_desktop.store.photos import save_photo
from asr_desktop.store.referrals import ReferralStore
from asr_desktop.store.volunteers import VolunteerStore


@pytest.fixture
def person():
    db = memory_database()
    make_office(db)
    mentor = add_mentor(db, first="ประเสริฐ")
    vid = add_volunteer(db, 7, "470101", mentor_id=mentor)
    other = add_volunteer(db, 8, "470102")
    save_photo(db, vid, jpeg(), "image/jpeg")
    EventService(db).save(
        Event("อบรมสิทธิแรงงานนอกระบบ", date(2025, 11, 3), venue="ศาลากลางจังหวัด"),
        [
            Attendee(AttendeeRole.LEAD, volunteer_id=vid),
            Attendee(AttendeeRole.LEAD, volunteer_id=other),
        ],
    )
    mission = CategoryStore(db).all(CategoryKind.MISSION)[0]
    ActivityStore(db).add(
        Activity(
            vid,
            date(2025, 11, 10),
            mission.id or 0,
            agency="sso",
            subdistrict_code="470101",
            people_male=3,
            note="เคาะประตูบ้าน",
        )
    )
    ReferralStore(db).add(
        Referral(
            date(2025, 11, 12),
            "นางสาวผู้รับ ความช่วยเหลือ",
            "doe",
            volunteer_id=vid,
            person_phone="0811111111",
            subdistrict_code="470101",
            need="หางานทำ",
        )
    )
    ChecklistStore(db).save(
        Checklist(
            vid,
            2026,
            1,
            mentor_id=mentor,
            assessed_on=date(2025, 12, 1),
            scores={item: 2 for item in ChecklistItem},
            notes={ChecklistItem.UNITY: "ประสานงานกับ อสม. ดีมาก"},
        )
    )
    yield db, vid, mission.label
    db.close()


def test_export_holds_everything_about_the_person(person, tmp_path: Path) -> None:
    db, vid, mission = person
    result = export_person(db, vid, tmp_path, now=lambda: datetime(2025, 12, 5, 10))
    data = json.loads(result.json_path.read_text(encoding="utf-8"))
    assert [e["title"] for e in data["events"]] == ["อบรมสิทธิแรงงานนอกระบบ"]
    assert data["events"][0]["role"] == "แกนนำ" and data["events"][0]["attended"] is True
    assert data["activities"][0]["mission"] == mission
    assert data["activities"][0]["agency"] == Agency.SSO.label
    assert data["activities"][0]["tambon"].startswith("ต.ธาตุเชิงชุม")
    assert data["referrals"][0]["agency"] == Agency.DOE.label
    assert data["referrals"][0]["need"] == "หางานทำ"
    assessment = data["mentor_assessments"][0]
    assert assessment["fiscal_year"] == 2569 and assessment["mentor"].startswith("นายประเสริฐ")
    assert assessment["scores"]["สามัคคี"] == 2
    assert assessment["notes"] == {"สามัคคี": "ประสานงานกับ อสม. ดีมาก"}
    assert data["mentor"]["name"] == "นายประเสริฐ ศรีสกล"
    assert data["volunteer"]["subdistrict"] == "ธาตุเชิงชุม"
    assert data["volunteer"]["province"] == "สกลนคร"
    # The photo is a file beside the text, and logged with the others.
    assert result.photo_path is not None and result.photo_path.read_bytes() == jpeg()
    assert data["photo"] == result.photo_path.name and result.photo_path.name in result.sha256


def test_export_has_no_internal_fields_nor_other_peoples_data(person, tmp_path: Path) -> None:
    db, vid, _mission = person
    result = export_person(db, vid, tmp_path)
    raw = result.json_path.read_text(encoding="utf-8")
    data = json.loads(raw)

    def keys(value: object) -> set[str]:
        if isinstance(value, dict):
            return set(value) | {k for v in value.values() for k in keys(v)}
        if isinstance(value, list):
            return {k for v in value for k in keys(v)}
        return set()

    assert keys(data) & INTERNAL == set()
    assert "search_text" not in raw and "name_sort_key" not in raw
    # The person they referred and the other attendee are someone else's data.
    assert "ผู้รับ" not in raw and "0811111111" not in raw
    other = VolunteerStore(db).get(vid + 1)
    assert other.national_id not in raw and other.first_name not in raw


def test_readable_text_names_the_tambon_and_every_section(person, tmp_path: Path) -> None:
    db, vid, mission = person
    text = export_person(db, vid, tmp_path).text_path.read_text(encoding="utf-8")
    assert "ตำบล/แขวง: ธาตุเชิงชุม" in text and "อำเภอ/เขต: เมืองสกลนคร" in text
    assert "470101" not in text
    assert "อบรมสิทธิแรงงานนอกระบบ" in text and mission in text and "หางานทำ" in text
    assert "นายประเสริฐ ศรีสกล" in text and "สามัคคี 2" in text
    assert "รูปถ่าย: ข้อมูลส่วนบุคคล-" in text
    assert "3 พ.ย. 2568" in text  # dates in Thai, Buddhist Era


def test_anonymised_person_exports_no_identity(person, tmp_path: Path) -> None:
    from asr_desktop.services.privacy import anonymise

    db, vid, _mission = person
    volunteer: Volunteer = VolunteerStore(db).get(vid)
    anonymise(db, vid)
    result = export_person(db, vid, tmp_path)
    raw = result.json_path.read_text(encoding="utf-8") + result.text_path.read_text("utf-8")
    assert volunteer.national_id not in raw and volunteer.first_name not in raw
    assert result.photo_path is None


def test_every_column_of_a_volunteer_is_named_in_the_shared_words_or_kept_internal(
    person,
) -> None:
    """The form, the import preview and this export name a volunteer's fields from one
    list (domain.volunteer_fields); a new column must be named there or declared internal."""
    from asr_desktop.domain.volunteer_fields import VOLUNTEER_FIELD_LABELS
    from asr_desktop.services.roster_import.headers import FIELD_LABELS

    db, _vid, _mission = person
    columns = {column.name for column in db["volunteers"].columns}
    named = set(VOLUNTEER_FIELD_LABELS)
    # subdistrict_code is shown as the names of its subdistrict, district and province;
    # tier is the latest term's, which the export lists with each term.
    assert columns - INTERNAL - named == {"subdistrict_code", "tier"}
    shared = FIELD_LABELS.keys() & named
    assert len(shared) == 22
    assert {field: FIELD_LABELS[field] for field in shared} == {
        field: VOLUNTEER_FIELD_LABELS[field] for field in shared
    }
