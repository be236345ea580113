"""Back up to…, Restore…, the health check and the damaged-database message.

The window's menu calls the functions at the bottom; every question goes through a
dialog class here or ``ui.ask``, and file choices through :func:`choose_folder` /
:func:`choose_backup_file`, so tests can patch them.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from asr_desktop.domain.errors import AsrError
from asr_desktop.domain.thai_dates import format_thai_date
from asr_desktop.domain.thai_words import with_word_breaks
from asr_desktop.services import backup as backups
from asr_desktop.services.changes import EVERYTHING
from asr_desktop.services.restore_check import recovery_warning, shrink_warning
from asr_desktop.services.startup import DamagedDatabaseError
from asr_desktop.ui import ask, thai_qt
from asr_desktop.ui.context import AppContext

_COUNT_LABELS = {
    "volunteers": ("อาสาสมัคร", "คน"),
    "terms": ("วาระ", "รายการ"),
    "status_events": ("ประวัติสถานะ", "รายการ"),
    "mentors": ("พี่เลี้ยง", "คน"),
    "audit_log": ("ประวัติการแก้ไข", "รายการ"),
}


def thai_when(at: datetime) -> str:
    return f"{format_thai_date(at.date(), 'long')} เวลา {at:%H:%M} น."


def last_backup_text(db_path: Path) -> str:
    latest = backups.last_backup(db_path)
    if latest is None:
        return "สำรองล่าสุด: ยังไม่มี"
    return f"สำรองล่าสุด: {format_thai_date(latest.made_at.date())} {latest.made_at:%H:%M} น."


def made_at_of(path: Path) -> datetime:
    parsed = backups.parse_backup_name(path.name)
    return parsed[0] if parsed else datetime.fromtimestamp(path.stat().st_mtime)


class RestoreConfirmDialog(QDialog):
    """Shows what the backup holds and what will happen, before anything is replaced."""

    def __init__(
        self,
        backup_path: Path,
        summary: backups.DatabaseSummary,
        current: backups.DatabaseSummary | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("กู้คืนข้อมูลจากไฟล์สำรอง")
        heading = QLabel("<b>ตรวจสอบไฟล์สำรองก่อนกู้คืน</b>")
        form = QFormLayout()
        form.addRow("ไฟล์:", QLabel(backup_path.name))
        form.addRow("สำรองเมื่อ:", QLabel(thai_when(made_at_of(backup_path))))
        form.addRow("สำนักงาน:", QLabel(summary.office_name or "-"))
        for key, (label, unit) in _COUNT_LABELS.items():
            if key in summary.counts:
                now = ""
                if current is not None and key in current.counts:
                    now = f"  (ปัจจุบัน {current.counts[key]:,} {unit})"
                form.addRow(f"{label}:", QLabel(f"{summary.counts[key]:,} {unit}{now}"))
        # One label per line: Qt packs Thai lines of one label so tight that marks touch.
        note = QVBoxLayout()
        note.setSpacing(4)
        for line in (
            "ข้อมูลปัจจุบันทั้งหมดจะถูกแทนที่ด้วยข้อมูลในไฟล์สำรองนี้",
            "ก่อนกู้คืน โปรแกรมจะสำรองฐานข้อมูลปัจจุบันไว้ในโฟลเดอร์ backups ให้ก่อน",
            "จึงย้อนกลับได้หากเลือกไฟล์ผิด",
        ):
            note.addWidget(QLabel(line))
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton("กู้คืน", QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton("ยกเลิก", QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addLayout(note)
        layout.addWidget(buttons)


class DamagedDatabaseDialog(QDialog):
    """The start-up message for a damaged database: use the newest good backup, or choose."""

    USE_BACKUP, CHOOSE_FILE, QUIT = 1, 2, 0

    def __init__(self, error: DamagedDatabaseError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("ฐานข้อมูลเสียหาย")
        self.choice = self.QUIT
        message = QLabel(with_word_breaks(error.message))
        message.setWordWrap(True)
        message.setMinimumWidth(520)
        details = QPlainTextEdit("\n".join(error.problems[:50]))
        details.setReadOnly(True)
        details.setMaximumHeight(90)
        buttons = QDialogButtonBox()
        if error.backup is not None:
            use = buttons.addButton("ใช้สำเนาสำรองล่าสุด", QDialogButtonBox.ButtonRole.AcceptRole)
            use.setDefault(True)
            use.clicked.connect(lambda: self._choose(self.USE_BACKUP))
        choose = buttons.addButton("เลือกไฟล์สำรอง…", QDialogButtonBox.ButtonRole.ActionRole)
        choose.clicked.connect(lambda: self._choose(self.CHOOSE_FILE))
        quit_button = buttons.addButton("ออกจากโปรแกรม", QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.clicked.connect(lambda: self._choose(self.QUIT))
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(QLabel("สิ่งที่ตรวจพบ (สำหรับผู้ดูแลระบบ):"))
        layout.addWidget(details)
        layout.addWidget(buttons)

    def _choose(self, choice: int) -> None:
        self.choice = choice
        self.done(1 if choice else 0)


def choose_folder(parent: QWidget | None, title: str) -> Path | None:
    folder = QFileDialog.getExistingDirectory(parent, title, str(thai_qt.start_folder()))
    if folder:
        thai_qt.remember(folder)
    return Path(folder) if folder else None


def choose_backup_file(parent: QWidget | None, start: Path) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent, "เลือกไฟล์สำรอง", str(start), "ฐานข้อมูล อสร. (*.db);;ทุกไฟล์ (*)"
    )
    return Path(name) if name else None


def confirm_restore(
    parent: QWidget | None,
    backup_path: Path,
    summary: backups.DatabaseSummary,
    current: backups.DatabaseSummary,
) -> bool:
    return bool(RestoreConfirmDialog(backup_path, summary, current, parent).exec())


def back_up_to(parent: QWidget, context: AppContext) -> Path | None:
    """แฟ้ม → สำรองข้อมูลไปที่…"""
    folder = choose_folder(parent, "เลือกโฟลเดอร์หรือแฟลชไดรฟ์สำหรับเก็บสำเนา")
    if folder is None:
        return None
    try:
        target = backups.backup_to(context.office.db, folder)
    except AsrError as exc:
        ask.error(parent, "สำรองข้อมูลไม่สำเร็จ", exc.message)
        return None
    ask.inform(parent, "สำรองข้อมูลแล้ว", f"บันทึกสำเนาที่ตรวจสอบแล้วไว้ที่\n{target}")
    return target


def restore_from(parent: QWidget, context: AppContext) -> bool:
    """แฟ้ม → กู้คืนข้อมูล…: choose, show what it holds, back up, replace, refresh."""
    path = choose_backup_file(parent, backups.backups_dir(context.db_path))
    if path is None:
        return False

    try:
        summary = backups.check_backup(path)
        current = backups.summarise(context.db_path)
        if not confirm_restore(parent, path, summary, current):
            return False
        warning = shrink_warning(summary, current)
        if warning and not ask.confirm(
            parent,
            "สำเนานี้มีข้อมูลน้อยกว่าปัจจุบันมาก",
            f"{warning}\n\nต้องการกู้คืนจากสำเนานี้จริงหรือไม่?",
            danger=True,
        ):
            return False
        result = backups.restore(context.office.db, path)
    except AsrError as exc:
        ask.error(parent, "กู้คืนข้อมูลไม่สำเร็จ", exc.message)
        return False
    context.reload_settings()
    context.notify(*EVERYTHING)
    ask.inform(
        parent,
        "กู้คืนข้อมูลแล้ว",
        f"กู้คืนข้อมูลจาก {path.name} แล้ว\nข้อมูลก่อนกู้คืนถูกสำรองไว้ที่ {result.safety_backup}",
    )
    return True


def check_now(parent: QWidget, context: AppContext) -> list[str]:
    """แฟ้ม → ตรวจสอบฐานข้อมูล"""
    problems = backups.health_problems(context.db_path)
    if problems:
        ask.warn(
            parent,
            "พบปัญหาในฐานข้อมูล",
            "ตรวจพบปัญหา:\n" + "\n".join(problems[:20]) + "\n\nควรกู้คืนจากสำเนาสำรองล่าสุด",
        )
    else:
        ask.inform(parent, "ตรวจสอบฐานข้อมูล", "ฐานข้อมูลปกติ ไม่พบปัญหา")
    return problems


def recover_damaged(error: DamagedDatabaseError) -> bool:
    """At start-up: offers the newest good backup; True when the file was replaced.

    A backup that is empty or much smaller than what the office had is used only after a
    second, plain question (as a restore from the menu); saying no goes back to the choice.
    """
    while True:
        dialog = DamagedDatabaseDialog(error)
        dialog.exec()
        if dialog.choice == DamagedDatabaseDialog.QUIT:
            return False
        if dialog.choice == DamagedDatabaseDialog.USE_BACKUP and error.backup is not None:
            source: Path | None = error.backup.path
        else:
            source = choose_backup_file(None, backups.backups_dir(error.path))
        if source is None:
            return False
        try:
            warning = recovery_warning(source, backups.check_backup(source), error.path)
            if warning and not ask.confirm(
                None,
                "สำเนานี้มีข้อมูลน้อยผิดปกติ",
                f"{warning}\n\nต้องการใช้สำเนานี้แทนไฟล์ที่เสียหายจริงหรือไม่?",
                danger=True,
            ):
                continue
            result = backups.restore_file(error.path, source)
        except AsrError as exc:
            ask.error(None, "กู้คืนข้อมูลไม่สำเร็จ", exc.message)
            return False
        break
    ask.inform(
        None,
        "กู้คืนข้อมูลแล้ว",
        f"ใช้ข้อมูลจากสำเนา {source.name} แล้ว\nไฟล์ที่เสียหายเก็บไว้ที่ {result.damaged_aside}",
    )
    return True
