"""ภาพรวมประเทศ: volunteers serving, tambons covered of 7,436, terms ending, activities and
referrals by agency, by region and province, with charts."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from asr_desktop.domain.hq.regions import REGION_LABELS, region_of
from asr_desktop.domain.vocabulary import Agency
from asr_desktop.services.hq.national import Figures, NationalMonth, national_month
from asr_desktop.ui.charts import HBarChart
from asr_desktop.ui.hq.context import HQContext
from asr_desktop.ui.hq.receive_page import month_text
from asr_desktop.ui.hq.tables import ReadOnlyTable


def _tile(title: str) -> tuple[QWidget, QLabel]:
    box = QWidget()
    box.setObjectName("tile")
    box.setStyleSheet(
        "#tile { background: #f3f6fa; border: 1px solid #d5dde8; border-radius: 6px; }"
    )
    layout = QVBoxLayout(box)
    caption = QLabel(title)
    value = QLabel("-")
    font = value.font()
    font.setPointSizeF(font.pointSizeF() * 1.7)
    font.setBold(True)
    value.setFont(font)
    layout.addWidget(caption)
    layout.addWidget(value)
    return box, value


class NationalDashboardPage(QWidget):
    title = "ภาพรวมประเทศ"

    def __init__(self, context: HQContext) -> None:
        super().__init__()
        self.context = context
        self.month = QComboBox()
        self.month.currentIndexChanged.connect(self._show)
        self.note = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel("เดือน"))
        top.addWidget(self.month)
        top.addWidget(self.note, 1)
        tiles = QGridLayout()
        self.values: dict[str, QLabel] = {}
        for i, (key, title) in enumerate(
            (
                ("reporting", "จังหวัดที่ส่งรายงาน"),
                ("serving", "อสร. ที่ปฏิบัติหน้าที่"),
                ("covered", "ตำบลที่มีแกนนำ (จาก 7,436)"),
                ("ending", "ครบวาระภายใน 90 วัน"),
                ("activities", "กิจกรรมในเดือน (ครั้ง)"),
                ("referrals", "การส่งต่อในเดือน (ราย)"),
            )
        ):
            box, value = _tile(title)
            self.values[key] = value
            tiles.addWidget(box, i // 3, i % 3)
        self.regions = ReadOnlyTable(
            (
                "ภาค",
                "จังหวัดที่ส่ง",
                "อสร.",
                "ตำบล",
                "มีแกนนำ",
                "ร้อยละ",
                "กิจกรรม",
                "ส่งต่อ",
                "ครบวาระ 90 วัน",
            )
        )
        self.provinces = ReadOnlyTable(
            ("ภาค", "จังหวัด", "อสร.", "ตำบล", "มีแกนนำ", "ร้อยละ", "กิจกรรม", "ส่งต่อ", "ครบวาระ 90 วัน")
        )
        self.coverage_chart = HBarChart("ร้อยละตำบลที่มีแกนนำ แยกตามภาค", maximum=100, low=80)
        self.agency_chart = HBarChart("กิจกรรม / การส่งต่อ แยกตามหน่วยงาน", maximum=1, low=0)
        charts = QSplitter()
        charts.addWidget(self.coverage_chart)
        charts.addWidget(self.agency_chart)
        tables = QSplitter()
        tables.addWidget(self.regions)
        tables.addWidget(self.provinces)
        tables.setSizes([480, 800])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(tiles)
        layout.addWidget(charts, 1)
        layout.addWidget(tables, 2)
        context.changed.connect(self.refresh)
        self.current: NationalMonth | None = None
        self.refresh()

    def refresh(self) -> None:
        from asr_desktop.services.hq.national import periods

        chosen = self.month.currentData()
        self.month.blockSignals(True)
        self.month.clear()
        for period in periods(self.context.hq):
            self.month.addItem(month_text(period), period)
        index = self.month.findData(chosen)
        self.month.setCurrentIndex(max(index, 0))
        self.month.blockSignals(False)
        self._show()

    def _show(self) -> None:
        period = self.month.currentData()
        if not period:
            self.note.setText("ยังไม่ได้รับรายงาน ไปที่หน้า รับรายงาน เพื่อรับชุดรายงานของจังหวัด")
            return
        m = national_month(self.context.hq, period)
        self.current = m
        c = m.country
        self.values["reporting"].setText(f"{c.provinces_reporting} / 77")
        self.values["serving"].setText(f"{c.serving:,}")
        self.values["covered"].setText(
            f"{c.tambons_covered:,} ({100 * c.tambons_covered / m.tambons_national:.1f}%)"
        )
        self.values["ending"].setText(f"{c.terms_ending:,}")
        self.values["activities"].setText(f"{c.activities:,}")
        self.values["referrals"].setText(f"{c.referrals:,}")
        self.note.setText(f"ข้อมูล ณ สิ้นเดือน จากชุดรายงานที่ได้รับ {c.provinces_reporting} จังหวัด")

        def cells(f: Figures) -> tuple[int | float, ...]:
            return (
                f.serving,
                f.tambons,
                f.tambons_covered,
                round(f.coverage_rate, 1),
                f.activities,
                f.referrals,
                f.terms_ending,
            )

        self.regions.fill(
            [(r.name, f"{r.provinces_reporting}/{r.provinces}", *cells(r)) for r in m.regions]
        )
        self.provinces.fill(
            [
                (REGION_LABELS.get(region_of(p.code), ""), p.name, *cells(p))
                for p in m.provinces
                if p.provinces_reporting
            ]
        )
        self.coverage_chart.set_data(
            [r.name for r in m.regions],
            [r.coverage_rate for r in m.regions],
            [f"{r.coverage_rate:.1f}%" for r in m.regions],
        )
        agencies = [(a.label, *c.by_agency.get(a.value, (0, 0))) for a in Agency]
        top = max([a for _, a, _ in agencies] + [1])
        self.agency_chart.maximum = top
        self.agency_chart.set_data(
            [label for label, _, _ in agencies],
            [a for _, a, _ in agencies],
            [f"{a:,} / {r:,}" for _, a, r in agencies],
        )
