from asr_desktop.domain.thai_words import ZWSP, with_word_breaks


def test_inserts_breaks_between_thai_words_only():
    text = "กรุณาเลือกจังหวัดของสำนักงาน"
    shown = with_word_breaks(text)
    assert shown.replace(ZWSP, "") == text
    assert shown.split(ZWSP) == ["กรุณา", "เลือก", "จังหวัด", "ของ", "สำนักงาน"]


def test_leaves_latin_text_alone_and_is_idempotent():
    assert with_word_breaks("Database: C:\\data\\asr.db") == "Database: C:\\data\\asr.db"
    once = with_word_breaks("ข้อมูลที่แก้ไขยังไม่ได้บันทึก")
    assert with_word_breaks(once) == once


def test_no_break_is_added_next_to_a_space():
    shown = with_word_breaks("เลขประจำตัวประชาชน ต้องมี 13 หลัก")
    assert f"{ZWSP} " not in shown and f" {ZWSP}" not in shown
    assert shown.replace(ZWSP, "") == "เลขประจำตัวประชาชน ต้องมี 13 หลัก"
