"""Two genuine packages of one office (October 2025, made on 5 and 20 November) and a
national database on the DEMO key, shared by the headquarters tests."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

THAI = timezone(timedelta(hours=7))


@dataclass(frozen=True)
class Office:
    db_path: Path
    first: Path
    """The package made on 5 November 2025."""
    second: Path
    """The same month again, made on 20 November 2025."""


@pytest.fixture(scope="session")
def genuine(tmp_path_factory: pytest.TempPathFactory) -> Office:
    from asr_desktop.domain.month import Month
    from asr_desktop.services.demo.province import build_demo
    from asr_desktop.services.reporting.package import build_package
    from asr_desktop.store.database import open_database

    root = tmp_path_factory.mktemp("office")
    db_path = root / "office.db"
    db = open_database(db_path)
    build_demo(db, province_code="47", seed=7, volunteers=80, today=date(2025, 11, 1))
    made = []
    for day in (5, 20):
        out = root / f"out{day}"
        result = build_package(
            db,
            month=Month(2025, 10),
            out_dir=out,
            data_dir=root,
            today=date(2025, 11, day),
            now=datetime(2025, 11, day, 9, 0, tzinfo=THAI),
        )
        made.append(result.package)
    db.close()
    return Office(db_path, made[0], made[1])


@pytest.fixture
def hq(tmp_path: Path):
    from asr_desktop.services.hq.headquarters import Headquarters

    headquarters, _ = Headquarters.create(tmp_path / "hq.db", demo_key=True)
    yield headquarters
    headquarters.close()


@pytest.fixture
def first(genuine: Office, tmp_path: Path) -> Path:
    """A copy of the first package in this test's folder."""
    target = tmp_path / genuine.first.name
    shutil.copy(genuine.first, target)
    return target


def counts(hq) -> dict[str, int]:  # type: ignore[no-untyped-def]
    tables = ("packages", "package_totals", "package_districts", "package_coverage",
              "package_agencies", "package_roster", "province_keys")  # fmt: skip
    return {t: hq.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
