"""Stories under load. Prints figures; asserts nothing about speed.

1. Keyset pagination at 100,000 stories: time to render the first list page and a
   page thousands deep, as a visitor and as a member.
2. 16 concurrent clients each share 50 stories through the real conversation over
   HTTP (8 members, 8 people without an account): every story must be in the
   database afterwards, and none twice.

Run: make bench   (or .venv/bin/python bench/stories_load.py)
"""

from __future__ import annotations

import datetime as dt
import http.cookiejar
import logging
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from werkzeug.serving import make_server

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from webapp import create_app  # noqa: E402
from webapp.accounts.passwords import hash_password  # noqa: E402
from webapp.agreements.service import record_consent, required_agreements  # noqa: E402
from webapp.config import TestConfig  # noqa: E402
from webapp.extensions import db  # noqa: E402
from webapp.models import Community, Member  # noqa: E402
from webapp.stories.models import Story  # noqa: E402

CLIENTS, STORIES_EACH, BULK = 16, 50, 100_000


def make_app(path: Path):
    app = create_app(
        TestConfig(), DATABASE_URL=f"sqlite:///{path}", WTF_CSRF_ENABLED=False,
        SHARES_WITHOUT_ACCOUNT="100000 per hour",  # the bench is one address
    )  # fmt: skip
    runner = app.test_cli_runner()
    runner.invoke(args=["migrate"])
    return app


def timed_get(client, url: str, runs: int = 20) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times)


def keyset(tmp: Path) -> None:
    app = make_app(tmp / "keyset.db")
    with app.app_context(), db.connection_context():
        people = Community.by_slug("people")
        today = dt.date.today()
        rows = [
            {"reference": f"r{n}", "community": people.id, "body": f"Story {n}. " * 40,
             "audience": ("public", "members", "community", "facilitators")[n % 4],
             "quoting": "none", "keep_for": "always", "status": "approved", "shared_on": today}
            for n in range(BULK)
        ]  # fmt: skip
        started = time.perf_counter()
        with db.atomic():
            for start in range(0, BULK, 5000):
                Story.insert_many(rows[start : start + 5000]).execute()
        print(f"keyset: inserted {BULK:,} stories in {time.perf_counter() - started:.1f} s")
        deep = Story.select(Story.id).order_by(Story.id).offset(2_000).first().id
    client = app.test_client()
    print(f"  visitor, first page:         {timed_get(client, '/stories/'):.1f} ms (median of 20)")
    print(f"  visitor, page ~{(BULK - 2000) // 20:,} deep:  "
          f"{timed_get(client, f'/stories/?before={deep}'):.1f} ms")  # fmt: skip
    with app.app_context(), db.connection_context():
        member = Member.create(display_name="Bench", name_key="bench", community=people,
                               password_hash=hash_password("x"), welcomed_on=dt.date.today())  # fmt: skip
    with client.session_transaction() as session:
        session["member_id"] = member.id
    print(f"  member, first page:          {timed_get(client, '/stories/'):.1f} ms")
    print(f"  member, filtered by topic:   {timed_get(client, '/stories/?topic=housing'):.1f} ms")


class Browser:
    """A client with its own cookies, speaking HTTP to the live server."""

    def __init__(self, base: str) -> None:
        self.base = base
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def post(self, path: str, data: dict | list) -> str:
        body = urllib.parse.urlencode(data, doseq=True).encode()
        with self.opener.open(self.base + path, body, timeout=60) as response:
            return response.geturl()


def share_many(browser: Browser, who: str, member: bool, failures: list) -> None:
    for n in range(STORIES_EACH):
        text = f"Load story {who}-{n}. The waiting room was cold and nobody told us why."
        try:
            browser.post("/share/welcome", {})
            browser.post("/share/story", {"body": text})
            browser.post("/share/community", {"community": "people"})
            browser.post("/share/content_note", {"content_note": ""})
            browser.post("/share/audience", {"audience": "facilitators"})
            browser.post("/share/quoting", {"quoting": "none"})
            if member:
                browser.post("/share/name", {"name": "anonymous"})
            browser.post("/share/keep_for", {"keep_for": "3m"})
            browser.post("/share/replies", {"replies": "no"})
            landed = browser.post("/share/check", {})
            if not landed.endswith("/stories/shared"):
                failures.append((who, n, landed))
        except Exception as error:  # noqa: BLE001 (counted and reported below)
            failures.append((who, n, repr(error)))


def concurrent(tmp: Path) -> None:
    app = make_app(tmp / "load.db")
    with app.app_context(), db.connection_context():
        people = Community.by_slug("people")
        members = []
        for n in range(CLIENTS // 2):
            m = Member.create(display_name=f"Loader {n}", name_key=f"loader {n}",
                              community=people, password_hash=hash_password("load test words"),
                              welcomed_on=dt.date.today())  # fmt: skip
            for agreement in required_agreements(m):
                record_consent(m, agreement, [p.key for p in agreement.principles])
            members.append(m)
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per request is noise here
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    browsers = []
    for n in range(CLIENTS):
        browser = Browser(base)
        if n < len(members):
            browser.post("/sign-in", {"name": f"Loader {n}", "password": "load test words"})
        browsers.append(browser)
    failures: list = []
    threads = [
        threading.Thread(target=share_many, args=(b, f"c{n}", n < len(members), failures))
        for n, b in enumerate(browsers)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    server.shutdown()
    with app.app_context(), db.connection_context():
        bodies = [s.body for s in Story.select(Story.body)]
    expected = {f"c{c}-{n}" for c in range(CLIENTS) for n in range(STORIES_EACH)}
    found = {b.split()[2].rstrip(".") for b in bodies}
    print(f"concurrent: {CLIENTS} clients x {STORIES_EACH} stories in {seconds:.1f} s "
          f"({len(bodies) / seconds:.1f} stories/s, about {len(bodies) * 10 / seconds:.0f} requests/s)")  # fmt: skip
    print(f"  stories in the database: {len(bodies)} of {len(expected)}; "
          f"missing {len(expected - found)}; duplicates {len(bodies) - len(set(bodies))}; "
          f"errors {len(failures)}")  # fmt: skip
    for failure in failures[:5]:
        print("  error:", failure)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        keyset(Path(tmp))
        concurrent(Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
