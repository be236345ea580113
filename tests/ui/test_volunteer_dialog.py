import pytest
from PySide6.QtWidgets import QPushButton
from tests.work_helpers import national_id

from asr_desktop.domain.national_id import format_national_id
from asr_desktop.ui import volunteer_dialog
from asr_desktop.ui.volunteer_dialog import VolunteerDialog


@pytest.fixture
def dialog(qtbot, context):
    dialog = VolunteerDialog(context, None)
    qtbot.addWidget(dialog)
    return dialog


def fill(dialog, national_id):
    dialog.national_id.setText(national_id)
    dialog.national_id.editingFinished.emit()
    dialog.title.setCurrentText("นางสาว")
    dialog.first_name.setText("ศิริพร")
    dialog.last_name.setText("ทองดี")
    dialog.birth_date.setText("12 ก.พ. 2523")
    dialog.phone.setText("๐๘๑-๒๓๔-๕๖๗๘")
    dialog.area.set_subdistrict_code("470101")


def test_refuses_a_wrong_check_digit_and_saves_nothing(dialog, context):
    good = national_id(77)
    bad = good[:12] + str((int(good[12]) + 1) % 10)
    fill(dialog, bad)
    assert "หลักสุดท้าย" in dialog.errors["national_id"].message
    dialog.save()
    assert dialog.saved_id is None
    assert context.office.db.execute("SELECT count(*) FROM volunteers").fetchone()[0] == 5


def test_saves_a_good_record_with_normalised_values(dialog, context):
    fill(dialog, national_id(77))
    assert dialog.postcode.text() == "47000"  # filled in from the tambon
    assert dialog.gender.currentData() == "female"  # guessed from the title
    dialog.save()
    assert dialog.saved_id is not None
    saved = context.office.db.execute(
        "SELECT national_id, phone, birth_date, postcode FROM volunteers WHERE id = ?",
        [dialog.saved_id],
    ).fetchone()
    assert saved == (national_id(77), "0812345678", "1980-02-12", "47000")


def test_new_volunteer_with_first_term(dialog, context):
    fill(dialog, national_id(78))
    dialog.first_term.start.setText("1/10/2568")
    dialog.first_term.start.editingFinished.emit()
    assert dialog.first_term.end.text() == "30/09/2571"  # the office's 3-year term
    dialog.save()
    status = context.office.db.execute(
        "SELECT tier, term_end FROM volunteers WHERE id = ?", [dialog.saved_id]
    ).fetchone()
    assert status == ("lead", "2028-09-30")


def test_duplicate_id_offers_the_existing_record(dialog, qtbot):
    fill(dialog, format_national_id(national_id(1)))
    assert "มีอยู่ในทะเบียนแล้ว" in dialog.errors["national_id"].message
    assert dialog.open_duplicate.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.open_other) as opened:
        dialog.open_duplicate.click()
    assert opened.args == [1]


def test_impossible_date_is_refused_with_a_reason(dialog):
    fill(dialog, national_id(79))
    dialog.birth_date.setText("31/2/2563")
    dialog.save()
    assert dialog.saved_id is None
    assert "31" in dialog.errors["birth_date"].message


def test_escape_asks_before_discarding_changes(dialog, monkeypatch):
    asked = []
    monkeypatch.setattr(volunteer_dialog.ask, "confirm", lambda *a, **k: asked.append(a) or False)
    dialog.reject()  # nothing typed yet: closes without asking
    assert asked == []
    dialog.first_name.setText("ชื่อใหม่")
    dialog.reject()
    assert len(asked) == 1


def test_edit_shows_terms_and_records_an_exit(qtbot, context, monkeypatch):
    from asr_desktop.domain.vocabulary import StatusChange
    from asr_desktop.ui import term_dialogs

    dialog = VolunteerDialog(context, 1)
    qtbot.addWidget(dialog)
    assert dialog.first_name.text() == "สมชาย"
    assert "ปฏิบัติหน้าที่" in dialog.status_label.text()
    assert dialog.terms_list.count() == 1

    def fake_exec(self):
        self.date_value = context.today()
        return True

    monkeypatch.setattr(term_dialogs.StatusChangeDialog, "exec", fake_exec)
    dialog.change_status(StatusChange.EXITED)
    assert "พ้นสภาพ" in dialog.status_label.text()
    assert dialog.events_list.count() == 1


def test_first_term_areas_default_to_the_home_tambon(dialog, context):
    fill(dialog, national_id(80))
    assert dialog.first_term.checked_areas() == ("470101",)
    dialog.first_term.start.setText("1/10/2568")
    dialog.save()
    terms = context.office.db.execute(
        "SELECT area_codes FROM terms WHERE volunteer_id = ?", [dialog.saved_id]
    ).fetchall()
    assert terms == [("470101",)]


def test_photo_is_scaled_and_saved_with_the_record(dialog, context, tmp_path, monkeypatch):
    from PySide6.QtGui import QColor, QImage

    from asr_desktop.store.photos import load_photo

    picture = QImage(1200, 1600, QImage.Format.Format_RGB32)
    picture.fill(QColor("#3366aa"))
    path = tmp_path / "photo.png"
    picture.save(str(path))
    monkeypatch.setattr(volunteer_dialog.ask, "open_file", lambda *a: str(path))
    fill(dialog, national_id(81))
    dialog.photo.choose()
    dialog.save()
    image, mime = load_photo(context.office.db, dialog.saved_id)
    stored = QImage.fromData(image)
    assert mime == "image/jpeg" and (stored.width(), stored.height()) == (600, 800)


def test_unreadable_photo_file_is_refused_with_a_message(dialog, tmp_path, monkeypatch):
    path = tmp_path / "not-a-photo.jpg"
    path.write_text("hello")
    warnings = []
    monkeypatch.setattr(volunteer_dialog.ask, "open_file", lambda *a: str(path))
    monkeypatch.setattr("asr_desktop.ui.photo_box.ask.warn", lambda *a: warnings.append(a[2]))
    dialog.photo.choose()
    assert dialog.photo.change is None
    assert "อ่านไฟล์รูปไม่ได้" in warnings[0]


def test_work_tab_shows_attendance_and_history(qtbot, context):
    from datetime import date

    from asr_desktop.domain.work import Attendee, AttendeeRole, Event
    from asr_desktop.services.events import EventService

    EventService(context.office.db).save(
        Event(
            title="อบรมเสริมศักยภาพอาสาสมัครแรงงาน",
            start_date=date(2026, 3, 10),
            venue="ศาลากลางจังหวัดสกลนคร",
        ),
        [Attendee(role=AttendeeRole.LEAD, volunteer_id=1, attended=True)],
    )
    dialog = VolunteerDialog(context, 1)
    qtbot.addWidget(dialog)
    tab = dialog.work_tab
    assert "เข้าร่วมกิจกรรม/อบรม: 1 ครั้ง" in tab.summary.text()
    assert tab.attendance.rowCount() == 1
    assert tab.attendance.item(0, 1).text() == "อบรมเสริมศักยภาพอาสาสมัครแรงงาน"


def test_anonymised_record_opens_read_only(qtbot, context, monkeypatch):
    from asr_desktop.services.privacy import anonymise

    anonymise(context.office.db, 2)
    dialog = VolunteerDialog(context, 2)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()
    assert dialog.first_name.isReadOnly()
    assert dialog.notes.isReadOnly() and not dialog.photo.isEnabled()
    enabled = {b.text() for b in dialog.findChildren(QPushButton) if b.isEnabled()}
    assert enabled == {"ปิด", "ประวัติการแก้ไข…", "ส่งออกข้อมูลของบุคคลนี้…"}


def test_anonymising_says_so_and_closes(qtbot, context, monkeypatch):
    from asr_desktop.ui import privacy_actions

    told = []
    monkeypatch.setattr(privacy_actions.ask, "confirm", lambda *a, **k: True)
    monkeypatch.setattr(privacy_actions, "backup_now", lambda *a: None)
    monkeypatch.setattr(volunteer_dialog.ask, "inform", lambda *a: told.append(a[1:]))
    dialog = VolunteerDialog(context, 2)
    qtbot.addWidget(dialog)
    dialog.work_tab._anonymise()
    assert told and told[0][0] == "ลบข้อมูลระบุตัวตนแล้ว" and "บัตร" in told[0][1]
    assert dialog.result() == dialog.DialogCode.Accepted


@pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen show()
def test_visiting_every_tab_changes_nothing(qtbot, context, monkeypatch):
    """Qt reorders the dialog's children when a tab is first shown; the form must still
    compare each field with its own saved value (issue 22: a false "unsaved changes")."""
    asked = []
    monkeypatch.setattr(volunteer_dialog.ask, "confirm", lambda *a, **k: asked.append(a) or False)
    dialog = VolunteerDialog(context, 1)
    qtbot.addWidget(dialog)
    dialog.show()
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        qtbot.wait(10)
    assert not dialog.has_changes()
    dialog.reject()
    assert asked == [] and not dialog.isVisible()
    # A real change on a tab shown late is still noticed.
    dialog = VolunteerDialog(context, 1)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(1)
    qtbot.wait(10)
    dialog.road.setText("ถนนใหม่")
    dialog.tabs.setCurrentIndex(3)
    qtbot.wait(10)
    assert dialog.has_changes()


@pytest.mark.parametrize(
    ("typed", "stored", "gender"),
    [
        ("รตอ.", "ร้อยตำรวจเอก", "male"),
        ("ร.ต.อ. หญิง", "ร้อยตำรวจเอกหญิง", "female"),
        ("นพ.", "นายแพทย์", "male"),
        ("ผศ.ดร.", "ผู้ช่วยศาสตราจารย์ ดร.", None),
        ("แพทย์หญิง (พญ.)", "แพทย์หญิง", "female"),  # picked from the list
    ],
)
def test_title_in_any_written_form_is_stored_in_the_tables_form(
    dialog, context, typed, stored, gender
):
    fill(dialog, national_id(78))
    dialog.gender.setCurrentIndex(0)
    dialog.title.setCurrentText(typed)
    assert dialog.title.note.isHidden()
    assert dialog.gender.currentData() == gender
    dialog.save()
    assert dialog.saved_id is not None
    row = context.office.db.execute("SELECT title FROM volunteers WHERE id = ?", [dialog.saved_id])
    assert row.fetchone()[0] == stored


def test_title_list_offers_the_whole_table_found_by_short_form(dialog):
    assert dialog.title.count() > 200
    assert dialog.title.findText("ร้อยตำรวจเอกหญิง (ร.ต.อ.หญิง)") > 0
    completer = dialog.title.completer()
    completer.setCompletionPrefix("ร.ต.อ.")
    shown = [
        completer.completionModel().index(i, 0).data() for i in range(completer.completionCount())
    ]
    assert "ร้อยตำรวจเอก (ร.ต.อ.)" in shown and "ว่าที่ร้อยตำรวจเอก (ว่าที่ ร.ต.อ.)" in shown


def test_another_title_is_accepted_with_a_visible_note(dialog, context):
    fill(dialog, national_id(79))
    dialog.title.setCurrentText("ผู้ใหญ่บ้าน")
    assert not dialog.title.note.isHidden()
    assert "ไม่อยู่ในรายการ" in dialog.title.note.text().replace("\u200b", "")
    dialog.save()
    assert dialog.saved_id is not None
    row = context.office.db.execute("SELECT title FROM volunteers WHERE id = ?", [dialog.saved_id])
    assert row.fetchone()[0] == "ผู้ใหญ่บ้าน"


@pytest.mark.parametrize("pasted", ["1.47078E+12", "1470780000000.0", "1,470,780,000,000"])
def test_an_id_excel_rounded_is_refused_when_pasted(dialog, context, pasted):
    fill(dialog, pasted)
    assert "ตัวเลขถูก Excel ปัดเป็น" in dialog.errors["national_id"].message
    assert "จัดรูปแบบเซลล์เป็นข้อความ" in dialog.errors["national_id"].message
    dialog.save()
    assert dialog.saved_id is None


def test_an_exact_id_pasted_from_a_number_cell_is_taken(dialog):
    fill(dialog, national_id(80) + ".0")
    assert dialog.errors["national_id"].message == ""
    assert dialog.national_id.text() == format_national_id(national_id(80))
