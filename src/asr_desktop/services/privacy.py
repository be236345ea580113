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
from datetime import date, datetime
from pathlib import Path

from sqlite_utils import Database

from asr_desktop.domain import erasure
from asr_desktop.domain.errors import AsrError
from asr_desktop.domain.model import Volunteer
from asr_desktop.reports import output
from asr_desktop.services.person_export import person_data, readable_text
from asr_desktop.store import audit, erasures
from asr_desktop.store import privacy as privacy_store
from asr_desktop.store.backup import database_file
from asr_desktop.store.photos import load_photo
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
    return erasure.erased_national_id(volunteer_id)


def is_anonymised(national_id: str) -> bool:
    return erasure.is_erased_id(national_id)


@dataclass(frozen=True, slots=True)
class PersonExport:
    json_path: Path
    text_path: Path
    sha256: dict[str, str]
    photo_path: Path | None = None


def export_person(
    db: Database,
    volunteer_id: int,
    folder: Path,
    *,
    now: Callable[[], datetime] = datetime.now,
) -> PersonExport:
    """Writes the person's data as JSON and as readable Thai text (and their photo, if any),
    and logs every file."""
    data = person_data(db, volunteer_id)
    data["exported_at"] = now().isoformat(timespec="seconds")
    base = f"ข้อมูลส่วนบุคคล-{volunteer_id}-{now():%Y%m%d-%H%M%S}"
    folder.mkdir(parents=True, exist_ok=True)
    photo_path = _write_photo(db, volunteer_id, folder / f"{base}-รูปถ่าย")
    data["photo"] = photo_path.name if photo_path else None
    json_path = folder / f"{base}.json"
    text_path = folder / f"{base}.txt"
    files = [json_path, text_path] + ([photo_path] if photo_path else [])
    try:
        output.write_text(
            json_path, json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
        )
        output.write_text(text_path, readable_text(data))
    except BaseException:
        for path in files:
            path.unlink(missing_ok=True)
        raise
    hashes = {p.name: _sha256(p) for p in files}
    count = 1 + sum(len(rows) for rows in data.values() if isinstance(rows, list))
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
    return PersonExport(json_path, text_path, hashes, photo_path)


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
    erased_on = date.fromisoformat(erasure.erased_at[:10])
    privacy_store.erase_identity(db, volunteer_id, values, erased_on=erased_on)
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
            national_id = privacy_store.national_id_of(db, erasure.volunteer_id)
            target: int | None = None
            if national_id is not None and is_anonymised(national_id):
                erasures.record(db, erasure)  # a backup made before the ledger existed
                continue
            same_key = erasure.key_id == erasures.key_id(key)
            if national_id is not None and (
                not same_key or erasures.id_hash(key, national_id) == erasure.id_hash
            ):
                # Same person by the hash; or the hash was made under another secret (a
                # backup from before the ledger) and the internal id is all there is.
                target = erasure.volunteer_id
            elif same_key:
                if by_hash is None:
                    by_hash = {
                        erasures.id_hash(key, nid): vid
                        for vid, nid in privacy_store.national_ids(db)
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


def _write_photo(db: Database, volunteer_id: int, stem: Path) -> Path | None:
    """The photo as a file beside the export (None when there is none)."""
    photo = load_photo(db, volunteer_id)
    if photo is None:
        return None
    image, mime = photo
    path = stem.with_name(stem.name + _PHOTO_SUFFIX.get(mime, ".img"))
    output.write_bytes(path, image)
    return path


_PHOTO_SUFFIX = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()
