"""Charts taller than a page (Bangkok's 50 districts) go on over pages (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pypdf

from asr_desktop.reports.pdf.charts import BarChart
from asr_desktop.reports.pdf.sections import build_sections_report


def test_bar_chart_of_fifty_districts_continues_on_the_next_page(tmp_path: Path) -> None:
    labels = [f"เขตที่ {n}" for n in range(1, 51)]
    out = tmp_path / "bars.pdf"
    pages = build_sections_report(
        out,
        title="กิจกรรมแยกตามเขต",
        office_name="กรุงเทพมหานคร",
        period_text="ประจำเดือนตุลาคม 2568",
        sections=[BarChart("จำนวนกิจกรรมแยกตามเขต (ครั้ง)", labels, list(range(50)))],
    )
    assert pages >= 2
    text = "".join(page.extract_text() for page in pypdf.PdfReader(out).pages)
    assert "(ต่อ)" in text
    for label in ("เขตที่ 1", "เขตที่ 25", "เขตที่ 50"):
        assert label in text
