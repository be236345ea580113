"""Referrals (ชี้เป้า คัดกรอง ส่งต่อ): save, list, find overdue follow-ups, count."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlite_utils import Database

from asr_desktop.domain.errors import NotFoundError
from asr_desktop.domain.work import Referral, ReferralStatus
from asr_desktop.store import audit
from asr_desktop.store.names import display_name_sql
from asr_desktop.store.records import from_row, inserted_id, to_row
from asr_desktop.store.roster import LISTED_SQL

OPEN_STATUSES_SQL = "('referred', 'in_progress')"


@dataclass(frozen=True, slots=True)
class ReferralFilter:
    """What the referral list shows. Empty fields do not filter."""

    search: str = ""
    status: ReferralStatus | None = None
    agency: str = ""
    overdue_only: bool = False
    first: date | None = None
    following: date | None = None


class ReferralRow(NamedTuple):
    id: int
    date: str
    person_name: str
    person_phone: str
    need: str
    agency: str
    status: str
    outcome: str
    follow_up_date: str | None
    volunteer_name: str | None


class ReferralStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, referral: Referral) -> int:
        with self.db.atomic():
            referral.id = inserted_id(
                self.db.table("referrals").insert(to_row(referral, exclude=("id",)))
            )
            audit.record(
                self.db,
                "create",
                "referral",
                referral.id,
                after=to_row(referral),
                summary=referral.person_name,
            )
        return referral.id

    def update(self, referral: Referral) -> None:
        if referral.id is None:
            raise ValueError("update() needs a saved referral")
        with self.db.atomic():
            before = self.get(referral.id)
            self.db.table("referrals").update(referral.id, to_row(referral, exclude=("id",)))
            audit.record(
                self.db,
                "update",
                "referral",
                referral.id,
                before=to_row(before),
                after=to_row(referral),
                summary=referral.person_name,
            )

    def delete(self, referral_id: int) -> None:
        with self.db.atomic():
            before = self.get(referral_id)
            self.db.execute("DELETE FROM referrals WHERE id = ?", [referral_id])
            audit.record(
                self.db,
                "delete",
                "referral",
                referral_id,
                before=to_row(before),
                summary=before.person_name,
            )

    def get(self, referral_id: int) -> Referral:
        rows = list(self.db.query("SELECT * FROM referrals WHERE id = ?", [referral_id]))
        if not rows:
            raise NotFoundError(f"ไม่พบการส่งต่อรหัส {referral_id}")
        return from_row(Referral, rows[0])

    def rows(self, referral_filter: ReferralFilter, *, today: date) -> list[ReferralRow]:
        """The list's rows, newest first (referrals are thousands, not 100,000s)."""
        clauses: list[str] = []
        params: dict[str, object] = {"today": today.isoformat()}
        for i, word in enumerate(referral_filter.search.lower().split()):
            clauses.append(
                f"instr(lower(r.person_name || ' ' || r.person_phone || ' ' || r.need || ' ' || "
                f"CASE WHEN {LISTED_SQL} THEN v.first_name || ' ' || v.last_name ELSE '' END),"
                f" :q{i}) > 0"
            )
            params[f"q{i}"] = word
        if referral_filter.status is not None:
            clauses.append("r.status = :status")
            params["status"] = referral_filter.status.value
        if referral_filter.agency:
            clauses.append("r.agency = :agency")
            params["agency"] = referral_filter.agency
        if referral_filter.overdue_only:
            clauses.append(f"r.status IN {OPEN_STATUSES_SQL} AND r.follow_up_date < :today")
        if referral_filter.first is not None:
            clauses.append("r.date >= :first")
            params["first"] = referral_filter.first.isoformat()
        if referral_filter.following is not None:
            clauses.append("r.date < :following")
            params["following"] = referral_filter.following.isoformat()
        where = " AND ".join(clauses) or "1"
        order = (
            "r.follow_up_date, r.id" if referral_filter.overdue_only else "r.date DESC, r.id DESC"
        )
        sql = (
            "SELECT r.id, r.date, r.person_name, r.person_phone, r.need, r.agency, r.status, "
            "r.outcome, r.follow_up_date, "
            # An erased volunteer is not named (domain/erasure.py); the referral stays: it
            # is the referred person's case and a past figure.
            f"CASE WHEN {LISTED_SQL} THEN {display_name_sql('v')} ELSE NULL "
            "END FROM referrals r LEFT JOIN volunteers v ON v.id = r.volunteer_id "
            f"WHERE {where} ORDER BY {order}"
        )
        return [ReferralRow(*row) for row in self.db.execute(sql, params).fetchall()]

    def overdue_count(self, today: date) -> int:
        return int(
            self.db.execute(
                f"SELECT count(*) FROM referrals WHERE status IN {OPEN_STATUSES_SQL} "
                "AND follow_up_date < ?",
                [today.isoformat()],
            ).fetchone()[0]
        )

    def counts(self, first: date, following: date) -> dict[tuple[str, str], int]:
        """(agency, status) → referrals made in a half-open date range."""
        rows = self.db.execute(
            "SELECT agency, status, count(*) FROM referrals WHERE date >= ? AND date < ? "
            "GROUP BY agency, status",
            [first.isoformat(), following.isoformat()],
        ).fetchall()
        return {(agency, status): int(n) for agency, status, n in rows}

    def district_counts(self, first: date, following: date) -> dict[str, int]:
        """District code → referrals made in a half-open date range.

        A referral counts in the district of the tambon it names, else in the district of
        the volunteer who made it; those with neither count under "" (so that the counts
        add up to :meth:`counts`).
        """
        rows = self.db.execute(
            "SELECT coalesce(nullif(substr(r.subdistrict_code, 1, 4), ''), v.district_code), "
            "count(*) FROM referrals r LEFT JOIN volunteers v ON v.id = r.volunteer_id "
            "WHERE r.date >= ? AND r.date < ? GROUP BY 1",
            [first.isoformat(), following.isoformat()],
        ).fetchall()
        counted: dict[str, int] = {}
        for code, n in rows:
            counted[code or ""] = counted.get(code or "", 0) + int(n)
        return counted

    def by_volunteer(self, volunteer_id: int) -> tuple[int, int]:
        """(served, total) referrals the volunteer made."""
        row = self.db.execute(
            "SELECT coalesce(sum(status = 'served'), 0), count(*) FROM referrals "
            "WHERE volunteer_id = ?",
            [volunteer_id],
        ).fetchone()
        return int(row[0]), int(row[1])
