"""Signing and sealing, from well-known primitives of the ``cryptography`` package.

- **Signing** (the office): Ed25519. Each office has its own key pair, made on first use
  and kept beside its database (``<database>.signing-key.pem``, readable by the owner
  only). The manifest's exact bytes are signed.
- **Sealing** (to headquarters): an anonymous sealed box in the manner of libsodium's
  ``crypto_box_seal``, built from X25519, HKDF-SHA256 and ChaCha20-Poly1305: a fresh
  X25519 key pair per message; the shared secret with headquarters' public key goes
  through HKDF (salt: the ephemeral and recipient public keys; info: :data:`SEAL_INFO`)
  to a one-time 256-bit key; the plaintext is encrypted with ChaCha20-Poly1305 under a
  zero nonce (the key is never reused) with the header as associated data. Layout:
  ``b"ASRSEAL1" | ephemeral public key (32) | ciphertext and tag``. Only the holder of
  headquarters' private key can open it; a change to any byte fails the tag.

A key's fingerprint is the first 16 bytes of the SHA-256 of its raw public bytes, as
8 groups of 4 hex digits: short enough to print under a signature and read out by phone.
"""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from asr_desktop.assets import resource_path
from asr_desktop.domain.hq.package_format import PackageError

DEMO_HQ_PUBLIC_KEY = ("hq", "DEMO-hq-public-key.txt")
DEMO_HQ_PRIVATE_KEY = ("hq", "DEMO-hq-private-key.pem")
"""The app's DEMO headquarters key pair (resources/hq/), for demos and tests only."""
SEAL_MAGIC = b"ASRSEAL1"
SEAL_INFO = b"asr-desktop sealed box v1"
_NONCE = bytes(12)


def fingerprint(raw_public_key: bytes) -> str:
    digest = hashlib.sha256(raw_public_key).hexdigest()[:32].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def raw_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _write_private(path: Path, pem: bytes) -> None:
    """Writes a private key readable by its owner only, never over an existing file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as stream:
        stream.write(pem)


def _pem(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


# -- the office's signing key ------------------------------------------------------------


def signing_key_path(database: Path) -> Path:
    return database.with_name(database.name + ".signing-key.pem")


def office_signing_key(database: Path) -> Ed25519PrivateKey:
    """The office's key pair beside its database, made on first use."""
    path = signing_key_path(database)
    if path.exists():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise PackageError(f"ไฟล์กุญแจ {path} ไม่ใช่กุญแจลงนาม Ed25519")
        return key
    key = Ed25519PrivateKey.generate()
    _write_private(path, _pem(key))
    return key


def sign(key: Ed25519PrivateKey, data: bytes) -> bytes:
    return key.sign(data)


def verify(public_key_b64: str, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(unb64(public_key_b64)).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


# -- headquarters' sealing key -----------------------------------------------------------


def new_hq_key(path: Path) -> X25519PublicKey:
    """Makes headquarters' key pair, the private half written to ``path`` (owner only)."""
    key = X25519PrivateKey.generate()
    _write_private(path, _pem(key))
    return key.public_key()


def load_hq_private(path: Path) -> X25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError) as exc:
        raise PackageError(f"อ่านกุญแจส่วนกลาง {path} ไม่ได้ ({exc})") from exc
    if not isinstance(key, X25519PrivateKey):
        raise PackageError(f"ไฟล์ {path} ไม่ใช่กุญแจส่วนกลาง (X25519)")
    return key


def hq_public_key_text(setting: str) -> tuple[str, bool]:
    """Headquarters' public key (base64) from the office's setting, or the app's DEMO key
    when the setting is empty; and whether it is the DEMO key."""
    if setting.strip():
        return setting.strip(), False
    return resource_path(*DEMO_HQ_PUBLIC_KEY).read_text(encoding="ascii").strip(), True


def hq_public_from_text(text: str) -> X25519PublicKey:
    """A public key given as base64 of its 32 raw bytes (how the setting stores it)."""
    try:
        return X25519PublicKey.from_public_bytes(unb64(text.strip()))
    except ValueError as exc:
        raise PackageError("กุญแจสาธารณะของส่วนกลางในการตั้งค่าไม่ถูกต้อง") from exc


def _seal_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient, info=SEAL_INFO)
    return hkdf.derive(shared)


def seal(plaintext: bytes, recipient: X25519PublicKey) -> bytes:
    ephemeral = X25519PrivateKey.generate()
    eph_raw = raw_public(ephemeral.public_key())
    key = _seal_key(ephemeral.exchange(recipient), eph_raw, raw_public(recipient))
    header = SEAL_MAGIC + eph_raw
    return header + ChaCha20Poly1305(key).encrypt(_NONCE, plaintext, header)


def open_sealed(sealed: bytes, private: X25519PrivateKey) -> bytes:
    """The plaintext; PackageError when the box was sealed to another key or altered."""
    if len(sealed) < len(SEAL_MAGIC) + 32 + 16 or not sealed.startswith(SEAL_MAGIC):
        raise PackageError("ไฟล์ข้อมูลไม่ได้ปิดผนึกตามรูปแบบของโปรแกรม")
    header = sealed[: len(SEAL_MAGIC) + 32]
    eph_raw = header[len(SEAL_MAGIC) :]
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(eph_raw))
        key = _seal_key(shared, eph_raw, raw_public(private.public_key()))
        return ChaCha20Poly1305(key).decrypt(_NONCE, sealed[len(header) :], header)
    except (InvalidTag, ValueError):
        raise PackageError("เปิดไฟล์ข้อมูลไม่ได้: ปิดผนึกด้วยกุญแจอื่นที่ไม่ใช่ของส่วนกลางนี้ หรือไฟล์ถูกแก้ไข") from None
