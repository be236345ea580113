"""Proof that a crash loses nothing: SIGKILL a child in the middle of large writes.

The child appends volunteers in transactions of ``BATCH`` records each (with their audit
entries, through the same store the app uses), forever, until it is killed at a random
moment. After every kill the database must pass ``integrity_check`` and hold only whole
batches: each transaction is all there or not there at all.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.safety_support import make_office

from asr_desktop.store.backup import integrity_problems
from asr_desktop.store.database import connect

KILLS = 24
BATCH = 50

CHILD = """
import sys
sys.path[:0] = [sys.argv[3]]
from datetime import date
from asr_desktop.domain.model import Volunteer
from asr_desktop.domain.national_id import check_digit
from asr_desktop.store.database import connect
from asr_desktop.store.volunteers import VolunteerStore

path, batch, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[4])
print("ready", flush=True)
sys.stdin.readline()  # "go": imports are done before the previous child is checked
db = connect(path)
store = VolunteerStore(db)
print("writing", flush=True)
while True:
    with db.atomic():
        for i in range(size):
            first12 = f"34701{batch * size + i:07d}"
            store.add(Volunteer(
                national_id=first12 + str(check_digit(first12)),
                title="นาย", first_name="สมชาย", last_name=f"ศรีสุข{i}",
                birth_date=date(1980, 1 + i % 12, 1 + i % 28), phone=f"08{i:08d}",
                subdistrict_code="470101", postcode="47000", notes=f"batch-{batch}",
            ))
    print(batch, flush=True)
    batch += 1
"""

# A loop of child processes killed mid-write (15–50 s): slow.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]


def batches(path: Path) -> dict[str, int]:
    db = connect(path)
    try:
        return dict(
            db.execute(
                "SELECT notes, count(*) FROM volunteers WHERE notes LIKE 'batch-%' GROUP BY notes"
            ).fetchall()
        )
    finally:
        db.close()


def audit_creates(path: Path) -> int:
    db = connect(path)
    try:
        return int(
            db.execute(
                "SELECT count(*) FROM audit_log WHERE action = 'create'"
                " AND record_type = 'volunteer'"
            ).fetchone()[0]
        )
    finally:
        db.close()


def test_sigkill_during_large_writes_loses_nothing_committed(tmp_path: Path) -> None:
    path = tmp_path / "asr.db"
    make_office(path, volunteers=0).close()
    src = str(Path(__file__).parents[2] / "src")
    rng = random.Random(20261115)
    committed_seen = 0
    started = time.monotonic()

    def spawn(first_batch: int) -> subprocess.Popen[str]:
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), str(first_batch), src, str(BATCH)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        return child

    # Each child's first batch number only has to be unused: leave room for 1000 batches.
    child = spawn(1)
    for kill in range(KILLS):
        assert child.stdin is not None and child.stdout is not None
        assert child.stdout.readline().strip() == "ready", child.stderr
        child.stdin.write("go\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "writing"
        time.sleep(rng.uniform(0.0, 0.5))
        child.send_signal(signal.SIGKILL)
        child.wait()
        reported = [int(line) for line in child.stdout.read().split()]
        for stream in (child.stdin, child.stdout, child.stderr):
            stream.close()
        next_child = spawn((kill + 2) * 1000) if kill + 1 < KILLS else None

        assert child.returncode == -signal.SIGKILL
        assert integrity_problems(path) == [], f"kill {kill}"
        found = batches(path)
        assert all(n == BATCH for n in found.values()), f"kill {kill}: partial batch {found}"
        # Every batch the child reported as committed is there: a commit is durable.
        assert all(f"batch-{b}" in found for b in reported), f"kill {kill}"
        assert audit_creates(path) == sum(found.values())
        committed_seen = len(found)
        if next_child is None:
            break
        child = next_child
    # The kills landed at different moments, some after commits and some mid-transaction.
    assert committed_seen >= 3
    print(f"{KILLS} kills survived in {time.monotonic() - started:.1f} s, {committed_seen} batches")
