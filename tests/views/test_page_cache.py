"""Whole pages kept for visitors (webapp/page_cache.py): never a stale story, never a
person's own page. Each test first shows the page really is kept, so that seeing the
change afterwards proves the cache let it through."""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import PageClient
from webapp.extensions import db
from webapp.models import Community
from webapp.stories.models import APPROVED, Story


def make_story(body: str, **fields) -> Story:
    with db.connection_context():
        values = {"community": Community.by_slug("people"), "status": APPROVED}
        return Story.create(body=body, **{"audience": "public", **values, **fields})


def kept(app) -> int:
    return len(app.extensions["page_cache"].pages)


def visit(app, url: str = "/stories/", cookies: dict | None = None, **kwargs) -> str:
    """A new visitor each time, with only the cookies given."""
    client = app.test_client()
    for name, value in (cookies or {}).items():
        client.set_cookie(name, value)
    response = client.get(url, **kwargs)
    assert response.status_code == 200, (url, response.status_code)
    return response.get_data(as_text=True)


def seen_twice(app, url: str = "/stories/") -> str:
    """The page for two visitors in a row, the second served from the cache."""
    first = visit(app, url)
    found = app.extensions["page_cache"].found
    assert visit(app, url) == first
    assert app.extensions["page_cache"].found == found + 1, "the second visit was not kept"
    return first


def from_another_process(app, sql: str) -> None:
    """A commit on a connection of its own, as another worker or machine would make."""
    url = app.config["DATABASE_URL"]
    if url.startswith("sqlite"):
        other = sqlite3.connect(url.removeprefix("sqlite:///"))
    else:
        import psycopg2

        other = psycopg2.connect(url)
    try:
        other.cursor().execute(sql)
        other.commit()
    finally:
        other.close()


def test_a_withdrawn_story_leaves_the_kept_list_at_once(pages, app):
    from tests.views.test_stories import demo_member

    story = make_story("Withdraw-me-kept-words", author=demo_member())
    assert "Withdraw-me-kept-words" in seen_twice(app)
    pages.sign_in()  # the author, in this same process and thread
    pages.submit(f"/stories/{story.reference}/withdraw", {"confirm": "y"})
    assert kept(app) == 0, "the words are let go of as the withdrawal ends"
    assert "Withdraw-me-kept-words" not in visit(app)
    assert app.test_client().get(f"/stories/{story.reference}").status_code == 404


def test_a_story_withdrawn_by_another_process_is_gone_for_the_next_visitor(app):
    story = make_story("Other-process-words")
    assert "Other-process-words" in seen_twice(app)
    assert "Other-process-words" in seen_twice(app, f"/stories/{story.reference}")
    from_another_process(app, f"DELETE FROM story WHERE id = {story.id}")
    assert "Other-process-words" not in visit(app)
    assert app.test_client().get(f"/stories/{story.reference}").status_code == 404


def test_a_narrowed_or_new_story_shows_at_once(app):
    story = make_story("Soon-members-only")
    assert "Soon-members-only" in seen_twice(app)
    with db.connection_context():  # this process's own connection: not seen by data_version
        Story.update(audience="members").where(Story.id == story.id).execute()
    assert "Soon-members-only" not in visit(app)
    make_story("Brand-new-approved-story")
    assert "Brand-new-approved-story" in visit(app)


def test_a_story_that_ends_today_is_gone_after_midnight(app, monkeypatch):
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    make_story("Ends-at-midnight-words", expires_on=tomorrow)
    assert "Ends-at-midnight-words" in seen_twice(app)

    class Tomorrow(dt.date):
        @classmethod
        def today(cls):
            return tomorrow

    # The clock the visibility rule and the cache both read moves on; nothing is written.
    monkeypatch.setattr(dt, "date", Tomorrow)
    assert "Ends-at-midnight-words" not in visit(app)


def test_an_expiry_set_by_another_process_is_seen(app):
    make_story("Expiring-elsewhere-words")
    assert "Expiring-elsewhere-words" in seen_twice(app)
    today = dt.date.today().isoformat()
    from_another_process(app, f"UPDATE story SET expires_on = '{today}'")
    assert "Expiring-elsewhere-words" not in visit(app)


def test_each_variant_language_and_setting_is_kept_apart(app):
    plain = seen_twice(app, "/")
    easy = visit(app, "/", cookies={"view": "easyread"})
    welsh = visit(app, "/", cookies={"lang": "cy"})
    arabic = visit(app, "/", headers={"Accept-Language": "ar"})
    large = visit(app, "/", cookies={"display": "size-large"})
    assert "Skip to main content" in plain and "Go to the main words" in easy
    assert '<html lang="cy"' in welsh and '<html lang="ar"' in arabic
    assert 'class="size-large' in large and 'class="size-large' not in plain
    fragment = visit(app, "/", headers={"HX-Request": "true", "HX-Target": "main"})
    assert "<html" not in fragment
    assert visit(app, "/") == plain


def test_a_page_that_sets_a_cookie_is_not_kept(app):
    visit(app, "/?view=easyread")
    assert kept(app) == 0
    assert "Skip to main content" in visit(app, "/")


def test_a_signed_in_member_never_gets_a_kept_page(app):
    visitor = seen_twice(app, "/")
    member = PageClient(app.test_client())
    member.sign_in()
    header = member.get("/").find("header")
    assert header.find("a", string="Your account") and not header.find("a", string="Sign in")
    assert "Sign in" in visitor


def test_only_pages_marked_shared_are_kept(app):
    for _ in range(3):
        first = app.test_client().get("/sign-in")  # a form, but not a view marked shared
        assert "Set-Cookie" in first.headers
        visit(app, "/privacy?next=/")
    assert list(app.extensions["page_cache"].pages) == [
        key for key in app.extensions["page_cache"].pages if "/privacy" in key
    ]
    assert kept(app) == 1


@pytest.mark.parametrize("folder", ["content", "easyread"])
def test_an_edited_content_page_shows_at_once(content_copy, folder):
    app, root = content_copy
    cookie = {"view": "easyread"} if folder == "easyread" else {}
    before = visit(app, "/help", cookies=cookie)
    assert visit(app, "/help", cookies=cookie) == before and kept(app) == 1
    page: Path = root / folder / "help.md"
    text = page.read_text()
    page.write_text(text.replace("title:", "title: Edited", 1))
    stat = page.stat()  # a later time, even on a coarse clock
    os.utime(page, (stat.st_atime, stat.st_mtime + 5))
    assert "Edited" in visit(app, "/help", cookies=cookie)


def test_a_new_translation_shows_at_once(content_copy):
    app, root = content_copy
    welsh = root / "content" / "cy" / "help.md"
    welsh.unlink()  # not translated yet: Welsh visitors read the English page
    english = visit(app, "/help", cookies={"lang": "cy"})
    assert visit(app, "/help", cookies={"lang": "cy"}) == english and kept(app) == 1
    welsh.write_text("---\ntitle: Cymorth newydd\ndescription: Cymorth\n---\nGeiriau.\n")
    assert "Cymorth newydd" in visit(app, "/help", cookies={"lang": "cy"})


def form_pages(app) -> list:
    from webapp.kept_form_page import FormPage

    pages = app.extensions["page_cache"].pages
    return [key for key, kept in pages.items() if isinstance(kept, FormPage)]


def test_a_visitors_first_turn_is_kept_with_a_token_of_their_own(app):
    """Kept after two renders agree; each visitor then gets their own token and session,
    and the token works: the first turn is answered and the story turn comes next."""
    clients = [PageClient(app.test_client()) for _ in range(4)]
    tokens = []
    for pages in clients:
        soup = pages.get("/share/")
        token = soup.find("input", {"name": "csrf_token"})["value"]
        assert soup.find("meta", {"name": "csrf-token"})["content"] == token
        tokens.append(token)
    assert len(form_pages(app)) == 1 and len(set(tokens)) == 4
    assert app.extensions["page_cache"].found == 2, "the third and fourth were kept pages"
    kept = app.extensions["page_cache"].pages[form_pages(app)[0]]
    assert not any(token.encode() in kept.body for token in tokens)
    for pages, token in zip(clients, tokens, strict=True):
        answer = pages.client.post("/share/welcome", data={"csrf_token": token})
        assert answer.status_code == 302 and answer.headers["Location"] == "/share/story"
    stranger = app.test_client()
    forged = stranger.post("/share/welcome", data={"csrf_token": tokens[0]})
    assert forged.status_code != 302, "a token belongs to its own session only"


def test_a_form_holding_anything_else_made_per_visitor_is_never_kept(app):
    import secrets

    from flask import render_template_string

    from webapp.page_cache import shared_page

    @shared_page
    def once_form():
        once = secrets.token_hex(8)
        return render_template_string(
            '<form method="post">{{ csrf_token() }}<p>{{ once }}</p></form>', once=once
        )

    app.add_url_rule("/once-form", "once_form", once_form)
    bodies = {visit(app, "/once-form") for _ in range(3)}
    assert len(bodies) == 3 and form_pages(app) == []


def test_a_member_sees_their_own_first_turn(app):
    for _ in range(2):
        visit(app, "/share/")
    assert len(form_pages(app)) == 1
    member = PageClient(app.test_client())
    member.sign_in()
    soup = member.get("/share/")
    assert soup.find("input", {"name": "csrf_token"})
    assert soup.find("header").find("a", string="Your account")


def test_a_visitor_who_opened_a_form_still_gets_kept_pages(app):
    """A session holding only a CSRF token changes no page: kept pages are served, and a
    kept form page signs that session's own token, which the next post accepts."""
    plain = seen_twice(app)
    for _ in range(2):
        visit(app, "/share/")  # the first turn is kept
    cache = app.extensions["page_cache"]
    visitor = PageClient(app.test_client())
    visitor.get("/share/")
    assert visitor.client.get_cookie("session") is not None
    found = cache.found
    assert visitor.client.get("/stories/").get_data(as_text=True) == plain
    soup = visitor.get("/share/")
    assert cache.found == found + 2
    token = soup.find("input", {"name": "csrf_token"})["value"]
    answer = visitor.client.post("/share/welcome", data={"csrf_token": token})
    assert answer.status_code == 302 and answer.headers["Location"] == "/share/story"
    # Now the session holds a visitor id too: everything is made afresh for them.
    found = cache.found
    assert visitor.client.get("/stories/").get_data(as_text=True) == plain
    visitor.get("/share/story")
    assert cache.found == found


def test_a_forged_or_fuller_session_cookie_gets_nothing_kept(app):
    seen_twice(app)
    cache = app.extensions["page_cache"]
    signer = app.session_interface.get_signing_serializer(app)
    fuller = signer.dumps({"csrf_token": "ab" * 20, "member_id": 1})
    for cookie in ("not-a-signed-value", fuller):
        found = cache.found
        client = app.test_client()
        client.set_cookie("session", cookie)
        client.get("/stories/")
        assert cache.found == found, cookie


def cookie_attributes(response) -> list[str]:
    """The session cookie's attributes, its value left out."""
    name_value, *attributes = response.headers["Set-Cookie"].split("; ")
    assert name_value.startswith("session=")
    return sorted(attributes)


def test_a_kept_first_turn_is_served_without_flask_as_flask_would(app):
    """Served by the middleware alone, the headers and cookie are those Flask made."""
    cache = app.extensions["page_cache"]
    made = [app.test_client().get("/share/") for _ in range(2)]
    assert len(form_pages(app)) == 1
    entered = []
    flask_side = cache.wsgi_app
    cache.wsgi_app = lambda environ, start: entered.append(1) or flask_side(environ, start)
    kept = app.test_client().get("/share/")
    assert entered == [] and kept.status_code == 200
    assert cookie_attributes(kept) == cookie_attributes(made[0])
    per_visitor = {"Set-Cookie", "Content-Length", "Date"}
    assert sorted((k, v) for k, v in kept.headers.items() if k not in per_visitor) == sorted(
        (k, v) for k, v in made[1].headers.items() if k not in per_visitor
    )
    assert int(kept.headers["Content-Length"]) == len(kept.get_data())


@pytest.mark.parametrize(
    ("accepted", "encoding"),
    [("br", "br"), ("gzip", "gzip"), ("gzip, deflate, br, zstd", "gzip")],  # the last: a browser
)
def test_a_kept_first_turn_is_compressed_as_asked_and_its_token_works(app, accepted, encoding):
    """Given gzip when it is accepted (its fixed parts compressed once), else as Flask chose."""
    import gzip

    import brotli

    unpack = brotli.decompress if encoding == "br" else gzip.decompress
    asked = {"Accept-Encoding": accepted}
    for _ in range(2):
        app.test_client().get("/share/", headers=asked)
    found = app.extensions["page_cache"].found
    visitor = PageClient(app.test_client())
    response = visitor.client.get("/share/", headers=asked)
    assert app.extensions["page_cache"].found == found + 1
    assert response.headers["Content-Encoding"] == encoding
    words = unpack(response.get_data()).decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', words).group(1)
    answer = visitor.client.post("/share/welcome", data={"csrf_token": token})
    assert answer.status_code == 302 and answer.headers["Location"] == "/share/story"


def test_a_first_turn_that_sets_another_cookie_is_not_kept(app):
    for _ in range(3):
        response = app.test_client().get("/share/?lang=cy")
        cookies = response.headers.getlist("Set-Cookie")
        assert any(cookie.startswith("lang=cy") for cookie in cookies), cookies
    assert form_pages(app) == []
