"""Warning, suspending and removing members, and what they see, including at sign-in."""

from __future__ import annotations

import datetime as dt

import pytest

from webapp.agreements.service import can_post
from webapp.extensions import db
from webapp.facilitation.models import AuditEntry
from webapp.models import Member
from webapp.standing import Sanction
from webapp.stories.models import APPROVED, REMOVED, Story

from .facilitation_helpers import PASSWORD, make_story, setup_people, sign_in


@pytest.fixture
def people(app):
    return setup_people(app)


def member_url(people, who="member"):
    return f"/facilitate/people/members/{people[who]}"


def test_finding_a_member_by_name(pages, people):
    sign_in(pages, "Fair Kestrel")
    soup = pages.get("/facilitate/people/members?name=plain+pigeon")
    assert soup.find("a", string="Plain Pigeon")["href"] == member_url(people)
    soup = pages.get("/facilitate/people/members?name=Other+Otter")  # another community
    assert soup.find("a", string="Other Otter") is None
    assert "There is no member of People with that name" in soup.find("main").get_text()


def test_a_warning_is_shown_to_the_member_with_its_reason(pages, people):
    sign_in(pages, "Fair Kestrel")
    soup = pages.submit(member_url(people), {"action": "warning"}, status=422)
    assert "Choose a reason" in soup.select_one("[data-error-summary]").get_text()
    pages.submit(member_url(people), {"action": "warning", "reason": "respect",
                                      "note": "Please be kinder in replies."})  # fmt: skip
    soup = pages.get(member_url(people))
    assert "The warning is sent." in soup.select_one(".notice").get_text()
    with db.connection_context():
        entry = AuditEntry.get()
        assert (entry.action, entry.item, entry.reason) == (
            "warned member", "member Plain Pigeon", "respect")  # fmt: skip
    pages.sign_out()
    sign_in(pages, "Plain Pigeon")
    text = pages.get("/account").find("main").get_text()
    assert "A warning from a facilitator" in text
    assert "You did not treat other people with respect" in text
    assert "Please be kinder in replies." in text


def test_a_suspended_member_can_sign_in_and_read_but_not_post_until_the_end_date(pages, people):
    sign_in(pages, "Fair Kestrel")
    soup = pages.submit(member_url(people), {"action": "suspension", "reason": "spam"}, status=422)
    assert "Choose how long" in soup.select_one("[data-error-summary]").get_text()
    pages.submit(member_url(people), {"action": "suspension", "days": "7", "reason": "spam"})
    end = dt.date.today() + dt.timedelta(days=7)
    with db.connection_context():
        member = Member.get_by_id(people["member"])
        assert member.suspended_until == end and not can_post(member)
        assert member.is_suspended(today=end - dt.timedelta(days=1))
        assert not member.is_suspended(today=end), "posting comes back on the end date"
    pages.sign_out()
    assert sign_in(pages, "Plain Pigeon").headers["Location"] == "/account"
    text = pages.get("/account").find("main").get_text()
    assert "You cannot post until" in text and "advertising" in text


def test_removal_asks_for_confirmation_and_does_not_remove_stories_by_default(pages, people):
    ref = make_story("My story.", author_id=people["member"], status=APPROVED)
    sign_in(pages, "Fair Kestrel")
    soup = pages.get(member_url(people))
    assert not soup.find("input", {"name": "remove_posts"}).has_attr("checked")
    soup = pages.submit(member_url(people), {"action": "removal", "reason": "hateful"}, status=422)
    assert "Tick the box to confirm" in soup.select_one("[data-error-summary]").get_text()
    pages.submit(member_url(people), {"action": "removal", "reason": "hateful", "confirm": "y"})
    with db.connection_context():
        assert Member.get_by_id(people["member"]).is_removed
        assert Story.get(Story.reference == ref).status == APPROVED, "stories stay by default"


def test_removal_can_also_remove_stories_and_replies(pages, people):
    ref = make_story("My story.", author_id=people["member"], status=APPROVED)
    other = make_story("Someone else's.", author_id=people["author"], status=APPROVED)
    sign_in(pages, "Fair Kestrel")
    pages.submit(member_url(people), {"action": "removal", "reason": "hateful", "confirm": "y",
                                      "remove_posts": "y"})  # fmt: skip
    with db.connection_context():
        assert Story.get(Story.reference == ref).status == REMOVED
        assert Story.get(Story.reference == other).status == APPROVED
        assert "Their stories and replies were removed too." in AuditEntry.get().note
        assert ref not in AuditEntry.get().note


def test_a_removed_member_cannot_sign_in_and_is_shown_how_to_ask_for_a_review(pages, people):
    sign_in(pages, "Plain Pigeon")
    pages.get("/account")
    with db.connection_context():
        member = Member.get_by_id(people["member"])
        from webapp.facilitation.sanctions import give

        give(None, member, "removal", "harassment", "You threatened someone.")
    # Already signed in: the next request signs them out.
    assert pages.get("/account", status=302).headers["Location"].startswith("/sign-in")
    soup = pages.submit("/sign-in", {"name": "Plain Pigeon", "password": PASSWORD}, status=200)
    assert soup.find("h1").get_text(strip=True) == "Your account was removed"
    text = soup.find("main").get_text()
    assert "You harassed or threatened another person." in text
    assert "You threatened someone." in text
    assert soup.find("a", href="/ask-for-a-review")
    assert pages.get("/account", status=302), "still not signed in"
    pages.get("/ask-for-a-review")
    pages.get("/ask-for-a-review?view=easyread")
    # The wrong password says nothing about removal.
    soup = pages.submit("/sign-in", {"name": "Plain Pigeon", "password": "wrong one"}, status=422)
    assert "removed" not in soup.find("main").get_text()


def test_facilitators_cannot_act_on_themselves_or_on_other_facilitators(pages, people):
    sign_in(pages, "Fair Kestrel")
    pages.get(member_url(people, "facilitator"), status=403)
    pages.get(f"/facilitate/people/members/{people['other']}", status=404)  # not in People


def test_a_suspended_facilitator_cannot_facilitate(pages, people):
    with db.connection_context():
        Member.update(suspended_until=dt.date.today() + dt.timedelta(days=3)).where(
            Member.id == people["facilitator"]
        ).execute()
    sign_in(pages, "Fair Kestrel")
    pages.get("/facilitate/people/queue", status=403)


def test_history_is_listed_on_the_member_page(pages, people):
    with db.connection_context():
        Sanction.create(member=people["member"], kind="warning", reason="spam")
    sign_in(pages, "Fair Kestrel")
    soup = pages.get(member_url(people) + "?view=easyread")
    assert "Adverts or the same thing again" in soup.find("main").get_text()
