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
