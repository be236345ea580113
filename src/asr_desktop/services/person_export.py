"""Everything the app holds about one volunteer, in words a person can read (PDPA access).

:func:`person_data` gathers it as JSON-ready values: codes become their Thai labels and
tambons their names, ids and the store's sort, search and summary columns stay out.
:func:`readable_text` lays the same out as Thai text. The referrals the volunteer made
leave out the people referred: that is someone else's personal data.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from asr_desktop.domain import areas
from asr_desktop.domain.errors import NotFoundError
from asr_desktop.domain.thai_dates import format_thai_date
from asr_desktop.domain.vocabulary import Agency, ExitReason, Gender, StatusChange, Tier
from asr_desktop.domain.volunteer_fields import VOLUNTEER_FIELD_LABELS
from asr_desktop.domain.work import AttendeeRole, ChecklistItem, EventKind, ReferralStatus
from asr_desktop.store import privacy as privacy_store
from asr_desktop.store.audit_query import ACTION_LABELS, RECORD_TYPE_LABELS

INTERNAL = frozenset(
    {
        "id",
        "volunteer_id",
        "mentor_id",
        "district_code",
        "name_sort_key",
        "search_text",
        "standing",
        "exit_reason",
        "term_start",
        "term_end",
        "last_activity",
        "redacted_at",
        "settled_on",
    }
)
"""Columns the store keeps for itself (keys, sort and search aids, derived summaries)."""


def person_data(db: Database, volunteer_id: int) -> dict[str, Any]:
    """Everything the database holds about one volunteer, as plain JSON-ready values."""
    rows = privacy_store.rows_of(db, "volunteers", volunteer_id)
    if not rows:
        raise NotFoundError(f"ไม่พบอาสาสมัครรหัส {volunteer_id}")
    row = rows[0]
    volunteer: dict[str, Any] = {}
    for key in VOLUNTEER_FIELD_LABELS:
        if key in ("subdistrict", "district", "province"):
            continue
        value = row.get(key)
        volunteer[key] = Gender(value).label if key == "gender" and value else value
        if key == "road":
            volunteer |= _area_words(row["subdistrict_code"])
    work = privacy_store.work_of(db, volunteer_id)
    return {
        "volunteer": volunteer,
        "mentor": privacy_store.mentor_of(db, volunteer_id),
        "photo": None,
        "terms": [_term(t) for t in privacy_store.rows_of(db, "terms", volunteer_id)],
        "status_events": [
            {
                "change": StatusChange(e["change"]).label,
                "date": e["date"],
                "reason": ExitReason(e["reason"]).label if e["reason"] else "",
                "reference": e["reference"],
                "note": e["note"],
            }
            for e in privacy_store.rows_of(db, "status_events", volunteer_id)
        ],
        "events": [
            e
            | {
                "kind": EventKind(e["kind"]).label,
                "role": AttendeeRole(e["role"]).label,
                "attended": bool(e["attended"]),
            }
            for e in work["events"]
        ],
        "activities": [_activity(a) for a in work["activities"]],
        "referrals": [
            {
                "date": r["date"],
                "tambon": _tambon(r["subdistrict_code"]),
                "need": r["need"],
                "agency": _agency(r["agency"]),
                "status": ReferralStatus(r["status"]).label,
                "outcome": r["outcome"],
                "follow_up_date": r["follow_up_date"],
            }
            for r in work["referrals"]
        ],
        "mentor_assessments": [_assessment(c) for c in work["mentor_assessments"]],
        "audit_log": [_audit(a) for a in privacy_store.audit_about(db, volunteer_id)],
        "privacy_log": [
            {k: v for k, v in entry.items() if k not in INTERNAL}
            for entry in privacy_store.entries(db, volunteer_id)
        ],
    }


def _area_words(code: str) -> dict[str, str]:
    if not code:
        return {"subdistrict": "", "district": "", "province": ""}
    return {
        "subdistrict": areas.subdistrict_name(code),
        "district": areas.district_name(code[:4]),
        "province": areas.province_name(code[:2]),
    }


def _tambon(code: str) -> str:
    """ "ต.ท่าแร่ อ.เมืองสกลนคร" (empty when no code)."""
    words = _area_words(code)
    return " ".join(
        part
        for part in (
            f"ต.{words['subdistrict']}" if words["subdistrict"] else "",
            f"อ.{words['district']}" if words["district"] else "",
        )
        if part
    )


def _agency(code: str) -> str:
    return Agency(code).label if code else ""


def _term(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in INTERNAL and k != "area_codes"} | {
        "tier": Tier(row["tier"]).label,
        "areas": [_tambon(code) for code in (row["area_codes"] or "").split()],
    }


def _activity(row: dict[str, Any]) -> dict[str, Any]:
    return row | {
        "agency": _agency(row["agency"]),
        "tambon": _tambon(row.pop("subdistrict_code")),
    }


def _assessment(row: dict[str, Any]) -> dict[str, Any]:
    notes = json.loads(row["notes"] or "{}")
    return {
        "fiscal_year": row["fiscal_year"] + 543 if row["fiscal_year"] else None,
        "quarter": row["quarter"],
        "assessed_on": row["assessed_on"],
        "mentor": row["mentor"],
        "scores": {item.label: row[item.value] for item in ChecklistItem},
        "notes": {ChecklistItem(k).label: v for k, v in notes.items() if v},
    }


def _audit(row: dict[str, Any]) -> dict[str, Any]:
    entry = {k: row[k] for k in ("at", "os_user")}
    # "volunteer 12" marks whose term or event it was: an internal id, not information.
    entry["summary"] = "" if row["summary"].startswith("volunteer ") else row["summary"]
    entry["what"] = RECORD_TYPE_LABELS.get(row["record_type"], row["record_type"])
    entry["action"] = ACTION_LABELS.get(row["action"], row["action"])
    for key in ("before", "after"):
        values = json.loads(row[key]) if row[key] else None
        entry[key] = (
            {k: v for k, v in values.items() if k not in INTERNAL}
            if isinstance(values, dict)
            else values
        )
    return entry


def readable_text(data: dict[str, Any]) -> str:
    """The export as Thai text a person can read without a program."""
    v = data["volunteer"]
    lines = [
        "ข้อมูลส่วนบุคคลที่สำนักงานแรงงานจังหวัดเก็บไว้ (อสร. Desktop)",
        f"ส่งออกเมื่อ: {_thai_when(data['exported_at'])}",
        "",
        "ข้อมูลอาสาสมัคร",
    ]
    for key, label in VOLUNTEER_FIELD_LABELS.items():
        value = v.get(key)
        if value not in (None, ""):
            lines.append(f"  {label}: {_when_or_date(value)}")
    lines.append(f"  รูปถ่าย: {data['photo'] or 'ไม่มี'}")
    mentor = data["mentor"]
    lines += ["", "เจ้าหน้าที่พี่เลี้ยง"]
    if mentor:
        extra = " ".join(p for p in (mentor["position"], mentor["phone"]) if p)
        lines.append(f"  {mentor['name']}" + (f" ({extra})" if extra else ""))
    else:
        lines.append("  ยังไม่มีพี่เลี้ยง")
    lines += ["", f"วาระการดำรงตำแหน่ง ({len(data['terms'])} วาระ)"]
    for term in data["terms"]:
        card = f" บัตรเลขที่ {term['card_no']}" if term["card_no"] else ""
        area = f" พื้นที่ {', '.join(term['areas'])}" if term["areas"] else ""
        lines.append(
            f"  {term['tier']} รุ่น {term['batch'] or '-'} ตั้งแต่ {_date(term['start_date'])}"
            f" ถึง {_date(_last_day(term))}{card}{area}"
        )
    lines += ["", f"ประวัติสถานะ ({len(data['status_events'])} รายการ)"]
    for event in data["status_events"]:
        reason = f" ({event['reason']})" if event["reason"] else ""
        note = f" — {event['note']}" if event["note"] else ""
        lines.append(f"  {_date(event['date'])}: {event['change']}{reason}{note}")
    lines += ["", f"กิจกรรม/การอบรมที่มีชื่อ ({len(data['events'])} ครั้ง)"]
    for event in data["events"]:
        attended = "เข้าร่วม" if event["attended"] else "ไม่ได้เข้าร่วม"
        venue = f" ณ {event['venue']}" if event["venue"] else ""
        lines.append(
            f"  {_date(event['start_date'])} {event['kind']} {event['title']}{venue}"
            f" ({event['role']}, {attended})"
        )
    lines += ["", f"ผลการปฏิบัติงาน ({len(data['activities'])} รายการ)"]
    for a in data["activities"]:
        parts = [a["mission"], a["duty"] or "", a["target_group"] or "", a["agency"], a["tambon"]]
        people = a["people_male"] + a["people_female"]
        lines.append(
            f"  {_date(a['date'])} {' '.join(p for p in parts if p)} จำนวน {a['count']} ครั้ง"
            + (f" ผู้รับบริการ {people} คน" if people else "")
            + (f" — {a['note']}" if a["note"] else "")
        )
    lines += ["", f"การส่งต่อผู้ต้องการความช่วยเหลือ ({len(data['referrals'])} ราย)"]
    for r in data["referrals"]:
        need = f" {r['need']}" if r["need"] else ""
        lines.append(f"  {_date(r['date'])} ส่งต่อ {r['agency']}{need} {r['tambon']}: {r['status']}")
    if data["referrals"]:
        lines.append("  (ไม่แสดงชื่อและโทรศัพท์ของผู้ที่ถูกส่งต่อ เพราะเป็นข้อมูลของบุคคลอื่น)")
    lines += ["", f"การประเมินของพี่เลี้ยง 3อ 2ส 1ร ({len(data['mentor_assessments'])} ครั้ง)"]
    for c in data["mentor_assessments"]:
        scores = ", ".join(
            f"{label} {'-' if score is None else score}" for label, score in c["scores"].items()
        )
        by = f" โดย {c['mentor']}" if c["mentor"] else ""
        lines.append(f"  ปีงบประมาณ {c['fiscal_year']} ไตรมาส {c['quarter']}{by}: {scores}")
        lines += [f"    {label}: {note}" for label, note in c["notes"].items()]
    lines += ["", f"ประวัติการแก้ไขข้อมูล ({len(data['audit_log'])} รายการ)"]
    for row in data["audit_log"]:
        lines.append(
            f"  {_thai_when(row['at'])} {row['os_user']} {row['action']}{row['what']}"
            + (f": {row['summary']}" if row["summary"] else "")
        )
    lines += ["", f"การส่งออกข้อมูลก่อนหน้านี้ ({len(data['privacy_log'])} ครั้ง)"]
    for row in data["privacy_log"]:
        lines.append(f"  {_thai_when(row['at'])} {row['os_user']} {row['what']} {row['file_name']}")
    return "\n".join(lines) + "\n"


def _last_day(term: dict[str, Any]) -> str:
    """A stored term's last day (domain/model.py:Term.last_day on ISO text)."""
    ended, end = term["ended_date"], term["end_date"]
    return str(min(ended, end) if ended else end)


def _date(value: str | None) -> str:
    return format_thai_date(datetime.fromisoformat(value).date()) if value else "-"


def _when_or_date(value: Any) -> str:
    """ISO dates and times (as the store keeps them) in Thai; anything else as it is."""
    if isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        try:
            return _thai_when(value) if len(value) > 10 else _date(value)
        except ValueError:
            return value
    return str(value)


def _thai_when(iso: str) -> str:
    at = datetime.fromisoformat(iso)
    return f"{format_thai_date(at.date())} {at:%H:%M} น."
