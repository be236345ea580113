"""Printing documents for people (ID cards, sign-in sheets, certificates) from the pages.

Each document is made into a temporary PDF in the background (with progress and Cancel),
then shown in a preview window from which it is printed or saved. The document services
(and reportlab with them) are imported in the worker when a document is made.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from asr_desktop.domain.errors import AsrError
from asr_desktop.domain.progress import ProgressFn
from asr_desktop.services.office import Office
from asr_desktop.ui import ask
from asr_desktop.ui.context import AppContext
from asr_desktop.ui.pdf_view import PdfPreview, print_pdf
from asr_desktop.ui.screen_fit import fit_window
from asr_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from asr_desktop.services.reporting import documents
DocumentWriter = Callable[[Office, Path, ProgressFn], int]


class DocumentPreview(QDialog):
    """A made document, page by page, with Print and Save."""

    def __init__(self, pdf: Path, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.setWindowTitle(title)
        self.preview = PdfPreview()
        print_button = QPushButton("พิมพ์…")
        print_button.clicked.connect(lambda: print_pdf(self.pdf, self))
        save_button = QPushButton("บันทึกเป็นไฟล์ PDF…")
        save_button.clicked.connect(self.save)
        close_button = QPushButton("ปิด")
        close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (print_button, save_button, close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        fit_window(self, 900, 1000, key="document-preview")
        self.preview.load(pdf)

    def save(self) -> None:
        chosen = ask.save_file(self, "บันทึกเป็นไฟล์ PDF", f"{self.windowTitle()}.pdf", "PDF (*.pdf)")
        if chosen is None:
            return
        try:
            shutil.copyfile(self.pdf, chosen)
        except OSError as exc:
            ask.error(self, "บันทึกไม่สำเร็จ", f"บันทึก {chosen} ไม่ได้: {exc.strerror or exc}")


def make_document(
    context: AppContext,
    runner: TaskRunner,
    parent: QWidget,
    title: str,
    write: DocumentWriter,
    *,
    show: Callable[[Path, str, QWidget], object] | None = None,
) -> None:
    """Makes a document in the background, then opens its preview (``show``, for tests)."""
    if runner.busy:
        return
    out = Path(tempfile.mkdtemp(prefix="asr-")) / f"{title}.pdf"
    db_path = context.db_path

    def work(progress: ProgressFn) -> int:
        with Office.connect(db_path) as office:  # the worker's own connection
            return write(office, out, progress)

    def done(_count: int) -> None:
        (show or _show_preview)(out, title, parent)

    def failed(exc: BaseException) -> None:
        if not isinstance(exc, AsrError | OSError):
            raise exc  # a bug: the crash handler shows and logs it
        ask.warn(parent, title, getattr(exc, "message", None) or str(exc))

    runner.run(f"กำลังทำ{title}…", work, on_done=done, on_error=failed)


def _show_preview(pdf: Path, title: str, parent: QWidget) -> None:
    DocumentPreview(pdf, title, parent).exec()


def id_cards(context: AppContext, runner: TaskRunner, parent: QWidget, ids: list[int]) -> None:
    """Cards of the selected volunteers (those with a current term)."""
    today = context.today()
    withheld: list[documents.WithheldCard] = []

    def write(office: Office, out: Path, progress: ProgressFn) -> int:
        from asr_desktop.services.reporting import documents

        withheld.clear()
        return documents.write_id_cards(
            office.db, out, volunteer_ids=ids, progress=progress, today=today, withheld=withheld
        )

    def show(pdf: Path, title: str, owner: QWidget) -> None:
        if withheld:  # said before the preview opens, so nobody takes the sheets as complete
            from asr_desktop.services.reporting import documents

            lines = documents.withheld_lines(withheld, limit=15)
            ask.inform(
                owner,
                title,
                f"ไม่ได้พิมพ์บัตร {len(withheld):,} คน เพราะข้อมูลบัตรยังไม่ครบ "
                "(บันทึกเลขที่บัตรและวันออกบัตรในวาระก่อน):\n" + "\n".join(lines),
            )
        _show_preview(pdf, title, owner)

    make_document(context, runner, parent, "บัตรประจำตัวอาสาสมัครแรงงาน", write, show=show)


def signin_sheet(context: AppContext, runner: TaskRunner, parent: QWidget, event_id: int) -> None:
    def write(office: Office, out: Path, progress: ProgressFn) -> int:
        from asr_desktop.services.reporting import documents

        return documents.write_signin_sheet(office.db, event_id, out, progress=progress)

    make_document(context, runner, parent, "ใบลงชื่อเข้าร่วมกิจกรรม", write)


def certificates(context: AppContext, runner: TaskRunner, parent: QWidget, event_id: int) -> None:
    def write(office: Office, out: Path, progress: ProgressFn) -> int:
        from asr_desktop.services.reporting import documents

        return documents.write_certificates(office.db, event_id, out, progress=progress)

    make_document(context, runner, parent, "เกียรติบัตร", write)
