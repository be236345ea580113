"""Checks on a whole volunteer record before it is saved.

Parsing typed text (IDs, dates, phones) happens field by field with the parsers in this
package; these checks look at the record as a whole and return every problem at once, so a
form can mark all bad fields in one go.
"""

from __future__ import annotations

from datetime import date

from asr_desktop.domain import areas
from asr_desktop.domain.errors import InputError
from asr_desktop.domain.model import Term, Volunteer
from asr_desktop.domain.national_id import normalize_national_id

MIN_AGE = 18
MAX_AGE = 100


def age_on(birth_date: date, today: date) -> int:
    before_birthday = (today.month, today.day) < (birth_date.month, birth_date.day)
    return today.year - birth_date.year - int(before_birthday)


def volunteer_problems(volunteer: Volunteer, *, today: date) -> list[InputError]:
    """Every reason the record cannot be saved as it is (empty when it can)."""
    problems: list[InputError] = []
    try:
        normalize_national_id(volunteer.national_id)
    except InputError as exc:
        problems.append(InputError(exc.message, "national_id"))
    if not volunteer.first_name.strip():
        problems.append(InputError("กรุณากรอกชื่อ", "first_name"))
    if not volunteer.last_name.strip():
        problems.append(InputError("กรุณากรอกนามสกุล", "last_name"))
    if volunteer.birth_date is not None:
        age = age_on(volunteer.birth_date, today)
        if age < MIN_AGE:
            problems.append(
                InputError(f"อายุ {age} ปี ต่ำกว่า {MIN_AGE} ปี ตรวจสอบวันเกิดอีกครั้ง", "birth_date")
            )
        elif age > MAX_AGE:
            problems.append(
                InputError(f"อายุ {age} ปี มากเกินไป ตรวจสอบปี พ.ศ. ของวันเกิด", "birth_date")
            )
    if not volunteer.subdistrict_code:
        problems.append(InputError("กรุณาเลือกตำบล", "subdistrict_code"))
    elif not areas.is_subdistrict(volunteer.subdistrict_code):
        problems.append(InputError(f"ไม่พบรหัสตำบล {volunteer.subdistrict_code}", "subdistrict_code"))
    elif volunteer.postcode and volunteer.postcode not in areas.postcodes(
        volunteer.subdistrict_code
    ):
        expected = ", ".join(areas.postcodes(volunteer.subdistrict_code))
        problems.append(
            InputError(
                f"รหัสไปรษณีย์ {volunteer.postcode} ไม่ตรงกับ"
                f"{areas.subdistrict_label(volunteer.subdistrict_code)} (ควรเป็น {expected})",
                "postcode",
            )
        )
    if volunteer.moo and not volunteer.moo.isdigit():
        problems.append(InputError("หมู่ที่ต้องเป็นตัวเลข", "moo"))
    return problems


def term_problems(term: Term) -> list[InputError]:
    problems: list[InputError] = []
    if term.end_date < term.start_date:
        problems.append(InputError("วันสิ้นสุดวาระต้องไม่ก่อนวันเริ่มวาระ", "end_date"))
    if term.ended_date is not None and term.ended_date < term.start_date:
        problems.append(InputError("วันที่สิ้นสุดก่อนกำหนดต้องไม่ก่อนวันเริ่มวาระ", "ended_date"))
    if term.ended_date is not None and term.ended_date > term.end_date:
        problems.append(InputError("วันที่สิ้นสุดก่อนกำหนดต้องไม่หลังวันสิ้นสุดวาระ", "ended_date"))
    if term.order_date is not None and term.order_date > term.start_date:
        problems.append(InputError("วันที่ของคำสั่งแต่งตั้งต้องไม่หลังวันเริ่มวาระ", "order_date"))
    return problems
