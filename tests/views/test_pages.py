"""Every content page, in both variants, through the page-structure checks."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONTENT_PAGES = sorted(
    p.relative_to(ROOT / "content").with_suffix("").as_posix()
    for p in (ROOT / "content").rglob("*.md")
    if not p.relative_to(ROOT / "content").as_posix().startswith(("errors/", "agreements/"))
)


def url_for_slug(slug: str) -> str:
    return "/" if slug == "home" else f"/{slug}"


def test_there_are_content_pages():
    assert {"home", "help", "privacy", "accessibility", "support"} <= set(CONTENT_PAGES)


@pytest.mark.parametrize("slug", CONTENT_PAGES)
@pytest.mark.parametrize("view", ["standard", "easyread"])
def test_content_page_structure(pages, slug, view):
    soup = pages.get(f"{url_for_slug(slug)}?view={view}")
    main = soup.find("main")
    if view == "easyread":
        sections = main.select(".easyread__section")
        assert sections, "easy read is a list of sections"
        assert all(s.find("img") for s in sections), "every easy-read section has a picture"
    else:
        assert main.select_one(".prose p"), "the plain-English page has words"


def test_every_page_links_to_the_other_variant(pages):
    soup = pages.get("/help")
    assert soup.select_one(".variant-link a")["href"] == "/help?view=easyread"
    soup = pages.get("/help?view=easyread")
    assert soup.select_one(".variant-link a")["href"] == "/help?view=standard"


def test_view_query_sets_the_cookie_and_the_cookie_decides_later(client):
    response = client.get("/help?view=easyread")
    assert "view=easyread" in response.headers["Set-Cookie"]
    assert "HttpOnly" in response.headers["Set-Cookie"]
    assert "SameSite=Lax" in response.headers["Set-Cookie"]
    later = client.get("/help").get_data(as_text=True)
    assert "easyread__section" in later
    client.get("/help?view=standard")
    assert "easyread__section" not in client.get("/help").get_data(as_text=True)


def test_unknown_view_value_is_ignored(client):
    response = client.get("/help?view=<script>")
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers or "view=" not in response.headers["Set-Cookie"]


def test_home_page_follows_the_start_page_pattern(pages):
    soup = pages.get("/")
    text = soup.find("main").get_text(" ")
    assert "5 minutes" in text
    assert soup.find("h1").get_text(strip=True)


@pytest.mark.parametrize(
    "path", ["/errors/not-found", "/agreements/no-such-agreement", "/home", "/../etc/passwd"]
)
def test_non_pages_are_not_served_as_pages(pages, path):
    pages.get(path, status=404)


def test_every_page_has_quick_exit_help_and_footer_links(pages):
    soup = pages.get("/communities")
    exit_link = soup.select_one("a.quick-exit")
    assert exit_link.get_text(strip=True) == "Exit this page"
    assert exit_link["href"].startswith("https://")
    footer = [a["href"] for a in soup.select("footer a")]
    for path in ("/help", "/privacy", "/accessibility", "/contact", "/support"):
        assert path in footer
    assert soup.select_one("header a.help-link")["href"] == "/help"
    assert soup.select_one("#live-region[role=status]").get_text() == ""


def test_pages_with_words_offer_listen_around_their_words(app, pages):
    """The Listen region holds the h1 and the words, and its controls wait in a template
    (shown only by the script, where the browser can speak)."""
    from tests.views.facilitation_helpers import make_story

    with app.app_context():
        reference = make_story("Listen marker words.", audience="public", status="approved")
    for url in ("/help", "/help?view=easyread", "/agreements/panel", f"/stories/{reference}"):
        soup = pages.get(url)
        region = soup.select_one("main [data-listen]")
        assert region is not None, url
        assert region.select_one("h1") is not None, url
        assert region.select_one("template[data-listen-controls]") is not None, url
    story_region = soup.select_one("main [data-listen]")
    assert "Listen marker words." in story_region.get_text()
    assert story_region.select_one("form") is None  # the reply form is not read
