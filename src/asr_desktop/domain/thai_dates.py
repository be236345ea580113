# TEMPORARY: replaced by the domain-text branch.
from datetime import date

THAI_MONTHS_SHORT = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)


def parse_thai_date(text: str, *, today: date | None = None) -> date:
    d, m, y = (int(x) for x in text.split("/"))
    return date(y - 543 if y > 2400 else y, m, d)


def format_thai_date(d: date, style: str = "short", *, thai_digits: bool = False) -> str:
    if style == "numeric":
        return f"{d.day:02d}/{d.month:02d}/{d.year + 543}"
    return f"{d.day} {THAI_MONTHS_SHORT[d.month - 1]} {d.year + 543}"


def fiscal_year(d: date) -> int:
    return d.year + 543 + (1 if d.month >= 10 else 0)


# Added by the work branch with the signatures of the domain-text branch (which wins on merge).
THAI_MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)


def parse_month(text: str, *, today: date | None = None) -> tuple[int, int]:
    from asr_desktop.domain.errors import InputError

    try:
        y, m = (int(x) for x in text.strip().split("-"))
    except ValueError:
        raise InputError(f"อ่านเดือน '{text}' ไม่ได้ เช่น 2568-10", "date") from None
    if not 1 <= m <= 12:
        raise InputError(f"ไม่มีเดือนที่ {m}", "date")
    return (y - 543 if y >= 2400 else y), m


def format_thai_month(year_ce: int, month: int, *, thai_digits: bool = False) -> str:
    return f"{THAI_MONTHS[month - 1]} {year_ce + 543}"


def fiscal_quarter(d: date) -> int:
    return (d.month - 10) % 12 // 3 + 1


def fiscal_year_range(fy_be: int) -> tuple[date, date]:
    return date(fy_be - 544, 10, 1), date(fy_be - 543, 9, 30)
