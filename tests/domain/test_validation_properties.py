"""Property tests: the form checks and this issue's parsers never raise on any input, and
every problem they report carries a Thai reason and the field it is about.

(The parsers of national IDs, dates and phones have their own property tests on the
domain-text branch; the import's cell parsers on the excel branch.)
"""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.work_helpers import TODAY

from asr_desktop.domain.model import Term, Volunteer
from asr_desktop.domain.password import verify_password
from asr_desktop.domain.validation import term_problems, volunteer_problems
from asr_desktop.domain.vocabulary import Gender, Tier
from asr_desktop.services.backup import parse_backup_name
from asr_desktop.store import location
from asr_desktop.store.storage import storage_reason

VOLUNTEER_FIELDS = {f.name for f in dataclasses.fields(Volunteer)}
TERM_FIELDS = {f.name for f in dataclasses.fields(Term)}
typed_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from("0123456789๐๑๒-/ "),
    max_size=30,
)
codes = st.one_of(
    st.sampled_from(["", "470101", "471201", "100101", "479999", "47", "4701"]),
    st.text(alphabet="0123456789", max_size=8),
    typed_text,
)
dates = st.none() | st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))

volunteers = st.builds(
    Volunteer,
    national_id=typed_text | st.text(alphabet="0123456789", min_size=13, max_size=13),
    first_name=typed_text,
    last_name=typed_text,
    title=typed_text,
    gender=st.none() | st.sampled_from(list(Gender)),
    birth_date=dates,
    phone=typed_text,
    moo=typed_text,
    subdistrict_code=codes,
    postcode=st.sampled_from(["", "47000", "47120", "10200"]) | typed_text,
)


def is_thai(text: str) -> bool:
    return any("\u0e00" <= ch <= "\u0e7f" for ch in text)


@settings(max_examples=400, deadline=None)
@given(volunteers)
def test_volunteer_problems_never_raise_and_explain_in_thai(volunteer: Volunteer) -> None:
    problems = volunteer_problems(volunteer, today=TODAY)
    for problem in problems:
        assert problem.field in VOLUNTEER_FIELDS
        assert is_thai(problem.message)
    fields = [p.field for p in problems]
    assert len(fields) == len(set(fields))  # one reason per field, the form marks each once
    if not volunteer.first_name.strip():
        assert "first_name" in fields
    if volunteer.moo and not volunteer.moo.isdigit():
        assert "moo" in fields


@settings(max_examples=200, deadline=None)
@given(
    st.dates(),
    st.dates(),
    dates,
    dates,
    st.sampled_from(list(Tier)),
)
def test_term_problems_never_raise(start, end, ended, order_date, tier) -> None:
    term = Term(1, tier, start, end, ended_date=ended, order_date=order_date)
    problems = term_problems(term)
    for problem in problems:
        assert problem.field in TERM_FIELDS and is_thai(problem.message)
    assert (end < start) == ("end_date" in [p.field for p in problems])


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80) | st.from_regex(r"\A[a-z\-]{1,12}-\d{8}-\d{6}(-[a-z]{1,8})?\.db\Z"))
def test_backup_names_never_raise(name: str) -> None:
    parsed = parse_backup_name(name)
    if parsed is not None:
        made_at, reason = parsed
        assert name.endswith(".db") and made_at.strftime("%Y%m%d-%H%M%S") in name
        assert reason == "" or reason in name


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400), st.text(max_size=60))
def test_mount_table_parser_never_raises(mounts: str, path: str) -> None:
    fs_type = location.filesystem_type_from_text(mounts, "/" + path.replace("\x00", ""))
    assert fs_type is None or isinstance(fs_type, str)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=120))
def test_storage_reasons_never_raise(text: str) -> None:
    for exc in (sqlite3.OperationalError(text), OSError(28, text), PermissionError(text)):
        assert storage_reason(exc)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=100), st.text(max_size=200))
def test_verify_password_never_raises(password: str, stored: str) -> None:
    assert verify_password(password, stored) in (True, False)


def test_paths_on_local_disk_are_fine(tmp_path: Path) -> None:
    assert location.network_reason(tmp_path / "asr.db") is None
