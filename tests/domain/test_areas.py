from asr_desktop.domain import areas


def test_labels_say_amphoe_and_tambon_outside_bangkok():
    assert areas.district_label("4701") == "อำเภอเมืองสกลนคร"
    assert areas.subdistrict_label("470101") == "ตำบลธาตุเชิงชุม"


def test_bangkok_labels_say_khet_and_khwaeng_once():
    assert areas.district_label("1001") == "เขตพระนคร"
    assert areas.subdistrict_label("100101") == "แขวงพระบรมมหาราชวัง"


def test_codes_names_and_postcodes():
    assert len(areas.provinces()) == 77
    assert len(areas.districts("47")) == 18
    assert areas.subdistrict_count("47") == 125
    assert areas.postcodes("470101") == ("47000",)
    assert not areas.is_subdistrict("479999")
