"""PDPA use cases for one volunteer: export their data, anonymise them, log exports.

Anonymised national IDs: ``"0" + the volunteer's id as 12 digits`` (e.g. id 42 →
``0000000000042``). A real Thai national ID never starts with 0 (the first digit is the
person's category, 1–8), so the pattern can never clash with a real person; it stays 13
characters (the column's CHECK) and unique (ids are), and :func:`is_anonymised` recognises
it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from asr_desktop.domain.errors import AsrError, NotFoundError
from asr_desktop.domain.model import Volunteer
from asr_desktop.domain.thai_dates import format_thai_date
from asr_desktop.domain.vocabulary import ExitReason, StatusChange, Tier
from asr_desktop.reports import output
from asr_desktop.store import audit, erasures
from asr_desktop.store import privacy as privacy_store
from asr_desktop.store.backup import database_file
from asr_desktop.store.volunteers import VolunteerStore, name_sort_key, search_text

ANONYMOUS_NAME = "ลบข้อมูลแล้ว"
IDENTITY_FIELDS = frozenset(
    {
        "national_id",
        "title",
        "first_name",
        "last_name",
        "birth_date",
        "phone",
        "line_id",
        "house_no",
        "moo",
        "village",
        "soi",
        "road",
        "notes",
        "card_no",
        "note",
        "search_text",
        "name_sort_key",
    }
)
"""Keys whose values identify a person (in volunteers, terms, events and audit entries).

Kept: gender, subdistrict, postcode, terms' dates and tier, status history — what old
reports count, at the level of a tambon.
"""


def anonymised_national_id(volunteer_id: int) -> str:
    return f"0{volunteer_id:012d}"


def is_anonymised(national_id: str) -> bool:
    return len(national_id) == 13 and national_id.startswith("0")


@dataclass(frozen=True, slots=True)
class PersonExport:
    json_path: Path
    text_path: Path
    sha256: dict[str, str]


def person_data(db: Database, volunteer_id: int) -> dict[str, Any]:
    """Everything the database holds about one volunteer, as plain JSON-ready values."""
    volunteers = privacy_store.rows_of(db, "volunteers", volunteer_id)
    if not volunteers:
        raise NotFoundError(f"ไม่พบอาสาสมัครรหัส {volunteer_id}")
    audit_rows = privacy_store.audit_about(db, volunteer_id)
    for row in audit_rows:
        for key in ("before", "after"):
            row[key] = json.loads(row[key]) if row[key] else None
    return {
        "volunteer": volunteers[0],
        "terms": privacy_store.rows_of(db, "terms", volunteer_id),
        "status_events": privacy_store.rows_of(db, "status_events", volunteer_id),
        "audit_log": audit_rows,
        "privacy_log": privacy_store.entries(db, volunteer_id),
    }


def export_person(
    db: Database,
    volunteer_id: int,
    folder: Path,
    *,
    now: Callable[[], datetime] = datetime.now,
) -> PersonExport:
    """Writes the person's data as JSON and as readable Thai text, and logs both files."""
    data = person_data(db, volunteer_id)
    data["exported_at"] = now().isoformat(timespec="seconds")
    base = f"ข้อมูลส่วนบุคคล-{volunteer_id}-{now():%Y%m%d-%H%M%S}"
    folder.mkdir(parents=True, exist_ok=True)
    json_path = folder / f"{base}.json"
    text_path = folder / f"{base}.txt"
    output.write_text(json_path, json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
    try:
        output.write_text(text_path, readable_text(data))
    except BaseException:
        json_path.unlink(missing_ok=True)
        raise
    hashes = {p.name: _sha256(p) for p in (json_path, text_path)}
    count = 1 + len(data["terms"]) + len(data["status_events"]) + len(data["audit_log"])
    with db.atomic():
        for name, digest in hashes.items():
            privacy_store.log(
                db,
                "export",
                "ข้อมูลส่วนบุคคลของอาสาสมัคร 1 คน",
                volunteer_id=volunteer_id,
                record_count=count,
                file_name=name,
                sha256=digest,
            )
    return PersonExport(json_path, text_path, hashes)


def log_personal_export(db: Database, what: str, path: Path, record_count: int) -> str:
    """For any feature that writes personal data to a file: logs it, returns the SHA-256."""
    digest = _sha256(path)
    with db.atomic():
        privacy_store.log(
            db, "export", what, record_count=record_count, file_name=path.name, sha256=digest
        )
    return digest


FULL_IDS = "พร้อมเลขประจำตัวประชาชนเต็ม"


def log_full_ids(db: Database, what: str, out: Path | None, people: int) -> None:
    """Records an output that shows full national IDs (any format, GUI or CLI) in the
    privacy log: who, when, what, how many people and, for a file, its name and SHA-256.
    ``out`` is None for text printed to a terminal or a pipe."""
    what = f"{what} {FULL_IDS}"
    if out is not None:
        log_personal_export(db, what, out, people)
        return
    with db.atomic():
        privacy_store.log(db, "export", what, record_count=people)


def anonymise(db: Database, volunteer_id: int) -> None:
    """Removes the person's identity and keeps the record for counts in old reports.

    In one transaction: the erasure entered in the ledger (internal id and keyed hash of
    the national ID), identity fields replaced, photo deleted, card numbers and notes
    cleared, the audit entries about them redacted once, and the act itself audited and
    logged in the privacy log. The ledger file beside a database on disk gets the entry
    too, so that a restore of an older backup cannot bring the person back.

    Raises:
        NotFoundError, AsrError (already anonymised).
    """
    store = VolunteerStore(db)
    with db.atomic():
        volunteer = store.get(volunteer_id)
        if is_anonymised(volunteer.national_id):
            raise AsrError("อาสาสมัครรายนี้ถูกลบข้อมูลระบุตัวตนไปแล้ว")
        key = erasures.secret(db)
        if key is None:
            raise AsrError("ฐานข้อมูลยังไม่ได้ปรับโครงสร้างเป็นรุ่นล่าสุด ลบข้อมูลระบุตัวตนไม่ได้")
        erasure = erasures.Erasure(
            volunteer_id,
            erasures.id_hash(key, volunteer.national_id),
            erasures.key_id(key),
            datetime.now().isoformat(timespec="seconds"),
            audit.os_user(),
        )
        redacted = _erase(db, volunteer, erasure)
        audit.record(
            db,
            "anonymise",
            "volunteer",
            volunteer_id,
            summary=f"ลบข้อมูลระบุตัวตนตาม พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล (ปิดบังประวัติ {redacted} รายการ)",
        )
        privacy_store.log(
            db, "anonymise", "ลบข้อมูลระบุตัวตน", volunteer_id=volunteer_id, record_count=redacted
        )
    sync_ledger(db)


def _erase(db: Database, volunteer: Volunteer, erasure: erasures.Erasure) -> int:
    """The erasure itself (inside the caller's transaction); returns entries redacted."""
    volunteer_id = erasure.volunteer_id
    blank = Volunteer(
        national_id=anonymised_national_id(volunteer_id),
        first_name=ANONYMOUS_NAME,
        last_name="",
        gender=volunteer.gender,
        subdistrict_code=volunteer.subdistrict_code,
        postcode=volunteer.postcode,
        pdpa_consent_date=volunteer.pdpa_consent_date,
        pdpa_purpose=volunteer.pdpa_purpose,
        mentor_id=volunteer.mentor_id,
        id=volunteer_id,
    )
    values: dict[str, str | None] = {
        field: "" for field in ("title", "phone", "line_id", "house_no", "moo")
    }
    values |= {field: "" for field in ("village", "soi", "road", "education")}
    values |= {field: "" for field in ("occupation", "other_roles", "notes")}
    values |= {
        "national_id": blank.national_id,
        "first_name": blank.first_name,
        "last_name": "",
        "birth_date": None,
        "name_sort_key": name_sort_key(blank.first_name, ""),
        "search_text": search_text(blank),
        "updated_at": datetime.now().isoformat(timespec="seconds"),
    }
    erasures.record(db, erasure)  # first: the audit guard lets only ledger entries be redacted
    privacy_store.erase_identity(db, volunteer_id, values)
    return privacy_store.redact_audit(db, volunteer_id, IDENTITY_FIELDS)


def sync_ledger(db: Database) -> None:
    """Copies the database's erasures into the ledger file beside it (if it is a file)."""
    path = database_file(db)
    if path is not None:
        erasures.append_ledger(erasures.ledger_file(path), erasures.entries(db))


def reapply_erasures(db: Database, known: list[erasures.Erasure] | None = None) -> int:
    """Applies every known erasure again; returns how many people were erased anew.

    Known erasures are those in the database, in ``known`` (what the database held before
    a restore replaced it) and in the ledger file beside the database (or beside the
    database a backup was made from). A person is found by internal id when the keyed
    hash of their ID matches (or cannot be checked: another secret), else by the hash
    alone; an erasure with nobody to match (the backup predates the person) needs nothing.
    Run after every restore and whenever a database or backup is opened.
    """
    ledger = list(erasures.entries(db)) + list(known or [])
    path = database_file(db)
    if path is not None:
        ledger += erasures.read_ledger(erasures.ledger_file(path))
    key = erasures.secret(db)
    if not ledger or key is None:
        return 0
    store = VolunteerStore(db)
    erased = 0
    with db.atomic():
        by_hash: dict[str, int] | None = None
        for erasure in ledger:
            row = db.execute(
                "SELECT national_id FROM volunteers WHERE id = ?", [erasure.volunteer_id]
            ).fetchone()
            target: int | None = None
            if row and is_anonymised(row[0]):
                erasures.record(db, erasure)  # a backup made before the ledger existed
                continue
            same_key = erasure.key_id == erasures.key_id(key)
            if row and (not same_key or erasures.id_hash(key, row[0]) == erasure.id_hash):
                # Same person by the hash; or the hash was made under another secret (a
                # backup from before the ledger) and the internal id is all there is.
                target = erasure.volunteer_id
            elif same_key:
                if by_hash is None:
                    by_hash = {
                        erasures.id_hash(key, nid): vid
                        for vid, nid in db.execute("SELECT id, national_id FROM volunteers")
                        if not is_anonymised(nid)
                    }
                target = by_hash.get(erasure.id_hash)
            if target is None:
                continue
            entry = dataclasses.replace(erasure, volunteer_id=target)
            redacted = _erase(db, store.get(target), entry)
            audit.record(
                db,
                "anonymise",
                "volunteer",
                target,
                summary=(
                    "ลบข้อมูลระบุตัวตนอีกครั้งตามบันทึกการลบข้อมูลเมื่อ "
                    f"{erasure.erased_at} (ข้อมูลกลับมาจากสำเนาสำรอง; ปิดบังประวัติ {redacted} รายการ)"
                ),
            )
            erased += 1
    sync_ledger(db)
    return erased


def readable_text(data: dict[str, Any]) -> str:
    """The export as Thai text a person can read without a program."""
    v = data["volunteer"]
    lines = [
        "ข้อมูลส่วนบุคคลที่สำนักงานแรงงานจังหวัดเก็บไว้ (อสร. Desktop)",
        f"ส่งออกเมื่อ: {_thai_when(data['exported_at'])}",
        "",
        "ข้อมูลอาสาสมัคร",
    ]
    labels = {
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
        "village": "หมู่บ้าน",
        "soi": "ซอย",
        "road": "ถนน",
        "subdistrict_code": "รหัสตำบล",
        "postcode": "รหัสไปรษณีย์",
        "education": "การศึกษา",
        "occupation": "อาชีพ",
        "other_roles": "บทบาทอาสาสมัครอื่น",
        "pdpa_consent_date": "วันที่ให้ความยินยอม",
        "pdpa_purpose": "วัตถุประสงค์ที่ให้ความยินยอม",
        "notes": "หมายเหตุ",
    }
    for key, label in labels.items():
        value = v.get(key)
        if value not in (None, ""):
            lines.append(f"  {label}: {_thai_value(key, value)}")
    lines += ["", f"วาระการดำรงตำแหน่ง ({len(data['terms'])} วาระ)"]
    for term in data["terms"]:
        tier = Tier(term["tier"]).label
        lines.append(
            f"  {tier} รุ่น {term['batch'] or '-'} ตั้งแต่ {_thai_value('d', term['start_date'])}"
            f" ถึง {_thai_value('d', _last_day(term))}"
        )
    lines += ["", f"ประวัติสถานะ ({len(data['status_events'])} รายการ)"]
    for event in data["status_events"]:
        reason = f" ({ExitReason(event['reason']).label})" if event["reason"] else ""
        lines.append(
            f"  {_thai_value('d', event['date'])}: {StatusChange(event['change']).label}{reason}"
        )
    lines += ["", f"ประวัติการแก้ไขข้อมูล ({len(data['audit_log'])} รายการ)"]
    for row in data["audit_log"]:
        lines.append(
            f"  {_thai_when(row['at'])} {row['os_user']} {row['action']}: {row['summary']}"
        )
    lines += ["", f"การส่งออกข้อมูลก่อนหน้านี้ ({len(data['privacy_log'])} ครั้ง)"]
    for row in data["privacy_log"]:
        lines.append(f"  {_thai_when(row['at'])} {row['os_user']} {row['what']} {row['file_name']}")
    return "\n".join(lines) + "\n"


def _last_day(term: dict[str, Any]) -> str:
    """A stored term's last day (domain/model.py:Term.last_day on ISO text)."""
    ended, end = term["ended_date"], term["end_date"]
    return str(min(ended, end) if ended else end)


def _thai_value(key: str, value: Any) -> str:
    if key == "gender":
        return {"male": "ชาย", "female": "หญิง"}.get(value, "อื่น ๆ")
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return format_thai_date(datetime.fromisoformat(value).date())
        except ValueError:
            return value
    return str(value)


def _thai_when(iso: str) -> str:
    at = datetime.fromisoformat(iso)
    return f"{format_thai_date(at.date())} {at:%H:%M} น."


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()
