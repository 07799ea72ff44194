"""Views are kept so that a copy of the database alone cannot tell who chose what.

- A view's row is keyed by an HMAC of (the server's secret, the decision, the member):
  only the server can find a member's own view, to show it to them or change it. The row
  holds no member id, no community id in the clear, and no time.
- What the view says (the level, the member's community, whether they are a regular
  member, the reason and any question) is sealed with AES-GCM under a key derived from
  the same secret, with the row's key bound in, so a row cannot be moved to another.
  Its random nonce means the same answer never looks the same twice.

Who took part is a separate table (member, decision), needed for "your views are wanted".
Its rows and the view rows may be matched up by the order they were written, but a
matched view row says nothing without the secret. With the database AND the secret,
everything can be read: that is the limit, written down in the README.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from flask import current_app


def _secret() -> bytes:
    return current_app.config["SECRET_KEY"].encode()


def _derived(purpose: str) -> bytes:
    return hmac.new(
        _secret(), f"common-ground decisions {purpose}".encode(), hashlib.sha256
    ).digest()


def view_key(decision_id: int, member_id: int) -> str:
    """Where this member's view on this decision is kept. Needs the secret to work out."""
    message = f"{decision_id}:{member_id}".encode()
    return hmac.new(_derived("view key"), message, hashlib.sha256).hexdigest()


def seal(key: str, content: dict) -> str:
    nonce = os.urandom(12)
    data = json.dumps(content, separators=(",", ":")).encode()
    sealed = AESGCM(_derived("seal")).encrypt(nonce, data, key.encode())
    return base64.b64encode(nonce + sealed).decode()


def unseal(key: str, sealed: str) -> dict:
    raw = base64.b64decode(sealed)
    data = AESGCM(_derived("seal")).decrypt(raw[:12], raw[12:], key.encode())
    return json.loads(data)
