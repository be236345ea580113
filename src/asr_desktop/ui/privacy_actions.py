"""PDPA actions for one volunteer, for the volunteer dialog's buttons to call.

export_person_data(dialog, context, volunteer_id)   # "ส่งออกข้อมูลของบุคคลนี้…"
anonymise_volunteer(dialog, context, volunteer_id)  # "ลบข้อมูลระบุตัวตน…"
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from asr_desktop.domain.errors import AsrError
from asr_desktop.services.backup import backup_now
from asr_desktop.services.changes import Change
from asr_desktop.services.privacy import PersonExport, anonymise, export_person
from asr_desktop.ui import ask
from asr_desktop.ui.backup_dialogs import choose_folder
from asr_desktop.ui.context import AppContext


def export_person_data(
    parent: QWidget | None, context: AppContext, volunteer_id: int
) -> PersonExport | None:
    folder = choose_folder(parent, "เลือกโฟลเดอร์สำหรับบันทึกข้อมูลส่วนบุคคล")
    if folder is None:
        return None
    try:
        result = export_person(context.office.db, volunteer_id, Path(folder))
    except (AsrError, OSError) as exc:
        ask.error(parent, "ส่งออกข้อมูลไม่สำเร็จ", getattr(exc, "message", str(exc)))
        return None
    context.notify(Change.AUDIT)
    ask.inform(
        parent,
        "ส่งออกข้อมูลแล้ว",
        f"บันทึกไฟล์แล้ว:\n{result.json_path}\n{result.text_path}\n\n"
        "การส่งออกนี้ถูกบันทึกไว้ในบันทึกการส่งออกข้อมูลส่วนบุคคล",
    )
    return result


def anonymise_volunteer(parent: QWidget | None, context: AppContext, volunteer_id: int) -> bool:
    question = (
        "ลบชื่อ เลขประจำตัวประชาชน วันเกิด ที่อยู่ โทรศัพท์ และรูปถ่ายของอาสาสมัครรายนี้ "
        "รวมถึงข้อมูลเหล่านี้ในประวัติการแก้ไข?\n\n"
        "จำนวนในรายงานเดิมจะยังคงอยู่ (เพศ ตำบล วาระ สถานะ) "
        "การลบนี้ย้อนกลับไม่ได้ในฐานข้อมูล (โปรแกรมจะสำรองฐานข้อมูลไว้ก่อน)"
    )
    if not ask.confirm(parent, "ลบข้อมูลระบุตัวตน", question, danger=True):
        return False
    try:
        backup_now(context.office.db, "manual")
        anonymise(context.office.db, volunteer_id)
    except AsrError as exc:
        ask.error(parent, "ลบข้อมูลระบุตัวตนไม่สำเร็จ", exc.message)
        return False
    context.notify(Change.VOLUNTEERS)
    context.notify(Change.AUDIT)
    return True
