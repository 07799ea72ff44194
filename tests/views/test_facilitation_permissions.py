"""Every facilitator and admin route sends a visitor who is not signed in to sign in
(and back here after), and refuses a member and a facilitator of another community with
the plain 403 page; and no facilitator page shows who wrote an anonymous story or reply."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from webapp.concerns.models import Report
from webapp.extensions import db
from webapp.models import Member
from webapp.stories.models import APPROVED, Story

from .facilitation_helpers import AUTHOR, make_reply, make_story, setup_people, sign_in


@pytest.fixture
def world(app):
    people = setup_people(app)
    story = make_story("An anonymous story about the ward.", author_id=people["author"])
    approved = make_story("Approved, with replies.", author_id=people["author"],
                          status=APPROVED, replies_allowed=True)  # fmt: skip
    reply = make_reply(approved, "An anonymous reply.", author_id=people["author"])
    with db.connection_context():
        Report.create(story=Story.get(Story.reference == approved), community=1, reason="other")
    return {**people, "story": story, "approved": approved, "reply": reply}


def community_routes(w):
    """(method, url) for every route of a facilitator of People."""
    return [
        ("GET", "/facilitate/people/queue"),
        ("GET", "/facilitate/people/queue?show=reported"),
        ("GET", "/facilitate/people/dashboard"),
        ("GET", "/facilitate/people/members"),
        ("GET", f"/facilitate/people/members/{w['member']}"),
        ("POST", f"/facilitate/people/members/{w['member']}"),
        ("GET", f"/facilitate/people/stories/{w['story']}"),
        ("POST", f"/facilitate/people/stories/{w['story']}"),
        ("POST", f"/facilitate/people/stories/{w['story']}/approve"),
        ("GET", f"/facilitate/people/replies/{w['reply']}"),
        ("POST", f"/facilitate/people/replies/{w['reply']}"),
        ("POST", f"/facilitate/people/replies/{w['reply']}/approve"),
    ]


ADMIN_ROUTES = [
    ("GET", "/facilitate/roles"),
    ("GET", "/facilitate/audit"),
    ("GET", "/facilitate/roles/{member}"),
    ("POST", "/facilitate/roles/{member}"),
]


def fetch(pages, method, url, token):
    if method == "GET":
        return pages.client.get(url)
    return pages.client.post(url, data={"csrf_token": token, "decision": "approve",
                                        "action": "warning", "reason": "spam"})  # fmt: skip


def token_for(pages):
    return pages.get("/sign-in").select_one("input[name=csrf_token]")["value"]


def assert_refused(response, url):
    assert response.status_code == 403, (url, response.status_code)
    said = response.get_data(as_text=True)
    # Said to someone signed in: never "check that you are signed in".
    assert "This page is for other people" in said and "signed in, but" in said, url
    assert "check that you are signed in" not in said.lower(), url


def assert_sent_to_sign_in(response, url, back):
    assert response.status_code == 302, (url, response.status_code)
    where = urlsplit(response.headers["Location"])
    assert where.path == "/sign-in", url
    assert parse_qs(where.query)["next"] == [back], url


def back_to(method, url):
    """Where a visitor comes back to after signing in: the page itself, or for a form
    sent while signed out, the page the form is on. Approve has a page of its own now
    (it asks first about a flagged item, and goes back to the queue for any other)."""
    return url


def nothing_changed(world):
    with db.connection_context():
        assert Story.get(Story.reference == world["story"]).status == "pending", "nothing changed"
        assert not Member.get_by_id(world["member"]).sanctions.exists()
        assert Member.get_by_id(world["member"]).role == "member"


@pytest.mark.parametrize("who", ["Plain Pigeon", "Other Otter"],
                         ids=["member", "other-community"])  # fmt: skip
def test_community_routes_refuse_everyone_else(pages, world, who):
    sign_in(pages, who)
    token = token_for(pages)
    for method, url in community_routes(world):
        assert_refused(fetch(pages, method, url, token), url)
    if who != "Other Otter":
        assert_refused(pages.client.get("/facilitate/"), "/facilitate/")
    nothing_changed(world)


@pytest.mark.parametrize("who", ["Plain Pigeon", "Fair Kestrel"],
                         ids=["member", "facilitator"])  # fmt: skip
def test_admin_routes_refuse_everyone_but_admins(pages, world, who):
    sign_in(pages, who)
    token = token_for(pages)
    for method, url in ADMIN_ROUTES:
        url = url.format(member=world["member"])
        assert_refused(fetch(pages, method, url, token), url)
    nothing_changed(world)


def test_a_visitor_who_is_not_signed_in_is_sent_to_sign_in_and_back(pages, world):
    token = token_for(pages)
    routes = community_routes(world) + [
        ("GET", "/facilitate/"),
        *((m, u.format(member=world["member"])) for m, u in ADMIN_ROUTES),
    ]
    for method, url in routes:
        assert_sent_to_sign_in(fetch(pages, method, url, token), url, back_to(method, url))
    nothing_changed(world)
    # With htmx (a session that ran out mid-queue): the whole page goes to sign in.
    response = pages.client.post(f"/facilitate/people/stories/{world['story']}/approve",
                                 data={"csrf_token": token}, headers={"HX-Request": "true"})  # fmt: skip
    assert response.status_code == 204
    assert response.headers["HX-Redirect"].startswith("/sign-in?next=")
    # Signing in comes back to the queue.
    response = pages.submit("/sign-in?next=/facilitate/people/queue",
                            {"name": "Fair Kestrel", "password": "copper meadow lantern"})  # fmt: skip
    assert response.headers["Location"] == "/facilitate/people/queue"


def test_the_facilitator_and_admin_are_let_in(pages, world):
    sign_in(pages, "Fair Kestrel")
    for method, url in community_routes(world):
        if method == "GET":
            pages.get(url)
    pages.get("/facilitate/")


def test_the_403_page_is_the_plain_one_in_both_variants(pages, world):
    sign_in(pages, "Fair Kestrel")  # signed in, but not an admin
    pages.get("/facilitate/audit", status=403)
    soup = pages.get("/facilitate/audit?view=easyread", status=403)
    assert soup.select(".easyread__section img")


def facilitator_pages(w):
    return [url for method, url in community_routes(w) if method == "GET"] + [
        "/facilitate/",
        f"/facilitate/people/members?name={AUTHOR.replace(' ', '+')}",
    ]


def test_no_facilitator_page_or_the_audit_log_shows_an_anonymous_author(pages, world):
    author_id = world["author"]
    never = [AUTHOR, AUTHOR.casefold(), f"members/{author_id}", f"roles/{author_id}"]

    def check(html, url):
        for text in never:
            assert text not in html, (url, text)
        assert not re.search(rf"\bauthor[^<]{{0,40}}\b{author_id}\b", html), url

    # Every decision goes through the log, then every page is read by an admin too.
    sign_in(pages, "Fair Kestrel")
    urls = facilitator_pages(world)
    for url in urls:
        for view in ("standard", "easyread"):
            response = pages.client.get(f"{url}{'&' if '?' in url else '?'}view={view}")
            html = response.get_data(as_text=True)
            if "members?name=" in url:  # searching by name finds the member, never their stories
                assert world["story"] not in html and world["approved"] not in html
                continue
            check(html, url)
    pages.submit(f"/facilitate/people/stories/{world['story']}",
                 {"decision": "changes", "change_reason": "respect", "note": "Change a word."})  # fmt: skip
    pages.submit(f"/facilitate/people/replies/{world['reply']}",
                 {"decision": "remove", "remove_reason": "abusive", "confirm": "y"})  # fmt: skip
    pages.submit(f"/facilitate/people/stories/{world['approved']}", {"decision": "approve"})
    pages.sign_out()
    sign_in(pages, "Main Admin")
    for url in ["/facilitate/audit", "/facilitate/roles", *urls]:
        if "members?name=" in url:
            continue
        check(pages.client.get(url).get_data(as_text=True), url)
    audit = pages.get("/facilitate/audit").select_one(".story-list").get_text()
    assert f"story {world['story']}" in audit and "asked for changes" in audit


def test_easy_read_sections_on_facilitation_pages_follow_the_rules(pages, world):
    from tests.unit.test_easyread_lint import (
        BLOCK_CAPITALS,
        MAX_WORDS,
        NUMBER_WORDS,
        sentences,
        word_count,
    )

    sign_in(pages, "Main Admin")
    urls = [u for u in facilitator_pages(world) if "?" not in u] + [
        "/facilitate/roles",
        "/facilitate/audit",
        f"/facilitate/roles/{world['member']}",
        f"/stories/{world['approved']}/concern",
        "/concern-sent",
    ]
    problems = []
    for url in urls:
        soup = pages.get(f"{url}?view=easyread")
        sections = soup.select(".easyread__section")
        assert sections, url
        for section in sections:
            assert section.find("img"), url
            text = section.select_one(".easyread__words").get_text("\n")
            problems += [(url, s) for s in sentences(text) if word_count(s) > MAX_WORDS]
            problems += [
                (url, w) for w in NUMBER_WORDS.findall(text) + BLOCK_CAPITALS.findall(text)
            ]
    assert not problems, problems
