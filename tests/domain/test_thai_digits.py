from asr_desktop.domain.thai_digits import to_arabic_digits, to_thai_digits


def test_thai_to_arabic_keeps_other_characters() -> None:
    assert to_arabic_digits("โทร ๐๘๑-๒๓๔-๕๖๗๘ (ext. 9)") == "โทร 081-234-5678 (ext. 9)"


def test_arabic_to_thai_keeps_other_characters() -> None:
    assert to_thai_digits("12 ก.พ. 2563") == "๑๒ ก.พ. ๒๕๖๓"


def test_every_digit_maps_one_for_one() -> None:
    assert to_arabic_digits("๐๑๒๓๔๕๖๗๘๙") == "0123456789"
    assert to_thai_digits("0123456789") == "๐๑๒๓๔๕๖๗๘๙"


def test_empty_and_digitless_text_unchanged() -> None:
    assert to_arabic_digits("") == ""
    assert to_thai_digits("สกลนคร") == "สกลนคร"
