"""asr-cli dashboard and activities."""

import json
from datetime import date

import pytest
from tests.work_helpers import TODAY, populate

from asr_desktop.cli import main
from asr_desktop.domain.work import Activity, CategoryKind
from asr_desktop.services.activities import ActivityService
from asr_desktop.services.demo.work import add_demo_work
from asr_desktop.store.categories import CategoryStore
from asr_desktop.store.database import open_database


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "office.db"
    db = open_database(path)
    populate(db, 90)
    add_demo_work(db, seed=5, today=TODAY)
    job = next(c.id for c in CategoryStore(db).all(CategoryKind.MISSION))
    vid = db.execute("SELECT min(id) FROM volunteers").fetchone()[0]
    ActivityService(db, today=lambda: TODAY).save(
        Activity(vid, date(2025, 10, 3), job, agency="doe", people_male=5, people_female=6)
    )
    db.close()
    return path


def test_dashboard_json_has_the_agreed_keys(db_path, capsys) -> None:
    assert (
        main(["--db", str(db_path), "dashboard", "--date", "2025-11-20", "--format", "json"]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    for key in (
        "active_volunteers",
        "tambons_total",
        "tambons_covered",
        "terms_ending_90d",
        "inactive_3m",
        "referrals_overdue",
    ):
        assert isinstance(data[key], int), key
    assert data["tambons_total"] == 125
    assert data["active_volunteers"] == 90
    assert data["referrals_overdue"] > 0


def test_dashboard_table(db_path, capsys) -> None:
    assert main(["--db", str(db_path), "dashboard", "--date", "2025-11-20"]) == 0
    out = capsys.readouterr().out
    assert "ตำบลที่มีแกนนำ" in out and "จาก 125" in out


def test_bad_date_is_a_usage_error(db_path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(db_path), "dashboard", "--date", "20/11/2568"])
    assert exit_info.value.code == 2


@pytest.mark.parametrize("month", ["2568-10", "2025-10"])
def test_activities_json_by_district_mission_and_agency(db_path, capsys, month) -> None:
    assert main(["--db", str(db_path), "activities", "--month", month, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and {r["month"] for r in rows} == {"2568-10"}
    mine = [r for r in rows if r["agency"] == "doe" and r["people_total"] >= 11]
    assert mine and mine[0]["district_name"]
    keys = {"district_code", "mission", "agency", "activities", "people_male", "people_female"}
    assert keys <= set(rows[0])


def test_activities_table_and_csv(db_path, capsys) -> None:
    assert main(["--db", str(db_path), "activities", "--month", "2568-10"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ผลการปฏิบัติงาน ตุลาคม 2568")
    assert "รวม" in out.splitlines()[-1]
    assert main(["--db", str(db_path), "activities", "--month", "2568-10", "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("อำเภอ,ภารกิจ,หน่วยงาน,จำนวนครั้ง")


@pytest.mark.parametrize("month", ["2568-13", "ตุลา", "2568"])
def test_activities_refuses_a_bad_month(db_path, capsys, month) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(db_path), "activities", "--month", month])
    assert exit_info.value.code == 2
