"""Small bar charts drawn with QPainter (QtCharts is not in PySide6-Essentials).

:class:`HBarChart` shows labelled horizontal bars (coverage by district, in per cent);
:class:`VBarChart` shows columns (activity by month). Clicking a bar emits its index so
the page can open the matching list.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#2f6fae")
BAR_LOW = QColor("#c0504d")
BAR_LAST = QColor("#f0a030")
GRID = QColor("#d8d8d8")
TEXT = QColor("#333333")


class _Chart(QWidget):
    bar_clicked = Signal(int)

    def __init__(self, title: str = "") -> None:
        super().__init__()
        self.title = title
        self.labels: list[str] = []
        self.values: list[float] = []
        self.value_texts: list[str] = []
        self._bars: list[QRectF] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def set_data(
        self, labels: list[str], values: list[float], value_texts: list[str] | None = None
    ) -> None:
        self.labels, self.values = list(labels), list(values)
        self.value_texts = value_texts or [f"{v:,.0f}" for v in values]
        self.updateGeometry()
        self.update()

    def bar_at(self, x: float, y: float) -> int:
        for i, rect in enumerate(self._bars):
            if rect.adjusted(-2, -2, 2, 2).contains(x, y):
                return i
        return -1

    def mousePressEvent(self, event: QMouseEvent) -> None:
        i = self.bar_at(event.position().x(), event.position().y())
        if i >= 0:
            self.bar_clicked.emit(i)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over = self.bar_at(event.position().x(), event.position().y()) >= 0
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)

    def _title(self, painter: QPainter) -> float:
        if not self.title:
            return 0.0
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        height = QFontMetrics(font).height()
        painter.setPen(TEXT)
        painter.drawText(QRectF(0, 0, self.width(), height), Qt.AlignmentFlag.AlignLeft, self.title)
        font.setBold(False)
        painter.setFont(font)
        return height + 6.0


class HBarChart(_Chart):
    """Horizontal bars on a 0–``maximum`` scale; bars under ``low`` are drawn in red."""

    def __init__(self, title: str = "", *, maximum: float = 100.0, low: float = 80.0) -> None:
        super().__init__(title)
        self.maximum = maximum
        self.low = low

    def row_height(self) -> int:
        """A row is never shorter than a line of Thai (lower vowels and tone marks)."""
        return QFontMetrics(self.font()).lineSpacing() + 4

    def sizeHint(self) -> QSize:
        return QSize(420, self.row_height() * max(len(self.labels), 3) + 2 * self.row_height())

    def minimumSizeHint(self) -> QSize:
        # The page scrolls rather than squeezing rows below a line of text.
        return QSize(260, self.row_height() * max(len(self.labels), 1) + 2 * self.row_height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = self._title(painter)
        metrics = QFontMetrics(painter.font())
        label_width = max((metrics.horizontalAdvance(t) for t in self.labels), default=0) + 10
        text_width = max((metrics.horizontalAdvance(t) for t in self.value_texts), default=0) + 10
        left, right = label_width, self.width() - text_width
        n = max(len(self.values), 1)
        row = max(min((self.height() - top) / n, metrics.lineSpacing() + 10), self.row_height())
        span = max(right - left, 10)
        self._bars = []
        painter.setPen(GRID)
        for fraction in (0.25, 0.5, 0.75, 1.0):
            x = left + span * fraction
            painter.drawLine(int(x), int(top), int(x), int(top + row * n))
        for i, (label, value) in enumerate(zip(self.labels, self.values, strict=True)):
            y = top + i * row
            width = span * max(0.0, min(value, self.maximum)) / self.maximum
            rect = QRectF(left, y + 3, max(width, 1.0), row - 6)
            self._bars.append(QRectF(0, y, self.width(), row))
            painter.fillRect(rect, BAR_LOW if value < self.low else BAR)
            painter.setPen(TEXT)
            align = Qt.AlignmentFlag.AlignVCenter
            painter.drawText(
                QRectF(0, y, label_width - 8, row), align | Qt.AlignmentFlag.AlignRight, label
            )
            painter.drawText(
                QRectF(left + width + 4, y, text_width, row), align, self.value_texts[i]
            )
        painter.end()


class VBarChart(_Chart):
    """Columns with their value on top and a label underneath; the last one highlighted."""

    def sizeHint(self) -> QSize:
        return QSize(420, 240)

    def minimumSizeHint(self) -> QSize:
        return QSize(260, 200)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = self._title(painter)
        metrics = QFontMetrics(painter.font())
        line = metrics.height()
        bottom = self.height() - line - 6
        plot_top = top + line + 2
        n = max(len(self.values), 1)
        slot = self.width() / n
        # Month labels that do not fit their column are shown every second (third…) one.
        widest = max((metrics.horizontalAdvance(t) for t in self.labels), default=0) + 4
        every = max(1, -(-widest // max(int(slot), 1)))
        last = len(self.values) - 1
        biggest = max(self.values, default=0) or 1
        painter.setPen(GRID)
        painter.drawLine(0, int(bottom), self.width(), int(bottom))
        self._bars = []
        for i, (label, value) in enumerate(zip(self.labels, self.values, strict=True)):
            x = i * slot
            height = (bottom - plot_top) * value / biggest
            rect = QRectF(x + slot * 0.18, bottom - height, slot * 0.64, height)
            self._bars.append(QRectF(x, plot_top, slot, bottom - plot_top))
            painter.fillRect(rect, BAR_LAST if i == len(self.values) - 1 else BAR)
            painter.setPen(TEXT)
            centre = Qt.AlignmentFlag.AlignHCenter
            painter.drawText(
                QRectF(x, bottom - height - line - 2, slot, line),
                centre | Qt.AlignmentFlag.AlignBottom,
                self.value_texts[i],
            )
            if (last - i) % every == 0:
                painter.drawText(
                    QRectF(
                        min(max(x + slot / 2 - widest / 2, 0), self.width() - widest),
                        bottom + 3,
                        widest,
                        line,
                    ),
                    centre | Qt.AlignmentFlag.AlignTop,
                    label,
                )
        painter.end()
