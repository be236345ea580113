"""Writing an import plan: every valid row in one transaction, or nothing.

Adds go through :func:`store.bulk.insert_volunteers` (executemany), updates through
:class:`VolunteerStore` (audited one by one), all inside one outer transaction. The progress
callback may raise :class:`Cancelled`; the exception rolls the transaction back, as does
any crash, so the roster is either fully updated or exactly as it was.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from sqlite_utils import Database

from asr_desktop.domain.progress import ProgressFn, no_progress
from asr_desktop.reports.excel.style import BE_DATE_FORMAT
from asr_desktop.reports.output import write_rendered
from asr_desktop.services.backup import backup_now
from asr_desktop.services.roster_import.cells import read_text
from asr_desktop.services.roster_import.plan import Action, ImportPlan, PlannedRow
from asr_desktop.store.backup import database_file
from asr_desktop.store.bulk import VolunteerRecord, insert_volunteers
from asr_desktop.store.volunteers import VolunteerStore

_PROGRESS_EVERY = 500


@dataclass(frozen=True, slots=True)
class ImportResult:
    read: int
    added: int
    updated: int
    skipped: int
    rejected: int
    committed: bool


def result_of(plan: ImportPlan, *, committed: bool) -> ImportResult:
    """The counts of a plan: what was (or, for a dry run, would be) done with each row.

    ``committed=False`` is a refused import (``--strict`` with rejected rows): nothing was
    saved, so the rows it would have added or updated count as skipped. The counts always
    add up to the rows read.
    """
    adds, updates = plan.count(Action.ADD), plan.count(Action.UPDATE)
    return ImportResult(
        read=plan.read,
        added=adds if committed else 0,
        updated=updates if committed else 0,
        skipped=plan.count(Action.SKIP) + (0 if committed else adds + updates),
        rejected=plan.count(Action.REJECT),
        committed=committed,
    )


def preview_of(plan: ImportPlan) -> ImportResult:
    """What a real import of this plan would print (``--dry-run``); nothing is saved."""
    return dataclasses.replace(result_of(plan, committed=True), committed=False)


def commit_plan(
    db: Database, plan: ImportPlan, *, progress: ProgressFn = no_progress
) -> ImportResult:
    """Saves the rows to add and update in one transaction, after a backup (reason
    ``import``) of a database on disk, as the README promises: the GUI and the CLI both
    come through here."""
    adds = [r for r in plan.rows if r.action is Action.ADD]
    updates = [r for r in plan.rows if r.action is Action.UPDATE]
    total = len(adds) + len(updates)
    done = 0

    def records() -> Iterator[VolunteerRecord]:
        nonlocal done
        for row in adds:
            assert row.volunteer is not None
            yield VolunteerRecord(
                row.volunteer,
                [row.term] if row.term else [],
                [row.event] if row.event else [],
            )
            done += 1
            if done % _PROGRESS_EVERY == 0:
                progress(done, total)

    if total and database_file(db) is not None:
        backup_now(db, "import")
    with db.atomic():
        progress(0, total)
        if adds:
            insert_volunteers(db, records(), summary=f"นำเข้าจาก {plan.source.path.name}")
        store = VolunteerStore(db)
        for row in updates:
            _apply_update(store, row)
            done += 1
            if done % _PROGRESS_EVERY == 0:
                progress(done, total)
        progress(total, total)
    return result_of(plan, committed=True)


def _apply_update(store: VolunteerStore, row: PlannedRow) -> None:
    assert row.volunteer is not None and row.existing_id is not None
    row.volunteer.id = row.existing_id
    store.update(row.volunteer)
    if row.term is not None:
        row.term.volunteer_id = row.existing_id
        store.add_term(row.term)
    if row.event is not None:
        row.event.volunteer_id = row.existing_id
        store.add_event(row.event)


def write_rejects(plan: ImportPlan, out: Path) -> int:
    """An error workbook: the refused rows as they were, with a reason column first, so the
    office can correct them and import the file again. Returns the number of rows."""
    rejected = [r for r in plan.rows if r.action is Action.REJECT]
    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet("แถวที่ไม่ได้นำเข้า")
    bold = Font(name="Sarabun", bold=True)
    header = ["แถวในไฟล์เดิม", "เหตุผลที่ไม่นำเข้า", *plan.headers()]
    ws.append([_bold(ws, text, bold) for text in header])
    for row in rejected:
        ws.append([row.row, _legal(row.reason), *(_as_was(ws, v) for v in row.raw)])
    ws.freeze_panes = "C2"
    out.parent.mkdir(parents=True, exist_ok=True)
    write_rendered(out, workbook.save)
    return len(rejected)


def _bold(ws: Any, text: str, font: Font) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, _legal(str(text)))
    cell.font = font
    return cell


def _as_was(ws: Any, value: Any) -> Any:
    """The value as the office typed it; numbers that stand for IDs or phones become text
    so that Excel does not round them again."""
    if isinstance(value, (date, datetime)):
        cell = WriteOnlyCell(ws, value)
        cell.number_format = BE_DATE_FORMAT
        return cell
    if isinstance(value, float) and value.is_integer() and abs(value) >= 1e6:
        return read_text(value)
    if isinstance(value, str):
        value = _legal(value)
        if value.startswith("="):
            cell = WriteOnlyCell(ws, value)
            cell.data_type = "s"
            return cell
    return value


def _legal(text: str) -> str:
    """Control characters (``\x00``–``\x1f`` but tab, CR, LF) cannot be stored in .xlsx:
    openpyxl raises for them. They show as U+FFFD, where the office can see and fix them."""
    return str(ILLEGAL_CHARACTERS_RE.sub("\ufffd", text))
