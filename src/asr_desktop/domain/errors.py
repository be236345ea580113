"""Errors that carry a Thai message for the office user.

Every check of user input raises ``InputError`` with the field it is about and a reason in
Thai that can be shown as is ("เลขประจำตัวประชาชนต้องมี 13 หลัก"). Code above the domain
never has to translate or guess what went wrong.
"""

from __future__ import annotations


class AsrError(Exception):
    """Base of the app's own errors: ``message`` is Thai and fit to show a user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(AsrError, ValueError):
    """A value typed or imported by a person is not acceptable.

    Attributes:
        field: The name of the field (English identifier, e.g. ``"national_id"``), or "".
        message: Why, in Thai.
    """

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class DuplicateError(AsrError):
    """A record with the same unique key (e.g. national ID) already exists."""

    def __init__(self, message: str, existing_id: int) -> None:
        super().__init__(message)
        self.existing_id = existing_id


class NotFoundError(AsrError):
    """A record the caller asked for does not exist."""
