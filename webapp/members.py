"""Who is signed in. The session holds only the member's id."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import Flask, g, redirect, request, session, url_for
from flask.sessions import SecureCookieSessionInterface

from .models import Member
from .signing import ShortPayloadsPlain

MEMBER_KEY = "member_id"


def sign_in(member: Member) -> None:
    visitor = session.get("visitor")
    session.clear()  # a fresh session on sign-in, so an old one cannot be reused
    session[MEMBER_KEY] = member.id
    if visitor:
        session["visitor"] = visitor
    session.permanent = True
    g.member = member


def sign_out() -> None:
    session.clear()
    g.member = None


def load_member() -> None:
    if request.endpoint == "static":  # a file needs no member, so no database connection
        g.member = None
        return
    member_id = session.get(MEMBER_KEY)
    g.member = Member.get_or_none(Member.id == member_id) if member_id else None
    if g.member is not None and g.member.is_removed:  # removed by a facilitator: signed out
        session.clear()
        g.member = None


def require_member():
    """A before_request hook: send visitors who are not signed in to sign in first."""
    if g.get("member") is None:
        return redirect(url_for("accounts.sign_in_view", next=request.full_path.rstrip("?")))
    return None


def member_required(view: Callable) -> Callable:
    @wraps(view)
    def wrapped(*args, **kwargs):
        return require_member() or view(*args, **kwargs)

    return wrapped


class SessionWithKeptSigner(SecureCookieSessionInterface):
    """Flask's signed-cookie session, with its signing serializer made once per set of
    keys. Flask makes a new one for every request (twice when the session changes),
    though it holds nothing but the keys and settings, and is safe to share."""

    def get_signing_serializer(self, app: Flask):
        keys = (app.secret_key, tuple(app.config["SECRET_KEY_FALLBACKS"] or ()))
        kept = app.extensions.get("session_signer")
        if kept is None or kept[0] != keys:
            # Flask's own settings; a short session (an id, a token) is left uncompressed.
            made = ShortPayloadsPlain(
                [*keys[1], keys[0]],  # itsdangerous signs with the last key
                salt=self.salt,
                serializer=self.serializer,
                signer_kwargs={
                    "key_derivation": self.key_derivation,
                    "digest_method": self.digest_method,
                },
            )
            kept = app.extensions["session_signer"] = (keys, made)
        return kept[1]


def init_app(app: Flask) -> None:
    app.session_interface = SessionWithKeptSigner()
    app.before_request(load_member)
