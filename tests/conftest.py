"""Shared fixtures: an app on its own copy of a migrated database, a client, page checks,
and signing in.

The database is SQLite, or PostgreSQL when TEST_DATABASE_URL names a server (see
tests/databases.py and scripts/test-postgres).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from flask.testing import FlaskClient

from webapp import create_app
from webapp.accounts import passwords
from webapp.config import TestConfig
from webapp.extensions import limiter
from webapp.join.demo import DEMO_MEMBER

from .databases import close_copies, copies, is_postgres
from .structure import check_page, check_partial


class CheckedClient(FlaskClient):
    """Every htmx fragment a test fetches must pass check_partial, whichever test asks."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        headers = dict(kwargs.get("headers") or {})
        fragment = headers.get("HX-Request") and not (
            headers.get("HX-Boosted") or headers.get("HX-History-Restore-Request")
        )
        if (
            fragment
            and response.status_code in (200, 422)
            and "HX-Retarget" not in response.headers
        ):
            check_partial(response)
        return response


def make_app(db_path, **overrides):
    """An app on a fresh copy of the session's migrated database, with the demo member."""
    app = create_app(TestConfig(), DATABASE_URL=copies().new(db_path), **overrides)
    app.test_client_class = CheckedClient
    return app


def pytest_runtest_setup(item):
    postgres = is_postgres()
    if item.get_closest_marker("sqlite_only") and postgres:
        pytest.skip("SQLite only: the PostgreSQL guarantee is tested beside it")
    if item.get_closest_marker("postgres_only") and not postgres:
        pytest.skip("PostgreSQL only: make test runs it through scripts/test-postgres")


@pytest.fixture(scope="session", autouse=True)
def _cheap_password_hashes():
    """Real argon2 hashes, with the smallest cost, so that making members and signing in do
    not dominate the suite. The app's own hasher keeps argon2's recommended cost."""
    assert passwords._hasher.memory_cost >= 65536 and passwords._hasher.time_cost >= 3
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
        )
        yield


@pytest.fixture(scope="session", autouse=True)
def _template_database(_cheap_password_hashes):
    yield
    close_copies()


@pytest.fixture
def app(tmp_path):
    app = make_app(tmp_path / "test.db")
    limiter.reset()
    yield app
    copies().drop(app.config["DATABASE_URL"])


@pytest.fixture
def content_copy(tmp_path):
    """The real content in a folder the test may change (to publish a new version)."""
    root = Path(__file__).resolve().parents[1]
    for name in ("content", "easyread"):
        shutil.copytree(root / name, tmp_path / name)
    app = make_app(
        tmp_path / "a.db", CONTENT_DIR=tmp_path / "content", EASYREAD_DIR=tmp_path / "easyread"
    )
    limiter.reset()
    return app, tmp_path


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def no_csrf_app(tmp_path):
    """For view tests that post forms without first fetching a token."""
    app = make_app(tmp_path / "test.db", WTF_CSRF_ENABLED=False)
    yield app
    copies().drop(app.config["DATABASE_URL"])


def csrf_token(soup) -> str:
    """The CSRF token of the first form on a fetched page."""
    return soup.find("input", {"name": "csrf_token"})["value"]


class PageClient:
    """Fetches pages and checks the structure of every one it gets."""

    def __init__(self, client):
        self.client = client

    def get(self, url, status=200, **kwargs):
        response = self.client.get(url, **kwargs)
        assert response.status_code == status, (url, response.status_code)
        return response if 300 <= status < 400 else check_page(response)

    def submit(self, url, data, status=302, follow=False):
        """Fetch the form page for its CSRF token, then post to it like a browser."""
        token = csrf_token(check_page(self.client.get(url)))
        response = self.client.post(
            url, data={"csrf_token": token, **data}, follow_redirects=follow
        )
        assert response.status_code == status, (url, response.status_code)
        return check_page(response) if response.status_code in (200, 422) else response

    def post(self, url, status=200, **kwargs):
        response = self.client.post(url, **kwargs)
        assert response.status_code == status, (url, response.status_code)
        return check_page(response)

    def sign_in(self, name=DEMO_MEMBER[0], password=DEMO_MEMBER[1], status=302):
        """Sign in through the form, as the demo member unless told otherwise."""
        return self.submit("/sign-in", {"name": name, "password": password}, status=status)

    def sign_out(self):
        token = self.get("/account").select_one("form input[name=csrf_token]")["value"]
        assert self.client.post("/sign-out", data={"csrf_token": token}).status_code == 302


@pytest.fixture
def pages(client):
    return PageClient(client)
