"""PDPA records: the privacy log and the queries behind "export" and "anonymise".

``privacy_log`` holds one row per export of personal data (who, when, what, the file's
SHA-256) and per anonymisation; like the audit log it is append-only (triggers of
migration m0021). Anonymising redacts the audit entries about that person once, marked by
``redacted_at`` (the only change the m0020 triggers allow).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from asr_desktop.domain.erasure import ERASED_SORT_KEY
from asr_desktop.store import audit
from asr_desktop.store.names import display_name_sql

REDACTED = "[ลบข้อมูลระบุตัวตนแล้ว]"


def log(
    db: Database,
    action: str,
    what: str,
    *,
    volunteer_id: int | None = None,
    record_count: int = 0,
    file_name: str = "",
    sha256: str = "",
) -> None:
    """Appends one row to the privacy log (call inside the transaction of the change)."""
    db.conn.execute(
        "INSERT INTO privacy_log (at, os_user, action, what, volunteer_id, record_count,"
        " file_name, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            datetime.now().isoformat(timespec="seconds"),
            audit.os_user(),
            action,
            what,
            volunteer_id,
            record_count,
            file_name,
            sha256,
        ),
    )


def entries(db: Database, volunteer_id: int | None = None) -> list[dict[str, Any]]:
    where, params = ("WHERE volunteer_id = ?", [volunteer_id]) if volunteer_id else ("", [])
    return list(db.query(f"SELECT * FROM privacy_log {where} ORDER BY id", params))


def rows_of(db: Database, table: str, volunteer_id: int) -> list[dict[str, Any]]:
    key = "id" if table == "volunteers" else "volunteer_id"
    return list(db.query(f"SELECT * FROM {table} WHERE {key} = ? ORDER BY id", [volunteer_id]))


def audit_about(db: Database, volunteer_id: int) -> list[dict[str, Any]]:
    """Audit entries about the volunteer, their terms and their status events."""
    return list(
        db.query(
            f"SELECT * FROM audit_log WHERE {_ABOUT} ORDER BY id",
            {"volunteer_id": volunteer_id},
        )
    )


_ABOUT = """(
    (record_type = 'volunteer' AND record_id = :volunteer_id)
    OR (record_type = 'term' AND (record_id IN
        (SELECT id FROM terms WHERE volunteer_id = :volunteer_id)
        OR summary = 'volunteer ' || :volunteer_id))
    OR (record_type = 'status_event' AND (record_id IN
        (SELECT id FROM status_events WHERE volunteer_id = :volunteer_id)
        OR summary LIKE 'volunteer ' || :volunteer_id || ':%'))
)"""


def erase_identity(
    db: Database, volunteer_id: int, values: dict[str, Any], *, erased_on: date
) -> None:
    """Overwrites the volunteer's identity columns, deletes the photo, clears card numbers
    and notes of their terms and events (inside the caller's transaction).

    The row also leaves every list of people and current count: its sort key becomes
    :data:`ERASED_SORT_KEY` (the roster's name index skips it) and its standing
    ``exited`` (the dashboard's index does not count it as serving) from ``erased_on``,
    the day of the erasure (the ledger's, also when a restore applies it again).
    """
    db.table("volunteers").update(volunteer_id, values)
    # settled_on: days before the erasure still read the history (store/roster.py), so
    # past periods count the person as they were; from today the row counts as exited.
    db.execute(
        "UPDATE volunteers SET name_sort_key = ?, standing = 'exited', exit_reason = NULL, "
        "settled_on = max(coalesce(settled_on, ''), ?) WHERE id = ?",
        [ERASED_SORT_KEY, erased_on.isoformat(), volunteer_id],
    )
    db.execute("DELETE FROM volunteer_photos WHERE volunteer_id = ?", [volunteer_id])
    db.execute("UPDATE terms SET card_no = '', notes = '' WHERE volunteer_id = ?", [volunteer_id])
    db.execute("UPDATE status_events SET note = '' WHERE volunteer_id = ?", [volunteer_id])


def redact_audit(db: Database, volunteer_id: int, identity_keys: frozenset[str]) -> int:
    """Replaces identity values in the audit entries about the volunteer; returns how many."""
    now = datetime.now().isoformat(timespec="seconds")
    count = 0
    for row in audit_about(db, volunteer_id):
        if row["redacted_at"] is not None:
            continue
        db.conn.execute(
            "UPDATE audit_log SET summary = ?, before = ?, after = ?, redacted_at = ? WHERE id = ?",
            (
                REDACTED if row["record_type"] == "volunteer" else row["summary"],
                _redact(row["before"], identity_keys),
                _redact(row["after"], identity_keys),
                now,
                row["id"],
            ),
        )
        count += 1
    return count


def _redact(values: str | None, keys: frozenset[str]) -> str | None:
    if values is None:
        return None
    data = json.loads(values)
    redacted = {k: (REDACTED if k in keys and v not in (None, "") else v) for k, v in data.items()}
    return json.dumps(redacted, ensure_ascii=False, sort_keys=True)


def work_of(db: Database, volunteer_id: int) -> dict[str, list[dict[str, Any]]]:
    """The person's work and what others recorded about it, with names instead of ids:
    events attended, activity reports, referrals made and the mentor's assessments."""
    params = [volunteer_id]
    return {
        "events": list(
            db.query(
                "SELECT e.title, e.kind, e.project, e.start_date, e.end_date, e.venue, "
                "e.organiser, a.role, a.attended FROM event_attendees a "
                "JOIN events e ON e.id = a.event_id WHERE a.volunteer_id = ? "
                "ORDER BY e.start_date, e.id",
                params,
            )
        ),
        "activities": list(
            db.query(
                "SELECT a.date, m.label AS mission, d.label AS duty, g.label AS target_group, "
                "a.agency, a.subdistrict_code, a.moo, a.count, a.people_male, a.people_female, "
                "a.note FROM activities a JOIN work_categories m ON m.id = a.mission_id "
                "LEFT JOIN work_categories d ON d.id = a.duty_id "
                "LEFT JOIN work_categories g ON g.id = a.target_group_id "
                "WHERE a.volunteer_id = ? ORDER BY a.date, a.id",
                params,
            )
        ),
        # The people referred are someone else's personal data: not theirs to receive.
        "referrals": list(
            db.query(
                "SELECT date, subdistrict_code, need, agency, status, outcome, follow_up_date "
                "FROM referrals WHERE volunteer_id = ? ORDER BY date, id",
                params,
            )
        ),
        "mentor_assessments": list(
            db.query(
                "SELECT c.fiscal_year, c.quarter, c.assessed_on, "
                f"CASE WHEN m.id IS NULL THEN '' ELSE {display_name_sql('m')} END AS mentor, "
                "c.authority, c.facilitation, c.opportunity, c.capacity, c.unity, c.retention, "
                "c.notes FROM mentor_checklists c LEFT JOIN mentors m ON m.id = c.mentor_id "
                "WHERE c.volunteer_id = ? ORDER BY c.fiscal_year, c.quarter",
                params,
            )
        ),
    }


def mentor_of(db: Database, volunteer_id: int) -> dict[str, Any] | None:
    """The name, position and phone of the volunteer's mentor (None: no mentor)."""
    rows = list(
        db.query(
            f"SELECT {display_name_sql('m')} AS name, m.position, m.phone FROM volunteers v "
            "JOIN mentors m ON m.id = v.mentor_id WHERE v.id = ?",
            [volunteer_id],
        )
    )
    return rows[0] if rows else None


def national_id_of(db: Database, volunteer_id: int) -> str | None:
    """The stored national ID of a volunteer (None when there is no such volunteer)."""
    row = db.execute("SELECT national_id FROM volunteers WHERE id = ?", [volunteer_id]).fetchone()
    return None if row is None else str(row[0])


def national_ids(db: Database) -> list[tuple[int, str]]:
    """(id, stored national ID) of every volunteer, erased ones included."""
    return [(int(r[0]), str(r[1])) for r in db.execute("SELECT id, national_id FROM volunteers")]
