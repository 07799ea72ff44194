"""Security headers, cookies and CSRF."""

from __future__ import annotations

import pytest

from webapp import create_app
from webapp.config import DevConfig


def test_security_headers_on_pages(client):
    headers = client.get("/").headers
    csp = headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "camera=()" in headers["Permissions-Policy"]
    assert headers["Cache-Control"] == "no-store"
    assert "HX-Request" in headers["Vary"]


def test_static_files_have_headers_but_may_be_cached(client):
    with client.get("/static/css/site.css") as response:
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers.get("Cache-Control") != "no-store"


def test_no_inline_script_or_style_anywhere(pages):
    for url in ("/", "/settings", "/help?view=easyread", "/missing"):
        soup = pages.get(url, status=404 if url == "/missing" else 200)
        for script in soup.find_all("script"):
            assert script.get("src"), "inline script would need unsafe-inline"
        assert not soup.find("style")
        assert not soup.find(attrs={"style": True})
        assert not [t for t in soup.find_all(True) if any(a.startswith("on") for a in t.attrs)]


def test_session_cookie_is_secure_outside_development(tmp_path, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 32)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/prod.db")
    from webapp.config import Config

    app = create_app(Config())
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert (
        create_app(DevConfig(), DATABASE_URL=f"sqlite:///{tmp_path}/d.db").config[
            "SESSION_COOKIE_SECURE"
        ]
        is False
    )


def test_post_without_csrf_token_redisplays_the_form_with_what_was_chosen(pages, client):
    soup = pages.post(
        "/settings",
        status=422,
        data={"size": "largest", "contrast": "dark", "spacing": "wide"},
    )
    summary = soup.select_one("[data-error-summary]")
    assert summary is not None
    assert "Your answers are still here" in summary.get_text()
    assert soup.title.get_text().startswith("Error: ")
    assert soup.find("input", {"name": "size", "value": "largest"}).has_attr("checked")
    assert soup.find("input", {"name": "contrast", "value": "dark"}).has_attr("checked")
    assert soup.find("input", {"name": "csrf_token"})["value"]
    assert "display=" not in client.get("/").headers.get("Set-Cookie", "")


def test_expired_token_on_a_page_that_does_not_redisplay_shows_plain_400(pages, app):
    @app.route("/test-post-only", methods=["POST"])
    def post_only():  # pragma: no cover - the CSRF check refuses first
        return "acted"

    soup = pages.post("/test-post-only", status=400)
    assert "acted" not in soup.get_text()
    assert soup.find("h1").get_text(strip=True)


@pytest.mark.parametrize(
    "path",
    ["/stories/nope/replies", "/stories/nope/withdraw", "/stories/nope/edit",
     "/stories/nope/boundaries", "/share/nope"],
)  # fmt: skip
def test_an_old_form_for_something_that_has_gone_is_a_plain_404(client, path):
    """No token (or an expired one) and nothing there: the page says so, never a 500."""
    assert client.post(path, data={"body": "kept?"}).status_code == 404


def test_behind_a_proxy_the_visitors_address_is_read_from_it(tmp_path):
    from flask import request

    from tests.conftest import make_app

    app = make_app(tmp_path / "p.db", PROXY_COUNT=1)
    seen = {}

    @app.get("/_address")
    def address():
        seen["addr"] = request.remote_addr
        return ""

    app.test_client().get("/_address", headers={"X-Forwarded-For": "198.51.100.7"})
    assert seen["addr"] == "198.51.100.7"


def test_the_session_signer_is_kept_but_follows_a_new_secret_key(app, pages):
    """The signing serializer is made once per set of keys (webapp/members.py): after the
    key changes, a session signed with the old one no longer signs anyone in."""
    pages.sign_in()
    assert pages.get("/account").find("h1")
    app.secret_key = app.config["SECRET_KEY"] = "a-new-key-after-a-leak-0123456789"
    assert pages.get("/account", status=302).headers["Location"].startswith("/sign-in")
