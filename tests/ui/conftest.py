from datetime import date

import pytest
from tests.work_helpers import TODAY, national_id

from asr_desktop.domain.model import Volunteer
from asr_desktop.domain.vocabulary import Tier
from asr_desktop.services.office import Office

PEOPLE = [
    ("นาย", "สมชาย", "ใจดี", "470101"),
    ("นาง", "แก้ว", "ศรีสุข", "470102"),
    ("นางสาว", "เกศินี", "บุญมา", "470201"),
    ("นาย", "กมล", "พรหมวงศ์", "470101"),
    ("นาย", "ไพโรจน์", "แก้วประเสริฐ", "470301"),
]


@pytest.fixture(scope="session", autouse=True)
def _own_data_folder(tmp_path_factory):
    """Remembered window sizes and sort orders go to a test folder, not the user's."""
    import os

    if "ASR_DESKTOP_DATA" not in os.environ:
        os.environ["ASR_DESKTOP_DATA"] = str(tmp_path_factory.mktemp("asr-data"))


@pytest.fixture(scope="session", autouse=True)
def _sarabun(qapp):
    from asr_desktop.ui.fonts import install_fonts

    install_fonts(qapp)


@pytest.fixture
def context(db, roster):
    from asr_desktop.ui.context import AppContext

    for i, (title, first, last, sub) in enumerate(PEOPLE):
        vid = roster.register(
            Volunteer(
                national_id(i + 1),
                first,
                last,
                title=title,
                subdistrict_code=sub,
                phone=f"08{i}1234567",
            )
        )
        roster.appoint(
            vid, tier=Tier.LEAD if i % 2 == 0 else Tier.NETWORK, start_date=date(2025, 10, 1)
        )
    from pathlib import Path

    return AppContext(Office.adopt(db, Path(":memory:"), today=lambda: TODAY))
