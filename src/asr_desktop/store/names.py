"""How a person's name is shown, written once for every query ("นายสมชาย ใจดี")."""

from __future__ import annotations


def display_name_sql(alias: str = "") -> str:
    """The SQL expression for the title, first and last name of a row of ``volunteers``
    or ``mentors`` (optionally under a table alias): ``v.title || v.first_name || ' ' ...``.
    """
    p = f"{alias}." if alias else ""
    return f"{p}title || {p}first_name || ' ' || {p}last_name"
