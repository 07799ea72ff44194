"""Password reset links: signed, for one member, good for 1 hour and for one use.

The token holds the member's id and a fingerprint of their password hash. Setting a
new password changes the hash, so a link stops working once it has been used.
"""

from __future__ import annotations

import hashlib
import hmac

from flask import current_app, url_for
from itsdangerous import BadSignature, URLSafeTimedSerializer

from ..models import Member

SALT = "common-ground.password-reset"
MAX_AGE_SECONDS = 60 * 60


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def fingerprint(password_hash: str) -> str:
    return hashlib.sha256(password_hash.encode()).hexdigest()[:16]


def make_token(member: Member) -> str:
    return _serializer().dumps({"m": member.id, "p": fingerprint(member.password_hash)})


def member_for_token(token: str, max_age: int = MAX_AGE_SECONDS) -> Member | None:
    """The member a link is for, or None if it is expired, used, or not ours."""
    try:
        data = _serializer().loads(token, max_age=max_age)
    except BadSignature:  # includes SignatureExpired
        return None
    if not isinstance(data, dict) or not isinstance(data.get("p"), str):
        return None
    member = Member.get_or_none(Member.id == data.get("m"))
    if member is None or not hmac.compare_digest(data["p"], fingerprint(member.password_hash)):
        return None
    return member


def reset_link(member: Member) -> str:
    """The full address for an email.

    The host comes from PUBLIC_URL, never from the request's Host header, which anyone
    can set. (Without a mail server, in development and tests, the request's is fine.)
    """
    token = make_token(member)
    public = current_app.config.get("PUBLIC_URL")
    if public:
        return public + url_for("accounts.reset_password", token=token)
    return url_for("accounts.reset_password", token=token, _external=True)
