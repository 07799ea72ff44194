"""Issue 12, the queue: the author's boundaries in words on each item, and Approve on a
flagged item asks "Approve with these details showing?" first, without JavaScript."""

from __future__ import annotations

import pytest

from webapp.extensions import db
from webapp.stories.models import APPROVED, PENDING, Story

from .facilitation_helpers import make_story, setup_people, sign_in

FLAGGED = "Ring me on 07700 900123 about the day centre."


@pytest.fixture
def people(app):
    return setup_people(app)


def status_of(reference):
    with db.connection_context():
        return Story.get(Story.reference == reference).status


def test_each_item_shows_the_authors_boundaries_in_words(pages, people):
    ref = make_story("The day centre listened.", audience="public", quoting="none")
    sign_in(pages, "Fair Kestrel")
    item = pages.get("/facilitate/people/queue").select_one(f"#story-{ref}")
    choices = item.select_one(".item-boundaries").get_text(" ", strip=True)
    assert (
        "Who may read it" in choices and "Anyone, including people who are not members" in choices
    )
    assert "It must not be used outside Common Ground" in choices
    assert "How long it stays" in choices and "Replies" in choices


def test_approving_a_flagged_item_asks_first_without_javascript(pages, people, client):
    calm, flagged = make_story("The staff listened."), make_story(FLAGGED)
    sign_in(pages, "Fair Kestrel")
    soup = pages.get("/facilitate/people/queue")
    assert soup.select_one(f"#story-{calm} form button"), "an item with no flags: one tap"
    link = soup.select_one(f"#story-{flagged} .button-group a.button")
    assert soup.select_one(f"#story-{flagged} form") is None, "a flagged item: no one-tap form"
    assert link.get_text(" ", strip=True).startswith("Approve")
    confirm = pages.get(link["href"])
    assert confirm.h1.get_text(strip=True) == "Approve with these details showing?"
    assert "07700 900123" in confirm.select_one("main").get_text()
    assert status_of(flagged) == PENDING, "looking is not approving"
    suggest = confirm.find("a", string="Suggest removing them instead")["href"]
    review = pages.get(suggest)
    assert review.select_one("input[name=decision][value=identifying]").has_attr("checked")
    # A post without the confirmation (an old page, a forged form) asks again.
    token = confirm.select_one("input[name=csrf_token]")["value"]
    again = client.post(link["href"], data={"csrf_token": token, "show": ""})
    assert again.status_code == 200 and status_of(flagged) == PENDING
    done = pages.submit(link["href"], {"confirmed": "yes", "show": ""})
    assert done.status_code == 302 and status_of(flagged) == APPROVED


def test_an_item_without_flags_has_nothing_to_confirm(pages, people):
    calm = make_story("The staff listened.")
    sign_in(pages, "Fair Kestrel")
    url = f"/facilitate/people/stories/{calm}/approve"
    assert pages.get(url, status=302).headers["Location"].endswith(f"#story-{calm}")


def test_easy_read_queue_words_are_specific(pages, people):
    ref = make_story("We do not treat people very badly at all here. And then more words came.")
    sign_in(pages, "Fair Kestrel")
    soup = pages.get("/facilitate/people/queue?view=easyread")
    item = soup.select_one(f"#story-{ref}")
    assert item.h2.get_text().startswith("“We do not treat people very badly at all here…”")
    assert "Other things you can do" in item.select_one(".button-group").get_text()
    assert "Something else" not in soup.get_text()
