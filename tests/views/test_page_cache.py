"""Whole pages kept for visitors (webapp/page_cache.py): never a stale story, never a
person's own page. Each test first shows the page really is kept, so that seeing the
change afterwards proves the cache let it through."""

from __future__ import annotations

import datetime as dt
import os
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
    assert kept(app) >= 1
    assert visit(app, url) == first
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


def test_a_page_with_a_form_is_never_kept(app):
    for url in ("/share/", "/sign-in"):
        first = app.test_client().get(url)
        assert "Set-Cookie" in first.headers
    assert kept(app) == 0


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
