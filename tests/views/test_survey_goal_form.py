"""The goal form in two steps on one page: the kind of goal first, then only the fields
for that kind. Each step posts the whole form, so it works without JavaScript, and going
back to change the kind keeps everything typed."""

from __future__ import annotations

import pytest

from webapp.extensions import db
from webapp.surveys.models import Goal

from .facilitation_helpers import setup_people, sign_in
from .plan_helpers import make_activity
from .test_welsh import english_outside_marked_parts
from .test_welsh_features import welsh_client

NEW = "/how-are-we-doing/people/goals/new"
MOOD_ONLY, REALISTIC_ONLY, BOTH = (
    {"question", "target"},
    {"activities"},
    {"plain", "easy", "review"},
)


def asked(page) -> set[str]:
    """The names of the fields a person can see and fill in (hidden values left out)."""
    form = page.find("main").find("form", method="post")
    inputs = form.find_all(["input", "textarea"])
    return {i["name"] for i in inputs if i.get("type") != "hidden"}


def kept(page) -> dict[str, list[str]]:
    form = page.find("main").find("form", method="post")
    found: dict[str, list[str]] = {}
    for i in form.find_all("input", type="hidden"):
        if i["name"] != "csrf_token":
            found.setdefault(i["name"], []).append(i["value"])
    return found


@pytest.fixture
def facilitator(app, pages):
    setup_people(app)
    activity = make_activity(title="Clear letters")
    sign_in(pages, "Fair Kestrel")
    return activity


@pytest.mark.parametrize("view", ["standard", "easyread"])
def test_the_first_step_asks_only_the_kind(facilitator, pages, view):
    page = pages.get(f"{NEW}?view={view}")
    assert asked(page) == {"kind"}
    buttons = [b.get_text(strip=True) for b in page.find("main").find_all("button")]
    assert buttons == (["Next"] if view == "easyread" else ["Continue"])


@pytest.mark.parametrize(
    ("kind", "heading", "easy_heading", "only", "not_shown"),
    [
        ("mood", "Set a mood goal for People", "Add a goal about how people feel in People",
         MOOD_ONLY, REALISTIC_ONLY),
        ("realistic", "Set a realistic goal for People",
         "Add a goal about something we do in People", REALISTIC_ONLY, MOOD_ONLY),
    ],
)  # fmt: skip
def test_continue_shows_only_the_fields_for_the_kind_chosen(
    facilitator, pages, kind, heading, easy_heading, only, not_shown
):
    page = pages.submit(NEW, {"kind": kind, "choose-kind": "choose-kind"}, status=200)
    assert page.find("h1").get_text(strip=True) == heading
    assert page.title.get_text().startswith(heading)
    assert asked(page) == BOTH | only and not asked(page) & not_shown
    assert kept(page) == {"kind": [kind]}  # the kind goes with the form, unseen
    assert not page.find(id="error-summary")  # nothing is wrong yet
    easy = pages.submit(f"{NEW}?view=easyread", {"kind": kind, "choose-kind": "1"}, status=200)
    assert easy.find("h1").get_text(strip=True) == easy_heading


def test_continue_without_a_kind_says_what_to_do(facilitator, pages):
    page = pages.submit(NEW, {"choose-kind": "choose-kind"}, status=422)
    assert "Choose what kind of goal it is" in page.find(id="error-summary").get_text()
    assert asked(page) == {"kind"}
    with db.connection_context():
        assert Goal.select().count() == 0


def test_changing_the_kind_keeps_everything_typed(facilitator, pages):
    typed = {"kind": "mood", "plain": "Most feel heard", "easy": "People feel heard",
             "question": "listened-to", "target": "8", "review": "6"}  # fmt: skip
    back = pages.submit(NEW, {**typed, "change-kind": "change-kind"}, status=200)
    assert asked(back) == {"kind"}
    assert back.find("input", {"name": "kind", "value": "mood"}).has_attr("checked")
    assert kept(back) == {k: [v] for k, v in typed.items() if k != "kind"}
    realistic = pages.submit(
        NEW, {**typed, "kind": "realistic", "choose-kind": "choose-kind"}, status=200
    )
    assert realistic.find("input", {"name": "plain"})["value"] == "Most feel heard"
    assert realistic.find("input", {"name": "review", "value": "6"}).has_attr("checked")
    assert kept(realistic) == {"kind": ["realistic"], "question": ["listened-to"], "target": ["8"]}
    mood = pages.submit(NEW, {**typed, "choose-kind": "choose-kind"}, status=200)
    assert mood.find("input", {"name": "target", "value": "8"}).has_attr("checked")
    with db.connection_context():
        assert Goal.select().count() == 0  # neither button writes anything


def test_setting_the_goal_after_the_steps(facilitator, pages):
    pages.submit(NEW, {"kind": "realistic", "plain": "Clear letters", "easy": "Easy letters",
                       "activities": [str(facilitator)], "question": "listened-to",
                       "target": "8", "review": "3"})  # fmt: skip
    with db.connection_context():
        goal = Goal.get()
        assert (goal.kind, goal.question, goal.target) == ("realistic", None, None)


@pytest.mark.parametrize("view", ["standard", "easyread"])
@pytest.mark.parametrize("kind", ["mood", "realistic"])
def test_each_step_is_in_welsh(content_copy, view, kind):
    app, _folder = content_copy
    pages = welsh_client(app)
    setup_people(app)
    make_activity(title="Clear letters")
    sign_in(pages, "Fair Kestrel")
    step = pages.submit(f"{NEW}?view={view}", {"kind": kind, "choose-kind": "1"}, status=200)
    back = pages.submit(f"{NEW}?view={view}", {"kind": kind, "change-kind": "1"}, status=200)
    assert not english_outside_marked_parts(step) and not english_outside_marked_parts(back)
