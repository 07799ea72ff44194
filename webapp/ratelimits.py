"""Counting failed tries, in memory only, keyed on what was tried (never an IP address).

Flask-Limiter's decorator answers an over-limit request with a bare 429. For sign-in
forms we would rather keep the form and everything typed, and say when to try again,
so views count failures here with the same limiter storage.
"""

from __future__ import annotations

import math
import time

from limits import parse

from .extensions import limiter


class FailedTries:
    def __init__(self, name: str, rate: str) -> None:
        self.name = name
        self.item = parse(rate)

    def wait_seconds(self, key: str) -> int:
        """0 if another try is allowed now, else how long to wait."""
        if limiter.limiter.test(self.item, self.name, key):
            return 0
        stats = limiter.limiter.get_window_stats(self.item, self.name, key)
        return max(1, math.ceil(stats.reset_time - time.time()))

    def record(self, key: str) -> None:
        limiter.limiter.hit(self.item, self.name, key)

    def clear(self, key: str) -> None:
        limiter.limiter.clear(self.item, self.name, key)


def minutes(seconds: int) -> int:
    return max(1, math.ceil(seconds / 60))
