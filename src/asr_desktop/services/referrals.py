"""Use cases of referrals (ชี้เป้า คัดกรอง ส่งต่อ)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlite_utils import Database

from asr_desktop.domain.errors import InputError
from asr_desktop.domain.month import Month
from asr_desktop.domain.vocabulary import Agency
from asr_desktop.domain.work import Referral, ReferralStatus
from asr_desktop.store.referrals import ReferralFilter as ReferralFilter
from asr_desktop.store.referrals import ReferralRow as ReferralRow
from asr_desktop.store.referrals import ReferralStore


def referral_problems(referral: Referral, *, today: date) -> list[InputError]:
    problems = []
    if not referral.person_name.strip():
        problems.append(InputError("กรุณากรอกชื่อผู้รับการส่งต่อ", "person_name"))
    if referral.agency not in {a.value for a in Agency}:
        problems.append(InputError("กรุณาเลือกหน่วยงานที่ส่งต่อ", "agency"))
    if referral.date > today:
        problems.append(InputError("วันที่ส่งต่อต้องไม่เกินวันนี้", "date"))
    if referral.follow_up_date is not None and referral.follow_up_date < referral.date:
        problems.append(InputError("วันติดตามต้องไม่ก่อนวันที่ส่งต่อ", "follow_up_date"))
    if referral.status in (ReferralStatus.SERVED, ReferralStatus.NOT_SERVED) and not (
        referral.outcome.strip()
    ):
        problems.append(InputError("กรุณาบันทึกผลการส่งต่อ", "outcome"))
    return problems


class ReferralService:
    def __init__(self, db: Database, *, today: Callable[[], date] = date.today) -> None:
        self.db = db
        self.store = ReferralStore(db)
        self.today = today

    def save(self, referral: Referral) -> int:
        problems = referral_problems(referral, today=self.today())
        if problems:
            raise InputError("; ".join(p.message for p in problems), problems[0].field)
        if referral.id is None:
            return self.store.add(referral)
        self.store.update(referral)
        return referral.id

    def set_status(self, referral_id: int, status: ReferralStatus, outcome: str = "") -> None:
        referral = self.store.get(referral_id)
        referral.status = status
        if outcome:
            referral.outcome = outcome
        self.save(referral)

    def overdue(self) -> list[ReferralRow]:
        return self.store.rows(ReferralFilter(overdue_only=True), today=self.today())

    def month_counts(self, month: Month) -> dict[str, dict[str, int]]:
        """agency → status → referrals made in the month (every agency and status listed)."""
        counts = self.store.counts(*month.range)
        return {
            agency.value: {s.value: counts.get((agency.value, s.value), 0) for s in ReferralStatus}
            for agency in Agency
        }
