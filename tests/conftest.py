"""Test-wide setup: headless Qt and a read-only pythainlp, set before anything imports them.

The one ``db`` fixture lives here; the clock (``TODAY``) and the builder of test people
(``national_id``, ``add_volunteer``, ``populate``) live in tests/work_helpers.py.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")

import pytest


@pytest.fixture
def db():
    """A fresh migrated in-memory database for the office of สกลนคร (47)."""
    from asr_desktop.services.office import init_office
    from asr_desktop.store.database import memory_database

    database = memory_database()
    init_office(database, "47")
    yield database
    database.close()


@pytest.fixture
def roster(db):
    from tests.work_helpers import TODAY

    from asr_desktop.services.roster import RosterService

    return RosterService(db, today=lambda: TODAY)


def subprocess_env() -> dict[str, str]:
    """Environment for running the app in a child process from this source tree."""
    from pathlib import Path

    src = str(Path(__file__).resolve().parent.parent / "src")
    env = dict(os.environ)
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONIOENCODING"] = "utf-8"
    return env
