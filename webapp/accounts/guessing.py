"""Slowing down password guessing without handing anyone a way to lock the owner out.

Wrong tries are counted per name *and* per client together. Someone guessing at a name
from one place slows only themselves; the owner, signing in from anywhere else, gets in
at once. The wait grows with the tries: a minute, then an hour, then a day.

The client's address is only ever part of an in-memory counter key, and even there only
as a keyed hash (with the app's secret), so a look at the counters shows no address.
"""

from __future__ import annotations

import hashlib
import hmac

from flask import current_app, request
from flask_babel import lazy_ngettext as _ln

from ..models import Member
from ..ratelimits import FailedTries, minutes
from ..wording import Wording, say

# Each tier is a longer window; the wait is the longest any of them asks for.
SIGN_IN_TIERS = (
    FailedTries("sign-in", "5 per minute"),
    FailedTries("sign-in-hour", "15 per hour"),
    FailedTries("sign-in-day", "40 per day"),
)


def tries_key(name: str) -> str:
    """The counter key for this name from this client: never the address itself."""
    secret = str(current_app.config["SECRET_KEY"]).encode()
    said = f"{Member.fold(name)}\n{request.remote_addr or ''}".encode()
    return hmac.new(secret, said, hashlib.sha256).hexdigest()[:32]


def wait_seconds(key: str, tiers=SIGN_IN_TIERS) -> int:
    return max(tries.wait_seconds(key) for tries in tiers)


def record(key: str, tiers=SIGN_IN_TIERS) -> None:
    for tries in tiers:
        tries.record(key)


def clear(key: str, tiers=SIGN_IN_TIERS) -> None:
    for tries in tiers:
        tries.clear(key)


def slowed_message(wait: int) -> Wording:
    """What happened and what to do, for whoever is made to wait."""
    n = minutes(wait)
    return say(
        _ln(
            "There have been too many wrong passwords for this name from this phone or "
            "computer. Wait %(num)s minute, then try again. If you have forgotten your "
            "password, choose ‘Forgotten your password?’ to get back in with your email "
            "address or recovery code",
            "There have been too many wrong passwords for this name from this phone or "
            "computer. Wait %(num)s minutes, then try again. If you have forgotten your "
            "password, choose ‘Forgotten your password?’ to get back in with your email "
            "address or recovery code",
            n,
        ),
        _ln(
            "You tried too many wrong passwords on this phone or computer. Wait %(num)s "
            "minute. Then try again. Forgot your password? Use your email or code to get in.",
            "You tried too many wrong passwords on this phone or computer. Wait %(num)s "
            "minutes. Then try again. Forgot your password? Use your email or code to get in.",
            n,
        ),
    )
