"""``asr-cli self-test``: each check passes here, and a failure is reported, not raised."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from tests.conftest import subprocess_env

from asr_desktop import assets
from asr_desktop.cli import main
from asr_desktop.services import selftest


def test_every_check_passes_and_exit_code_is_zero(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("ASR_DESKTOP_DATA", str(tmp_path / "data"))

    assert main(["self-test"]) == 0

    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line[:1] in "✓✗"]
    assert len(lines) == len(selftest.CHECKS)
    assert all(line.startswith("✓ ") for line in lines)
    assert "ผ่านทั้งหมด 5 รายการ" in out
    # The office's data folder is never created or touched.
    assert not (tmp_path / "data").exists()


def test_a_failing_check_is_listed_and_exit_code_is_one(capsys, monkeypatch):
    def broken(workdir: Path) -> str:
        raise selftest.SelfTestFailure("ตั้งใจให้ไม่ผ่าน")

    monkeypatch.setattr(
        selftest, "CHECKS", (*selftest.CHECKS[:1], ("ตรวจที่พัง", broken), *selftest.CHECKS[1:])
    )

    assert main(["self-test"]) == 1

    captured = capsys.readouterr()
    assert "✗ ตรวจที่พัง: ตั้งใจให้ไม่ผ่าน" in captured.out
    assert captured.out.count("✓ ") == len(selftest.CHECKS) - 1
    assert "ไม่ผ่าน 1 รายการ: ตรวจที่พัง" in captured.err


def test_an_unexpected_error_names_its_type_and_place(monkeypatch, tmp_path):
    missing = tmp_path / "no-fonts"
    monkeypatch.setattr(assets, "resources_dir", lambda: missing)

    [result] = selftest.run_checks((("ฟอนต์", selftest.check_fonts),))

    assert not result.ok
    assert "Sarabun-Regular.ttf" in result.detail
    assert result.detail.split(":")[0] in {"FileNotFoundError", "OSError", "TTFError"}


@pytest.mark.parametrize(("label", "check"), selftest.CHECKS)
def test_each_check_passes_on_its_own(label, check, tmp_path):
    assert check(tmp_path)


def test_segmentation_check_catches_a_wrong_split(monkeypatch):
    import pythainlp.tokenize

    monkeypatch.setattr(pythainlp.tokenize, "word_tokenize", lambda text, engine: list(text))

    with pytest.raises(selftest.SelfTestFailure, match="ตัดคำได้"):
        selftest.check_thai_words(Path())


# One process, as the app would be: the self-test, then cards printed from the database.
_SELF_TEST_THEN_CARDS = """
import sys
from asr_desktop.cli import main
assert main(["self-test"]) == 0, "self-test failed"
sys.exit(main(["--db", sys.argv[1], "cards", "--pdf", sys.argv[2]]))
"""


def test_cards_print_in_thai_after_the_self_test_in_the_same_process(tmp_path):
    """The self-test once registered its own TTFont of Sarabun; reportlab keeps one font
    per typeface, so the cards printed after it got a font that cannot shape Thai and the
    print failed. A fresh process, because a test run has long registered the fonts."""
    demo = tmp_path / "demo.db"
    assert main(["--db", str(demo), "demo", "--volunteers", "40"]) == 0
    out = tmp_path / "cards.pdf"
    env = subprocess_env() | {"ASR_DESKTOP_DATA": str(tmp_path / "data")}
    done = subprocess.run(
        [sys.executable, "-c", _SELF_TEST_THEN_CARDS, str(demo), str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "ผ่านทั้งหมด" in done.stdout
    text = pypdf.PdfReader(out).pages[0].extract_text()
    assert "อาสาสมัครแรงงาน" in text
