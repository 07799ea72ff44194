"""Passwords and one-time codes: hashed with argon2, checked against common passwords."""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from zxcvbn.frequency_lists import FREQUENCY_LISTS

MIN_LENGTH = 8
_hasher = PasswordHasher()
# zxcvbn's list of the 30,000 most common passwords.
_COMMON = frozenset(FREQUENCY_LISTS["passwords"])

# Recovery codes: 4 groups of 4 from an alphabet without look-alikes (0/O, 1/l/I).
_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    if not password_hash:
        return False
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def is_common(password: str) -> bool:
    squashed = "".join(password.split()).lower()
    return password.lower() in _COMMON or squashed in _COMMON


def new_recovery_code() -> str:
    groups = ["".join(secrets.choice(_ALPHABET) for _ in range(4)) for _ in range(4)]
    return "-".join(groups)


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.lower() if ch.isalnum())


def hash_code(code: str) -> str:
    return _hasher.hash(normalise_code(code))


def verify_code(code_hash: str | None, code: str) -> bool:
    return verify_password(code_hash, normalise_code(code))
