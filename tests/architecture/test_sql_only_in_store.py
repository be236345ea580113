"""All SQL lives in store/: no module outside it runs a query or writes SQL text.

import-linter (the layer contracts in pyproject.toml) cannot say this: services, reports
and the CLI rightly import ``sqlite_utils.Database`` to hand a connection to the store,
and a contract on imports cannot tell passing a connection along from querying through
it. So this test reads the source instead: it fails on a call of ``.execute``,
``.executemany``, ``.executescript``, ``.query`` or ``.table`` (sqlite-utils' way to
write a table without SQL) outside ``store/``, and on a string constant that reads as a
SQL statement.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "asr_desktop"
QUERY_METHODS = frozenset({"execute", "executemany", "executescript", "query", "table"})
SQL_TEXT = re.compile(
    r"^\s*(SELECT\s|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|PRAGMA\s|"
    r"CREATE\s+(TABLE|INDEX|VIEW|TRIGGER)\s|WITH\s+\w+\s+AS\s*\()"
)


def sql_uses(source: str) -> list[tuple[int, str]]:
    """(line, what) for every query call and every SQL text in ``source``."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in QUERY_METHODS
        ):
            found.append((node.lineno, f".{node.func.attr}(…)"))
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and SQL_TEXT.match(node.value)
        ):
            found.append((node.lineno, repr(node.value[:40])))
    return found


def outside_store() -> list[Path]:
    return sorted(
        path for path in PACKAGE.rglob("*.py") if "store" not in path.relative_to(PACKAGE).parts
    )


def test_no_module_outside_store_runs_sql() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}:{line}: {what}"
        for path in outside_store()
        for line, what in sql_uses(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_check_reads_the_whole_package() -> None:
    names = {path.relative_to(PACKAGE).parts[0] for path in outside_store()}
    assert {"services", "ui", "cli", "reports", "domain"} <= names


@pytest.mark.parametrize(
    "source",
    [
        'db.execute("SELECT count(*) FROM volunteers")',
        "db.conn.executemany(sql, rows)",
        'db.table("events").insert({})',
        'rows = db.query("SELECT 1")',
        'SQL = "SELECT v.id FROM volunteers v"',
        'x = f"UPDATE volunteers SET mentor_id = {m}"',
        'x = "DELETE FROM activities WHERE id = ?"',
        'x = "INSERT INTO referrals (date) VALUES (?)"',
        'x = "PRAGMA quick_check"',
    ],
)
def test_the_check_finds_sql(source: str) -> None:
    assert sql_uses(source)


@pytest.mark.parametrize(
    "source",
    [
        'UPDATE = "update"',
        'label = "Select a volunteer"',
        'note = "ลบข้อมูลระบุตัวตนแล้ว"',
        "store.count_by_tier(db)",
        'text = "update the roster"',
    ],
)
def test_the_check_leaves_other_text_alone(source: str) -> None:
    assert sql_uses(source) == []
