"""Printing rows as an aligned table, CSV or JSON; the CLI's one date rule.

The table is for people: dates in พ.ศ. as on screen ("24 พ.ย. 2569"), phones as
"081-234-5678", columns padded by terminal display width. CSV and JSON are for programs:
ISO dates (ค.ศ.) and bare digits.

Dates and months on the command line follow one rule: a year of 2400 or more is พ.ศ.,
a smaller one ค.ศ. So ``--date 2569-11-24`` and ``--date 2026-11-24`` are the same day,
``--month 2568-10`` and ``--month 2025-10`` the same month.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any, TextIO

from wcwidth import wcswidth, wcwidth

from asr_desktop.domain.errors import AsrError, InputError
from asr_desktop.domain.month import Month
from asr_desktop.domain.phone import format_phone
from asr_desktop.domain.thai_dates import format_thai_date

FORMATS = ("table", "csv", "json")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: Any) -> Any:
    """A text that Excel would read as a formula (``=HYPERLINK(…)``, ``+``, ``-``, ``@``,
    or after a tab or CR) gets a leading apostrophe, as OWASP advises for CSV; the xlsx
    writer stores such text as a string cell instead."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


BE_OFFSET = 543
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class UsageError(AsrError):
    """The command line asks for something impossible (exit code 2, like argparse's)."""


def display_width(text: str) -> int:
    """Columns a string takes in a terminal: Thai vowel and tone marks take none."""
    width = wcswidth(text)
    if width >= 0:
        return int(width)
    # A control character somewhere: count the printable ones only.
    return sum(max(int(wcwidth(ch)), 0) for ch in text)


def table_text(key: str, value: Any) -> str:
    """A value as the table shows it: พ.ศ. dates, phones with dashes."""
    if value is None:
        return ""
    if isinstance(value, date):
        return format_thai_date(value)
    text = str(value)
    if _ISO_DATE.fullmatch(text):
        try:
            return format_thai_date(date.fromisoformat(text))
        except ValueError:
            return text
    if key == "phone" or key.endswith("_phone"):
        return format_phone(text) if text.isdigit() else text
    return text


def json_value(value: Any) -> Any:
    """What JSON gets for a value it has no type for: a date as ISO (ค.ศ.), as documented.

    Anything else (a domain object that slipped into a row) still fails loudly: the command
    must say it as plain documented fields, not as whatever ``str()`` would make of it.
    """
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} has no JSON form")


def print_rows(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[tuple[str, str]],
    fmt: str,
    out: TextIO | None = None,
) -> None:
    """Prints ``rows`` (dicts) in ``fmt``; ``columns`` are (key, header) for table and csv.

    JSON prints every key of each row, not just the columns.
    """
    out = out or sys.stdout
    if fmt == "json":
        json.dump(list(rows), out, ensure_ascii=False, indent=2, default=json_value)
        out.write("\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([neutralise_formula(header) for _, header in columns])
        for row in rows:
            writer.writerow(
                ["" if row.get(k) is None else neutralise_formula(row.get(k)) for k, _ in columns]
            )
    else:
        cells = [[header for _, header in columns]]
        cells += [[table_text(k, row.get(k)) for k, _ in columns] for row in rows]
        widths = [max(display_width(line[i]) for line in cells) for i in range(len(columns))]
        for line in cells:
            padded = [
                text + " " * (w - display_width(text)) for text, w in zip(line, widths, strict=True)
            ]
            out.write("  ".join(padded).rstrip() + "\n")


def date_arg(text: str) -> date:
    """``--date``: "2569-11-24" (พ.ศ.) or "2026-11-24" (ค.ศ., a year below 2400)."""
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"วันที่ต้องเป็น ปปปป-ดด-วว เช่น 2569-11-24: {text!r}")
    year, month, day = (int(part) for part in match.groups())
    if year >= 2400:
        year -= BE_OFFSET
    try:
        return date(year, month, day)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ไม่มีวันที่นี้ในปฏิทิน: {text!r}") from None


def month_arg(text: str) -> Month:
    """``--month``: "2568-10" (พ.ศ.) or "2025-10" (ค.ศ., a year below 2400)."""
    try:
        return Month.parse(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None
