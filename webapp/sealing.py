"""Sealing: text kept in the database that only the server, with its secret, can read.

AES-GCM under a key derived from SECRET_KEY for each purpose, with a random nonce (the same
words never look the same twice) and the row's own key bound in (a sealed value cannot be
moved to another row). Used for views on decisions and the unsent answers that lead to them.
A copy of the database without the secret reads nothing; with the secret, everything.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from flask import current_app


def derived_key(purpose: str) -> bytes:
    secret = current_app.config["SECRET_KEY"].encode()
    return hmac.new(secret, f"common-ground {purpose}".encode(), hashlib.sha256).digest()


def seal(purpose: str, bound_to: str, text: str) -> str:
    nonce = os.urandom(12)
    sealed = AESGCM(derived_key(purpose)).encrypt(nonce, text.encode(), bound_to.encode())
    return base64.b64encode(nonce + sealed).decode()


def unseal(purpose: str, bound_to: str, sealed: str) -> str:
    raw = base64.b64decode(sealed)
    return AESGCM(derived_key(purpose)).decrypt(raw[:12], raw[12:], bound_to.encode()).decode()
