from datetime import date

import pytest
from tests.work_helpers import TODAY, national_id

from asr_desktop.domain.errors import DuplicateError
from asr_desktop.domain.model import Term, Volunteer
from asr_desktop.domain.vocabulary import ExitReason, Tier
from asr_desktop.services.roster import InvalidRecord
from asr_desktop.store.roster import RosterFilter, roster_ids, roster_rows


def volunteer(n=1, **kw):
    values = dict(
        national_id=national_id(n),
        first_name="สมศรี",
        last_name="มีสุข",
        title="นาง",
        subdistrict_code="470101",
        postcode="47000",
    )
    values.update(kw)
    return Volunteer(**values)


def test_register_refuses_a_bad_record_with_every_reason(roster):
    bad = volunteer(
        national_id="1234567890123", first_name="", subdistrict_code="", birth_date=date(2015, 1, 1)
    )
    with pytest.raises(InvalidRecord) as caught:
        roster.register(bad)
    fields = {p.field for p in caught.value.problems}
    assert fields == {"national_id", "first_name", "subdistrict_code", "birth_date"}
    assert all(p.message for p in caught.value.problems)
    assert roster.store.count() == 0


def test_postcode_must_belong_to_the_tambon(roster):
    with pytest.raises(InvalidRecord, match="รหัสไปรษณีย์ 10200"):
        roster.register(volunteer(postcode="10200"))


def test_duplicate_national_id_names_the_existing_record(roster):
    first = roster.register(volunteer())
    with pytest.raises(DuplicateError) as caught:
        roster.register(volunteer(first_name="คนอื่น"))
    assert caught.value.existing_id == first


def test_register_with_first_term_is_one_transaction(roster, db):
    bad_term = Term(
        volunteer_id=0, tier=Tier.LEAD, start_date=date(2025, 10, 1), end_date=date(2025, 1, 1)
    )
    with pytest.raises(InvalidRecord):
        roster.register(volunteer(), first_term=bad_term)
    assert roster.store.count() == 0
    good = Term(
        volunteer_id=0, tier=Tier.LEAD, start_date=date(2025, 10, 1), end_date=date(2028, 9, 30)
    )
    vid = roster.register(volunteer(), first_term=good)
    assert [t.volunteer_id for t in roster.store.terms(vid)] == [vid]


def test_appoint_uses_the_office_term_length(roster, db):
    from dataclasses import replace

    from asr_desktop.store.settings import load_settings, save_settings

    save_settings(db, replace(load_settings(db), term_years=4))
    vid = roster.register(volunteer())
    term = roster.appoint(vid, tier=Tier.NETWORK, start_date=date(2025, 10, 1))
    assert term.end_date == date(2029, 9, 30)


def test_exit_closes_the_term_and_is_audited(roster, db):
    vid = roster.register(volunteer())
    roster.appoint(vid, tier=Tier.LEAD, start_date=date(2025, 10, 1))
    roster.record_exit(vid, on=date(2026, 3, 15), reason=ExitReason.DEATH, reference="มรณบัตร")
    [term] = roster.store.terms(vid)
    assert term.ended_date == date(2026, 3, 15)
    # Dated after TODAY: it waits for its day and shows as scheduled until then.
    row = roster_rows(db, [vid], today=TODAY)[vid]
    assert row.status == "active"
    assert [c.text() for c in row.scheduled] == ["จะพ้นสภาพ 15 มี.ค. 2569"]
    assert roster_rows(db, [vid], today=date(2026, 3, 15))[vid].status == "exited"
    actions = [
        r[0]
        for r in db.execute(
            "SELECT action FROM audit_log WHERE record_type != 'settings' ORDER BY id"
        )
    ]
    assert actions == ["create", "create", "update", "exit"]


def test_update_and_delete(roster, db):
    vid = roster.register(volunteer())
    v = roster.store.get(vid)
    v.last_name = "ใหม่สกุล"
    roster.save(v)
    assert roster_ids(db, RosterFilter(search="ใหม่สกุล"), today=TODAY) == [vid]
    before, after = db.execute(
        "SELECT before, after FROM audit_log WHERE action = 'update' AND record_type = 'volunteer'"
    ).fetchone()
    assert "มีสุข" in before and "ใหม่สกุล" in after
    roster.delete(vid)
    assert roster.store.count() == 0
