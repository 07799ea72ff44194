"""Counting failed tries in the limiter's storage, never in the database.

Flask-Limiter's decorator answers an over-limit request with a bare 429. For sign-in
forms we would rather keep the form and everything typed, and say when to try again,
so views count failures here with the same limiter storage: RATELIMIT_STORAGE_URI,
memory:// in one process or redis:// shared by every worker and machine, so "5 tries"
means 5 whatever the number of workers. Counters expire with their window.

What a counter is about (a name, an email address, an IP address) is stored only as
a keyed hash: a copy of Redis's memory or disk names nobody.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import time
from functools import partial

from flask import Flask, current_app
from flask_limiter import Limiter
from limits import parse

from .extensions import limiter


class FailedTries:
    def __init__(self, name: str, rate: str) -> None:
        self.name = name
        self.item = parse(rate)

    def _hidden(self, key: str) -> str:
        secret = current_app.config["SECRET_KEY"].encode()
        return hmac.new(secret, f"{self.name}:{key}".encode(), hashlib.sha256).hexdigest()[:32]

    def wait_seconds(self, key: str) -> int:
        """0 if another try is allowed now, else how long to wait."""
        if limiter.limiter.test(self.item, self.name, self._hidden(key)):
            return 0
        stats = limiter.limiter.get_window_stats(self.item, self.name, self._hidden(key))
        return max(1, math.ceil(stats.reset_time - time.time()))

    def record(self, key: str) -> None:
        limiter.limiter.hit(self.item, self.name, self._hidden(key))

    def clear(self, key: str) -> None:
        limiter.limiter.clear(self.item, self.name, self._hidden(key))


def minutes(seconds: int) -> int:
    return max(1, math.ceil(seconds / 60))


def init_app(app: Flask) -> None:
    """Flask-Limiter gives the storage (RATELIMIT_STORAGE_URI) and the strategy.

    No route uses @limiter.limit (tests/views/test_wire.py checks): every limit is a
    FailedTries counted in its view, so the form and what was typed stay. Flask-Limiter's
    check before every request would find nothing to count, at a seventh of a small
    page's time, so it is unhooked, with the two hooks that serve it: headers about the
    limits a decorator counted (none) and that check's per-request state.
    """
    limiter.init_app(app)
    app.before_request_funcs[None].remove(limiter._check_request_limit)
    inject_headers = Limiter._Limiter__inject_headers
    app.after_request_funcs[None] = [
        hook
        for hook in app.after_request_funcs[None]
        if not (isinstance(hook, partial) and hook.func is inject_headers)
    ]
    app.teardown_request_funcs[None].remove(limiter._Limiter__release_context)
