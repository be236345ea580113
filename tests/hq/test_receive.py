"""Receiving packages: the genuine ones, and every kind of hostile one (issue 10, §3).

Every refused package leaves the national database exactly as it was and gives a
one-line Thai reason.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from tests.hq import forge
from tests.hq.conftest import counts

from asr_desktop.services.hq import crypto
from asr_desktop.services.hq.receive import receive_packages


def _receive_one(hq, path: Path):  # type: ignore[no-untyped-def]
    [result] = receive_packages(hq, [path])
    return result


def _refused(hq, path: Path, *words: str) -> str:  # type: ignore[no-untyped-def]
    before = counts(hq)
    result = _receive_one(hq, path)
    assert not result.accepted
    assert "\n" not in result.reason and "Traceback" not in result.reason
    for word in words:
        assert word in result.reason, result.reason
    assert counts(hq) == before
    return result.reason


def _office_key(genuine) -> Ed25519PrivateKey:  # type: ignore[no-untyped-def]
    return crypto.office_signing_key(genuine.db_path)


def _hq_private():  # type: ignore[no-untyped-def]
    from asr_desktop.services.hq.headquarters import DEMO, load_private_key

    return load_private_key(Path("."), DEMO)


def test_genuine_package_is_accepted_with_its_figures(hq, first) -> None:
    result = _receive_one(hq, first)
    assert result.accepted, result.reason
    assert (result.province_code, result.period) == ("47", "2025-10")
    n = counts(hq)
    assert n["packages"] == 1 and n["province_keys"] == 1
    assert n["package_coverage"] == 125  # every tambon of สกลนคร
    assert n["package_roster"] > 0
    nid, status = hq.db.execute("SELECT national_id, status FROM package_roster").fetchone()
    assert len(nid) == 13 and status in ("active", "suspended", "term_ended", "exited")


def test_same_package_twice_changes_nothing(hq, first) -> None:
    assert _receive_one(hq, first).accepted
    before = counts(hq)
    again = _receive_one(hq, first)
    assert again.accepted and "ไว้แล้ว" in again.note
    assert counts(hq) == before


def test_newer_replaces_older_and_older_never_overwrites(hq, genuine) -> None:
    assert _receive_one(hq, genuine.first).accepted
    newer = _receive_one(hq, genuine.second)
    assert newer.accepted and "แทน" in newer.note
    rows = hq.db.execute("SELECT current, replaced_by IS NOT NULL FROM packages ORDER BY id")
    assert rows.fetchall() == [(0, 1), (1, 0)]
    # Starting over in the other order: the older one is refused once the newer is in.
    hq.db.execute("DELETE FROM packages WHERE current = 0")
    hq.db.conn.commit()
    reason = _refused(hq, Path(genuine.first))
    assert "ใหม่กว่า" in reason


def test_zip_with_parent_paths_is_refused(hq, first, tmp_path) -> None:
    files = forge.members(first)
    files["../../evil.txt"] = b"x"
    _refused(hq, forge.write_zip(tmp_path / first.name, files), "ไม่ปลอดภัย")


def test_zip_bomb_is_refused_before_decompressing(hq, first, tmp_path) -> None:
    files = forge.members(first)
    files["data.sealed"] = bytes(30 * 1024 * 1024)  # deflates ~1000:1
    _refused(hq, forge.write_zip(tmp_path / first.name, files), "zip bomb")


def test_member_declaring_a_huge_size_is_refused(hq, first, tmp_path) -> None:
    path = tmp_path / first.name
    raw = bytearray(first.read_bytes())
    # The central directory entry of the PDF: its name sits 46 bytes after "PK\1\2";
    # the uncompressed size field is at +24. Make it say 2 GB.
    name = b"asr_47_2568-10.pdf"
    at = raw.rfind(name)
    assert raw[at - 46 : at - 42] == b"PK\x01\x02"
    raw[at - 46 + 24 : at - 46 + 28] = (2**31).to_bytes(4, "little")
    path.write_bytes(bytes(raw))
    _refused(hq, path, "ใหญ่เกิน")


def test_two_gigabyte_file_is_refused_without_reading_it(hq, tmp_path) -> None:
    path = tmp_path / "asr_47_2568-10.zip"
    with path.open("wb") as stream:
        stream.truncate(2 * 1024**3)  # sparse: costs no disk
    _refused(hq, path, "ใหญ่เกิน")


def test_not_a_zip_is_refused(hq, tmp_path) -> None:
    path = tmp_path / "asr_47_2568-10.zip"
    path.write_text("hello", encoding="utf-8")
    _refused(hq, path, "zip")


def test_manifest_lying_about_sizes_is_refused(hq, first, genuine, tmp_path) -> None:
    files = forge.members(first)
    manifest = forge.manifest_of(files)
    manifest["files"][1]["size"] += 10
    files = forge.resign(files, manifest, _office_key(genuine), rehash=False)
    _refused(hq, forge.write_zip(tmp_path / first.name, files), "ขนาด")


def test_changed_file_fails_its_hash(hq, first, tmp_path) -> None:
    files = forge.members(first)
    pdf = files["asr_47_2568-10.pdf"]
    files["asr_47_2568-10.pdf"] = pdf[:-10] + b"0123456789"
    _refused(hq, forge.write_zip(tmp_path / first.name, files), "SHA-256")


def test_signature_over_other_bytes_is_refused(hq, first, tmp_path) -> None:
    files = forge.members(first)
    manifest = forge.manifest_of(files)
    manifest["record_counts"]["activities"] += 1000
    files["manifest.json"] = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
    _refused(hq, forge.write_zip(tmp_path / first.name, files), "ลายมือชื่อ")


def test_schema_invalid_data_is_refused(hq, first, genuine, tmp_path) -> None:
    files = forge.members(first)
    data = forge.open_data(files, _hq_private())
    data["roster"][0]["status"] = "boss"
    files["data.sealed"] = forge.sealed_data(data, _hq_private().public_key())
    files = forge.resign(files, forge.manifest_of(files), _office_key(genuine))
    _refused(hq, forge.write_zip(tmp_path / first.name, files), "ไม่ตรงแบบ")


def test_negative_figures_are_refused(hq, first, genuine, tmp_path) -> None:
    files = forge.members(first)
    data = forge.open_data(files, _hq_private())
    data["totals"]["activities"] = -5
    files["data.sealed"] = forge.sealed_data(data, _hq_private().public_key())
    files = forge.resign(files, forge.manifest_of(files), _office_key(genuine))
    _refused(hq, forge.write_zip(tmp_path / first.name, files), "ไม่ตรงแบบ")


def test_sealed_to_another_key_is_refused(hq, first, genuine, tmp_path) -> None:
    files = forge.members(first)
    data = forge.open_data(files, _hq_private())
    other = X25519PrivateKey.generate().public_key()
    files["data.sealed"] = forge.sealed_data(data, other)
    # Claiming our key in the manifest does not help: the box does not open.
    files = forge.resign(files, forge.manifest_of(files), _office_key(genuine))
    _refused(hq, forge.write_zip(tmp_path / first.name, files), "กุญแจอื่น")
    # Saying honestly which key it is sealed to is refused before trying.
    manifest = forge.manifest_of(files)
    manifest["sealed_to"] = crypto.fingerprint(crypto.raw_public(other))
    files = forge.resign(files, manifest, _office_key(genuine))
    _refused(hq, forge.write_zip(tmp_path / first.name, files), "ไม่ใช่กุญแจของส่วนกลางนี้")


def test_unknown_format_version_is_refused(hq, first, genuine, tmp_path) -> None:
    files = forge.members(first)
    manifest = forge.manifest_of(files)
    manifest["format_version"] = 2
    files = forge.resign(files, manifest, _office_key(genuine))
    _refused(hq, forge.write_zip(tmp_path / first.name, files), "รุ่น 2")


def test_member_of_another_package_is_refused(hq, first, genuine, tmp_path) -> None:
    files = forge.members(first)
    manifest = forge.manifest_of(files)
    files["asr_47_2568-09.pdf"] = files.pop("asr_47_2568-10.pdf")
    manifest["files"][1]["name"] = "asr_47_2568-09.pdf"
    files = forge.resign(files, manifest, _office_key(genuine))
    _refused(hq, forge.write_zip(tmp_path / first.name, files), "ไม่รู้จัก")


def test_file_name_of_another_province_is_refused(hq, first, tmp_path) -> None:
    path = tmp_path / "asr_12_2568-10.zip"
    first.rename(path)
    _refused(hq, path, "ชื่อไฟล์")


def test_province_that_is_not_the_signers_is_refused(hq, first, genuine, tmp_path) -> None:
    assert _receive_one(hq, first).accepted  # pins the key of สกลนคร (47)
    files = forge.members(first)
    data = forge.open_data(files, _hq_private())
    data["province_code"] = "12"
    for sheet in ("districts", "coverage"):
        data["sheets"][sheet] = []
    data["roster"] = []
    files["data.sealed"] = forge.sealed_data(data, _hq_private().public_key())
    manifest = forge.manifest_of(files)
    manifest["province"] = {"code": "12", "name": "นนทบุรี"}
    for entry in manifest["files"]:
        if entry["name"].startswith("asr_47_"):
            new = entry["name"].replace("asr_47_", "asr_12_")
            files[new] = files.pop(entry["name"])
            entry["name"] = new
    files = forge.resign(files, manifest, _office_key(genuine))
    reason = _refused(hq, forge.write_zip(tmp_path / "asr_12_2568-10.zip", files))
    assert "สกลนคร" in reason and "นนทบุรี" in reason


def test_new_key_is_held_for_a_person_to_accept(hq, first, genuine, tmp_path) -> None:
    from asr_desktop.store.hq import packages

    assert _receive_one(hq, first).accepted
    files = forge.members(genuine.second)
    files = forge.resign(files, forge.manifest_of(files), Ed25519PrivateKey.generate())
    (tmp_path / "new-pc").mkdir()
    path = forge.write_zip(tmp_path / "new-pc" / first.name, files)
    reason = _refused(hq, path, "กุญแจใหม่")
    [change] = packages.key_changes(hq.db)
    assert change["province_code"] == "47"
    assert packages.decide_key_change(hq.db, change["id"], True, "2025-11-21T00:00:00") == "47"
    result = _receive_one(hq, path)
    assert result.accepted and "แทน" in result.note
    assert reason


def test_refused_key_stays_refused(hq, first, genuine, tmp_path) -> None:
    from asr_desktop.store.hq import packages

    assert _receive_one(hq, first).accepted
    files = forge.members(genuine.second)
    files = forge.resign(files, forge.manifest_of(files), Ed25519PrivateKey.generate())
    path = forge.write_zip(tmp_path / "x.zip", files)
    _refused(hq, path, "กุญแจใหม่")
    [change] = packages.key_changes(hq.db)
    packages.decide_key_change(hq.db, change["id"], False, "2025-11-21T00:00:00")
    _refused(hq, path, "ปฏิเสธ")


def test_office_and_national_databases_refuse_each_other(genuine, hq) -> None:
    from asr_desktop.services.hq.headquarters import Headquarters
    from asr_desktop.store.database import DatabaseError, open_database
    from asr_desktop.store.hq.national import NationalDatabaseError

    with pytest.raises(NationalDatabaseError, match="สำนักงานแรงงานจังหวัด"):
        Headquarters.open(genuine.db_path)
    with pytest.raises(DatabaseError, match="ส่วนกลาง"):
        open_database(hq.path)
