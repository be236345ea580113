"""Wrong passwords: free tries, then waits that grow, remembered in the audit log."""

from __future__ import annotations

from datetime import datetime, timedelta

from asr_desktop.services.access import (
    FREE_TRIES,
    failures_in_a_row,
    seconds_to_wait,
    set_password,
    try_password,
    wait_after,
)


def test_waits_grow_after_the_free_tries_and_cap_at_an_hour() -> None:
    assert [wait_after(n) for n in range(FREE_TRIES)] == [0] * FREE_TRIES
    assert [wait_after(n) for n in (5, 6, 7, 8)] == [30, 60, 120, 240]
    assert wait_after(40) == 3600


def test_a_right_password_after_waiting_resets_the_count(db) -> None:
    set_password(db, "รหัสลับ2569", "รหัสลับ2569")
    start = datetime.now()
    for n in range(1, FREE_TRIES + 1):
        attempt = try_password(db, "ผิด", now=start)
        assert not attempt.ok and attempt.failures == n
    assert attempt.wait == 30
    assert not try_password(db, "รหัสลับ2569", now=start).ok  # refused during the wait
    # The audit log's own time of the fifth failure (the machine may be slow).
    last = datetime.fromisoformat(failures_in_a_row(db)[1] or "")
    later = last + timedelta(seconds=31)
    assert seconds_to_wait(db, later) == 0
    sixth = try_password(db, "ผิดอีก", now=later)
    assert sixth.failures == 6 and sixth.wait == 60
    after = later + timedelta(seconds=61)
    assert try_password(db, "รหัสลับ2569", now=after).ok
    assert try_password(db, "ผิด", now=after).failures == 1  # counting starts again
