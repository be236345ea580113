"""หน้าหลัก: the office's figures at a glance; each one opens the list it counts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from asr_desktop.domain.inactivity import inactive_label
from asr_desktop.domain.month import Month
from asr_desktop.domain.thai_dates import THAI_MONTHS_SHORT, format_thai_date
from asr_desktop.domain.thai_words import with_word_breaks
from asr_desktop.domain.vocabulary import Status, Tier
from asr_desktop.services.changes import EVERYTHING, Change
from asr_desktop.services.reporting import dashboard
from asr_desktop.services.roster import RosterFilter
from asr_desktop.ui.charts import HBarChart, VBarChart
from asr_desktop.ui.context import (
    AppContext,
    ShowActivities,
    ShowOverdueReferrals,
    ShowRoster,
)
from asr_desktop.ui.screen_fit import fit_window
from asr_desktop.ui.table_models import Column, RowsModel
from asr_desktop.ui.volunteer_list import VolunteerListDialog

CARD_WIDTH = 180
CARD_SPACING = 10

_CARD_STYLE = """
QPushButton#figure { text-align: left; padding: 10px 14px; border: 1px solid #c9d3de;
    border-radius: 6px; background: #f7f9fc; }
QPushButton#figure:hover { background: #e8f0fa; border-color: #2f6fae; }
QPushButton#figure[warn="true"] { background: #fff4f0; border-color: #e0a090; }
"""


class FigureCard(QPushButton):
    """A big number with its caption; clicking it opens the matching list."""

    def __init__(self, caption: str) -> None:
        super().__init__()
        self.setObjectName("figure")
        self.caption = caption
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumSize(CARD_WIDTH, 96)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.number = QLabel("–")
        self.number.setStyleSheet("font-size: 20pt; font-weight: bold; color: #1f4e79;")
        # Captions wrap between words (marks for Qt without libthai) instead of being cut.
        self.label = QLabel(with_word_breaks(caption))
        self.label.setStyleSheet("font-size: 10.5pt;")
        self.label.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setStyleSheet("color: #555555;")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 6, 14, 6)
        layout.setSpacing(0)
        for label in (self.number, self.label, self.detail):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        self.value = "–"

    def set_value(self, value: str, detail: str = "", *, warn: bool = False) -> None:
        self.value = value
        self.number.setText(value)
        self.number.setStyleSheet(
            f"font-size: 20pt; font-weight: bold; color: {'#b03a2e' if warn else '#1f4e79'};"
        )
        self.detail.setText(with_word_breaks(detail))
        self.detail.setVisible(bool(detail))
        self.setAccessibleName(f"{value} {self.caption}")
        self.setProperty("warn", warn)
        self.style().unpolish(self)
        self.style().polish(self)


class _TableDialog(QDialog):
    """A window with one table; it holds the table's model, which Qt does not keep alive."""

    def __init__(self, model: RowsModel[tuple[str, str, str]], parent: QWidget) -> None:
        super().__init__(parent)
        self.model = model


class DashboardPage(QWidget):
    title = "หน้าหลัก"
    status_changed = Signal(str)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.figures: dashboard.Dashboard | None = None
        self.open_windows: list[QWidget] = []
        self.setStyleSheet(_CARD_STYLE)

        self.cards: dict[str, FigureCard] = {}
        actions: dict[str, tuple[str, Callable[[], None]]] = {
            "active": ("อาสาสมัครที่ปฏิบัติหน้าที่", self.open_active),
            "leads": ("แกนนำระดับตำบล", lambda: self.open_active(Tier.LEAD)),
            "network": ("เครือข่ายอาสาสมัครแรงงาน", lambda: self.open_active(Tier.NETWORK)),
            "coverage": ("ตำบลที่มีแกนนำปฏิบัติหน้าที่", self.open_uncovered),
            "ending30": ("วาระสิ้นสุดภายใน 30 วัน", lambda: self.open_ending(30)),
            "ending60": ("วาระสิ้นสุดภายใน 60 วัน", lambda: self.open_ending(60)),
            "ending90": ("วาระสิ้นสุดภายใน 90 วัน", lambda: self.open_ending(90)),
            "inactive": ("ไม่มีรายงานผล 3 เดือน", self.open_inactive),
            "overdue": ("การส่งต่อที่เลยกำหนดติดตาม", self.open_overdue),
            "month": ("ผลการปฏิบัติงานเดือนนี้ (ครั้ง)", self.open_month),
        }
        self.card_grid = QGridLayout()
        self.card_grid.setSpacing(CARD_SPACING)
        self._card_columns = 0
        for key, (caption, action) in actions.items():
            card = FigureCard(caption)
            card.clicked.connect(action)
            self.cards[key] = card
        self._reflow_cards(5)

        self.coverage_chart = HBarChart("ความครอบคลุมตำบลที่มีแกนนำ แยกตามอำเภอ (%)")
        self.coverage_chart.bar_clicked.connect(self.open_district)
        self.activity_chart = VBarChart("ผลการปฏิบัติงานรายเดือน (ครั้ง) 12 เดือนล่าสุด")
        self.activity_chart.bar_clicked.connect(self.open_chart_month)
        self.activity_chart.setMinimumHeight(220)

        self.date_label = QLabel()
        heading = QLabel(self.title)
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.date_label)
        refresh = QPushButton("รีเฟรช")
        refresh.clicked.connect(self.refresh)
        top.addWidget(refresh)

        charts = QHBoxLayout()
        charts.addWidget(self.coverage_chart, 1)
        charts.addWidget(self.activity_chart, 1)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(self.card_grid)
        body_layout.addLayout(charts, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area = scroll
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        context.on_change(EVERYTHING - {Change.SETTINGS}, self.refresh)
        # Each time the page comes to the front its figures are computed right after it
        # is painted, so the window appears without waiting for the queries (issue 20).
        # (A zero timer started here would run before the window's first paint.)
        self._figures_wanted = False
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(0)
        self._refresh_soon.timeout.connect(self._refresh_if_shown)

    def _reflow_cards(self, columns: int) -> None:
        """Lays the cards out in as many columns as the width allows (no sideways scroll)."""
        if columns == self._card_columns:
            return
        self._card_columns = columns
        for card in self.cards.values():
            self.card_grid.removeWidget(card)
        for i, card in enumerate(self.cards.values()):
            self.card_grid.addWidget(card, i // columns, i % columns)
        for column in range(5):
            self.card_grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        width = event.size().width() - 40  # margins and the vertical scroll bar
        self._reflow_cards(max(1, min(5, (width + CARD_SPACING) // (CARD_WIDTH + CARD_SPACING))))
        super().resizeEvent(event)

    # -- figures ----------------------------------------------------------------------

    def refresh(self) -> None:
        today = self.context.today()
        f = dashboard.compute_dashboard(self.context.office.db, today)
        self.figures = f
        self.date_label.setText(f"ข้อมูล ณ วันที่ {format_thai_date(today, 'long')}")
        c = self.cards
        c["active"].set_value(f"{f.active_volunteers:,}", "คลิกตัวเลขเพื่อดูรายชื่อ")
        c["leads"].set_value(f"{f.active_leads:,}")
        c["network"].set_value(f"{f.active_network:,}")
        c["coverage"].set_value(
            f"{f.tambons_covered:,} / {f.tambons_total:,}",
            f"{f.coverage_percent:.1f}% · ขาด {f.tambons_total - f.tambons_covered} ตำบล",
            warn=f.tambons_covered < f.tambons_total,
        )
        c["ending30"].set_value(f"{f.terms_ending_30d:,}", warn=f.terms_ending_30d > 0)
        c["ending60"].set_value(f"{f.terms_ending_60d:,}")
        c["ending90"].set_value(f"{f.terms_ending_90d:,}")
        c["inactive"].set_value(
            f"{f.inactive_3m:,}", inactive_label(f.today), warn=f.inactive_3m > 0
        )
        c["overdue"].set_value(f"{f.referrals_overdue:,}", warn=f.referrals_overdue > 0)
        change = f.activities_this_month - f.activities_last_month
        arrow = "▲" if change > 0 else "▼" if change < 0 else "="
        c["month"].set_value(
            f"{f.activities_this_month:,}",
            f"เดือนก่อน {f.activities_last_month:,} {arrow} · เข้าถึง {f.people_this_month:,} คน",
        )
        self.coverage_chart.set_data(
            [d.district_name for d in f.coverage],
            [d.percent for d in f.coverage],
            [f"{d.percent:.0f}% ({d.tambons_covered}/{d.tambons_total})" for d in f.coverage],
        )
        self.activity_chart.set_data(
            [
                f"{THAI_MONTHS_SHORT[int(m[5:]) - 1]}{(int(m[:4]) + 543) % 100:02d}"
                for m, _ in f.activity_by_month
            ],
            [n for _, n in f.activity_by_month],
        )

    def _refresh_if_shown(self) -> None:
        # Not once the window is closed: closing it (or quitting) closes the database.
        if self.isVisible():
            self.refresh()

    def page_shown(self) -> None:
        self._figures_wanted = True
        self.update()
        self.status_changed.emit("")

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._figures_wanted:
            self._figures_wanted = False
            self._refresh_soon.start()

    # -- opening the lists ------------------------------------------------------------

    def open_roster(self, roster_filter: RosterFilter) -> None:
        self.context.navigate(ShowRoster(roster_filter))

    def open_active(self, tier: Tier | None = None) -> None:
        self.open_roster(RosterFilter(status=Status.ACTIVE, tier=tier))

    def open_district(self, index: int) -> None:
        if self.figures is not None and 0 <= index < len(self.figures.coverage):
            district = self.figures.coverage[index].district_code
            self.open_roster(
                RosterFilter(district_code=district, status=Status.ACTIVE, tier=Tier.LEAD)
            )

    def _show(self, window: QWidget) -> None:
        self.open_windows = [w for w in self.open_windows if w.isVisible()]
        self.open_windows.append(window)
        window.show()

    def open_ids(self, title: str, ids: list[int]) -> VolunteerListDialog:
        dialog = VolunteerListDialog(self.context, title, ids, self)
        self._show(dialog)
        return dialog

    def open_ending(self, days: int) -> None:
        ids = dashboard.terms_ending_ids(self.context.office.db, self.context.today(), days)
        self.open_ids(f"วาระสิ้นสุดภายใน {days} วัน", ids)

    def open_inactive(self) -> None:
        ids = dashboard.inactive_ids(self.context.office.db, self.context.today())
        self.open_ids("ไม่มีรายงานผลการปฏิบัติงาน 3 เดือน", ids)

    def open_uncovered(self) -> None:
        rows = dashboard.uncovered_tambons(self.context.office.db, self.context.today())
        model: RowsModel[tuple[str, str, str]] = RowsModel(
            [
                Column("อำเภอ", lambda r: r[0]),
                Column("ตำบล", lambda r: r[2]),
                Column("รหัสตำบล", lambda r: r[1]),
            ]
        )
        model.set_rows(rows)
        dialog = _TableDialog(model, self)
        dialog.setWindowTitle("ตำบลที่ยังไม่มีแกนนำปฏิบัติหน้าที่")
        fit_window(dialog, 520, 520, key="uncovered-tambons")
        table = QTableView()
        table.setModel(model)
        table.verticalHeader().setVisible(False)
        table.setColumnWidth(0, 170)
        table.setColumnWidth(1, 170)
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(f"ตำบลที่ยังไม่มีแกนนำปฏิบัติหน้าที่ {len(rows)} ตำบล"))
        layout.addWidget(table)
        self._show(dialog)

    def open_overdue(self) -> None:
        self.context.navigate(ShowOverdueReferrals())

    def open_month(self) -> None:
        self.context.navigate(ShowActivities(Month.of(self.context.today())))

    def open_chart_month(self, index: int) -> None:
        if self.figures is not None and 0 <= index < len(self.figures.activity_by_month):
            key = self.figures.activity_by_month[index][0]  # "2025-10"
            self.context.navigate(ShowActivities(Month(int(key[:4]), int(key[5:]))))
