"""The month grid at the size of a large province: 300 volunteers × 10 mission areas.

Prints the time to load and draw the grid and the time per typed count (saved and
totalled). Target (issue 3): smooth, i.e. loading well under a second and typing
unnoticeable (a few milliseconds per cell).

    python benchmarks/month_grid.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from PySide6.QtWidgets import QApplication
from tests.work_helpers import TODAY, bulk_volunteers, make_office

from asr_desktop.domain.work import CategoryKind
from asr_desktop.services.office import Office
from asr_desktop.store.categories import CategoryStore
from asr_desktop.store.database import memory_database
from asr_desktop.ui.activities_page import ActivitiesPage
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.fonts import install_fonts
from asr_desktop.ui.month_grid_model import FIXED_COLUMNS


def main() -> None:
    app = QApplication.instance() or QApplication([])
    install_fonts(app)  # type: ignore[arg-type]
    db = memory_database()
    make_office(db)
    bulk_volunteers(db, 300)
    CategoryStore(db).add(CategoryKind.MISSION, "ส่งเสริมการออม")  # the 10th area
    page = ActivitiesPage(AppContext(Office.adopt(db, Path("bench.db"), today=lambda: TODAY)))
    page.resize(1200, 800)
    page.show()
    started = time.perf_counter()
    page.reload()
    page.grid.viewport().grab()
    load = time.perf_counter() - started
    model = page.grid_model
    per_cell = []
    for row in range(300):
        started = time.perf_counter()
        model.setData(model.index(row, FIXED_COLUMNS + row % 10), "3")
        per_cell.append((time.perf_counter() - started) * 1000)
    print(f"grid {model.volunteer_rows} volunteers x {model.mission_columns} areas")
    print(f"load and draw          {load * 1000:.0f} ms")
    print(
        f"typed count (save+sum) median {statistics.median(per_cell):.1f} ms, "
        f"max {max(per_cell):.1f} ms over {len(per_cell)} cells"
    )
    print(f"grand total            {model.grand_total()}")
    page.close()
    page.deleteLater()
    app.processEvents()
    db.close()


if __name__ == "__main__":
    main()
