"""The import preview: what each row of the file would do, and why a row is refused.

Nothing is written here. :func:`build_plan` reads the file, maps its columns, reads every
row and compares it with the roster; the GUI shows the resulting :class:`ImportPlan`
(counts, problems in Thai with row number and column) and the user may change the column
mapping and plan again before committing (commit.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from sqlite_utils import Database

from asr_desktop.assets import title_table
from asr_desktop.domain import areas
from asr_desktop.domain.clean_text import removed_from_name
from asr_desktop.domain.errors import InputError
from asr_desktop.domain.model import StatusEvent, Term, Volunteer
from asr_desktop.domain.progress import ProgressFn, no_progress
from asr_desktop.domain.terms import default_term_end
from asr_desktop.domain.titles import TitleSplit
from asr_desktop.domain.validation import term_problems, volunteer_problems
from asr_desktop.domain.vocabulary import Gender, Status, StatusChange, Tier
from asr_desktop.services.roster_import import cells
from asr_desktop.services.roster_import.addresses import match_area, split_address
from asr_desktop.services.roster_import.headers import (
    FIELD_LABELS,
    IGNORED_FIELDS,
    find_header,
    is_header_like,
)
from asr_desktop.services.roster_import.reading import ImportFileError, SourceSheet, read_sheet
from asr_desktop.store.settings import load_settings
from asr_desktop.store.volunteers import VolunteerStore

_PROGRESS_EVERY = 250


class OnDuplicate(StrEnum):
    SKIP = "skip"
    UPDATE = "update"


class Action(StrEnum):
    ADD = "add"
    UPDATE = "update"
    SKIP = "skip"
    REJECT = "reject"

    @property
    def label(self) -> str:
        return {"add": "เพิ่ม", "update": "ปรับปรุง", "skip": "ข้าม", "reject": "ไม่นำเข้า"}[self]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a row: where (row number and column as in Excel) and why."""

    row: int
    column: str
    """Column letter and header, e.g. "C (เลขประจำตัวประชาชน)"; "" for the whole row."""
    message: str
    blocking: bool = True

    def __str__(self) -> str:
        where = f"แถว {self.row}" + (f" คอลัมน์ {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass(slots=True)
class PlannedRow:
    row: int
    """Row number in the spreadsheet (1-based, as Excel shows it)."""
    raw: list[Any]
    action: Action
    problems: list[Problem] = field(default_factory=list)
    volunteer: Volunteer | None = None
    term: Term | None = None
    event: StatusEvent | None = None
    existing_id: int | None = None
    note: str = ""
    gender_from_title: bool = False
    """The gender cell was empty and the gender came from the title (shown in the preview)."""
    title_unknown: bool = False
    """The title is not in the table of titles (คำนำหน้าที่ไม่รู้จัก), kept as written."""
    name: tuple[str, str, str] = ("", "", "")
    """(title, first name, last name) as read, also for rows that are refused."""
    gender: Gender | None = None

    @property
    def reason(self) -> str:
        return "; ".join(p.message for p in self.problems if p.blocking) or self.note


@dataclass(slots=True)
class ImportPlan:
    source: SourceSheet
    header_row: int
    """0-based index of the (last) header row; data starts below it."""
    mapping: dict[int, str]
    on_duplicate: OnDuplicate
    rows: list[PlannedRow]
    ignored_rows: int = 0
    """Blank, total and repeated header rows, which are not records."""

    def count(self, action: Action) -> int:
        return sum(1 for r in self.rows if r.action is action)

    @property
    def read(self) -> int:
        return len(self.rows)

    @property
    def problems(self) -> list[Problem]:
        return [p for r in self.rows for p in r.problems]

    def headers(self) -> list[str]:
        row = self.source.rows[self.header_row] if self.source.rows else []
        return [cells.read_text(v) for v in row]


def build_plan(
    db: Database,
    path: Path,
    *,
    sheet: str | None = None,
    mapping: dict[int, str] | None = None,
    on_duplicate: OnDuplicate = OnDuplicate.SKIP,
    today: date,
    progress: ProgressFn = no_progress,
) -> ImportPlan:
    """Reads ``path`` and decides what each row would do.

    Args:
        mapping: {column index: field}, to override the detected header (from the
            preview). Fields are the keys of ``FIELD_LABELS``; "" ignores a column.

    Raises:
        ImportFileError: the file cannot be read or has no recognisable header.
    """
    source = read_sheet(path, sheet)
    detected = find_header(source.rows)
    if detected is None and mapping is None:
        raise ImportFileError(
            "ไม่พบแถวหัวตารางใน 20 แถวแรก (ต้องมีอย่างน้อยเลขประจำตัวประชาชนหรือชื่อ และคอลัมน์อื่นอีก 2 คอลัมน์)"
        )
    data_start = detected[0] if detected else 1
    chosen = mapping if mapping is not None else detected[1] if detected else {}
    columns = {c: f for c, f in chosen.items() if f}
    return _Planner(db, source, data_start, columns, on_duplicate, today).plan(progress)


class _Planner:
    def __init__(
        self,
        db: Database,
        source: SourceSheet,
        data_start: int,
        mapping: dict[int, str],
        on_duplicate: OnDuplicate,
        today: date,
    ) -> None:
        self.db = db
        self.source = source
        self.data_start = data_start
        self.mapping = mapping
        self.on_duplicate = on_duplicate
        self.today = today
        self.settings = load_settings(db)
        self.store = VolunteerStore(db)
        self.known = self.store.ids_by_national_id()
        self.seen: dict[str, PlannedRow] = {}
        self.columns_of = {f: c for c, f in mapping.items()}
        headers = source.rows[data_start - 1] if data_start >= 1 and source.rows else []
        self.column_names = {
            c: f"{get_column_letter(c + 1)} ({cells.read_text(headers[c])})"
            if c < len(headers)
            else get_column_letter(c + 1)
            for c in mapping
        }

    def plan(self, progress: ProgressFn) -> ImportPlan:
        rows: list[PlannedRow] = []
        ignored = 0
        body = self.source.rows[self.data_start :]
        for offset, raw in enumerate(body):
            if offset % _PROGRESS_EVERY == 0:
                progress(offset, len(body))
            number = self.data_start + offset + 1
            if self._is_not_a_record(raw):
                ignored += 1
                continue
            rows.append(self._plan_row(number, raw))
        progress(len(body), len(body))
        return ImportPlan(
            self.source, self.data_start - 1, self.mapping, self.on_duplicate, rows, ignored
        )

    def _value(self, raw: list[Any], field_name: str) -> Any:
        column = self.columns_of.get(field_name)
        if column is None or column >= len(raw):
            return None
        return raw[column]

    def _is_not_a_record(self, raw: list[Any]) -> bool:
        if all(cells.is_blank(v) for v in raw):
            return True
        person = [self._value(raw, f) for f in ("national_id", "full_name", "first_name")]
        if all(cells.is_blank(v) for v in person):
            return True  # a numbered but empty form line, or a note under the table
        nid = person[0]
        if isinstance(nid, (int, float)) or (isinstance(nid, str) and nid[:1].isdigit()):
            return False  # an ID is there: neither a total line nor a repeated header
        return (cells.is_total_row(raw) and cells.is_blank(nid)) or (
            is_header_like(raw, self.columns_of.get("national_id"))
        )

    def _plan_row(self, number: int, raw: list[Any]) -> PlannedRow:
        planned = PlannedRow(number, raw, Action.ADD)
        reader = _RowReader(self, planned)
        volunteer, term, event = reader.read()
        if any(p.blocking for p in planned.problems) or volunteer is None:
            planned.action = Action.REJECT
            return planned
        planned.volunteer, planned.term, planned.event = volunteer, term, event
        self._decide_duplicate(planned)
        return planned

    def _decide_duplicate(self, planned: PlannedRow) -> None:
        assert planned.volunteer is not None
        nid = planned.volunteer.national_id
        earlier = self.seen.get(nid)
        if earlier is not None:
            self._reject_repeat(earlier, planned)
            return
        self.seen[nid] = planned
        existing = self.known.get(nid)
        if existing is None:
            planned.action = Action.ADD
            return
        planned.existing_id = existing
        if self.on_duplicate is OnDuplicate.SKIP:
            planned.action = Action.SKIP
            planned.note = "มีอยู่ในทะเบียนแล้ว"
            return
        self._plan_update(planned, existing)

    def _reject_repeat(self, first: PlannedRow, repeat: PlannedRow) -> None:
        """One person twice in a file is the file's problem: which row is right is unknown,
        so neither is imported, and each names the other (the preview, the rejects
        workbook and the CLI all show it)."""
        column_index = self.columns_of.get("national_id")
        column = self.column_names.get(column_index, "") if column_index is not None else ""
        for row, other in ((first, repeat), (repeat, first)):
            row.problems.append(
                Problem(
                    row.row,
                    column,
                    f"เลขประจำตัวประชาชนซ้ำกับแถว {other.row} ในไฟล์เดียวกัน แก้ให้เหลือแถวเดียวแล้วนำเข้าใหม่",
                )
            )
            row.action = Action.REJECT
            row.note = ""

    def _plan_update(self, planned: PlannedRow, existing_id: int) -> None:
        assert planned.volunteer is not None
        current = self.store.get(existing_id)
        merged = dataclasses.replace(current)
        for name in _VOLUNTEER_FIELDS_FROM:
            if any(f in self.columns_of for f in _VOLUNTEER_FIELDS_FROM[name]):
                setattr(merged, name, getattr(planned.volunteer, name))
        planned.volunteer = merged
        terms = self.store.terms(existing_id)
        if planned.term is not None and any(t.start_date == planned.term.start_date for t in terms):
            planned.term = None
        events = self.store.events(existing_id)
        if planned.event is not None and any(
            e.change is planned.event.change and e.date == planned.event.date for e in events
        ):
            planned.event = None
        if merged == current and planned.term is None and planned.event is None:
            planned.action = Action.SKIP
            planned.note = "ข้อมูลเหมือนในทะเบียนแล้ว"
        else:
            planned.action = Action.UPDATE


# Which import fields feed each Volunteer attribute (an update keeps the attributes whose
# columns the file does not have).
_VOLUNTEER_FIELDS_FROM: dict[str, tuple[str, ...]] = {
    "title": ("title", "full_name"),
    "first_name": ("first_name", "full_name"),
    "last_name": ("last_name", "full_name"),
    "gender": ("gender", "title", "full_name"),
    "birth_date": ("birth_date",),
    "phone": ("phone",),
    "line_id": ("line_id",),
    "house_no": ("house_no", "address"),
    "moo": ("moo", "address"),
    "village": ("village", "address"),
    "soi": ("soi", "address"),
    "road": ("road", "address"),
    "subdistrict_code": ("subdistrict", "address"),
    "postcode": ("postcode", "address"),
    "education": ("education",),
    "occupation": ("occupation",),
    "other_roles": ("other_roles",),
    "pdpa_consent_date": ("pdpa_consent_date",),
    "notes": ("notes", "phone"),
}


class _RowReader:
    """Reads one row into a volunteer (+ term, + status event), collecting problems."""

    def __init__(self, planner: _Planner, planned: PlannedRow) -> None:
        self.p = planner
        self.planned = planned
        self.raw = planned.raw
        width = len(self.raw)
        self.values = {f: self.raw[c] for f, c in planner.columns_of.items() if c < width}
        self._address_reported = False

    def problem(self, field_name: str, message: str, *, blocking: bool = True) -> None:
        column = self.p.columns_of.get(field_name)
        where = self.p.column_names.get(column, "") if column is not None else ""
        self.planned.problems.append(Problem(self.planned.row, where, message, blocking))

    def get(self, field_name: str) -> Any:
        return self.values.get(field_name)

    def parse(self, field_name: str, reader: Callable[[Any], Any], default: Any = None) -> Any:
        value = self.get(field_name)
        if cells.is_blank(value):
            return default
        try:
            return reader(value)
        except InputError as exc:
            self.problem(field_name, exc.message)
            return default

    def date(self, field_name: str) -> date | None:
        result: date | None = self.parse(
            field_name, lambda v: cells.read_date(v, today=self.p.today)
        )
        return result

    def read(self) -> tuple[Volunteer | None, Term | None, StatusEvent | None]:
        nid = self.parse("national_id", cells.read_national_id, "")
        if not nid and not any(p.blocking for p in self.planned.problems):
            self.problem("national_id", "ไม่มีเลขประจำตัวประชาชน")
        title = self.parse("title", cells.read_title, "")
        if title and "title" in self.p.columns_of and title_table().find(title) is None:
            self.problem("title", f"คำนำหน้าที่ไม่รู้จัก '{title}' นำเข้าตามที่เขียนไว้", blocking=False)
            self.planned.title_unknown = True
        first = cells.read_text(self.get("first_name"))
        last = cells.read_text(self.get("last_name"))
        split: TitleSplit | None = None
        name_field = "full_name"
        if "full_name" in self.p.columns_of and not first:
            split, first, last = cells.split_full_name(self.get("full_name"))
        elif first and not title and "title" not in self.p.columns_of:
            split, name_field = cells.split_title(first), "first_name"
            first = split.rest
        if split is not None and split.title and not title:
            title = split.title
            if split.unknown:
                self.planned.title_unknown = True
                self.problem(
                    name_field,
                    f"คำนำหน้าที่ไม่รู้จัก '{split.title}' แยกออกจากชื่อไว้ ตรวจสอบว่าถูกต้อง",
                    blocking=False,
                )
        self._report_invisible(("title", "first_name", "last_name", "full_name"))
        gender = self.parse("gender", cells.read_gender)
        implied = cells.gender_from_title(title) if title else None
        if gender is None and implied is not None and cells.is_blank(self.get("gender")):
            gender = implied
            self.planned.gender_from_title = True
        elif gender is not None and implied is not None and gender is not implied:
            self.problem(
                "gender",
                f"เพศ{gender.label}ไม่ตรงกับคำนำหน้า '{title}' ตรวจสอบว่าถูกต้อง",
                blocking=False,
            )
        self.planned.name, self.planned.gender = (title, first, last), gender
        phone, more_phones = self.parse("phone", cells.read_phone, ("", ""))
        notes = cells.read_text(self.get("notes"))
        if more_phones:
            notes = "; ".join(p for p in (notes, f"โทรศัพท์อื่น: {more_phones}") if p)
        volunteer = Volunteer(
            national_id=nid,
            first_name=first,
            last_name=last,
            title=title,
            gender=gender,
            birth_date=self.date("birth_date"),
            phone=phone,
            line_id=cells.read_text(self.get("line_id")),
            education=cells.read_text(self.get("education")),
            occupation=cells.read_text(self.get("occupation")),
            other_roles=cells.read_text(self.get("other_roles")),
            pdpa_consent_date=self.date("pdpa_consent_date"),
            notes=notes,
        )
        self._read_address(volunteer)
        for problem in volunteer_problems(volunteer, today=self.p.today):
            if problem.field == "national_id" and not nid:
                continue  # already reported where the ID was read
            if problem.field == "subdistrict_code" and self._address_reported:
                continue
            self.problem(_FIELD_OF.get(problem.field, problem.field), problem.message)
        term = self._read_term()
        event = self._read_status(term)
        return volunteer, term, event

    def _report_invisible(self, fields: tuple[str, ...]) -> None:
        """Says which invisible characters the stored name will not have (the model
        removes them: domain/clean_text.py), so the office knows why it looks the same."""
        for field_name in fields:
            value = self.get(field_name)
            if isinstance(value, str):
                removed = removed_from_name(value)
                if removed:
                    self.problem(
                        field_name,
                        f"ตัดอักขระที่มองไม่เห็นออกจากชื่อ: {', '.join(removed)}",
                        blocking=False,
                    )

    def _read_address(self, volunteer: Volunteer) -> None:
        parts = {}
        if "address" in self.p.columns_of:
            parts = split_address(cells.read_text(self.get("address")))
        for key in ("house_no", "village", "soi", "road", "subdistrict", "district", "province"):
            text = cells.read_text(self.get(key))
            if text:
                parts[key] = text
        for key in ("moo", "postcode"):
            text = cells.read_number_text(self.get(key))
            if text:
                parts[key] = text
        volunteer.house_no = parts.get("house_no", "")
        volunteer.moo = parts.get("moo", "")
        volunteer.village = parts.get("village", "")
        volunteer.soi = parts.get("soi", "")
        volunteer.road = parts.get("road", "")
        volunteer.postcode = parts.get("postcode", "")
        province = parts.get("province") or areas.province_name(self.p.settings.province_code)
        try:
            found = match_area(
                parts.get("subdistrict", ""), parts.get("district", ""), province,
                volunteer.postcode,
            )  # fmt: skip
        except InputError as exc:
            field_name = "subdistrict" if "subdistrict" in self.p.columns_of else "address"
            self.problem(field_name, exc.message)
            self._address_reported = True
            return
        volunteer.subdistrict_code = found.code
        if not volunteer.postcode and len(found.postcodes) == 1:
            volunteer.postcode = found.postcodes[0]

    def _read_term(self) -> Term | None:
        tier = self.parse("tier", cells.read_tier)
        start = self.date("term_start")
        end = self.date("term_end")
        order_date = self.date("order_date")
        if start is None:
            if tier is not None or end is not None:
                self.problem(
                    "term_start",
                    "ไม่มีวันเริ่มวาระ จึงนำเข้าเป็นผู้สมัครโดยยังไม่บันทึกวาระ",
                    blocking=False,
                )
            return None
        term = Term(
            volunteer_id=0,
            tier=tier or Tier.NETWORK,
            start_date=start,
            end_date=end or default_term_end(start, self.p.settings.term_years),
            batch=cells.read_number_text(self.get("batch")),
            order_no=cells.read_text(self.get("order_no")),
            order_date=order_date,
            card_no=cells.read_text(self.get("card_no")),
        )
        if tier is None:
            self.problem("tier", "ไม่ระบุระดับ ถือเป็นเครือข่ายอาสาสมัครแรงงาน", blocking=False)
        for problem in term_problems(term):
            self.problem(_FIELD_OF.get(problem.field, problem.field), problem.message)
        return term

    def _read_status(self, term: Term | None) -> StatusEvent | None:
        status, reason = self.parse("status", cells.read_status, (None, None))
        reason = self.parse("exit_reason", cells.read_exit_reason) or reason
        if status not in (Status.EXITED, Status.SUSPENDED):
            return None
        on = self.date("status_date")
        if on is None:
            self.problem("status_date", f"สถานะ{status.label} ต้องมีวันที่เปลี่ยนสถานะ")
            return None
        if status is Status.SUSPENDED:
            return StatusEvent(0, StatusChange.SUSPENDED, on)
        if reason is None:
            self.problem("exit_reason", "สถานะพ้นสภาพต้องระบุเหตุที่พ้นสภาพ")
            return None
        if term is not None and term.start_date <= on < term.end_date:
            term.ended_date = on  # as RosterService.record_exit closes the term that day
        return StatusEvent(0, StatusChange.EXITED, on, reason=reason)


_FIELD_OF = {"subdistrict_code": "subdistrict", "start_date": "term_start", "end_date": "term_end"}
"""Volunteer/Term attribute → import field, to point a problem at the right column."""

__all__ = [
    "FIELD_LABELS",
    "IGNORED_FIELDS",
    "Action",
    "ImportPlan",
    "OnDuplicate",
    "PlannedRow",
    "Problem",
    "build_plan",
]
