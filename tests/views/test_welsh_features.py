"""The plan and the survey read in Welsh: a crawl of their pages, signed in, finds no
English outside people's own words, and the survey asks its questions in Welsh."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.conftest import PageClient
from tests.views.decision_helpers import make_decision
from tests.views.facilitation_helpers import setup_people, sign_in
from tests.views.meeting_helpers import make_meeting
from tests.views.plan_helpers import make_activity, make_offer, make_task, make_terms
from tests.views.test_surveys import joined
from tests.views.test_welsh import english_outside_marked_parts

PLAN_PAGES = ["/plan/people", "/plan/people/terms", "/plan/people/terms/versions",
              "/plan/people/changes", "/plan/people/print", "/plan/activities/{activity}",
              "/how-are-we-doing/people", "/agreements/charter",
              "/agreements/collaborative-action", "/account", "/account/emails",
              "/survey/welcome"]  # fmt: skip
SURVEY_TURNS = ["listened-to", "safe-to-share", "influence", "worth-it", "one-thing"]


def welsh_client(app) -> PageClient:
    client = app.test_client()
    client.set_cookie("lang", "cy")
    return PageClient(client)


@pytest.fixture
def welsh_plan(content_copy):
    app, _folder = content_copy
    pages = welsh_client(app)
    setup_people(app)
    make_terms()
    activity = make_activity()
    make_task(activity)
    joined("Welsh Wren", 3)  # a survey falls due three months after joining
    sign_in(pages, "Welsh Wren")
    return pages, activity


@pytest.mark.parametrize("view", ["standard", "easyread"])
def test_the_plan_and_survey_pages_have_no_english_outside_marked_parts(welsh_plan, view):
    pages, activity = welsh_plan
    found = {}
    for path in PLAN_PAGES:
        soup = pages.get(f"{path.format(activity=activity)}?view={view}")
        if english := english_outside_marked_parts(soup):
            found[path] = english
    pages.submit("/survey/welcome", {})
    for turn in SURVEY_TURNS:  # each question in turn, skipped to reach the next
        if english := english_outside_marked_parts(pages.get(f"/survey/{turn}?view={view}")):
            found[turn] = english
        pages.submit(f"/survey/{turn}", {"skip": "skip"})
    if english := english_outside_marked_parts(pages.get(f"/survey/check?view={view}")):
        found["check"] = english
    assert not found, found


def test_the_survey_asks_in_welsh(welsh_plan):
    pages, _activity = welsh_plan
    pages.submit("/survey/welcome", {})
    text = pages.get("/survey/listened-to").find("main").get_text(" ", strip=True)
    assert "gwrando arnoch chi" in text and "Ydw, gan amlaf" in text
    assert "listened to" not in text


FACILITATOR_PAGES = ["/plan/people/terms/edit", "/plan/people/activities/new",
                     "/plan/activities/{activity}/edit", "/plan/activities/{activity}/status",
                     "/plan/activities/{activity}/tasks/new", "/plan/tasks/{task}/edit",
                     "/plan/people/review", "/how-are-we-doing/people/goals/new",
                     "/plan/offers/{offer}", "/plan/people", "/plan/activities/{activity}",
                     "/facilitate/", "/decisions/{decision}/outcome"]  # fmt: skip


@pytest.mark.parametrize("view", ["standard", "easyread"])
def test_the_facilitators_plan_and_goal_forms_are_in_welsh(content_copy, view):
    app, _folder = content_copy
    pages = welsh_client(app)
    people = setup_people(app)
    make_terms()
    activity = make_activity(lead_id=people["facilitator"])
    task = make_task(activity)
    offer = make_offer(task, people["member"])
    decision = make_decision(app, opens=-9, closes=-1)
    sign_in(pages, "Fair Kestrel")
    found = {}
    for path in FACILITATOR_PAGES:
        path = path.format(activity=activity, task=task, offer=offer, decision=decision)
        if english := english_outside_marked_parts(pages.get(f"{path}?view={view}")):
            found[path] = english
    assert not found, found


def test_a_welsh_survey_that_has_fallen_behind_is_not_used(welsh_plan, content_copy):
    """A question added to the English only: the Welsh file no longer fits the answers."""
    pages, _activity = welsh_plan
    _app, folder = content_copy
    welsh = folder / "content" / "cy" / "surveys" / "feelings.toml"
    welsh.write_text(welsh.read_text().replace('key = "worth-it"', 'key = "worth-it-2"'))
    welcome = pages.get("/survey/welcome")
    title = welcome.select_one("main h1.question")  # the survey's title, in English
    assert (
        title.select_one("span[lang=en][dir=ltr]").get_text(strip=True)
        == "How is taking part going for you?"
    )
    assert not english_outside_marked_parts(welcome)
    pages.submit("/survey/welcome", {})
    page = pages.get("/survey/listened-to")
    question = page.select_one("main h1.question")
    assert question.get_text(" ", strip=True) == "Do you feel listened to in your community?"
    # The English is marked as English, for screen readers and Listen; the page is Welsh.
    assert question.select_one("span[lang=en][dir=ltr]") is not None
    choices = page.select("main .choice__label")
    assert choices and all(label.select_one("span[lang=en]") for label in choices)
    assert not english_outside_marked_parts(page)
    pages.submit("/survey/listened-to", {"answer": "yes"})
    for turn in SURVEY_TURNS[1:]:
        pages.submit(f"/survey/{turn}", {"skip": "skip"})
    check = pages.get("/survey/check")
    rows = check.select("main .check-answers__row")
    assert len(rows) == len(SURVEY_TURNS)
    for row in rows:  # each question, and the hidden words after "Change", marked English
        assert row.select_one("dt > span[lang=en][dir=ltr]") is not None
        assert row.select_one(".check-answers__change .visually-hidden span[lang=en]")
    first = rows[0].select_one(".check-answers__answer span[lang=en]")
    assert first is not None and first.get_text(strip=True) == "Yes, mostly"
    assert not rows[1].select_one(".check-answers__answer [lang]")  # "Skipped" is Welsh
    assert not english_outside_marked_parts(check)


MEETING_PAGES = ["/meetings/", "/meetings/{coming}", "/meetings/{coming}/agenda",
                 "/meetings/{coming}/people", "/meetings/{held}", "/meetings/{held}/attendance",
                 "/meetings/{held}/notes/write/", "/meetings/plan/", "/account"]  # fmt: skip


@pytest.mark.parametrize("view", ["standard", "easyread"])
def test_the_meeting_pages_are_in_welsh(content_copy, view):
    app, _folder = content_copy
    pages = welsh_client(app)
    setup_people(app)
    coming = make_meeting(items=[("Quiet rooms", False), ("Hard news", True)])
    held = make_meeting(days=-3)
    sign_in(pages, "Fair Kestrel")
    found = {}
    for path in MEETING_PAGES:
        path = path.format(coming=coming, held=held)
        response = pages.client.get(f"{path}?view={view}", follow_redirects=True)
        assert response.status_code == 200, path
        soup = BeautifulSoup(response.data, "html.parser")
        assert soup.h1.get_text(strip=True) != "Mewngofnodi", path  # not sent to sign in
        if english := english_outside_marked_parts(soup):
            found[path] = english
    assert not found, found
