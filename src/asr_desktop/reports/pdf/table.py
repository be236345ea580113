"""A long table of Thai rows that pages itself in one pass.

reportlab's ``Table`` re-measures and copies every remaining row each time it splits at
a page end, which grows with the square of the row count. :class:`ReportTable` measures
each row once, hands platypus one part per page (with the header repeated),
keeps a group heading with the row after it, and splits a row taller than the space left
by whole lines of its cells.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import Flowable

from asr_desktop.reports.pdf.fonts import BOLD
from asr_desktop.reports.pdf.line_breaking import Breaks, widest_piece
from asr_desktop.reports.pdf.shaping import text_width
from asr_desktop.reports.pdf.thai_text import ThaiParagraph, ThaiStyle

CellAlignment = Literal["left", "center", "right"]

# What a column holds, which says where its lines may break and how wide it must be:
# ``text`` running text, broken between dictionary words;
# ``fit`` numbers, dates, codes, IDs, phones: never broken, the column as wide as the
#   widest value present (so a row number 1,000 or 8,000 stays on one line);
# ``name`` a person's name, broken only between title + first name and the last name;
# ``whole`` positions, office and place names, broken only at spaces.
# A ``name`` or ``whole`` cell whose piece still does not fit is set smaller (down to
# :data:`SHRINK_FLOOR` of the table's size) rather than broken inside a word.
ColumnKind = Literal["text", "fit", "name", "whole"]
_BREAKS: dict[str, Breaks] = {"text": "words", "fit": "none", "name": "name", "whole": "spaces"}
SHRINK_FLOOR = 0.7
NAME_SQUEEZE = 0.9
_SHRINK_STEP = 0.25

# Cell padding in points, as on a typeset form. Stacked marks rise about 0.13 em above the
# line box and below vowels reach 0.05 em under it (see thai_text).
PAD_LEFT = PAD_RIGHT = 2.5
PAD_TOP = 2.5
PAD_BOTTOM = 2.0

# How many rows go along with what follows the table, rather than leave it alone on a page.
TAIL_ROWS = 2

HEADER_BACKGROUND = colors.Color(0.85, 0.85, 0.85)
GROUP_BACKGROUND = colors.Color(0.93, 0.93, 0.93)
SUBTOTAL_BACKGROUND = colors.Color(0.96, 0.96, 0.96)
_BACKGROUNDS = {"heading": GROUP_BACKGROUND, "subtotal": SUBTOTAL_BACKGROUND}
RULE_WIDTH = 0.5
SUBTOTAL_RULE_WIDTH = 1.0


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: its header, its relative width (a weight for sharing the room left
    once ``fit`` columns have theirs), how its cells are aligned and what it holds."""

    header: str
    width: float
    align: CellAlignment = "left"
    kind: ColumnKind = "text"
    min_width: float = 0.0
    """Points the column never goes below (room to sign, say), padding included."""

    @property
    def breaks(self) -> Breaks:
        return _BREAKS[self.kind]


@dataclass(frozen=True, slots=True)
class GroupHeading:
    """A row across the whole table that opens a group (e.g. an อำเภอ)."""

    text: str


@dataclass(frozen=True, slots=True)
class Subtotal:
    """A row of totals, set in bold on a shaded background."""

    cells: tuple[str, ...]


Row = Sequence[str] | GroupHeading | Subtotal


@dataclass(slots=True)
class _Row:
    kind: Literal["data", "heading", "subtotal"]
    cells: list[ThaiParagraph]
    height: float = 0.0


@dataclass(slots=True)
class _Rows:
    """The caller's rows, turned into paragraphs and measured once, shared by all parts."""

    source: Sequence[Row]
    widths: list[float]
    body: ThaiStyle
    bold: ThaiStyle
    alignments: list[CellAlignment]
    kinds: list[ColumnKind]
    built: dict[int, _Row] = field(default_factory=dict)  # measured, not yet laid out
    styles: dict[ThaiStyle, list[ThaiStyle]] = field(default_factory=dict)

    def peek(self, index: int) -> _Row:
        row = self.built.get(index)
        if row is None:
            row = self.built[index] = self._build(index)
        return row

    def _column_styles(self, style: ThaiStyle) -> list[ThaiStyle]:
        styles = self.styles.get(style)
        if styles is None:
            breaks = [_BREAKS[kind] for kind in self.kinds]
            if style is self.bold:  # totals: a label such as "รวมอำเภอ..." may break
                breaks = ["none" if kind == "fit" else "words" for kind in self.kinds]
            styles = self.styles[style] = [
                style.derive(alignment=a, breaks=b)
                for a, b in zip(self.alignments, breaks, strict=True)
            ]
        return styles

    def _build(self, index: int) -> _Row:
        value = self.source[index]
        if isinstance(value, GroupHeading):
            cells = [ThaiParagraph(value.text, self.bold)]
            row = _Row("heading", cells)
            row.height = _cell_height(cells[0], sum(self.widths))
            return row
        kind: Literal["data", "subtotal"] = "data"
        texts: Sequence[str] = value  # type: ignore[assignment]
        style = self.body
        if isinstance(value, Subtotal):
            kind, texts, style = "subtotal", value.cells, self.bold
        if len(texts) != len(self.widths):
            raise ValueError(f"row {index + 1} has {len(texts)} cells, expected {len(self.widths)}")
        styles = self._column_styles(style)
        cells = [
            ThaiParagraph(text, _kept_whole(text, styles[i], self.widths[i]))
            for i, text in enumerate(texts)
        ]
        return _Row(kind, cells, _row_height(cells, self.widths))


def _kept_whole(text: str, style: ThaiStyle, column_width: float) -> ThaiStyle:
    """``style``, or a smaller size of it at which no piece of ``text`` must break.

    A name a little too wide for one line is set up to :data:`NAME_SQUEEZE` smaller
    rather than wrapped (a register of 8,000 people is some 20 pages shorter for it).
    """
    if style.breaks == "words" or not text:
        return style
    inner = column_width - PAD_LEFT - PAD_RIGHT
    if style.breaks == "name" and "\n" not in text:
        whole = text_width(text, style.font, style.size)
        if inner < whole <= inner / NAME_SQUEEZE:
            size = style.size * inner / whole
            return _sized(style, size - size % _SHRINK_STEP)
    widest = widest_piece(text, style.font, style.size, style.breaks)
    if widest <= inner:
        return style
    size = style.size * inner / widest
    size = max(style.size * SHRINK_FLOOR, size - size % _SHRINK_STEP)
    return _sized(style, size)


_SIZED: dict[tuple[ThaiStyle, float], ThaiStyle] = {}


def _sized(style: ThaiStyle, size: float) -> ThaiStyle:
    key = (style, size)
    sized = _SIZED.get(key)
    if sized is None:
        sized = _SIZED[key] = style.derive(size=size)
    return sized


# A hair more than a value's measured width, so that rounding never wraps a value that was
# given exactly its width.
_SLACK = 0.01


def fit_widths(
    columns: Sequence[Column],
    rows: Sequence[Row],
    total: float,
    body: ThaiStyle,
    header: ThaiStyle | None = None,
) -> list[float]:
    """Column widths in points that fill ``total``, taken from what the cells hold.

    A ``fit`` column is as wide as its widest value (or its header's widest word). The
    others first get the room their unbreakable pieces need (a surname, a word; the
    rare widest ones shrink instead), then room for 19 values in 20 to sit on one line,
    names first, shared by their relative widths; then a ``fit`` column's header gets
    one line, and then every value; what is left after that goes to all columns by
    their relative widths. When even the unbreakable pieces do not fit, the columns
    shrink in proportion (and the cells that need it are set smaller).
    """
    header = header or body.derive(font=BOLD)
    bold = body.derive(font=BOLD)
    pad = PAD_LEFT + PAD_RIGHT + _SLACK
    count = len(columns)
    values: list[Counter[str]] = [Counter() for _ in columns]
    totals: list[set[str]] = [set() for _ in columns]
    for row in rows:
        if isinstance(row, GroupHeading):
            continue
        cells = row.cells if isinstance(row, Subtotal) else row
        for i, cell in enumerate(cells[:count]):
            if cell and isinstance(row, Subtotal):
                totals[i].add(cell)
            elif cell:
                values[i][cell] += 1
    least: list[float] = []
    usual: list[float] = []
    most: list[float] = []
    heads: list[float] = []
    for i, column in enumerate(columns):
        head = widest_piece(column.header, header.font, header.size, "words")
        lines = column.header.split("\n")
        whole_head = max(text_width(line, header.font, header.size) for line in lines)
        natural = sorted(
            (text_width(line, body.font, body.size), n)
            for v, n in values[i].items()
            for line in v.split("\n")
        ) or [(0.0, 1)]
        if column.kind == "fit":
            bold_widths = [text_width(v, bold.font, bold.size) for v in totals[i]]
            least.append(max(head, natural[-1][0], *bold_widths) + pad)
        else:
            # Room for the unbreakable pieces of 19 values in 20; the rarer wider ones
            # shrink (but no further than the floor).
            pieces = sorted(
                (widest_piece(v, body.font, body.size, column.breaks), n)
                for v, n in values[i].items()
            )
            piece = _percentile(pieces, 0.95)
            floor = pieces[-1][0] * SHRINK_FLOOR if pieces else 0.0
            least.append(max(max(head, piece, floor) + pad, column.min_width))
        most.append(max(least[-1], natural[-1][0] + pad))
        usual.append(max(least[-1], _percentile(natural, 0.95) + pad))
        heads.append(max(least[-1], whole_head + pad) if column.kind == "fit" else least[-1])
    flexible = [i for i, c in enumerate(columns) if c.kind != "fit"]
    widths = list(least)
    spare = total - sum(least)
    if spare < 0:
        scale = total / sum(least)
        return [w * scale for w in least]
    if not flexible:
        return _spread(widths, spare, columns)
    # Room for 19 values in 20 to sit on one line, names first; then for the header of a
    # number or ID column on one line (a header in two lines makes the header row of every
    # page twice as tall); then for every value. Each step shares by weight (water-filling).
    names = [i for i in flexible if columns[i].kind == "name"]
    others = [i for i in flexible if columns[i].kind != "name"]
    fixed = [i for i, c in enumerate(columns) if c.kind == "fit"]
    weights = [column.width for column in columns]
    for target, groups in ((usual, (names, others)), (heads, (fixed,)), (most, (names, others))):
        for group in groups:
            spare = _fill_up(widths, target, weights, group, spare)
    # Every value fits on one line: what is left goes to every column by weight, so that a
    # header over a narrow number column need not stand in three lines.
    return _spread(widths, spare, columns)


def _percentile(widths: list[tuple[float, int]], share: float) -> float:
    """The width that ``share`` of the values (sorted (width, count) pairs) do not exceed."""
    wanted = share * sum(n for _, n in widths)
    seen = 0
    for width, n in widths:
        seen += n
        if seen >= wanted:
            return width
    return widths[-1][0] if widths else 0.0


def _fill_up(
    widths: list[float], most: list[float], weights: list[float], group: list[int], spare: float
) -> float:
    """Widen the columns of ``group`` towards ``most`` by weight; the spare left over."""
    open_ = [i for i in group if most[i] > widths[i]]
    while open_ and spare > 1e-6:
        share = spare / sum(weights[i] for i in open_)
        capped = [i for i in open_ if widths[i] + weights[i] * share >= most[i]]
        if not capped:
            for i in open_:
                widths[i] += weights[i] * share
            return 0.0
        for i in capped:
            spare -= most[i] - widths[i]
            widths[i] = most[i]
        open_ = [i for i in open_ if i not in capped]
    return spare


def _spread(widths: list[float], spare: float, columns: Sequence[Column | None]) -> list[float]:
    """``spare`` points shared among the (non-None) columns by their relative widths."""
    weight = sum(c.width for c in columns if c is not None)
    if spare <= 0 or weight <= 0:
        return widths
    return [
        w + (c.width * spare / weight if c is not None else 0.0)
        for w, c in zip(widths, columns, strict=True)
    ]


def _cell_height(cell: ThaiParagraph, column_width: float) -> float:
    return cell.wrap(column_width - PAD_LEFT - PAD_RIGHT, 72000)[1] + PAD_TOP + PAD_BOTTOM


def _row_height(cells: Sequence[ThaiParagraph], widths: Sequence[float]) -> float:
    """The tallest cell plus its padding."""
    return max(_cell_height(cell, width) for cell, width in zip(cells, widths, strict=True))


_SHARED_STATE = (
    "_widths",
    "_rows",
    "_header",
    "_header_height",
    "_full_height",
    "_keep_after",
    "_on_rows_done",
)


class ReportTable(Flowable):  # type: ignore[misc]
    """A table of many rows with a repeated header; see the module docstring.

    ``widths`` are in points. ``full_height`` is the frame's height: a row that fits on a
    fresh page moves there rather than being split, unless it is taller than half of it.
    ``keep_after`` is the height of what must share a page with the last rows (signature
    blocks): when it would be left alone on a page, the last rows move with it.
    ``on_rows_done(count)`` is called with the number of source rows laid out so far.
    """

    def __init__(
        self,
        columns: Sequence[Column],
        rows: Sequence[Row],
        widths: Sequence[float],
        *,
        body: ThaiStyle,
        header: ThaiStyle | None = None,
        full_height: float | None = None,
        keep_after: float = 0.0,
        on_rows_done: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__()
        bold = body.derive(font=BOLD)
        header = header or bold.derive(alignment="center")
        self._widths = list(widths)
        self._rows = _Rows(
            rows,
            self._widths,
            body,
            bold.derive(alignment="left"),
            [column.align for column in columns],
            [column.kind for column in columns],
        )
        self._header = [ThaiParagraph(column.header, header) for column in columns]
        self._header_height = _row_height(self._header, self._widths)
        self._carried: list[_Row] = []  # the rest of a row split at the previous page end
        self._next = 0  # the next source row to lay out
        self._full_height = full_height
        self._keep_after = keep_after
        self._on_rows_done = on_rows_done
        self.width = sum(self._widths)
        self.height = 0.0

    def _continuation(self, carried: list[_Row], next_index: int) -> ReportTable:
        rest: ReportTable = object.__new__(ReportTable)
        Flowable.__init__(rest)
        for name in _SHARED_STATE:
            setattr(rest, name, getattr(self, name))
        rest.width, rest.height = self.width, 0.0
        rest._carried, rest._next = carried, next_index
        return rest

    def _row_at(self, offset: int) -> _Row | None:
        """The offset-th row still to lay out, or None past the end."""
        if offset < len(self._carried):
            return self._carried[offset]
        index = self._next + offset - len(self._carried)
        return self._rows.peek(index) if index < len(self._rows.source) else None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """The height of the rows left, measured only until they overflow ``availHeight``.

        When the rest of the table fits but what must follow it (``keep_after``) does not,
        the table says it is too tall, so that :meth:`split` moves its last rows over.
        """
        height = self._header_height
        offset = 0
        while height <= availHeight:
            row = self._row_at(offset)
            if row is None:
                if height + self._keep_after > availHeight and (
                    self._tail_can_move(offset) or self._rest_can_move(height, availHeight)
                ):
                    height += self._keep_after
                break
            height += row.height
            offset += 1
        self.height = height
        return self.width, height

    def _rest_can_move(self, height: float, available: float) -> bool:
        """Whether this last part of a table, begun on an earlier page, can move whole to a
        fresh page with what follows it (``height`` includes the header)."""
        full = self._full_height
        if full is None or self._keep_after <= 0 or available >= full - 1:
            return False  # at the top of a page: moving would not help
        begun = self._next > 0 or bool(self._carried)
        return begun and height + self._keep_after <= full

    def _tail_can_move(self, remaining: int) -> bool:
        """Whether the last rows and what follows them fit on a page of their own."""
        if remaining <= TAIL_ROWS or self._keep_after <= 0 or self._full_height is None:
            return False
        tail = [self._row_at(remaining - 1 - i) for i in range(TAIL_ROWS)]
        tail_height = sum(row.height for row in tail if row is not None)
        return self._header_height + tail_height + self._keep_after <= self._full_height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        used = self._header_height
        taken: list[_Row] = []
        offset = 0
        while True:
            row = self._row_at(offset)
            if row is None:
                if self._rest_can_move(used, availHeight) and not self._tail_can_move(offset):
                    return []  # this last part of the table goes over with what follows
                if not self._tail_can_move(offset):
                    return [self]  # everything fits after all
                # The rows fit but what follows does not: the last rows go with it.
                offset -= TAIL_ROWS
                del taken[-TAIL_ROWS:]
                row = self._row_at(offset)
                assert row is not None
                break
            if used + row.height > availHeight:
                break
            used += row.height
            taken.append(row)
            offset += 1
        if len(taken) > 1 and taken[-1].kind == "heading":
            heading = taken.pop()  # a group heading goes to the page its rows start on
            offset -= 1
            used -= heading.height
        row = self._row_at(offset)
        assert row is not None
        carried: list[_Row] = []
        if used + row.height > availHeight and self._should_split(row, taken):
            parts = _split_row(row, availHeight - used, self._widths)
            if parts is not None:
                taken.append(parts[0])
                carried = [parts[1]]
                offset += 1
        if not taken:
            return []
        first = self._table(taken)
        rest_offset = offset - len(self._carried)
        if rest_offset < 0:
            carried = carried + self._carried[offset:]
            rest = self._continuation(carried, self._next)
        else:
            rest = self._continuation(carried, self._next + rest_offset)
        self._report(rest._next)
        return [first, rest]

    def _should_split(self, row: _Row, taken: list[_Row]) -> bool:
        if row.kind == "heading":
            return False
        full = self._full_height
        if not taken:
            return full is None or row.height + self._header_height > full
        return full is not None and row.height > full / 2

    def draw(self) -> None:
        rows = list(self._carried)
        rows.extend(self._rows.peek(i) for i in range(self._next, len(self._rows.source)))
        table = self._table(rows)
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)
        self._report(len(self._rows.source))

    def _report(self, done: int) -> None:
        for index in range(self._next, done):
            self._rows.built.pop(index, None)  # laid out: let the paragraphs go
        if self._on_rows_done is not None:
            self._on_rows_done(done)

    def _table(self, rows: list[_Row]) -> _TablePart:
        return _TablePart(self._header, self._header_height, rows, self._widths)


class _TablePart(Flowable):  # type: ignore[misc]
    """The rows of one page under the header, drawn straight onto the canvas.

    Drawn here rather than by reportlab's ``Table``, which saves the graphics state and
    moves the origin for every cell: most of the time of a long table went there.
    """

    def __init__(
        self,
        header: list[ThaiParagraph],
        header_height: float,
        rows: list[_Row],
        widths: list[float],
    ) -> None:
        super().__init__()
        self._header = _Row("data", header, header_height)
        self._rows = rows
        self._widths = widths
        self.width = sum(widths)
        self.height = header_height + sum(row.height for row in rows)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        lefts = [sum(self._widths[:i]) for i in range(len(self._widths) + 1)]
        rows = [self._header, *self._rows]
        tops = [self.height]
        for row in rows:
            tops.append(tops[-1] - row.height)

        canvas.saveState()
        for number, row in enumerate(rows):
            shade = HEADER_BACKGROUND if number == 0 else _BACKGROUNDS.get(row.kind)
            if shade is not None:
                canvas.setFillColor(shade)
                canvas.rect(0, tops[number + 1], self.width, row.height, stroke=0, fill=1)
        color = None
        for number, row in enumerate(rows):
            top = tops[number] - PAD_TOP
            for cell, left in zip(row.cells, lefts, strict=False):
                if number == 0:  # header cells sit in the middle of the header row
                    slack = row.height - PAD_TOP - PAD_BOTTOM - cell.height
                    cell_top = top - slack / 2
                else:
                    cell_top = top
                if cell.style.color != color:
                    color = cell.style.color
                    canvas.setFillColor(color)
                cell.draw_at(canvas, left + PAD_LEFT, cell_top, set_color=False)
        self._draw_rules(canvas, rows, tops, lefts)
        canvas.restoreState()

    def _draw_rules(
        self, canvas: Canvas, rows: list[_Row], tops: list[float], lefts: list[float]
    ) -> None:
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(RULE_WIDTH)
        path = canvas.beginPath()
        for top in tops:
            path.moveTo(0, top)
            path.lineTo(self.width, top)
        for edge in (lefts[0], lefts[-1]):
            path.moveTo(edge, tops[0])
            path.lineTo(edge, tops[-1])
        # Inner rules run down each stretch of rows between rows that span the table.
        stretches: list[tuple[float, float]] = []
        start: float | None = None
        for number, row in enumerate(rows):
            if row.kind == "heading":
                if start is not None:
                    stretches.append((start, tops[number]))
                start = None
            elif start is None:
                start = tops[number]
        if start is not None:
            stretches.append((start, tops[-1]))
        for left in lefts[1:-1]:
            for top, bottom in stretches:
                path.moveTo(left, top)
                path.lineTo(left, bottom)
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.setLineWidth(SUBTOTAL_RULE_WIDTH)
        for number, row in enumerate(rows):
            if row.kind == "subtotal":
                canvas.line(0, tops[number], self.width, tops[number])


def _split_row(row: _Row, space: float, widths: list[float]) -> tuple[_Row, _Row] | None:
    """The lines of each cell that fit in ``space`` and the rest, or None if none fit."""
    content = space - PAD_TOP - PAD_BOTTOM
    tops: list[ThaiParagraph] = []
    bottoms: list[ThaiParagraph] = []
    for cell, width in zip(row.cells, widths, strict=True):
        inner = width - PAD_LEFT - PAD_RIGHT
        parts = cell.split(inner, content)
        if not parts:
            return None
        if len(parts) == 1:
            tops.append(cell)
            bottoms.append(ThaiParagraph.empty(cell.style))
        else:
            tops.append(parts[0])
            bottoms.append(parts[1])
    top = _Row(row.kind, tops)
    bottom = _Row(row.kind, bottoms)
    top.height = _row_height(tops, widths)
    bottom.height = _row_height(bottoms, widths)
    return top, bottom
