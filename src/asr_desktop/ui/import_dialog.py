"""นำเข้าจาก Excel: choose a file → preview (column mapping, problems, counts) → commit.

Reading and planning run in the background (TaskRunner) on a connection of their own; so
does the commit, in one transaction that Cancel or a crash rolls back. Even the list of
sheets is read in the background: it means opening the workbook, and an .xls is checked
and read whole (a 20 MB one held the window still for 2.4 s). The dialog only shows what
the services return.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from asr_desktop.domain.errors import AsrError
from asr_desktop.domain.progress import ProgressFn
from asr_desktop.domain.thai_words import with_word_breaks
from asr_desktop.services.changes import Change
from asr_desktop.services.office import Office
from asr_desktop.services.roster_import.commit import ImportResult, commit_plan, write_rejects
from asr_desktop.services.roster_import.headers import FIELD_LABELS
from asr_desktop.services.roster_import.plan import Action, ImportPlan, OnDuplicate, build_plan
from asr_desktop.services.roster_import.reading import sheet_names
from asr_desktop.ui import ask
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.import_names import ImportNamesTable
from asr_desktop.ui.screen_fit import fit_window
from asr_desktop.ui.tasks import TaskRunner

FILE_FILTER = "ไฟล์ทะเบียน (*.xlsx *.xls *.csv)"
_IGNORE = "— ไม่นำเข้า —"


class ImportDialog(QDialog):
    sheets_read = Signal()
    """The sheet list is filled, or the file was refused (and the user told why)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.plan: ImportPlan | None = None
        self.import_result: ImportResult | None = None
        self.runner = TaskRunner(self)
        # Its own runner: "ตรวจสอบไฟล์" may be pressed before the sheets are listed, and
        # then plans the first sheet, as the list would have shown it.
        self.sheet_reader = TaskRunner(self)
        self._read_sheets_again = False
        self.setWindowTitle("นำเข้าทะเบียนจาก Excel")
        fit_window(self, 1000, 680, key="import-dialog")
        self.pages = QStackedWidget()
        self.pages.addWidget(self._choose_page())
        self.pages.addWidget(self._preview_page())
        self.pages.addWidget(self._done_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

    # -- page 1: file --------------------------------------------------------------------

    def _choose_page(self) -> QWidget:
        page = QWidget()
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText("เลือกไฟล์ .xlsx .xls หรือ .csv")
        self.path_edit.editingFinished.connect(self._fill_sheets)
        browse = QPushButton("เลือกไฟล์…")
        browse.clicked.connect(self._browse)
        self.sheet = QComboBox()
        self.skip_duplicates = QRadioButton("ข้ามรายการที่มีในทะเบียนแล้ว")
        self.update_duplicates = QRadioButton("ปรับปรุงข้อมูลของรายการที่มีในทะเบียนแล้ว")
        self.skip_duplicates.setChecked(True)
        group = QButtonGroup(page)
        group.addButton(self.skip_duplicates)
        group.addButton(self.update_duplicates)
        self.next_button = QPushButton("ตรวจสอบไฟล์")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(lambda: self.plan_file())
        close = QPushButton("ปิด")
        close.clicked.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(QLabel("แผ่นงาน"))
        sheet_row.addWidget(self.sheet, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel("1. เลือกไฟล์ทะเบียนเดิมของสำนักงาน"))
        layout.addLayout(row)
        layout.addLayout(sheet_row)
        layout.addWidget(QLabel("เลขประจำตัวประชาชนที่มีอยู่แล้ว:"))
        layout.addWidget(self.skip_duplicates)
        layout.addWidget(self.update_duplicates)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "เลือกไฟล์ทะเบียน", "", FILE_FILTER)
        if path:
            self.set_path(Path(path))

    def set_path(self, path: Path) -> None:
        self.path_edit.setText(str(path))
        self._fill_sheets()

    def _chosen_path(self) -> Path:
        return Path(self.path_edit.text().strip())

    def _fill_sheets(self) -> None:
        """Lists the chosen file's sheets, read off the GUI thread."""
        self.sheet.clear()
        path = self._chosen_path()
        if not path.is_file():
            return
        if self.sheet_reader.busy:  # another file is still being read: this one after it
            self._read_sheets_again = True
            return

        def work(progress: ProgressFn) -> list[str]:
            names = sheet_names(path)
            progress(1, 1)  # a Cancel pressed meanwhile ends the task here
            return names

        def done(names: list[str]) -> None:
            if self._chosen_path() == path:
                self.sheet.addItems(names)
            self._sheets_done()

        def failed(exc: BaseException) -> None:
            if self._chosen_path() == path:
                message = exc.message if isinstance(exc, AsrError) else f"เกิดข้อผิดพลาด: {exc!r}"
                ask.warn(self, "อ่านไฟล์ไม่ได้", message)
            self._sheets_done()

        self.sheet_reader.run(
            "กำลังอ่านแผ่นงานในไฟล์…",
            work,
            on_done=done,
            on_error=failed,
            on_cancelled=self._sheets_done,
        )

    def _sheets_done(self) -> None:
        if self._read_sheets_again:
            self._read_sheets_again = False
            self._fill_sheets()
            return
        self.sheets_read.emit()

    @property
    def on_duplicate(self) -> OnDuplicate:
        return OnDuplicate.UPDATE if self.update_duplicates.isChecked() else OnDuplicate.SKIP

    # -- planning (background) ----------------------------------------------------------

    def plan_file(self, mapping: dict[int, str] | None = None) -> None:
        """Reads the file and builds the preview (with ``mapping`` when the user changed it)."""
        path = Path(self.path_edit.text().strip())
        sheet = self.sheet.currentText() or None
        db_path, on_duplicate, today = self.context.db_path, self.on_duplicate, self.context.today()

        def work(progress: ProgressFn) -> ImportPlan:
            db = Office.connect(db_path).db  # the worker's own connection
            try:
                return build_plan(
                    db,
                    path,
                    sheet=sheet,
                    mapping=mapping,
                    on_duplicate=on_duplicate,
                    today=today,
                    progress=progress,
                )
            finally:
                db.close()

        self.runner.run("กำลังตรวจสอบไฟล์…", work, on_done=self._show_plan, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        message = exc.message if isinstance(exc, AsrError) else f"เกิดข้อผิดพลาด: {exc!r}"
        ask.error(self, "นำเข้าไม่ได้", message)

    # -- page 2: preview ----------------------------------------------------------------

    def _preview_page(self) -> QWidget:
        page = QWidget()
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setHorizontalHeaderLabels(["คอลัมน์", "หัวตารางในไฟล์", "นำเข้าเป็น"])
        self.mapping_table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch
        )
        self.mapping_table.verticalHeader().setVisible(False)
        self.problems = QTableWidget(0, 3)
        self.problems.setHorizontalHeaderLabels(["แถว", "การดำเนินการ", "ปัญหา"])
        self.problems.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.verticalHeader().setVisible(False)
        self.problems.setWordWrap(True)
        self.problems.setTextElideMode(Qt.TextElideMode.ElideNone)
        # Row heights follow the reason column's width, known only once it is laid out.
        self.problems.horizontalHeader().sectionResized.connect(self._fit_problem_rows)
        replan = QPushButton("ตรวจสอบอีกครั้งตามการจับคู่คอลัมน์")
        replan.clicked.connect(lambda: self.plan_file(self.edited_mapping()))
        back = QPushButton("ย้อนกลับ")
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.rejects_button = QPushButton("บันทึกแถวที่ไม่ผ่านเป็น Excel…")
        self.rejects_button.clicked.connect(self._save_rejects)
        self.commit_button = QPushButton("นำเข้า")
        self.commit_button.clicked.connect(self.commit)

        tables = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel("การจับคู่คอลัมน์ (แก้ไขได้)"))
        left.addWidget(self.mapping_table, 1)
        left.addWidget(replan)
        self.names = ImportNamesTable()
        self.result_tabs = QTabWidget()
        self.result_tabs.addTab(self.problems, "ปัญหาที่พบ")
        self.result_tabs.addTab(self.names, "ชื่อที่อ่านได้")
        right = QVBoxLayout()
        right.addWidget(self.result_tabs, 1)
        tables.addLayout(left, 2)
        tables.addLayout(right, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.rejects_button)
        buttons.addWidget(self.commit_button)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel("2. ตรวจสอบก่อนนำเข้า: ยังไม่มีการบันทึกข้อมูลใด ๆ"))
        layout.addWidget(self.counts)
        layout.addLayout(tables, 1)
        layout.addLayout(buttons)
        return page

    def _show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.counts.setText(with_word_breaks(self.counts_text(plan)))
        headers = plan.headers()
        width = max(len(headers), max(plan.mapping, default=-1) + 1)
        self.mapping_table.setRowCount(width)
        for column in range(width):
            letter = QTableWidgetItem(_column_letter(column))
            header = QTableWidgetItem(headers[column] if column < len(headers) else "")
            self.mapping_table.setItem(column, 0, letter)
            self.mapping_table.setItem(column, 1, header)
            combo = QComboBox()
            combo.addItem(_IGNORE, "")
            for field, label in FIELD_LABELS.items():
                combo.addItem(label, field)
            combo.setCurrentIndex(max(combo.findData(plan.mapping.get(column, "")), 0))
            self.mapping_table.setCellWidget(column, 2, combo)
        # The file's own header texts are what the clerk matches by: show them whole, and
        # leave the "นำเข้าเป็น" choices room for their longest label too.
        table = self.mapping_table
        table.resizeColumnToContents(1)
        sections = table.horizontalHeader()
        sections.resizeSection(1, min(sections.sectionSize(1), 240))
        choices = max((table.cellWidget(r, 2).sizeHint().width() for r in range(width)), default=0)
        table.setMinimumWidth(
            min(
                sections.sectionSize(0) + sections.sectionSize(1) + choices
                + table.verticalScrollBar().sizeHint().width() + 2 * table.frameWidth(),
                620,
            )
        )  # fmt: skip
        rows = [(r, p) for r in plan.rows for p in r.problems] + [
            (r, None) for r in plan.rows if r.action is Action.SKIP and r.note
        ]
        self.problems.setRowCount(len(rows))
        for i, (row, problem) in enumerate(sorted(rows, key=lambda rp: rp[0].row)):
            text = row.note if problem is None else (
                (f"คอลัมน์ {problem.column}: " if problem.column else "") + problem.message
            )  # fmt: skip
            for j, value in enumerate((str(row.row), row.action.label, text)):
                # Reasons are long Thai sentences: wrap them between words, never elide.
                item = QTableWidgetItem(with_word_breaks(value) if j == 2 else value)
                item.setToolTip(value)
                self.problems.setItem(i, j, item)
        self.problems.resizeColumnsToContents()
        self.names.show_plan(plan)
        writable = plan.count(Action.ADD) + plan.count(Action.UPDATE)
        self.commit_button.setEnabled(writable > 0)
        self.commit_button.setText(f"นำเข้า {writable:,} รายการ")
        self.rejects_button.setEnabled(plan.count(Action.REJECT) > 0)
        self.pages.setCurrentIndex(1)
        QTimer.singleShot(0, self._fit_problem_rows)

    def _fit_problem_rows(self) -> None:
        if self.problems.rowCount() <= _ROWS_SIZED_TO_TEXT:
            self.problems.resizeRowsToContents()

    @staticmethod
    def counts_text(plan: ImportPlan) -> str:
        return (
            f"อ่าน {plan.read:,} แถว: เพิ่ม {plan.count(Action.ADD):,} · "
            f"ปรับปรุง {plan.count(Action.UPDATE):,} · ข้าม {plan.count(Action.SKIP):,} · "
            f"ไม่นำเข้า {plan.count(Action.REJECT):,}"
            + (f" (ไม่นับแถวว่างและแถวรวม {plan.ignored_rows:,} แถว)" if plan.ignored_rows else "")
        )

    def edited_mapping(self) -> dict[int, str]:
        mapping = {}
        for row in range(self.mapping_table.rowCount()):
            combo = self.mapping_table.cellWidget(row, 2)
            if isinstance(combo, QComboBox) and combo.currentData():
                mapping[row] = str(combo.currentData())
        return mapping

    def set_mapping(self, column: int, field: str) -> None:
        """Sets one column's field in the preview (as a user would with the combo box)."""
        combo = self.mapping_table.cellWidget(column, 2)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(max(combo.findData(field), 0))

    def _save_rejects(self) -> None:
        if self.plan is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, "บันทึกแถวที่ไม่ผ่าน", "แถวที่ไม่ผ่าน.xlsx", "Excel (*.xlsx)"
        )
        if path:
            count = write_rejects(self.plan, Path(path))
            ask.inform(self, "บันทึกแล้ว", f"บันทึก {count:,} แถวที่ไม่ผ่านไว้ที่ {path}")

    # -- commit -------------------------------------------------------------------------

    def commit(self) -> None:
        plan, db_path = self.plan, self.context.db_path
        if plan is None:
            return
        rejected = plan.count(Action.REJECT)
        if rejected and not ask.confirm(
            self, "นำเข้า",
            f"มี {rejected:,} แถวที่ไม่ผ่านและจะไม่ถูกนำเข้า นำเข้าเฉพาะแถวที่ถูกต้องหรือไม่",
        ):  # fmt: skip
            return

        def work(progress: ProgressFn) -> ImportResult:
            db = Office.connect(db_path).db  # the worker's own connection
            try:
                return commit_plan(db, plan, progress=progress)
            finally:
                db.close()

        self.runner.run(
            "กำลังนำเข้า…", work, on_done=self._committed, on_error=self._failed,
            on_cancelled=lambda: ask.inform(self, "ยกเลิกแล้ว", "ยกเลิกแล้ว ทะเบียนไม่มีการเปลี่ยนแปลง"),
        )  # fmt: skip

    def _committed(self, result: ImportResult) -> None:
        self.import_result = result
        self.done_label.setText(
            with_word_breaks(
                f"นำเข้าเรียบร้อย: เพิ่ม {result.added:,} · ปรับปรุง {result.updated:,} · "
                f"ข้าม {result.skipped:,} · ไม่นำเข้า {result.rejected:,}"
            )
        )
        self.context.notify(Change.VOLUNTEERS)
        self.pages.setCurrentIndex(2)

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        close = QPushButton("ปิด")
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel("3. ผลการนำเข้า"))
        layout.addWidget(self.done_label)
        layout.addStretch(1)
        layout.addWidget(close)
        return page


_ROWS_SIZED_TO_TEXT = 2000
"""Above this many problems rows keep one line (sizing each to its text would be slow)."""


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


def open_import_dialog(context: AppContext, parent: QWidget | None = None) -> None:
    """What the roster page's 'นำเข้าจาก Excel…' button calls."""
    ImportDialog(context, parent).exec()
