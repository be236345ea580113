"""Charts for printed reports: reportlab.graphics draws the shapes, our layer the Thai.

reportlab's chart labels are ``String`` nodes, which are not shaped: Thai tone marks would
collide with upper vowels. So the charts are drawn with every label hidden, and each label
is set afterwards with :func:`draw_thai_line` at the place the chart's own axes give.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import STATE_DEFAULTS, Drawing
from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import Flowable

from asr_desktop.reports.pdf.fonts import BOLD, REGULAR
from asr_desktop.reports.pdf.shaping import shape
from asr_desktop.reports.pdf.thai_text import draw_thai_line

LABEL_SIZE = 11.0
TITLE_SIZE = 12.0
BAR_ROW: float = 0.62 * cm  # height of one bar's row
PIE_SIZE: float = 4.6 * cm
PALETTE = (
    colors.HexColor("#2E5E8C"),
    colors.HexColor("#E08A2E"),
    colors.HexColor("#4C9A5B"),
    colors.HexColor("#C0504D"),
    colors.HexColor("#8064A2"),
    colors.HexColor("#7F7F7F"),
)
# Baseline below the middle of a row for a line of Thai to look centred on it.
_CENTRE_DROP = 0.33

Digits = Callable[[str], str]


def _text_width(text: str, font: str, size: float) -> float:
    return float(shape(text, font).width(size))


@dataclass(frozen=True, slots=True)
class BarChart:
    """Horizontal bars, one per label, with each value printed at the end of its bar."""

    title: str
    labels: Sequence[str]
    values: Sequence[int]

    def flowable(self, digits: Digits) -> Flowable:
        return _BarChartFlowable(
            digits(self.title), [digits(label) for label in self.labels], list(self.values), digits
        )


@dataclass(frozen=True, slots=True)
class PieChart:
    """A pie with a legend: label, value with ``unit`` and per cent, one line per slice."""

    title: str
    labels: Sequence[str]
    values: Sequence[int]
    unit: str = ""
    empty_text: str = "ไม่มีข้อมูล"

    def flowable(self, digits: Digits) -> Flowable:
        return _PieChartFlowable(self, digits)


class _ChartFlowable(Flowable):  # type: ignore[misc]
    """A chart as wide as its frame with a bold title line on top."""

    title: str
    title_height = TITLE_SIZE * 1.8

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self.title_height + self.body_height()
        return self.width, self.height

    def body_height(self) -> float:
        raise NotImplementedError

    def draw_title(self) -> None:
        y = self.height - TITLE_SIZE * 1.2
        draw_thai_line(self.canv, self.width / 2, y, self.title, BOLD, TITLE_SIZE, "center")


class _BarChartFlowable(_ChartFlowable):
    def __init__(self, title: str, labels: list[str], values: list[int], digits: Digits) -> None:
        super().__init__()
        self.title, self.labels, self.values, self.digits = title, labels, values, digits
        self.spaceBefore, self.spaceAfter = 6, 6

    def body_height(self) -> float:
        return len(self.labels) * BAR_ROW + 4

    def draw(self) -> None:
        canvas = self.canv
        self.draw_title()
        texts = [self.digits(f"{value:,}") for value in self.values]
        label_width = max((_text_width(t, REGULAR, LABEL_SIZE) for t in self.labels), default=0)
        value_width = max((_text_width(t, REGULAR, LABEL_SIZE) for t in texts), default=0)
        left = label_width + 8
        plot_width = max(self.width - left - value_width - 10, 1 * cm)
        plot_height = len(self.labels) * BAR_ROW

        chart = HorizontalBarChart()
        chart.x, chart.y = left, 2
        chart.width, chart.height = plot_width, plot_height
        chart.data = [list(reversed(self.values))]  # the first label on top
        chart.categoryAxis.categoryNames = [""] * len(self.values)
        chart.categoryAxis.visibleLabels = False
        chart.categoryAxis.visibleTicks = False
        chart.valueAxis.visibleLabels = False
        chart.valueAxis.visibleTicks = False
        chart.valueAxis.visibleAxis = False
        chart.valueAxis.valueMin = 0
        chart.valueAxis.valueMax = max([*self.values, 1])
        chart.valueAxis.visibleGrid = True
        chart.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
        chart.valueAxis.gridStrokeWidth = 0.4
        chart.bars[0].fillColor = PALETTE[0]
        chart.bars[0].strokeColor = None
        chart.barSpacing = 0
        chart.groupSpacing = BAR_ROW * 0.3
        drawing = Drawing(self.width, plot_height + 4)
        drawing.add(chart.draw())  # draw() also lays out the axes read below
        _render(drawing, canvas)

        canvas.saveState()
        canvas.setFillColor(colors.black)
        count = len(self.labels)
        for index in range(count):
            source = count - 1 - index  # the chart runs bottom to top
            middle = chart.categoryAxis.midScale(index)
            baseline = middle - LABEL_SIZE * _CENTRE_DROP
            draw_thai_line(
                canvas, left - 6, baseline, self.labels[source], REGULAR, LABEL_SIZE, "right"
            )
            end = chart.valueAxis.scale(self.values[source])
            draw_thai_line(canvas, end + 4, baseline, texts[source], REGULAR, LABEL_SIZE)
        canvas.restoreState()


class _PieChartFlowable(_ChartFlowable):
    def __init__(self, chart: PieChart, digits: Digits) -> None:
        super().__init__()
        self.chart, self.digits = chart, digits
        self.title = digits(chart.title)
        self.spaceBefore, self.spaceAfter = 6, 6

    def body_height(self) -> float:
        legend = len(self.chart.labels) * LABEL_SIZE * 1.6
        return max(PIE_SIZE, legend) + 6

    def draw(self) -> None:
        canvas = self.canv
        self.draw_title()
        values = list(self.chart.values)
        total = sum(values)
        body = self.body_height()
        pie_left = self.width * 0.12
        if total <= 0:
            draw_thai_line(
                canvas, self.width / 2, body / 2, self.digits(self.chart.empty_text),
                REGULAR, LABEL_SIZE, "center",
            )  # fmt: skip
            return
        pie = Pie()
        pie.x, pie.y = pie_left, (body - PIE_SIZE) / 2
        pie.width = pie.height = PIE_SIZE
        pie.data = values
        pie.labels = None
        pie.startAngle = 90
        pie.direction = "clockwise"
        pie.slices.strokeColor = colors.white
        pie.slices.strokeWidth = 0.8
        for index in range(len(values)):
            pie.slices[index].fillColor = PALETTE[index % len(PALETTE)]
        drawing = Drawing(self.width, body)
        drawing.add(pie)
        _render(drawing, canvas)

        canvas.saveState()
        row = LABEL_SIZE * 1.6
        legend_left = pie_left + PIE_SIZE + 1.2 * cm
        top = body / 2 + row * len(values) / 2
        unit = f" {self.chart.unit}" if self.chart.unit else ""
        for index, (label, value) in enumerate(zip(self.chart.labels, values, strict=True)):
            middle = top - (index + 0.5) * row
            canvas.setFillColor(PALETTE[index % len(PALETTE)])
            canvas.rect(legend_left, middle - 4, 8, 8, stroke=0, fill=1)
            canvas.setFillColor(colors.black)
            text = f"{label}  {value:,}{unit} (ร้อยละ {100 * value / total:.1f})"
            draw_thai_line(
                canvas, legend_left + 14, middle - LABEL_SIZE * _CENTRE_DROP,
                self.digits(text), REGULAR, LABEL_SIZE,
            )  # fmt: skip
        canvas.restoreState()


def _render(drawing: Drawing, canvas: Canvas) -> None:
    """``renderPDF.draw``, starting from Sarabun: the renderer otherwise selects
    reportlab's default font, Helvetica, which the PDF would then list unembedded (and
    PDF/A forbids), though no chart text uses it."""
    saved = STATE_DEFAULTS["fontName"]
    STATE_DEFAULTS["fontName"] = REGULAR
    try:
        renderPDF.draw(drawing, canvas, 0, 0)
    finally:
        STATE_DEFAULTS["fontName"] = saved
