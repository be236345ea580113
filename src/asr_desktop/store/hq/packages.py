"""Writing received packages into the national database, one transaction each."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from asr_desktop.domain.hq.package_format import DISTRICT_KEYS, PackageData
from asr_desktop.domain.thai_sort import thai_sort_key


def name_sort_key(first_name: str, last_name: str) -> str:
    """As the office roster sorts: Thai dictionary order by first name, then last name."""
    return f"{thai_sort_key(first_name)}\x00{thai_sort_key(last_name)}"


@contextmanager
def write_transaction(db: Database) -> Iterator[None]:
    """``BEGIN IMMEDIATE`` … COMMIT, or ROLLBACK on any exception (nothing half-written)."""
    conn = db.conn
    if conn.in_transaction:
        conn.commit()
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


@dataclass(frozen=True, slots=True)
class StoredPackage:
    id: int
    created_at: str


def pinned_key(db: Database, province_code: str) -> str | None:
    row = db.execute(
        "SELECT public_key FROM province_keys WHERE province_code = ?", [province_code]
    ).fetchone()
    return str(row[0]) if row else None


def pinned_fingerprints(db: Database) -> dict[str, str]:
    rows = db.execute("SELECT province_code, fingerprint FROM province_keys").fetchall()
    return {str(code): str(fingerprint) for code, fingerprint in rows}


def province_of_key(db: Database, public_key: str) -> str | None:
    row = db.execute(
        "SELECT province_code FROM province_keys WHERE public_key = ?", [public_key]
    ).fetchone()
    return str(row[0]) if row else None


def pin_key(db: Database, province_code: str, public_key: str, fingerprint: str, at: str) -> None:
    db.execute(
        "INSERT INTO province_keys (province_code, public_key, fingerprint, pinned_at) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (province_code) DO UPDATE SET "
        "public_key = excluded.public_key, fingerprint = excluded.fingerprint, "
        "pinned_at = excluded.pinned_at",
        [province_code, public_key, fingerprint, at],
    )


def key_change_decision(db: Database, province_code: str, public_key: str) -> str | None:
    """'accepted', 'refused', or None (undecided or never seen)."""
    row = db.execute(
        "SELECT decision FROM key_changes WHERE province_code = ? AND public_key = ?",
        [province_code, public_key],
    ).fetchone()
    return row[0] if row else None


def flag_key_change(
    db: Database, province_code: str, public_key: str, fingerprint: str, at: str, name: str
) -> None:
    db.execute(
        "INSERT INTO key_changes (province_code, public_key, fingerprint, seen_at, package_name)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (province_code, public_key) DO NOTHING",
        [province_code, public_key, fingerprint, at, name],
    )


def key_changes(db: Database, *, pending_only: bool = True) -> list[dict[str, Any]]:
    where = "WHERE decision IS NULL" if pending_only else ""
    cursor = db.execute(
        "SELECT id, province_code, fingerprint, seen_at, package_name, decision "
        f"FROM key_changes {where} ORDER BY province_code, seen_at"
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def decide_key_change(db: Database, change_id: int, accept: bool, at: str) -> str | None:
    """Records the decision; an accepted key becomes the province's pinned key. Returns the
    province code, None when there is no such undecided change."""
    with write_transaction(db):
        row = db.execute(
            "SELECT province_code, public_key, fingerprint FROM key_changes "
            "WHERE id = ? AND decision IS NULL",
            [change_id],
        ).fetchone()
        if row is None:
            return None
        db.execute(
            "UPDATE key_changes SET decision = ?, decided_at = ? WHERE id = ?",
            ["accepted" if accept else "refused", at, change_id],
        )
        if accept:
            db.execute("DELETE FROM province_keys WHERE public_key = ?", [row[1]])
            pin_key(db, row[0], row[1], row[2], at)
        return str(row[0])


def package_by_hash(db: Database, sha256: str) -> StoredPackage | None:
    row = db.execute("SELECT id, created_at FROM packages WHERE sha256 = ?", [sha256]).fetchone()
    return StoredPackage(int(row[0]), str(row[1])) if row else None


def current_package(db: Database, province_code: str, period: str) -> StoredPackage | None:
    row = db.execute(
        "SELECT id, created_at FROM packages WHERE province_code = ? AND period = ? "
        "AND current = 1",
        [province_code, period],
    ).fetchone()
    return StoredPackage(int(row[0]), str(row[1])) if row else None


@dataclass(frozen=True, slots=True)
class PackageRecord:
    province_code: str
    period: str
    created_at: str
    received_at: str
    sha256: str
    file_name: str
    size: int
    key_fingerprint: str
    app_version: str
    demo_key: bool
    manifest: dict[str, Any]


def insert_package(
    db: Database, record: PackageRecord, data: PackageData, replaces: int | None
) -> int:
    """Adds the package and its figures; the package it replaces stays as history.
    Call inside :func:`write_transaction`."""
    if replaces is not None:
        db.execute("UPDATE packages SET current = 0 WHERE id = ?", [replaces])
    cursor = db.conn.execute(
        "INSERT INTO packages (province_code, period, created_at, received_at, sha256, "
        "file_name, size, key_fingerprint, app_version, demo_key, manifest, current) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
        (
            record.province_code,
            record.period,
            record.created_at,
            record.received_at,
            record.sha256,
            record.file_name,
            record.size,
            record.key_fingerprint,
            record.app_version,
            int(record.demo_key),
            json.dumps(record.manifest, ensure_ascii=False),
        ),
    )
    package_id = int(cursor.lastrowid or 0)
    if replaces is not None:
        db.execute("UPDATE packages SET replaced_by = ? WHERE id = ?", [package_id, replaces])
    conn = db.conn
    conn.executemany(
        "INSERT INTO package_totals VALUES (?, ?, ?)",
        [(package_id, k, v) for k, v in data.totals.items()],
    )
    conn.executemany(
        f"INSERT INTO package_districts VALUES (?, ?, {', '.join('?' * len(DISTRICT_KEYS))})",
        [
            (package_id, d.district_code, *(d.figures[k] for k in DISTRICT_KEYS))
            for d in data.districts
        ],
    )
    conn.executemany(
        "INSERT INTO package_coverage VALUES (?, ?, ?, ?)",
        [(package_id, code, leads, network) for code, leads, network in data.coverage],
    )
    agencies = set(data.activities_by_agency) | set(data.referrals_by_agency)
    conn.executemany(
        "INSERT INTO package_agencies VALUES (?, ?, ?, ?)",
        [
            (
                package_id,
                agency,
                data.activities_by_agency.get(agency, 0),
                sum(data.referrals_by_agency.get(agency, {}).values()),
            )
            for agency in sorted(agencies)
        ],
    )
    conn.executemany(
        "INSERT INTO package_roster VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                package_id,
                r.national_id,
                r.name,
                r.subdistrict_code,
                r.tier,
                r.status,
                r.term_start.isoformat() if r.term_start else None,
                r.term_end.isoformat() if r.term_end else None,
                r.mentor_agency,
                name_sort_key(r.first_name, r.last_name),
                f"{r.national_id} {r.name}".casefold(),
            )
            for r in data.roster
        ],
    )
    refresh_national_roster(db, record.province_code)
    return package_id


def refresh_national_roster(db: Database, province_code: str) -> None:
    """The province's rows of ``national_roster`` from its newest current package."""
    db.execute("DELETE FROM national_roster WHERE province_code = ?", [province_code])
    db.execute(
        "INSERT INTO national_roster SELECT p.province_code, p.id, p.period, r.national_id, "
        "r.name, r.subdistrict_code, r.tier, r.status, r.term_start, r.term_end, "
        "r.mentor_agency, r.name_sort_key, r.search_text FROM packages p "
        "JOIN package_roster r ON r.package_id = p.id WHERE p.province_code = ? "
        "AND p.current = 1 AND p.period = (SELECT max(period) FROM packages "
        "WHERE province_code = ? AND current = 1)",
        [province_code, province_code],
    )
