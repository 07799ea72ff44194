"""Limits shared across processes: two app servers, one Redis.

Each gunicorn here has its own workers, so the only thing they share is the store
named by RATELIMIT_STORAGE_URI. Tries alternate between them: with Redis, the sixth
wrong sign-in is refused wherever it lands; with memory:// (the control), each process
has counted only half and lets it through.
"""

from __future__ import annotations

import http.cookiejar
import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import redis
from bs4 import BeautifulSoup

from ..real_servers import ROOT, app_server, redis_server

NAME = "Quiet Heron Shared"
LOCKED = "There have been too many wrong passwords for this name"
WRONG = "The name or password is not right"


def environment(tmp: Path, storage: str) -> dict[str, str]:
    env = {
        "APP_ENV": "testing",
        "DATABASE_URL": f"sqlite:///{tmp / 'shared.db'}",
        "RATELIMIT_STORAGE_URI": storage,
        "MAIL_OUTBOX_DIR": str(tmp / "outbox"),
    }
    if not (tmp / "shared.db").exists():
        subprocess.run(
            [str(Path(sys.executable).parent / "flask"), "--app", "webapp", "migrate"],
            cwd=ROOT, env={**os.environ, **env}, check=True, capture_output=True,
        )  # fmt: skip
    return env


def wrong_sign_in(base: str) -> str:
    """One wrong password for NAME, as a browser would send it; the page's words."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    with opener.open(base + "/sign-in") as page:
        token = BeautifulSoup(page.read(), "html.parser").find("input", {"name": "csrf_token"})
    data = {"csrf_token": token["value"], "name": NAME, "password": "wrong horse battery"}
    try:
        opener.open(base + "/sign-in", urllib.parse.urlencode(data).encode())
    except urllib.error.HTTPError as redisplayed:  # 422: the form again, with the reason
        return redisplayed.read().decode()
    raise AssertionError("a wrong password was accepted")


def tries_on_two_servers(tmp: Path, storage: str) -> list[str]:
    env = environment(tmp, storage)
    with app_server(tmp, "a", env) as a, app_server(tmp, "b", env) as b:
        return [wrong_sign_in(base) for base in (a, b, a, b, a, b)]


def test_sign_in_tries_are_counted_once_across_processes_in_redis(tmp_path):
    with redis_server(tmp_path) as url:
        pages = tries_on_two_servers(tmp_path, url)
        store = redis.Redis.from_url(url)
        keys = store.keys("*")
        ttls = [store.ttl(key) for key in keys]
        store.close()
    assert all(WRONG in page for page in pages[:5])
    assert LOCKED in pages[5]
    # Each counter ends with its window (a minute, an hour, a day) and names nobody.
    windows = {b"minute": 60, b"hour": 3600, b"day": 86400}
    assert len(keys) == 3
    assert all(
        0 < ttl <= windows[key.rsplit(b"/", 1)[1]] for key, ttl in zip(keys, ttls, strict=True)
    )
    assert not any(b"heron" in key.lower() for key in keys)


def test_memory_storage_counts_per_process(tmp_path):
    """The control: without a shared store, two processes let a sixth try through."""
    pages = tries_on_two_servers(tmp_path, "memory://")
    assert all(WRONG in page for page in pages)


def test_an_unreachable_store_still_lets_people_sign_in_and_still_counts(tmp_path):
    """Redis down: no error page; each process counts in its own memory meanwhile."""
    env = environment(tmp_path, "redis://127.0.0.1:1/0")  # nothing listens on port 1
    with app_server(tmp_path, "a", env) as a:
        pages = [wrong_sign_in(a) for _ in range(6)]
    assert all(WRONG in page for page in pages[:5])
    assert LOCKED in pages[5]
