"""The Thai name of each field of a volunteer's record, said once.

The form that edits a volunteer, the import preview's column mapping and the PDPA export
of a person's data all name the same fields; they take the words from here so an officer
who typed "บทบาทอาสาสมัครอื่น" in the form finds the same words in the import and the
person finds them in their export. The area fields are named as the address has them
(the record keeps one subdistrict code; the district and province follow from it).
"""

from __future__ import annotations

VOLUNTEER_FIELD_LABELS: dict[str, str] = {
    "national_id": "เลขประจำตัวประชาชน",
    "title": "คำนำหน้า",
    "first_name": "ชื่อ",
    "last_name": "นามสกุล",
    "gender": "เพศ",
    "birth_date": "วันเกิด",
    "phone": "โทรศัพท์",
    "line_id": "LINE ID",
    "house_no": "บ้านเลขที่",
    "moo": "หมู่ที่",
    "village": "หมู่บ้าน/ชุมชน",
    "soi": "ซอย",
    "road": "ถนน",
    "subdistrict": "ตำบล/แขวง",
    "district": "อำเภอ/เขต",
    "province": "จังหวัด",
    "postcode": "รหัสไปรษณีย์",
    "education": "การศึกษา",
    "occupation": "อาชีพ",
    "other_roles": "บทบาทอาสาสมัครอื่น",
    "pdpa_consent_date": "วันที่ให้ความยินยอม (PDPA)",
    "pdpa_purpose": "วัตถุประสงค์ที่ให้ความยินยอม",
    "notes": "หมายเหตุ",
    "created_at": "บันทึกครั้งแรกเมื่อ",
    "updated_at": "แก้ไขล่าสุดเมื่อ",
}
"""In the order a person's record is laid out (the PDPA export follows it)."""


def field_label(field: str) -> str:
    """The Thai name of one field of a volunteer's record."""
    return VOLUNTEER_FIELD_LABELS[field]
