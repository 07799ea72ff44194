"""The header's links to the member's group: its decisions, meetings and plan, for the
members who may see each, in both variants, and never another member's (the header is
kept rendered, so the links must be part of what it is kept by)."""

from __future__ import annotations

import datetime as dt

import pytest

from webapp.extensions import db
from webapp.models import Member

from .facilitation_helpers import make_member, setup_people, sign_in


@pytest.fixture
def people(app):
    return setup_people(app)


def group_links(page) -> dict[str, str]:
    nav = page.select_one("header nav.group-links")
    if nav is None:
        return {}
    return {a["href"]: a.get_text(" ", strip=True) for a in nav.select("a")}


def test_a_visitor_has_no_group_links(app, pages, people):
    assert group_links(pages.get("/")) == {}


def test_a_member_reaches_their_groups_pages_from_the_header(app, pages, people):
    sign_in(pages, "Plain Pigeon")
    page = pages.get("/stories/")
    assert group_links(page) == {
        "/decisions/": "Decisions",
        "/meetings/": "Meetings",
        "/plan/people": "Plan",
    }
    assert page.select_one("header nav.group-links")["aria-label"] == "Your group"
    # The header and every page they lead to are the member's to see.
    for href in group_links(page):
        pages.get(href)


def test_the_links_have_easy_read_words(app, pages, people):
    sign_in(pages, "Plain Pigeon")
    page = pages.get("/stories/?view=easyread")
    assert list(group_links(page).values()) == ["Questions", "Meetings", "Our plan"]
    assert page.select_one("header nav.group-links")["aria-label"] == "Your group"


def test_the_page_you_are_on_is_marked(app, pages, people):
    sign_in(pages, "Plain Pigeon")
    page = pages.get("/meetings/")
    current = page.select("header nav.group-links a[aria-current=page]")
    assert [a["href"] for a in current] == ["/meetings/"]
    assert not pages.get("/stories/").select("header nav.group-links a[aria-current]")


def test_each_member_gets_their_own_groups_plan(app, pages, people):
    sign_in(pages, "Plain Pigeon")
    assert "/plan/people" in group_links(pages.get("/stories/"))
    pages.sign_out()
    make_member("Staff Starling", "staff")
    sign_in(pages, "Staff Starling")
    links = group_links(pages.get("/stories/"))
    assert "/plan/staff" in links and "/plan/people" not in links


def test_a_member_not_yet_welcomed_sees_only_what_they_may(app, pages, people):
    """Decisions are readable by every member (and say why they cannot answer yet); the
    plan and meetings wait for the welcome, as the home page's parts do."""
    member_id = make_member("New Newt", "people")
    with db.connection_context():
        Member.update(welcomed_on=None).where(Member.id == member_id).execute()
    sign_in(pages, "New Newt")
    assert group_links(pages.get("/stories/")) == {"/decisions/": "Decisions"}
    with db.connection_context():
        Member.update(welcomed_on=dt.date.today()).where(Member.id == member_id).execute()
    assert len(group_links(pages.get("/stories/"))) == 3


def test_someone_still_joining_agrees_first(app, pages, people):
    """No links away from the agreements before a new member has agreed to them."""
    member_id = make_member("New Newt", "people")
    with db.connection_context():
        Member.update(status=Member.WAITING_FOR_AGREEMENT).where(Member.id == member_id).execute()
    sign_in(pages, "New Newt")
    assert group_links(pages.get("/stories/")) == {}
