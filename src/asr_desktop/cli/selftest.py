"""``asr-cli self-test``: checks fonts, Thai segmentation, the database, PDF and Excel."""

from __future__ import annotations

import argparse
import sys

from asr_desktop import __version__

PASS_MARK = "✓"
FAIL_MARK = "✗"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "self-test",
        help="ตรวจว่าโปรแกรมที่ติดตั้งทำงานได้ (ไม่แตะฐานข้อมูลของสำนักงาน)",
    )
    parser.set_defaults(run=run_self_test)


def run_self_test(args: argparse.Namespace) -> int:
    from asr_desktop.services.selftest import run_checks

    frozen = " (frozen)" if getattr(sys, "frozen", False) else ""
    print(f"asr-cli {__version__}{frozen} self-test")
    results = run_checks()
    for result in results:
        mark = PASS_MARK if result.ok else FAIL_MARK
        print(f"{mark} {result.label}: {result.detail}")
    failed = [result.label for result in results if not result.ok]
    if failed:
        print(f"ไม่ผ่าน {len(failed)} รายการ: {', '.join(failed)}", file=sys.stderr)
        return 1
    print(f"ผ่านทั้งหมด {len(results)} รายการ")
    return 0
