"""ผู้ปฏิบัติหน้าที่ซ้ำ: the same national ID serving in two provinces, records side by side,
exportable as a list."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from asr_desktop.domain import areas
from asr_desktop.domain.national_id import format_national_id
from asr_desktop.services.hq.national import Duplicate, duplicates
from asr_desktop.ui import ask
from asr_desktop.ui.hq.context import HQContext
from asr_desktop.ui.hq.receive_page import thai_date
from asr_desktop.ui.hq.tables import ReadOnlyTable

STATUS = {"active": "ปฏิบัติหน้าที่", "suspended": "พัก", "term_ended": "ครบวาระ", "exited": "พ้นสภาพ"}
TIER = {"lead": "แกนนำ", "network": "เครือข่าย"}
HEADERS = (
    "เลขประจำตัวประชาชน",
    "จังหวัดที่ 1",
    "ชื่อ",
    "ตำบล",
    "ระดับ / วาระ",
    "จังหวัดที่ 2",
    "ชื่อ",
    "ตำบล",
    "ระดับ / วาระ",
)


def duplicate_rows(found: list[Duplicate]) -> list[tuple[str, ...]]:
    rows = []
    for dup in found:
        sides: list[str] = []
        for record in dup.records[:2]:
            sides += [
                areas.province_name(record.province_code),
                record.name,
                areas.subdistrict_name(record.subdistrict_code),
                f"{TIER.get(record.tier or '', '')} ถึง {thai_date(record.term_end)}",
            ]
        rows.append((format_national_id(dup.national_id), *sides))
    return rows


class DuplicatesPage(QWidget):
    title = "ผู้ปฏิบัติหน้าที่ซ้ำ"

    def __init__(self, context: HQContext) -> None:
        super().__init__()
        self.context = context
        self.count = QLabel()
        export = QPushButton("ส่งออกรายชื่อ (CSV)…")
        export.clicked.connect(self._export)
        top = QHBoxLayout()
        top.addWidget(self.count, 1)
        top.addWidget(export)
        self.table = ReadOnlyTable(HEADERS)
        layout = QVBoxLayout(self)
        explain = QLabel(
            "ผู้ที่มีเลขประจำตัวประชาชนเดียวกันและปฏิบัติหน้าที่ในสองจังหวัดพร้อมกัน (จากชุดรายงานล่าสุดของแต่ละจังหวัด)"
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        context.changed.connect(self.refresh)
        self.rows: list[tuple[str, ...]] = []
        self.refresh()

    def refresh(self) -> None:
        self.rows = duplicate_rows(duplicates(self.context.hq))
        self.table.fill(self.rows)
        self.count.setText(f"พบ {len(self.rows):,} คน")

    def _export(self) -> None:
        path = ask.save_file(self, "ส่งออกรายชื่อ", "ผู้ปฏิบัติหน้าที่ซ้ำ.csv", "CSV (*.csv)")
        if path:
            write_csv(Path(path), self.rows)
            ask.inform(self, "ส่งออกรายชื่อ", f"บันทึก {len(self.rows):,} รายการที่ {path} แล้ว")


def write_csv(path: Path, rows: list[tuple[str, ...]]) -> None:
    """UTF-8 with BOM so that Excel opens the Thai correctly; written then renamed."""
    part = path.with_name(path.name + ".part")
    with part.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADERS)
        writer.writerows(rows)
    part.replace(path)
