"""Printing rows as an aligned table, CSV or JSON."""

from __future__ import annotations

import csv
import json
import sys
import unicodedata
from collections.abc import Sequence
from typing import Any, TextIO

from asr_desktop.domain.errors import InputError
from asr_desktop.domain.month import Month

FORMATS = ("table", "csv", "json")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: Any) -> Any:
    """A text that Excel would read as a formula (``=HYPERLINK(…)``, ``+``, ``-``, ``@``,
    or after a tab or CR) gets a leading apostrophe, as OWASP advises for CSV; the xlsx
    writer stores such text as a string cell instead."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def display_width(text: str) -> int:
    """Columns a string takes in a terminal: Thai vowel and tone marks take none."""
    return sum(
        0 if unicodedata.combining(ch) or unicodedata.category(ch) == "Mn" else 1 for ch in text
    )


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
        json.dump(list(rows), out, ensure_ascii=False, indent=2)
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
        cells += [
            ["" if row.get(k) is None else str(row.get(k)) for k, _ in columns] for row in rows
        ]
        widths = [max(display_width(line[i]) for line in cells) for i in range(len(columns))]
        for line in cells:
            padded = [
                text + " " * (w - display_width(text)) for text, w in zip(line, widths, strict=True)
            ]
            out.write("  ".join(padded).rstrip() + "\n")


def month_arg(text: str) -> Month:
    """``--month``: "2568-10" (พ.ศ.) or "2025-10" (ค.ศ., a year below 2400)."""
    import argparse

    try:
        return Month.parse(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None
