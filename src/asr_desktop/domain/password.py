"""Hashing the optional app password with a memory-hard KDF from the standard library.

The stored text is ``scrypt$n$r$p$salt_hex$hash_hex`` (or ``pbkdf2_sha256$iterations$…``
where this Python's OpenSSL has no scrypt); the password itself is never stored.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from asr_desktop.domain.errors import InputError

MIN_LENGTH = 6
MAX_LENGTH = 128
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
_PBKDF2_ITERATIONS = 600_000


def password_problems(password: str, repeated: str) -> list[InputError]:
    """Why a new password cannot be used (empty when it can)."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(InputError(f"รหัสผ่านต้องยาวอย่างน้อย {MIN_LENGTH} ตัวอักษร", "password"))
    elif len(password) > MAX_LENGTH:
        problems.append(InputError(f"รหัสผ่านยาวได้ไม่เกิน {MAX_LENGTH} ตัวอักษร", "password"))
    elif password.strip() != password:
        problems.append(InputError("รหัสผ่านต้องไม่ขึ้นต้นหรือลงท้ายด้วยช่องว่าง", "password"))
    if password != repeated:
        problems.append(InputError("รหัสผ่านทั้งสองช่องไม่ตรงกัน", "repeated"))
    return problems


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    if hasattr(hashlib, "scrypt"):
        digest = _scrypt(password, salt, **_SCRYPT)
        return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${salt.hex()}${digest.hex()}"
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, _PBKDF2_ITERATIONS)
    return f"pbkdf2_sha256${_PBKDF2_ITERATIONS}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches; False for a wrong password or a malformed record."""
    try:
        kind, *params = stored.split("$")
        if kind == "scrypt":
            n, r, p, salt, expected = params
            digest = _scrypt(password, bytes.fromhex(salt), n=int(n), r=int(r), p=int(p))
        elif kind == "pbkdf2_sha256":
            iterations, salt, expected = params
            digest = hashlib.pbkdf2_hmac(
                "sha256", password.encode(), bytes.fromhex(salt), int(iterations)
            )
        else:
            return False
        return hmac.compare_digest(digest, bytes.fromhex(expected))
    except (ValueError, OverflowError, MemoryError):
        return False


def _scrypt(password: str, salt: bytes, *, n: int, r: int, p: int) -> bytes:
    # A tampered record must neither crash the check nor eat the PC's memory.
    if not (2 <= n <= 2**20 and 1 <= r <= 16 and 1 <= p <= 4):
        raise ValueError("scrypt parameters out of range")
    return hashlib.scrypt(
        password.encode(), salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=32
    )
