"""Where the Excel side finds the PDF writers of the reports, once they exist.

The PDF layer (reports/pdf, another branch) provides ``asr_desktop.reports.pdf.reports``
with ``WRITERS: dict[str, Callable[[report, Path, OfficeSettings], None]]`` keyed by report
name ("monthly", "roster", "terms-ending", "coverage"). Until it does, ``writer_for``
returns None, the CLI says that PDF output is not available yet, and the monthly package
holds the workbook alone.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

PDF_MODULE = "asr_desktop.reports.pdf.reports"


def writer_for(report: str) -> Callable[..., Any] | None:
    try:
        module = importlib.import_module(PDF_MODULE)
    except ImportError:
        return None
    writers: dict[str, Callable[..., Any]] = getattr(module, "WRITERS", {})
    return writers.get(report)
