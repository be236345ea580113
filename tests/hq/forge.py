"""Making genuine and forged packages for the headquarters tests."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
import zlib
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from asr_desktop.services.hq import crypto


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def manifest_of(files: dict[str, bytes]) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(files["manifest.json"])
    return result


def resign(
    files: dict[str, bytes],
    manifest: dict[str, Any],
    key: Ed25519PrivateKey,
    *,
    rehash: bool = True,
) -> dict[str, bytes]:
    """The files with ``manifest`` (hashes recomputed unless ``rehash`` is False) signed
    by ``key`` — what someone holding that key could make."""
    manifest = dict(manifest)
    manifest["signer"] = {
        "algorithm": "Ed25519",
        "public_key": crypto.b64(crypto.raw_public(key.public_key())),
        "fingerprint": crypto.fingerprint(crypto.raw_public(key.public_key())),
    }
    if rehash:
        manifest["files"] = [
            {
                "name": f["name"],
                "size": len(files[f["name"]]),
                "sha256": hashlib.sha256(files[f["name"]]).hexdigest(),
            }
            for f in manifest["files"]
        ]
    data = json.dumps(manifest, ensure_ascii=False).encode()
    return {**files, "manifest.json": data, "manifest.sig": crypto.sign(key, data)}


def sealed_data(data: dict[str, Any], recipient: X25519PublicKey) -> bytes:
    return crypto.seal(zlib.compress(json.dumps(data, ensure_ascii=False).encode()), recipient)


def open_data(files: dict[str, bytes], hq_private: Any) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(
        zlib.decompress(crypto.open_sealed(files["data.sealed"], hq_private))
    )
    return result


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()
