from hypothesis import given
from hypothesis import strategies as st

from asr_desktop.domain import thai_words as module
from asr_desktop.domain.thai_words import (
    FIRST_SCREEN_WORDS,
    ZWSP,
    SortedWords,
    dictionary,
    dictionary_breaks,
    first_screen_breaks,
    thai_words,
    warm_up,
    with_word_breaks,
)


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


# -- the dictionary: pythainlp's word list without pythainlp's trie ----------------------

THAI_LETTERS = "กขคงจนมยรลวสอะาิีุเแ่้ำ"


@given(
    words=st.lists(st.text(THAI_LETTERS, min_size=0, max_size=5), max_size=40),
    text=st.text(THAI_LETTERS + " ", max_size=25),
    start=st.integers(0, 25),
)
def test_sorted_words_find_the_same_prefixes_as_pythainlps_trie(words, text, start):
    from pythainlp.util import Trie

    assert SortedWords(words).prefixes(text, start) == Trie(words).prefixes(text, start)
    # A Trie counts an empty word, though it never finds one.
    assert len(SortedWords(words)) == len(Trie(w for w in words if w.strip()))


def test_sorted_words_strip_and_hold_each_word_once():
    words = SortedWords([" ดี ", "ดี", "", "สวัสดี\n", "สวัส"])
    assert list(words) == ["ดี", "สวัส", "สวัสดี"]
    assert "สวัสดี" in words and "สวัสด" not in words and 3 not in words
    assert words.prefixes("สวัสดีครับ") == ["สวัส", "สวัสดี"]
    assert words.prefixes("ครับสวัสดี", 4) == ["สวัส", "สวัสดี"]


def test_newmm_splits_as_with_pythainlps_own_dictionary():
    """The whole word list, the real sentences: the same words as pythainlp's default."""
    from pythainlp.tokenize import word_tokenize
    from tests.reports.thai_samples import NAMES, SENTENCES

    assert len(dictionary()) == 62_106
    for text in [*SENTENCES, *NAMES]:
        assert thai_words(text) == word_tokenize(text, engine="newmm"), text


def test_threads_that_ask_together_share_one_dictionary():
    threads = [warm_up() for _ in range(4)]
    for thread in threads:
        thread.join(timeout=30)
    assert all(not thread.is_alive() for thread in threads)
    assert dictionary() is dictionary()
    assert with_word_breaks("สำนักงานแรงงาน").split(ZWSP) == ["สำนักงาน", "แรงงาน"]


def test_a_label_asked_for_while_the_dictionary_loads_still_gets_its_breaks(monkeypatch):
    """The GUI asks while the warm-up thread is still loading: it waits, it is not left
    without breaks (Qt on Windows could not wrap it)."""
    monkeypatch.setattr(module, "_dictionary", None)
    with_word_breaks.cache_clear()
    loading = warm_up()
    assert with_word_breaks("รายงานผลการปฏิบัติงาน").split(ZWSP) == ["รายงาน", "ผล", "การ", "ปฏิบัติงาน"]
    loading.join(timeout=30)
    with_word_breaks.cache_clear()


# -- the first screen's words, kept split so that screen needs no word list ------------


def test_the_first_screens_words_are_split_as_the_word_list_splits_them():
    for entry in FIRST_SCREEN_WORDS:
        run = entry.replace("|", "")
        split = dictionary_breaks(run).replace(ZWSP, "|")
        assert entry == split, f"FIRST_SCREEN_WORDS: {entry!r} should be {split!r}"
        assert len(run) > 1 and all(module._is_thai_letter(ch) for ch in run), entry


def test_first_screen_text_gets_the_word_lists_breaks_without_the_word_list(monkeypatch):
    def no_word_list():
        raise AssertionError("the word list was loaded")

    monkeypatch.setattr(module, "dictionary", no_word_list)
    with_word_breaks.cache_clear()
    texts = [
        "กำลังเปิดฐานข้อมูล…",
        "ผลการปฏิบัติงานเดือนนี้ (ครั้ง)",
        "97.6% · ขาด 3 ตำบล",
        "เดือนก่อน 1,377 ▼ · เข้าถึง 661 คน",
        "ไม่มีรายงานผลตั้งแต่ 1 เม.ย. 2569",
        f"ตำบลที่มี{ZWSP}แกนนำปฏิบัติหน้าที่",  # marks already there are not doubled
    ]
    shown = [with_word_breaks(text) for text in texts]
    with_word_breaks.cache_clear()
    monkeypatch.undo()
    assert shown == [dictionary_breaks(text) for text in texts]
    assert shown[0].split(ZWSP) == ["กำลัง", "เปิด", "ฐานข้อมูล…"]


def test_other_thai_is_not_in_the_first_screens_table():
    assert first_screen_breaks("เปิดฐานข้อมูล") is None  # part of a known run is not known
    assert first_screen_breaks("ตำบลABC") is None  # Latin touching Thai: the word list decides
    assert first_screen_breaks("ABC 12 ก.ย.") == "ABC 12 ก.ย."
