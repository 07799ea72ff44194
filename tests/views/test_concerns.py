"""Report a concern: no account, a reason and optional words, a honeypot, a rate limit,
and nothing kept about the person."""

from __future__ import annotations

import pytest

from webapp.concerns.models import Report
from webapp.extensions import db
from webapp.stories.models import APPROVED, PUBLIC

from .facilitation_helpers import make_reply, make_story


@pytest.fixture
def story(app):
    return make_story("A public story.", status=APPROVED, audience=PUBLIC, replies_allowed=True)


def test_anyone_can_report_a_concern_without_an_account(pages, story):
    url = f"/stories/{story}/concern"
    soup = pages.get(url)
    assert soup.find("h1").get_text(strip=True) == "Report a concern about a story"
    soup = pages.submit(url, {}, status=422)
    assert "Choose what your concern is about" in soup.select_one("[data-error-summary]").get_text()
    soup = pages.submit(url, {"words": "It names my neighbour"}, status=422)
    assert soup.find("textarea", {"name": "words"}).get_text() == "It names my neighbour"
    typed = "It names my\x00 neighbour\x07"  # invisible control characters are dropped
    response = pages.submit(url, {"reason": "identifying", "words": typed})
    assert response.headers["Location"] == "/concern-sent"
    soup = pages.get("/concern-sent")
    assert "we have your concern" in soup.find("h1").get_text()
    with db.connection_context():
        report = Report.get()
        assert (report.reason, report.words, report.closed_on) == (
            "identifying", "It names my neighbour", None)  # fmt: skip
        columns = {c.name for c in db.get_columns("report")}
        assert not columns & {"ip", "ip_address", "user_agent", "member_id", "reporter"}


def test_a_reply_can_be_reported(pages, story):
    reply = make_reply(story, "A reply.", status=APPROVED)
    pages.submit(f"/stories/{story}/replies/{reply}/concern", {"reason": "offensive"})
    with db.connection_context():
        assert Report.get().reply_id == reply


def test_the_honeypot_thanks_a_program_but_keeps_nothing(pages, story):
    response = pages.submit(f"/stories/{story}/concern", {"reason": "other", "website": "x.biz"})
    assert response.headers["Location"] == "/concern-sent"
    with db.connection_context():
        assert Report.select().count() == 0


def test_concerns_are_rate_limited_per_item_keeping_what_was_typed(pages, story):
    url = f"/stories/{story}/concern"
    for _ in range(5):
        pages.submit(url, {"reason": "other"})
    soup = pages.submit(url, {"reason": "other", "words": "Once more"}, status=422)
    assert "Wait 60 minutes" in soup.select_one("[data-error-summary]").get_text()
    assert soup.find("textarea", {"name": "words"}).get_text() == "Once more"
    with db.connection_context():
        assert Report.select().count() == 5


def test_a_story_the_visitor_cannot_see_cannot_be_reported(pages, app):
    hidden = make_story("Pending, for facilitators only.")
    pages.get(f"/stories/{hidden}/concern", status=404)
    pages.get("/stories/nope/concern", status=404)


@pytest.mark.parametrize("view", ["standard", "easyread"])
def test_both_variants(pages, story, view):
    soup = pages.get(f"/stories/{story}/concern?view={view}")
    if view == "easyread":
        assert soup.select(".easyread__section img")
    pages.get(f"/concern-sent?view={view}")


@pytest.mark.parametrize("view", ["standard", "easyread"])
def test_a_worry_about_safety_is_told_to_call_999_and_shown_support(pages, story, view):
    url = f"/stories/{story}/concern?view={view}"
    pages.submit(url, {"reason": "safety"})
    soup = pages.get("/concern-sent")
    danger = soup.select_one("#in-danger")
    assert danger is not None, "a safety concern says what to do now"
    text = danger.get_text(" ", strip=True)
    assert "999" in text and "danger now" in text
    assert danger.find("a", href="/support")
    assert "999" in soup.select_one("main [data-announce]")["data-announce"]
    # Before the usual waiting time, not after it.
    main = soup.find("main").get_text(" ", strip=True)
    if view == "standard":
        assert main.index("Call 999") < main.index("2 working days")
    else:
        assert danger.select_one(".easyread__section img")
    # Another reason: the page is as before.
    pages.submit(url, {"reason": "other"})
    assert pages.get("/concern-sent").select_one("#in-danger") is None
