"""What goes over the wire: compressed HTML, hashed and precompressed static files."""

from __future__ import annotations

import gzip

import brotli
from bs4 import BeautifulSoup
from flask import request_started

from webapp.assets import HASHED_NAME

YEAR = "public, max-age=31536000, immutable"


def static_urls(client, url="/?view=easyread"):
    soup = BeautifulSoup(client.get(url).get_data(), "html.parser")
    links = [t["href"] for t in soup.select("link[href]")]
    return links + [t["src"] for t in soup.select("script[src], img[src]")]


def test_html_is_compressed_and_never_cached(client):
    for asked, decode in (("br", brotli.decompress), ("gzip", gzip.decompress)):
        response = client.get("/", headers={"Accept-Encoding": f"{asked}, identity"})
        assert response.headers["Content-Encoding"] == asked
        assert b"<!doctype html>" in decode(response.get_data())
        assert response.headers["Cache-Control"] == "no-store"
        vary = {v.strip() for v in response.headers["Vary"].split(",")}
        assert {"Accept-Encoding", "Cookie", "HX-Request"} <= vary
    assert "Content-Encoding" not in client.get("/").headers


def test_every_static_reference_is_content_hashed(client):
    urls = static_urls(client)
    assert any(u.endswith(".css") for u in urls) and any(u.endswith(".svg") for u in urls)
    for url in urls:
        if url.startswith("/static/"):
            assert HASHED_NAME.search(url), url


def test_hashed_static_files_are_cached_for_a_year_without_the_app(app, client):
    requests_seen = []
    request_started.connect(lambda sender, **_: requests_seen.append(1), app)
    urls = [u for u in static_urls(client) if u.startswith("/static/")]
    requests_seen.clear()
    for url in urls:
        with client.get(url, headers={"Accept-Encoding": "gzip, br"}) as response:
            assert response.status_code == 200, url
            assert response.headers["Cache-Control"] == YEAR
            assert "Cookie" not in response.headers.get("Vary", "")
            assert "Set-Cookie" not in response.headers
            assert response.headers["X-Content-Type-Options"] == "nosniff"
            assert response.headers["Content-Encoding"] == "br", url
    # WhiteNoise answered every one: Flask never ran, so no session and no database.
    assert requests_seen == []


def test_css_and_our_script_are_minified(client):
    css = next(u for u in static_urls(client) if u.endswith(".css"))
    with client.get(css) as response:
        text = response.get_data(as_text=True)
    assert "/*" not in text and "\n  " not in text
    script = next(u for u in static_urls(client) if "a11y" in u)
    with client.get(script) as response:
        assert "\n  " not in response.get_data(as_text=True)


def test_templates_are_not_checked_for_changes_in_production(tmp_path, monkeypatch):
    """auto_reload would stat every template file on every render."""
    from webapp import create_app
    from webapp.config import Config

    monkeypatch.setenv("SECRET_KEY", "x" * 32)
    monkeypatch.setenv("STATIC_BUILD_DIR", str(tmp_path / "static"))
    app = create_app(Config(), DATABASE_URL=f"sqlite:///{tmp_path / 'p.db'}")
    assert app.jinja_env.auto_reload is False


def test_no_route_uses_the_limiter_decorator():
    """Flask-Limiter's per-request check is unhooked (webapp/ratelimits.py), so a
    decorated limit would never be counted: limits go through FailedTries instead."""
    from pathlib import Path

    import webapp

    for path in Path(webapp.__file__).parent.rglob("*.py"):
        text = path.read_text()
        assert "limiter.limit(" not in text and "limiter.shared_limit(" not in text, path
