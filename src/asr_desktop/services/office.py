"""The one way into an office's data: :class:`Office`.

Opening an ``Office`` runs the start-up checks of :mod:`asr_desktop.services.startup`
(network share, read-only file, ``quick_check``, newer schema, backup before a migration
and once a day). It owns the SQLite connection, the clock and the settings, and hands out
the services (``office.roster``, ``office.activities`` …) built on that connection.

Only the commands that make a database (``init``, ``demo``, ``restore`` and the GUI's
first run) pass ``create=True``; otherwise a missing file is refused with a Thai reason,
so a mistyped path never becomes a new empty office.

A SQLite connection belongs to the thread that made it: a worker thread calls
:meth:`Office.for_worker` (or :meth:`Office.connect`) to get its own ``Office`` on the same
file, and closes it when done.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from sqlite_utils import Database

from asr_desktop.domain import areas
from asr_desktop.domain.errors import InputError
from asr_desktop.domain.settings import OfficeSettings
from asr_desktop.services.backup import backups_dir
from asr_desktop.services.startup import open_office_database
from asr_desktop.store.database import DatabaseError, connect, memory_database
from asr_desktop.store.settings import is_initialised, load_settings, save_settings

if TYPE_CHECKING:
    # Imported by the properties that hand the services out: the first screen needs
    # none of them, and each brings its store modules (start-up time, issue 20).
    from asr_desktop.services.activities import ActivityService
    from asr_desktop.services.audit_log import AuditLog
    from asr_desktop.services.events import EventService
    from asr_desktop.services.mentors import MentorService
    from asr_desktop.services.referrals import ReferralService
    from asr_desktop.services.roster import RosterService
    from asr_desktop.store.categories import CategoryStore

Clock = Callable[[], date]


class MissingDatabaseError(DatabaseError):
    """The database file does not exist and the command does not create one."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"ไม่พบไฟล์ฐานข้อมูล {path} ตรวจสอบชื่อไฟล์ที่ระบุ "
            "(สร้างฐานข้อมูลใหม่ด้วยคำสั่ง init หรือ demo หรือกู้คืนจากสำเนาด้วย restore)"
        )
        self.path = path


class Office:
    """An open office database with its clock, settings and services.

    Build one with :meth:`open` (checked, for the GUI and the CLI), :meth:`connect`
    (a worker thread's own connection to a file already opened) or :meth:`adopt`
    (an existing connection, for tests and in-memory dry runs).
    """

    def __init__(
        self,
        db: Database,
        path: Path | None,
        *,
        today: Clock = date.today,
        backup_warning: str = "",
        backups: list[Path] | None = None,
    ) -> None:
        self.db = db
        """The connection. Services and store functions take it; the GUI must not."""
        self.path = path
        self.today = today
        self.backup_warning = backup_warning
        """Why today's backup could not be made (the office opened all the same)."""
        self.backups = backups or []
        """Backups made while opening (before a migration, the daily one)."""
        self._settings: OfficeSettings | None = None

    # --- opening ------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        today: Clock = date.today,
        now: Callable[[], datetime] = datetime.now,
        create: bool = False,
        daily_backup: bool = True,
    ) -> Office:
        """Opens the office database at ``path`` after the start-up checks.

        Raises:
            MissingDatabaseError: ``path`` does not exist (or is empty) and ``create`` is
                False.
            NetworkLocationError, ReadOnlyDatabaseError, DamagedDatabaseError,
            NewerDatabaseError, DatabaseError: from the checks, each with a Thai reason.
        """
        path = Path(path)
        if not create and not (path.is_file() and path.stat().st_size > 0):
            raise MissingDatabaseError(path)
        opened = open_office_database(path, now=now, daily=daily_backup)
        return cls(
            opened.db,
            path,
            today=today,
            backup_warning=opened.backup_warning,
            backups=opened.backups,
        )

    @classmethod
    def connect(cls, path: Path | str, *, today: Clock = date.today) -> Office:
        """A new connection to a database the main thread has already opened and checked."""
        return cls(connect(path), Path(path), today=today)

    def for_worker(self) -> Office:
        """An ``Office`` on the same file for another thread (one connection per thread)."""
        if self.path is None:
            raise DatabaseError("ฐานข้อมูลในหน่วยความจำใช้ร่วมกับงานเบื้องหลังไม่ได้")
        return Office.connect(self.path, today=self.today)

    @classmethod
    def adopt(cls, db: Database, path: Path | None = None, *, today: Clock = date.today) -> Office:
        """Wraps an already open (and migrated) connection."""
        return cls(db, path, today=today)

    @classmethod
    def in_memory(cls, *, today: Clock = date.today) -> Office:
        """A migrated in-memory office, for tests and dry runs."""
        return cls(memory_database(), None, today=today)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Office:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- settings -----------------------------------------------------------------------

    @property
    def settings(self) -> OfficeSettings:
        if self._settings is None:
            self._settings = load_settings(self.db)
        return self._settings

    def reload_settings(self) -> OfficeSettings:
        self._settings = None
        return self.settings

    @property
    def is_initialised(self) -> bool:
        """Whether the province has been chosen (a new file has none yet)."""
        return is_initialised(self.db)

    def init(self, province_code: str, office_name: str = "") -> OfficeSettings:
        """Records the province and office name of a new database."""
        self._settings = init_office(self.db, province_code, office_name)
        return self._settings

    def update_settings(self, settings: OfficeSettings) -> None:
        update_settings(self.db, settings)
        self._settings = settings

    # --- services -----------------------------------------------------------------------

    @cached_property
    def roster(self) -> RosterService:
        from asr_desktop.services.roster import RosterService

        return RosterService(self.db, today=self.today)

    @cached_property
    def activities(self) -> ActivityService:
        from asr_desktop.services.activities import ActivityService

        return ActivityService(self.db, today=self.today)

    @cached_property
    def referrals(self) -> ReferralService:
        from asr_desktop.services.referrals import ReferralService

        return ReferralService(self.db, today=self.today)

    @cached_property
    def events(self) -> EventService:
        from asr_desktop.services.events import EventService

        return EventService(self.db, today=self.today)

    @cached_property
    def mentors(self) -> MentorService:
        from asr_desktop.services.mentors import MentorService

        return MentorService(self.db, today=self.today)

    @cached_property
    def categories(self) -> CategoryStore:
        """The activity categories the office can extend (duty, mission, target group)."""
        return self.activities.categories

    @cached_property
    def audit(self) -> AuditLog:
        from asr_desktop.services.audit_log import AuditLog

        return AuditLog(self.db)


BANGKOK = "10"


def default_office_name(province_code: str) -> str:
    """ "สำนักงานแรงงานจังหวัดสกลนคร"; Bangkok is not a จังหวัด: "สำนักงานแรงงานกรุงเทพมหานคร"."""
    name = areas.province_name(province_code)
    return f"สำนักงานแรงงาน{name}" if province_code == BANGKOK else f"สำนักงานแรงงานจังหวัด{name}"


def discard_new_database(path: Path) -> None:
    """Removes a database file made moments ago and never set up (a cancelled first run),
    with its WAL files and its backups folder if that is empty, so the next start asks
    again instead of finding (and backing up) an empty office."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    folder = backups_dir(path)
    if folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()


def init_office(db: Database, province_code: str, office_name: str = "") -> OfficeSettings:
    """Records the province and office name of a new database."""
    if not areas.province_name(province_code):
        raise InputError(f"ไม่พบรหัสจังหวัด {province_code!r} (ต้องเป็นรหัส 2 หลัก เช่น 47)")
    settings = dataclasses.replace(
        load_settings(db),
        province_code=province_code,
        office_name=office_name.strip() or default_office_name(province_code),
    )
    save_settings(db, settings)
    return settings


def update_settings(db: Database, settings: OfficeSettings) -> None:
    problems = []
    if not areas.province_name(settings.province_code):
        problems.append("กรุณาเลือกจังหวัด")
    if not settings.office_name.strip():
        problems.append("กรุณากรอกชื่อสำนักงาน")
    if not 1 <= settings.term_years <= 10:
        problems.append("วาระต้องอยู่ระหว่าง 1 ถึง 10 ปี")
    if problems:
        raise InputError("; ".join(problems))
    save_settings(db, settings)
