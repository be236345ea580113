import itertools
import sqlite3

import pytest

from asr_desktop.domain.thai_sort import thai_sort_key, thai_sorted


def assert_in_order(words: list[str]) -> None:
    for a, b in itertools.pairwise(words):
        assert thai_sort_key(a) < thai_sort_key(b), f"{a} should sort before {b}"


# Orders as the Royal Institute dictionary lists them (checked by hand against its
# ordering rules: consonants ก–ฮ, ฤ after ร, a bare consonant cluster before any vowel,
# vowels ะ ั า ำ ิ ี ึ ื ุ ู เ แ โ ใ ไ, leading vowels read after their consonant).
DICTIONARY_SEQUENCES = [
    ["ก", "กก", "กง", "กด", "กบ", "กม", "กร", "กล", "กว", "กษัตริย์", "กะ", "กัก", "กา"],
    ["กา", "กำ", "กิ", "กี", "กึก", "กือ", "กุ", "กู", "เก", "แก", "โก", "ใกล้", "ไก่", "ขา"],
    ["กาว", "กาเหว่า", "กำ"],  # a leading vowel inside a word is moved too
    ["เกม", "เกเร", "เกษตร", "เกาะ"],
    ["รวย", "ฤดู", "ฤๅษี", "ลง"],
    ["น้ำ", "นิ่ม", "โน้ต"],
    ["บอ", "บ่อ", "บอก"],  # marks decide only when the letters tie
    ["โรงเรียน", "ไร่", "ลม"],
    ["สกลนคร", "สกุล", "สง"],
    ["แก้ง", "แก้งเหนือ", "แกะ"],
    ["กระบือ", "กระเบื้อง", "กระเบื้องใหญ่", "กระแส"],
]


@pytest.mark.parametrize("words", DICTIONARY_SEQUENCES, ids=lambda w: f"{w[0]}…{w[-1]}")
def test_dictionary_order(words: list[str]) -> None:
    assert_in_order(words)


def test_tone_marks_decide_only_when_letters_tie() -> None:
    assert_in_order(["กา", "ก่า", "ก้า", "ก๊า", "ก๋า", "กาก"])
    assert_in_order(["เข็น", "เข่น", "เขนง"])  # ไม้ไต่คู้ before the tones, as in ICU
    assert_in_order(["จันทร", "จันทร์", "จันทรา"])


def test_leading_vowel_sorts_under_its_consonant() -> None:
    assert_in_order(["กู", "เกม", "ขม"])
    assert_in_order(["โต๊ะ", "ถนน"])


def test_spaces_and_punctuation_are_ignored_at_the_first_level() -> None:
    assert_in_order(["บ้าน กก", "บ้านข"])  # the space does not put บ้าน กก first
    assert_in_order(["นา-ดี", "นาดี"])  # equal letters: the text decides, never a tie
    assert_in_order(["กรุงเทพ", "กรุงเทพฯ", "กรุงเทพมหานคร"])


def test_digits_and_latin_sort_before_thai() -> None:
    assert_in_order(["10", "9", "ABC", "abd", "ก"])
    assert thai_sort_key("๑๒").split("\x01")[0] == thai_sort_key("12").split("\x01")[0]


def test_equal_keys_only_for_equal_text() -> None:
    variants = ["ก ข", "กข", "ก-ข", "ก๑", "ก1", "A", "a", "กฯ", "ก"]
    assert len({thai_sort_key(v) for v in variants}) == len(variants)


def test_sqlite_order_by_binary_gives_dictionary_order() -> None:
    words = ["แก้งเหนือ", "กา", "เกม", "ก้า", "กระเบื้องใหญ่", "แก้ง", "กระเบื้อง", "ข"]
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t (name TEXT, sort_key TEXT)")
    db.executemany("INSERT INTO t VALUES (?, ?)", [(w, thai_sort_key(w)) for w in words])
    ordered = [row[0] for row in db.execute("SELECT name FROM t ORDER BY sort_key")]
    db.close()
    assert ordered == thai_sorted(words)
    assert ordered == ["กระเบื้อง", "กระเบื้องใหญ่", "กา", "ก้า", "เกม", "แก้ง", "แก้งเหนือ", "ข"]


def test_thai_sorted_with_key() -> None:
    people = [("สมชาย", 1), ("กมล", 2), ("เกศินี", 3)]
    assert thai_sorted(people, key=lambda p: p[0]) == [("กมล", 2), ("เกศินี", 3), ("สมชาย", 1)]
