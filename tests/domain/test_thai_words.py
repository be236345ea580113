from hypothesis import given
from hypothesis import strategies as st

from asr_desktop.domain.thai_words import (
    ZWSP,
    SortedWords,
    dictionary,
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
    from asr_desktop.domain import thai_words as module

    monkeypatch.setattr(module, "_dictionary", None)
    with_word_breaks.cache_clear()
    loading = warm_up()
    assert with_word_breaks("รายงานผลการปฏิบัติงาน").split(ZWSP) == ["รายงาน", "ผล", "การ", "ปฏิบัติงาน"]
    loading.join(timeout=30)
    with_word_breaks.cache_clear()
