"""Shared fixtures: an app on a fresh SQLite file, a client, and page checks."""

from __future__ import annotations

import pytest

from webapp import create_app
from webapp.config import TestConfig
from webapp.extensions import db, limiter

from .structure import check_page


def make_app(db_path, **overrides):
    app = create_app(TestConfig(), DATABASE_URL=f"sqlite:///{db_path}", **overrides)
    runner = app.test_cli_runner()
    for command in ("migrate", "load-demo"):
        result = runner.invoke(args=[command])
        assert result.exit_code == 0, result.output
    return app


@pytest.fixture
def app(tmp_path):
    app = make_app(tmp_path / "test.db")
    limiter.reset()
    yield app
    if not db.is_closed():
        db.close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def no_csrf_app(tmp_path):
    """For view tests that post forms without first fetching a token."""
    app = make_app(tmp_path / "test.db", WTF_CSRF_ENABLED=False)
    yield app


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
        page = self.client.get(url)
        token = check_page(page).find("input", {"name": "csrf_token"})["value"]
        response = self.client.post(
            url, data={"csrf_token": token, **data}, follow_redirects=follow
        )
        assert response.status_code == status, (url, response.status_code)
        return check_page(response) if response.status_code in (200, 422) else response

    def post(self, url, status=200, **kwargs):
        response = self.client.post(url, **kwargs)
        assert response.status_code == status, (url, response.status_code)
        return check_page(response)


@pytest.fixture
def pages(client):
    return PageClient(client)
