"""The optional password: asked at start, set or cleared from the menu.

The password guards the app, not the file (see services/access.py and the README's
recovery note), so the dialog says plainly what to do when it is forgotten.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path, PureWindowsPath

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from asr_desktop.services.access import (
    FREE_TRIES,
    LoginAttempt,
    clear_password,
    failures_in_a_row,
    password_required,
    seconds_to_wait,
    set_password,
    try_password,
)
from asr_desktop.services.office import Office
from asr_desktop.services.roster import InvalidRecord
from asr_desktop.ui import ask

MAX_TRIES = FREE_TRIES


def cli_program() -> str:
    """The command-line program as the user must type it: the installed asr-cli.exe beside
    the app (not on PATH on Windows), or ``asr-cli`` when run from source."""
    if getattr(sys, "frozen", False):
        if sys.platform == "win32":
            return _quoted(str(PureWindowsPath(sys.executable).with_name("asr-cli.exe")))
        return _quoted(str(Path(sys.executable).with_name("asr-cli")))
    return "asr-cli"


def _quoted(text: str) -> str:
    return f'"{text}"' if " " in text else text


def forgotten_hint(db_path: Path | None) -> str:
    """What to do when the password is forgotten, with the real file and program."""
    where = _quoted(str(db_path)) if db_path is not None else "<ไฟล์ฐานข้อมูล>"
    return (
        "ลืมรหัสผ่าน: ผู้ที่เข้าใช้เครื่องนี้ได้ ยกเลิกรหัสผ่านได้ด้วยคำสั่ง\n"
        f"{cli_program()} --db {where} password --clear"
    )


class LoginDialog(QDialog):
    def __init__(self, office: Office, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = office.db
        self.path = office.path
        self.tries = 0
        self.setWindowTitle("เข้าสู่โปรแกรม อสร. Desktop")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel("")
        self.message.setStyleSheet("color: #b00020")
        self.message.setWordWrap(True)
        hint = QLabel(forgotten_hint(office.path))
        hint.setStyleSheet("color: #555")
        hint.setWordWrap(True)
        hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox()
        buttons.addButton("เข้าสู่โปรแกรม", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("ยกเลิก", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("รหัสผ่าน:", self.password)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)  # the recovery command's path on one or two lines
        failures, _ = failures_in_a_row(self.db)
        waiting = seconds_to_wait(self.db, datetime.now())
        if waiting:  # a wait begun before the app was closed still runs
            self.message.setText(attempt_message(LoginAttempt(False, failures, waiting)))

    def try_login(self) -> None:
        attempt = try_password(self.db, self.password.text())
        self.password.clear()
        if attempt.ok:
            self.accept()
            return
        self.tries += 1
        self.message.setText(attempt_message(attempt))


def attempt_message(attempt: LoginAttempt) -> str:
    """Why the door stayed shut, and for how long (the count survives a restart)."""
    if attempt.wait and attempt.failures >= MAX_TRIES:
        return (
            f"ใส่รหัสผ่านผิดติดต่อกัน {attempt.failures} ครั้ง (บันทึกไว้ในประวัติการแก้ไขแล้ว) "
            f"กรุณารอ {_duration(attempt.wait)} แล้วลองใหม่ ยิ่งผิดซ้ำ ยิ่งต้องรอนานขึ้น"
        )
    left = MAX_TRIES - attempt.failures
    return f"รหัสผ่านไม่ถูกต้อง (ลองได้อีก {left} ครั้ง ก่อนต้องรอ)"


def _duration(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} วินาที"
    minutes = -(-seconds // 60)
    return f"{minutes} นาที"


def login(office: Office) -> bool:
    """True when no password is set or the right one was typed."""
    if not password_required(office.db):
        return True
    return bool(LoginDialog(office).exec())


class PasswordDialog(QDialog):
    """Set, change or clear the password for opening the app."""

    def __init__(self, office: Office, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = office.db
        self.setWindowTitle("รหัสผ่านเข้าโปรแกรม")
        self.password = QLineEdit()
        self.repeated = QLineEdit()
        for edit in (self.password, self.repeated):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel("")
        self.message.setStyleSheet("color: #b00020")
        note = QLabel(
            "รหัสผ่านป้องกันการเปิดโปรแกรมในเครื่องที่ใช้ร่วมกัน ไม่ได้เข้ารหัสไฟล์ฐานข้อมูล\n"
            + forgotten_hint(office.path)
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox()
        buttons.addButton("บันทึกรหัสผ่าน", QDialogButtonBox.ButtonRole.AcceptRole)
        self.clear_button = buttons.addButton(
            "ยกเลิกการใช้รหัสผ่าน", QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.clear_button.setEnabled(password_required(self.db))
        self.clear_button.clicked.connect(self.clear)
        buttons.addButton("ปิด", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("รหัสผ่านใหม่:", self.password)
        form.addRow("พิมพ์ซ้ำ:", self.repeated)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            set_password(self.db, self.password.text(), self.repeated.text())
        except InvalidRecord as exc:
            self.message.setText("\n".join(p.message for p in exc.problems))
            return
        self.accept()

    def clear(self) -> None:
        if ask.confirm(self, "ยกเลิกรหัสผ่าน", "เปิดโปรแกรมโดยไม่ต้องใส่รหัสผ่าน?"):
            clear_password(self.db)
            self.accept()
