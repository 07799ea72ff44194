"""Changing a decision in a real browser, with JavaScript and without: check answers filled
in from the decision, a turn, a mistake, saving; before any view and after one. Focus, the
live region and axe at each step; screenshots of the pages in both variants and widths."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.views.facilitation_helpers import make_member
from webapp.extensions import db

from .conftest import SCREENSHOTS, WIDTHS
from .helpers import axe_violations, axe_violations_of_page_without_js, check_arrival, settle
from .test_decisions import context_for, press

pytestmark = pytest.mark.browser
TODAY = dt.date(2026, 12, 1)
FACILITATOR = "Mending Facilitator"
VOTER = "Mending Voter"


@pytest.fixture(scope="module")
def changing(live_app):
    from webapp.agreements.service import record_consent, required_agreements
    from webapp.decisions.models import Decision, View
    from webapp.models import Community, Member

    live_app.config["TODAY"] = TODAY
    with live_app.test_request_context(), db.connection_context():
        for name, role, facilitates in [(FACILITATOR, "facilitator", ["people"]),
                                        (VOTER, "member", [])]:  # fmt: skip
            member = Member.get_by_id(make_member(name, "people", role, facilitates))
            for agreement in required_agreements(member):
                record_consent(member, agreement, [p.key for p in agreement.principles])
        people = Community.by_slug("people")

        def decision(title, with_view):
            made = Decision.create(
                title=title, proposal="Every meeting has a quiet room.",
                proposal_easy="We want a quiet room.", why="Meetings are loud.",
                why_easy="Meetings can be loud.", principles="participation",
                opens_on=TODAY - dt.timedelta(days=1), closes_on=TODAY + dt.timedelta(days=7),
                announced=True,
            )  # fmt: skip
            made.set_communities({people.id})
            if with_view:
                View.give(made, Member.by_name(VOTER), {"level": "endorse", "community": people.id,
                                                        "regular": True, "reason": "", "question": ""})  # fmt: skip
            return made.id

        ids = {
            (js, views): decision(f"Room {js} {views}", views)
            for js in (True, False)
            for views in (False, True)
        }
        ids["shots"] = decision("Room for pictures", True)
        ids["shots-before"] = decision("Room before views", False)
    yield ids
    live_app.config["TODAY"] = None


def arrive(browser, page, path, js, error=False):
    check_arrival(page, path, js=js, error=error)
    if not js:
        assert axe_violations_of_page_without_js(browser, page) == [], path


def open_change(browser, page, base_url, decision_id, js, easy=False):
    page.goto(f"{base_url}/decisions/{decision_id}")
    settle(page, f"/decisions/{decision_id}", js)
    page.get_by_role(
        "link", name="Change this question" if easy else "Change this decision"
    ).click()
    arrive(browser, page, f"/decisions/{decision_id}/change/check", js)


def put_right(browser, page, js, path, box, wrong, right, button="Continue"):
    """A mistake first (kept as typed, the summary focused), then the answer put right."""
    page.locator(box).fill(wrong)
    press(page, button)
    arrive(browser, page, path, js, error=True)
    assert page.locator(box).input_value() == wrong
    page.locator(box).fill(right)
    press(page, button)
    arrive(browser, page, path.rsplit("/", 1)[0] + "/check", js)


def save(page, decision_id, js) -> str:
    press(page, "Save the changes")
    settle(page, f"/decisions/{decision_id}", js)
    return page.locator("main").inner_text()


def change_link(page, what):
    page.locator(".check-answers__change a", has_text=what).click()


@pytest.mark.parametrize("js", [True, False], ids=["javascript", "no-javascript"])
def test_before_any_view_the_title_changes(browser, base_url, changing, js):
    decision_id = changing[(js, False)]
    base = f"/decisions/{decision_id}/change"
    context, page = context_for(browser, base_url, FACILITATOR, width=1280 if js else 320, js=js)
    open_change(browser, page, base_url, decision_id, js)
    assert "Nobody has given a view yet" in page.locator("main").inner_text()
    page.get_by_role("link", name="Back").click()  # back to the decision itself
    arrive(browser, page, f"/decisions/{decision_id}", js)
    page.get_by_role("link", name="Change this decision").click()
    arrive(browser, page, f"{base}/check", js)
    change_link(page, "the title")
    arrive(browser, page, f"{base}/title", js)
    assert page.locator("#title").input_value() == f"Room {js} False"  # as it is now
    put_right(browser, page, js, f"{base}/title", "#title", "", "A calm room at meetings")
    assert "A calm room at meetings" in page.locator("main").inner_text()
    text = save(page, decision_id, js)
    assert "The changes are saved." in text and "A calm room at meetings" in text
    assert "Changed on Tuesday 1 December 2026." in text
    context.close()


@pytest.mark.parametrize("js", [True, False], ids=["javascript", "no-javascript"])
def test_after_a_view_only_a_later_closing_day(browser, base_url, changing, js):
    decision_id = changing[(js, True)]
    base = f"/decisions/{decision_id}/change"
    context, page = context_for(
        browser, base_url, FACILITATOR, variant="easyread", width=320 if js else 1280, js=js
    )
    open_change(browser, page, base_url, decision_id, js, easy=True)
    text = page.locator("main").inner_text()
    assert "People have answered already. So the idea stays the same." in text
    assert page.locator(".check-answers__change a", has_text="the name").count() == 0
    change_link(page, "the last day")
    arrive(browser, page, f"{base}/closes", js)
    put_right(browser, page, js, f"{base}/closes", "#closes_on", "2026-12-03", "2026-12-20", "Next")
    text = save(page, decision_id, js)
    assert "We saved the changes." in text and "We changed it on" in text
    assert "20 December" in text
    context.close()


@pytest.mark.screenshots
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_screenshots_of_changing_a_decision(browser, base_url, changing, variant, width):
    from webapp.decisions.models import Decision

    folder = SCREENSHOTS / "decisions"
    folder.mkdir(parents=True, exist_ok=True)
    context, page = context_for(browser, base_url, FACILITATOR, variant, width)
    for key, name in [("shots-before", "change-before-views"), ("shots", "change-after-views")]:
        page.goto(f"{base_url}/decisions/{changing[key]}/change/check")
        settle(page, f"/decisions/{changing[key]}/change/check")
        assert axe_violations(page) == []
        page.screenshot(path=folder / f"{name}-{variant}-{width}.png", full_page=True)
    base = f"/decisions/{changing['shots']}/change"
    page.goto(f"{base_url}{base}/closes?change=1")
    page.locator("#closes_on").fill("2026-11-20")
    press(page, "Next" if variant == "easyread" else "Continue")
    check_arrival(page, f"{base}/closes", error=True)
    page.screenshot(path=folder / f"change-closes-error-{variant}-{width}.png", full_page=True)
    with db.connection_context():  # a day later than it is now, for each screenshot's run
        later = Decision.get_by_id(changing["shots"]).closes_on + dt.timedelta(days=1)
    page.locator("#closes_on").fill(later.isoformat())
    press(page, "Next" if variant == "easyread" else "Continue")
    settle(page, f"{base}/check")
    text = save(page, changing["shots"], True)
    assert "Changed on" in text or "We changed it on" in text
    page.screenshot(path=folder / f"change-saved-{variant}-{width}.png", full_page=True)
    context.close()
