"""The optional app password: salted KDF hash, never the password, clear to recover."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.safety_support import make_office

from asr_desktop.domain.password import hash_password, password_problems, verify_password
from asr_desktop.services.access import (
    check_password,
    clear_password,
    password_required,
    set_password,
)
from asr_desktop.services.roster import InvalidRecord


def test_set_check_clear(tmp_path: Path) -> None:
    db = make_office(tmp_path / "asr.db", volunteers=0)
    assert not password_required(db) and check_password(db, "")
    set_password(db, "สวัสดี2569", "สวัสดี2569")
    assert password_required(db)
    assert check_password(db, "สวัสดี2569")
    assert not check_password(db, "สวัสดี2568")
    stored = db.execute("SELECT hash FROM app_password").fetchone()[0]
    assert "สวัสดี" not in stored and stored.startswith("scrypt$")
    assert (
        db.execute("SELECT count(*) FROM audit_log WHERE record_type = 'app_password'").fetchone()[
            0
        ]
        == 1
    )
    assert clear_password(db) and not password_required(db)
    assert not clear_password(db)


def test_bad_new_passwords_have_thai_reasons(tmp_path: Path) -> None:
    db = make_office(tmp_path / "asr.db", volunteers=0)
    with pytest.raises(InvalidRecord) as info:
        set_password(db, "abc", "abd")
    assert [p.field for p in info.value.problems] == ["password", "repeated"]
    assert not password_required(db)


def test_same_password_gets_different_salts() -> None:
    assert hash_password("secret1") != hash_password("secret1")


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "scrypt$",
        "scrypt$16384$8$1$zz$00",
        "md5$abc",
        "scrypt$99999999999$8$1$00$00",
        "pbkdf2_sha256$1$00$",
        "scrypt$-1$8$1$00$00",
    ],
)
def test_malformed_records_never_verify(stored: str) -> None:
    assert verify_password("anything", stored) is False


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200), st.text(max_size=200))
def test_password_problems_never_raise_and_are_thai(password: str, repeated: str) -> None:
    problems = password_problems(password, repeated)
    for problem in problems:
        assert problem.field in {"password", "repeated"}
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in problem.message)
    if password == repeated and 6 <= len(password) <= 128 and password.strip() == password:
        assert problems == []
    else:
        assert problems


@pytest.mark.slow  # 45 deliberately slow key derivations
@settings(max_examples=15, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_hash_round_trip(password: str) -> None:
    stored = hash_password(password)
    assert verify_password(password, stored)
    assert not verify_password(password + "x", stored)
