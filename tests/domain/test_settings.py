from asr_desktop.domain.settings import (
    SETTINGS,
    OfficeSettings,
    format_setting,
    parse_setting,
    settings_from_texts,
)


def test_every_setting_has_a_thai_label():
    assert {s.key for s in SETTINGS} >= {"province_code", "office_name", "term_years"}
    for setting in SETTINGS:
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in setting.label), setting.key


def test_round_trip_through_text():
    settings = OfficeSettings(province_code="47", term_years=4, thai_digits_in_print=True)
    texts = {s.key: format_setting(s.key, getattr(settings, s.key)) for s in SETTINGS}
    assert settings_from_texts(texts) == settings


def test_missing_values_take_defaults():
    assert settings_from_texts({}) == OfficeSettings()
    assert parse_setting("term_years", None) == 3
