"""The plan and the survey read in Welsh: a crawl of their pages, signed in, finds no
English outside people's own words, and the survey asks its questions in Welsh."""

from __future__ import annotations

import pytest

from tests.conftest import PageClient
from tests.views.facilitation_helpers import setup_people, sign_in
from tests.views.plan_helpers import make_activity, make_task, make_terms
from tests.views.test_surveys import joined
from tests.views.test_welsh import english_outside_marked_parts

PLAN_PAGES = ["/plan/people", "/plan/people/terms", "/plan/people/terms/versions",
              "/plan/people/changes", "/plan/people/print", "/plan/activities/{activity}",
              "/how-are-we-doing/people", "/agreements/charter", "/survey/welcome"]  # fmt: skip
SURVEY_TURNS = ["listened-to", "safe-to-share", "influence", "worth-it", "one-thing"]


@pytest.fixture
def welsh_plan(content_copy):
    app, _folder = content_copy
    client = app.test_client()
    client.set_cookie("lang", "cy")
    pages = PageClient(client)
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
