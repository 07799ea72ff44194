"""Decisions in a real browser: a facilitator opens one; members give views with
JavaScript, without it, with the keyboard alone and in easy read; the results after
closing and the outcome. axe on every turn and every error state, at 320 and 1280 px."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.views.facilitation_helpers import PASSWORD, make_member
from tests.views.plan_helpers import PARTS
from webapp.extensions import db

from .conftest import SCREENSHOTS, WIDTHS
from .helpers import (
    axe_violations,
    axe_violations_of_page_without_js,
    has_horizontal_scroll,
    settle,
    sign_in,
)
from .helpers import check_arrival as check_turn
from .journeys import h1_top
from .test_stories_share import tab_to_button, tab_to_id

pytestmark = pytest.mark.browser
TODAY = dt.date(2026, 12, 1)
FACILITATOR = "Steady Facilitator"
VOTERS = [f"Browser Voter {c}" for c in "ABCDEFG"]
CLOSED_VIEWS = ["endorse"] * 5 + ["reservations"] * 5 + ["block"]


@pytest.fixture(scope="module")
def decisions(live_app):
    from webapp.agreements.service import record_consent, required_agreements
    from webapp.decisions.models import Decision, View
    from webapp.models import Community, Member
    from webapp.plans.models import TermsVersion

    live_app.config["TODAY"] = TODAY
    names = [FACILITATOR, *VOTERS, *[f"Closed Voter {n}" for n in range(len(CLOSED_VIEWS))]]
    with live_app.test_request_context(), db.connection_context():
        for name in names:
            facilitates = ["people"] if name == FACILITATOR else []
            role = "facilitator" if facilitates else "member"
            member = Member.get_by_id(make_member(name, "people", role, facilitates))
            for agreement in required_agreements(member):
                record_consent(member, agreement, [p.key for p in agreement.principles])
        people = Community.by_slug("people")
        # Terms of reference, so opening a decision shows the scope reminder.
        terms = TermsVersion.add(
            people, PARTS, TODAY + dt.timedelta(days=300), Member.by_name(FACILITATOR)
        )

        def decision(title, opens, closes):
            made = Decision.create(
                title=title, proposal="Every in-person meeting has a quiet room.",
                proposal_easy="We want a quiet room at meetings.", why="Meetings are loud.",
                why_easy="Meetings can be loud.", principles="participation empowerment",
                opens_on=TODAY + dt.timedelta(days=opens),
                closes_on=TODAY + dt.timedelta(days=closes), announced=True,
                reasons_required=True,
            )  # fmt: skip
            made.set_communities({people.id})
            return made

        open_one = decision("A quiet room at meetings", -1, 10)
        closed = decision("Meetings in the evening", -20, 20)  # closes later in the module
        for n, key in enumerate(CLOSED_VIEWS):
            member = Member.by_name(f"Closed Voter {n}")
            View.give(closed, member, {"level": key, "community": people.id, "regular": True,
                                       "reason": f"Reason number {n}.", "question": ""})  # fmt: skip
        ids = {"open": open_one.id, "closed": closed.id}
    yield ids
    live_app.config["TODAY"] = None
    with live_app.app_context(), db.connection_context():
        terms.delete_instance()  # the plan's tests write People's terms of reference afresh


def context_for(browser, base_url, name, variant="standard", width=1280, js=True):
    context = browser.new_context(viewport={"width": width, "height": 640 if width == 320 else 900},
                                  java_script_enabled=js)  # fmt: skip
    context.add_cookies([{"name": "view", "value": variant, "url": base_url}])
    page = context.new_page()
    sign_in(page, base_url, name, PASSWORD, js=js)
    return context, page


def press(page, name):
    page.get_by_role("button", name=name).click()


def arrive(browser, page, path, js=True, error=False):
    if js:
        check_turn(page, path, error=error)
    else:
        check_turn(page, path, js=False, error=error)
        assert axe_violations_of_page_without_js(browser, page) == [], path


def give_a_view(browser, page, decision_id, js, door, level, reason, easy=False):
    base = f"/decisions/{decision_id}/view"
    page.goto(f"{page.url.split('/', 3)[0]}//{page.url.split('/')[2]}{base}/")
    settle(page, f"{base}/proposal", js)  # a page load: focus starts at the top, as usual
    assert (axe_violations(page) if js else axe_violations_of_page_without_js(browser, page)) == []
    press(page, "Give my answer" if easy else "Give my view")
    arrive(browser, page, f"{base}/door", js)
    press(page, "Next" if easy else "Continue")  # nothing chosen
    arrive(browser, page, f"{base}/door", js, error=True)
    page.locator(f"input[name=door][value={door}]").check()
    press(page, "Next" if easy else "Continue")
    arrive(browser, page, f"{base}/level", js)
    page.locator(f"input[name=level][value={level}]").check()
    press(page, "Next" if easy else "Continue")
    reason_turn = "reason_required" if door == "no" else "reason"
    arrive(browser, page, f"{base}/{reason_turn}", js)
    if reason_turn == "reason_required":
        press(page, "Next" if easy else "Continue")  # a reason is needed for a block
        arrive(browser, page, f"{base}/{reason_turn}", js, error=True)
    page.locator("#reason").fill(reason)
    press(page, "Next" if easy else "Continue")
    arrive(browser, page, f"{base}/check", js)
    press(page, "Send my answer" if easy else "Send my view")
    settle(page, f"/decisions/{decision_id}", js)
    return page


@pytest.mark.parametrize("js", [True, False], ids=["javascript", "no-javascript"])
def test_members_give_views_with_and_without_javascript(browser, base_url, decisions, js):
    name = VOTERS[0] if js else VOTERS[1]
    context, page = context_for(browser, base_url, name, width=1280 if js else 320, js=js)
    give_a_view(browser, page, decisions["open"], js, "no", "block", "It is not safe for me.")
    text = page.locator("main").inner_text()
    assert "Your view is saved" in text and "8. Block" in text and "Only you can see this" in text
    if not js:
        assert axe_violations_of_page_without_js(browser, page) == []
    context.close()


def test_a_member_gives_a_view_with_the_keyboard_alone(browser, base_url, decisions):
    context, page = context_for(browser, base_url, VOTERS[2])
    base = f"/decisions/{decisions['open']}/view"
    page.goto(base_url + base + "/")
    settle(page, f"{base}/proposal")
    assert axe_violations(page) == []
    tab_to_button(page, "Give my view")
    page.keyboard.press("Enter")
    check_turn(page, f"{base}/door")
    tab_to_id(page, "door-0")
    page.keyboard.press("ArrowDown")  # Yes, with doubts
    assert page.locator("#door-1").is_checked()
    tab_to_button(page, "Continue")
    page.keyboard.press("Enter")
    check_turn(page, f"{base}/level")
    tab_to_id(page, "level-0")
    page.keyboard.press("Space")
    tab_to_button(page, "Continue")
    page.keyboard.press("Enter")
    check_turn(page, f"{base}/reason")
    tab_to_id(page, "reason")
    page.keyboard.type("Only if the room is step-free.")
    tab_to_button(page, "Continue")
    page.keyboard.press("Enter")
    check_turn(page, f"{base}/check")
    tab_to_button(page, "Send my view")
    page.keyboard.press("Enter")
    settle(page, f"/decisions/{decisions['open']}")
    assert "3. Support with reservations" in page.locator("main").inner_text()
    context.close()


def test_a_member_gives_a_view_in_easy_read_on_a_phone(browser, base_url, decisions):
    context, page = context_for(browser, base_url, VOTERS[3], variant="easyread", width=320)
    give_a_view(
        browser, page, decisions["open"], True, "yes", "endorse", "Quiet is good.", easy=True
    )
    assert page.locator("img[src*=level-1]").count() == 1  # the picture beside their answer
    main = page.locator("main").inner_text()
    assert "Thank you. We have your answer." in main and "1. I really like it" in main
    context.close()


def test_a_facilitator_opens_a_decision(browser, base_url, decisions):
    context, page = context_for(browser, base_url, FACILITATOR, width=320)
    page.goto(base_url + "/decisions/")
    page.get_by_role("link", name="Open a decision").click()
    check_turn(page, "/decisions/new/title")
    press(page, "Continue")
    check_turn(page, "/decisions/new/title", error=True)
    page.locator("#title").fill("Tea and biscuits at meetings")
    press(page, "Continue")
    check_turn(page, "/decisions/new/proposal")
    page.locator("#proposal").fill("We buy tea and biscuits for every meeting.")
    page.locator("#why").fill("People asked for it.")
    press(page, "Continue")
    check_turn(page, "/decisions/new/easy")
    page.locator("#proposal_easy").fill(
        "We want to buy three kinds of biscuits for every single meeting we hold."
    )
    page.locator("#why_easy").fill("People asked.")
    press(page, "Continue")
    check_turn(page, "/decisions/new/hints")
    assert "Write numbers as digits" in page.locator("main").inner_text()
    page.locator("#proposal_easy").fill("We want to buy biscuits for meetings.")
    press(page, "Save my changes")
    check_turn(page, "/decisions/new/principles")
    page.get_by_label("Participation").check()
    press(page, "Continue")
    check_turn(page, "/decisions/new/who")
    assert page.get_by_label("People").is_checked()  # their one community, chosen for them
    press(page, "Continue")
    check_turn(page, "/decisions/new/scope")
    assert "Pay: the unions" in page.locator("aside.scope-reminder").inner_text()
    page.get_by_label("Letters").check()
    press(page, "Continue")
    check_turn(page, "/decisions/new/dates")
    page.locator("#opens_on").fill("2026-12-01")
    page.locator("#closes_on").fill("2026-12-11")
    press(page, "Continue")
    for turn, label in [("method", "A quick check: I agree, I'm not sure, I disagree"),
                        ("reasons", "Reasons are optional"), ("results", "After it closes (recommended)"),
                        ("naming", "Anonymous: nobody sees who said what (recommended)"),
                        ("counts", "Everyone asked")]:  # fmt: skip
        check_turn(page, f"/decisions/new/{turn}")
        page.get_by_label(label).check()
        press(page, "Continue")
    check_turn(page, "/decisions/new/check")
    assert "We want to buy biscuits for meetings." in page.locator(".check-answers").inner_text()
    press(page, "Open the decision")
    page.wait_for_url(lambda url: "/decisions/new" not in url)
    main = page.locator("main").inner_text()
    assert "Tea and biscuits at meetings" in main and "Closes on Friday 11 December 2026" in main
    assert "Part of the group's work on: Letters" in main
    assert axe_violations(page) == []
    context.close()


def closed(live_app, decisions):
    live_app.config["TODAY"] = TODAY + dt.timedelta(days=21)


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_the_results_after_closing(browser, base_url, live_app, decisions, variant, width):
    closed(live_app, decisions)
    context, page = context_for(browser, base_url, VOTERS[4], variant, width)
    page.goto(base_url + f"/decisions/{decisions['closed']}")
    assert axe_violations(page) == [], (variant, width)
    assert not has_horizontal_scroll(page)
    assert h1_top(page, js=True) < 320
    main = page.locator("main").inner_text()
    assert (
        "11 people gave their view." if variant == "standard" else "11 people answered."
    ) in main
    rows = page.locator(".results-table tbody tr")
    assert rows.count() == 9 and "fewer than 5" in rows.nth(7).inner_text()
    assert page.locator(".results-chart svg text").count() >= 8
    context.close()


CHART_BOXES = """() => {
  const edges = el => { const b = el.getBoundingClientRect(); return [b.left, b.right]; };
  const chart = document.querySelector('.results-chart svg');
  return {svg: edges(chart), bars: [...chart.querySelectorAll(':scope > rect')].map(edges),
          words: [...chart.querySelectorAll(':scope > text')].map(edges)};
}"""


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_chart_grows_from_where_the_language_starts(
    browser, base_url, live_app, decisions, lang
):
    closed(live_app, decisions)
    context, page = context_for(browser, base_url, VOTERS[4], "standard", 320)
    context.add_cookies([{"name": "lang", "value": lang, "url": base_url}])
    page.goto(base_url + f"/decisions/{decisions['closed']}")
    boxes = page.evaluate(CHART_BOXES)
    (left, right), start = boxes["svg"], 0 if lang == "en" else 1
    edge = boxes["svg"][start]
    assert boxes["bars"] and all(abs(bar[start] - edge) < 4 for bar in boxes["bars"]), boxes
    assert all(left - 1 <= a and b <= right + 1 for a, b in boxes["words"]), "no words cut off"
    context.close()


def test_the_facilitator_records_the_outcome(browser, base_url, live_app, decisions):
    closed(live_app, decisions)
    context, page = context_for(browser, base_url, FACILITATOR, width=320)
    page.goto(base_url + "/facilitate/people/dashboard")
    page.get_by_role("link", name="Record the outcome of “Meetings in the evening”").click()
    settle(page, f"/decisions/{decisions['closed']}/outcome")
    assert axe_violations(page) == []
    page.get_by_label("Agreed with changes").check()
    press(page, "Save the outcome")
    check_turn(page, f"/decisions/{decisions['closed']}/outcome", error=True)
    for field, words in [("outcome_text", "Every other meeting is at 6pm."),
                         ("outcome_easy", "Some meetings are in the evening."),
                         ("next_steps", "We start in January."), ("next_steps_easy", "We start in January."),
                         ("objections_answer", "Daytime meetings stay too."), ("review_on", "2027-06-01")]:  # fmt: skip
        page.locator(f"#{field}").fill(words)
    press(page, "Save the outcome")
    settle(page, f"/decisions/{decisions['closed']}")
    assert "Daytime meetings stay too." in page.locator("main").inner_text()
    page.goto(base_url + "/decisions/you-said-we-did/people")
    assert axe_violations(page) == []
    context.close()


@pytest.mark.screenshots
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_screenshots_of_decisions(browser, base_url, live_app, decisions, variant, width):
    folder = SCREENSHOTS / "decisions"
    folder.mkdir(parents=True, exist_ok=True)
    context, page = context_for(browser, base_url, VOTERS[5], variant, width)
    live_app.config["TODAY"] = TODAY
    base = f"/decisions/{decisions['open']}/view"
    for path, name in [(f"/decisions/{decisions['open']}", "open"), (f"{base}/proposal", "proposal"),
                       (f"{base}/door", "door")]:  # fmt: skip
        if name != "door":
            page.goto(base_url + path)
        else:
            press(page, "Give my answer" if variant == "easyread" else "Give my view")
            settle(page, path)
            page.screenshot(path=folder / f"{name}-{variant}-{width}.png", full_page=True)
            page.locator("#door-1").check()
            press(page, "Next" if variant == "easyread" else "Continue")
            settle(page, f"{base}/level")
            name = "level"
        page.screenshot(path=folder / f"{name}-{variant}-{width}.png", full_page=True)
    closed(live_app, decisions)
    for path, name in [(f"/decisions/{decisions['closed']}", "results"),
                       ("/decisions/you-said-we-did", "you-said"), ("/decisions/changes", "changes")]:  # fmt: skip
        page.goto(base_url + path)
        page.screenshot(path=folder / f"{name}-{variant}-{width}.png", full_page=True)
    context.close()
