"""``asr-cli``: the app's use cases for scripts, headquarters and tests (no Qt).

Each command group lives in its own module with a ``register(subparsers)`` function; a
command's handler takes the parsed arguments and returns the exit code. Exit codes: 0
success, 2 usage error (argparse's, or `UsageError`), 1 any other failure, with one clear
Thai line on stderr. Output cut short by the reader (``asr-cli list | head``) is not an
error: the command stops quietly with 0.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from asr_desktop import __version__
from asr_desktop.cli import (
    documents,
    excel,
    privacy,
    roster,
    safety,
    selftest,
    thai_argparse,
    work,
)
from asr_desktop.cli.output import UsageError
from asr_desktop.domain.errors import AsrError
from asr_desktop.reports.output import write_reason
from asr_desktop.store.private import private_umask
from asr_desktop.store.storage import storage_reason

COMMAND_MODULES = (roster, work, excel, safety, privacy, selftest, documents)


def build_parser() -> argparse.ArgumentParser:
    from asr_desktop.services.paths import default_database_path

    thai_argparse.install()
    parser = argparse.ArgumentParser(
        prog="asr-cli", description="อสร. Desktop — คำสั่งสำหรับสคริปต์และการทดสอบ"
    )
    parser.add_argument("--version", action="version", version=f"asr-cli {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        default=default_database_path(),
        help="ไฟล์ฐานข้อมูล (ค่าเริ่มต้น: ฐานข้อมูลของผู้ใช้)",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
    private_umask()  # backups, exports and databases are personal data
    _use_utf8_output()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if Path(args.db).is_dir():
            raise AsrError(f"--db {args.db} เป็นโฟลเดอร์ ต้องเป็นไฟล์ฐานข้อมูล (.db)")
        code = int(args.run(args))
        sys.stdout.flush()  # a closed pipe shows up here, inside the handlers below
        return code
    except UsageError as exc:
        parser_of = getattr(args, "parser", parser)
        parser_of.print_usage(sys.stderr)
        print(f"asr-cli: {exc.message}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        _quiet_broken_pipe()
        return 0
    except AsrError as exc:
        print(f"asr-cli: {exc.message}", file=sys.stderr)
        return 1
    except sqlite3.Error as exc:
        print(f"asr-cli: {storage_reason(exc)}", file=sys.stderr)
        return 1
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        print(f"asr-cli: เขียนหรืออ่านไฟล์{where} ไม่ได้: {write_reason(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("asr-cli: ยกเลิกแล้ว", file=sys.stderr)
        return 1


def _quiet_broken_pipe() -> None:
    """The reader closed the pipe: send what is left of stdout nowhere, without a message."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _use_utf8_output() -> None:
    """Windows consoles default to a code page that cannot print Thai."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


if __name__ == "__main__":
    sys.exit(main())
