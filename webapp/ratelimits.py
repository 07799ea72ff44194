"""Counting failed tries in the limiter's storage, never in the database.

Flask-Limiter's decorator answers an over-limit request with a bare 429. For sign-in
forms we would rather keep the form and everything typed, and say when to try again,
so views count failures here with the same limiter storage: RATELIMIT_STORAGE_URI,
memory:// in one process or redis:// shared by every worker and machine, so "5 tries"
means 5 whatever the number of workers. Counters expire with their window.

What a counter is about (a name, an email address, an IP address) is stored only as
a keyed hash: a copy of Redis's memory or disk names nobody.

If the shared store cannot be reached, counting goes on in this process's memory (and
the log says so) rather than turning every sign-in into an error page: a limit of
"N × workers" for a while is better than nobody able to sign in.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import time

from flask import Flask, current_app
from limits import parse
from limits.storage import MemoryStorage
from redis.exceptions import RedisError

from .extensions import limiter

_fallback = {}


def _counting(action: str, *args):
    """Call the limiter's strategy; on a store that cannot be reached, count in memory."""
    strategy = limiter.limiter
    try:
        return getattr(strategy, action)(*args)
    except RedisError as error:
        current_app.logger.warning("Limit store unreachable, counting in memory: %s", error)
        kind = type(strategy)
        if kind not in _fallback:
            _fallback[kind] = kind(MemoryStorage())
        return getattr(_fallback[kind], action)(*args)


class FailedTries:
    def __init__(self, name: str, rate: str) -> None:
        self.name = name
        self.item = parse(rate)

    def _hidden(self, key: str) -> str:
        secret = current_app.config["SECRET_KEY"].encode()
        return hmac.new(secret, f"{self.name}:{key}".encode(), hashlib.sha256).hexdigest()[:32]

    def wait_seconds(self, key: str) -> int:
        """0 if another try is allowed now, else how long to wait."""
        if _counting("test", self.item, self.name, self._hidden(key)):
            return 0
        stats = _counting("get_window_stats", self.item, self.name, self._hidden(key))
        return max(1, math.ceil(stats.reset_time - time.time()))

    def record(self, key: str) -> None:
        _counting("hit", self.item, self.name, self._hidden(key))

    def clear(self, key: str) -> None:
        _counting("clear", self.item, self.name, self._hidden(key))


def minutes(seconds: int) -> int:
    return max(1, math.ceil(seconds / 60))


def init_app(app: Flask) -> None:
    """Flask-Limiter gives the storage (RATELIMIT_STORAGE_URI) and the strategy.

    No route uses @limiter.limit (tests/views/test_wire.py checks): every limit is a
    FailedTries counted in its view, so the form and what was typed stay. Flask-Limiter's
    check before every request would find nothing to count, at a seventh of a small
    page's time, so it is unhooked.
    """
    limiter.init_app(app)
    app.before_request_funcs[None].remove(limiter._check_request_limit)
