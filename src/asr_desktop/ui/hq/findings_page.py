"""ข้อสังเกต: rule findings per province and month, for follow-up."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from asr_desktop.domain import areas
from asr_desktop.domain.hq.rules import RULES
from asr_desktop.services.hq.findings import findings
from asr_desktop.ui.hq.context import HQContext
from asr_desktop.ui.hq.receive_page import month_text
from asr_desktop.ui.hq.tables import ReadOnlyTable


class FindingsPage(QWidget):
    title = "ข้อสังเกต"

    def __init__(self, context: HQContext) -> None:
        super().__init__()
        self.context = context
        self.rule = QComboBox()
        self.rule.addItem("ทุกกฎ", "")
        for rule in RULES:
            self.rule.addItem(rule.title, rule.key)
        self.rule.currentIndexChanged.connect(self.refresh)
        self.count = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel("กฎตรวจสอบ"))
        top.addWidget(self.rule)
        top.addWidget(self.count, 1)
        self.table = ReadOnlyTable(("เดือน", "จังหวัด", "เรื่อง", "รายละเอียด"), stretch=3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        context.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        rule = self.rule.currentData()
        found = [f for f in findings(self.context.hq) if not rule or f.rule == rule]
        found.sort(key=lambda f: (f.period, f.province_code), reverse=True)
        self.table.fill(
            [
                (month_text(f.period), areas.province_name(f.province_code), f.title, f.text)
                for f in found
            ]
        )
        self.count.setText(f"{len(found):,} ข้อสังเกต")
