"""Surveys and "How are we doing?" in a real browser: a member answers a wave with
JavaScript, without it, with the keyboard only and in easy read; a facilitator reads the
results and sets a goal. Every page and error state passes axe in both variants at 320 and
1280 px, with the question on the first screen."""

from __future__ import annotations

import itertools

import pytest

from webapp import clock
from webapp.agreements.service import record_consent, required_agreements
from webapp.extensions import db
from webapp.models import Community, Member
from webapp.plans.models import DONE, ON_TRACK, Activity
from webapp.surveys.models import Goal, SurveyAnswer, SurveyAnswered
from webapp.surveys.waves import add_months

from ..views.facilitation_helpers import PASSWORD, make_member
from .conftest import SCREENSHOTS, WIDTHS
from .helpers import axe_violations, check_arrival, has_horizontal_scroll, sign_in
from .journeys import h1_top
from .test_stories_share import tab_to_button, tab_to_id

pytestmark = pytest.mark.browser
QUESTIONS = ["listened-to", "safe-to-share", "influence", "worth-it", "one-thing"]
FACILITATOR = "Goal Gannet"
ACTIVITIES = ("Accessible meeting rooms", "An easy read guide to complaints")
TIED_GOAL = "Every meeting room is step-free"
_names = itertools.count(1)


@pytest.fixture(scope="module")
def results(live_app):
    """Answers in Advocates (enough to show; nobody else answers there) and in Staff (too
    few), and a facilitator of Advocates."""
    with live_app.app_context(), db.connection_context():
        exists = Member.by_name(FACILITATOR)
    if not exists:
        agreed_member(live_app, FACILITATOR, "advocates", "facilitator", ["advocates"])
    with live_app.app_context(), db.connection_context():
        if (
            not SurveyAnswer.select()
            .where(SurveyAnswer.community == Community.by_slug("staff"))
            .exists()
        ):
            today = add_months(clock.today(), -1)  # a month is shown once it is over
            people, staff = Community.by_slug("advocates"), Community.by_slug("staff")
            for n in range(10):  # 5 said yes; the other 5 together are enough to show it
                said = "yes" if n < 5 else "sometimes" if n < 8 else "no"
                one = {"listened-to": said, "safe-to-share": "yes",
                       "influence": "sometimes", "one-thing": f"Meetings nearer the bus {n}"}  # fmt: skip
                SurveyAnswer.record_rows(people, 3, one, today)
            for _ in range(2):
                SurveyAnswer.record_rows(staff, 3, {"listened-to": "yes"}, today)
    plan_and_tied_goal(live_app)
    return FACILITATOR


def plan_and_tied_goal(live_app) -> None:
    """Two activities in the plan of Advocates (one done), and a realistic goal tied to
    both, so the pages show a goal part-way there."""
    with live_app.app_context(), db.connection_context():
        advocates = Community.by_slug("advocates")
        if Activity.in_plan(advocates).exists():
            return
        month = clock.today().replace(day=1)
        made = [Activity.create(community=advocates, title=title, about="Why we do it.",
                                starts=month, due=month, status=status)
                for title, status in zip(ACTIVITIES, (ON_TRACK, DONE), strict=True)]  # fmt: skip
        goal = Goal.create(community=advocates, kind=Goal.REALISTIC, plain=TIED_GOAL,
                           easy="We meet where everyone can get in", review_on=month)  # fmt: skip
        goal.tie_to([a.id for a in made])


def activity_id(live_app, title: str) -> int:
    with live_app.app_context(), db.connection_context():
        return Activity.get(Activity.title == title).id


def agreed_member(live_app, name: str, *args) -> int:
    """A member who has agreed to the current agreements, so sign-in goes to their account."""
    with live_app.test_request_context():
        member_id = make_member(name, *args)
        with db.connection_context():
            member = Member.get_by_id(member_id)
            for agreement in required_agreements(member):
                record_consent(member, agreement, [p.key for p in agreement.principles])
    return member_id


def due_member(live_app, community: str = "people") -> str:
    """A new member whose 3-month survey is ready today."""
    name = f"Survey Swift {next(_names)}"
    member_id = agreed_member(live_app, name, community)
    with live_app.app_context(), db.connection_context():
        Member.update(joined_on=add_months(clock.today(), -3)).where(
            Member.id == member_id
        ).execute()
    return name


def open_as(browser, base_url, name, variant="standard", width=1280, js=True):
    context = browser.new_context(
        viewport={"width": width, "height": 640 if width == 320 else 900}, java_script_enabled=js
    )
    context.add_cookies([{"name": "view", "value": variant, "url": base_url}])
    page = context.new_page()
    sign_in(page, base_url, name, PASSWORD, js=js)
    return context, page


def press(page, text: str) -> None:
    page.get_by_role("button", name=text, exact=True).click()


def answered_waves(live_app, name: str) -> set[int]:
    with live_app.app_context(), db.connection_context():
        return SurveyAnswered.waves_of(Member.by_name(name))


@pytest.mark.parametrize("js", [True, False], ids=["javascript", "no-javascript"])
def test_a_member_answers_a_wave_skipping_one_question(browser, base_url, live_app, js):
    name = due_member(live_app)
    context, page = open_as(browser, base_url, name, js=js)
    assert "A short survey is ready" in page.locator("main").inner_text()
    page.get_by_role("link", name="Answer the survey").click()
    check_arrival(page, "/survey/", js=js)
    press(page, "Start")
    check_arrival(page, "/survey/listened-to", js=js)
    page.get_by_label("Yes, mostly").check()
    press(page, "Continue")
    check_arrival(page, "/survey/safe-to-share", js=js)
    press(page, "Skip this question")
    check_arrival(page, "/survey/influence", js=js)
    page.get_by_label("Sometimes").check()
    press(page, "Continue")
    check_arrival(page, "/survey/worth-it", js=js)
    page.get_by_label("No, not really").check()
    press(page, "Continue")
    check_arrival(page, "/survey/one-thing", js=js)
    page.locator("#answer").fill("Papers a week before meetings.")
    press(page, "Continue")
    check_arrival(page, "/survey/check", js=js)
    summary = page.locator("main").inner_text()
    assert "Yes, mostly" in summary and "Skipped" in summary and "Papers a week" in summary
    press(page, "Send my answers")
    check_arrival(page, "/surveys/thank-you", js=js)
    assert answered_waves(live_app, name) == {3}
    context.close()


def test_a_member_answers_with_the_keyboard_only(browser, base_url, live_app):
    name = due_member(live_app)
    context, page = open_as(browser, base_url, name)
    page.goto(base_url + "/survey/")
    tab_to_button(page, "Start")
    page.keyboard.press("Enter")
    check_arrival(page, "/survey/listened-to")
    for key in QUESTIONS[:4]:
        tab_to_id(page, "answer-0")
        page.keyboard.press("ArrowDown")  # the second answer: Sometimes
        assert page.locator("#answer-1").is_checked()
        tab_to_button(page, "Continue")
        page.keyboard.press("Enter")
        following = QUESTIONS[QUESTIONS.index(key) + 1]
        check_arrival(page, f"/survey/{following}")
    tab_to_button(page, "Skip this question")
    page.keyboard.press("Enter")
    check_arrival(page, "/survey/check")
    tab_to_button(page, "Send my answers")
    page.keyboard.press("Enter")
    check_arrival(page, "/surveys/thank-you")
    assert answered_waves(live_app, name) == {3}
    context.close()


def test_a_member_answers_in_easy_read_with_faces_and_words(browser, base_url, live_app):
    name = due_member(live_app)
    context, page = open_as(browser, base_url, name, variant="easyread", width=320)
    page.goto(base_url + "/survey/")
    press(page, "Start")
    check_arrival(page, "/survey/listened-to")
    assert page.locator("h1").inner_text() == "Do people in your group listen to you?"
    labels = page.locator("label.choice__label")
    assert labels.all_inner_texts() == ["Yes", "Sometimes", "No"]
    assert page.locator("label.choice__label img[src*='faces/']").count() == 3  # faces WITH words
    page.get_by_label("Yes").check()
    press(page, "Next")
    for turn in QUESTIONS[1:]:
        check_arrival(page, f"/survey/{turn}")
        press(page, "Skip this question")
    check_arrival(page, "/survey/check")
    assert page.locator("main").inner_text().count("You did not answer") == 4
    press(page, "Send my answers")
    check_arrival(page, "/surveys/thank-you")
    context.close()


def test_a_facilitator_reads_the_results_and_sets_a_goal(browser, base_url, results):
    context, page = open_as(browser, base_url, results)
    page.goto(base_url + "/how-are-we-doing/advocates")
    text = page.locator("main").inner_text()
    assert "10 members answered." in text and "Meetings nearer the bus" in text
    assert page.locator("table.survey-table").count() == 1
    page.get_by_role("link", name="Set a goal").click()
    check_arrival(page, "/how-are-we-doing/advocates/goals/new")
    assert page.get_by_label("The goal in plain English").count() == 0  # the kind comes first
    press(page, "Continue")
    check_arrival(page, "/how-are-we-doing/advocates/goals/new", error=True)
    page.get_by_label("How members feel, measured by the survey").check()
    press(page, "Continue")  # only the mood goal's fields, under a new heading
    check_arrival(page, "/how-are-we-doing/advocates/goals/new")
    assert page.locator("h1").inner_text() == "Set a mood goal for Advocates and Campaigners"
    assert page.locator("input[name=activities]").count() == 0
    press(page, "Set this goal")
    check_arrival(page, "/how-are-we-doing/advocates/goals/new", error=True)
    page.get_by_label("The goal in plain English").fill("8 in 10 members feel listened to")
    page.get_by_label("The goal in easy read").fill("Most people feel we listen")
    page.get_by_label("Do you feel listened to in your community?").check()
    page.locator("#target-7").check()  # 8 in 10
    page.get_by_label("In 6 months").check()
    press(page, "Set this goal")
    page.wait_for_url(base_url + "/how-are-we-doing/advocates")
    goal = page.locator(".survey-goal", has_text="8 in 10 members feel listened to")
    # Set today: last month's answers were given before it, so they cannot meet it.
    assert "Not enough answers yet to show safely whether it is met." in goal.inner_text()
    assert goal.locator("table").count() == 1 and goal.locator("svg[role=img]").count() == 1
    assert axe_violations(page) == []
    context.close()


@pytest.mark.parametrize("js", [True, False], ids=["javascript", "no-javascript"])
def test_a_facilitator_sets_a_realistic_goal_tied_to_an_activity(
    browser, base_url, live_app, results, js
):
    context, page = open_as(browser, base_url, results, js=js)
    page.goto(base_url + "/how-are-we-doing/advocates/goals/new")

    def same_address(act) -> None:
        """Each step posts to the page's own address: without JavaScript, wait for the new
        page to load (the address alone cannot show it arrived)."""
        if js:
            act()
        else:
            with page.expect_navigation():
                act()
        check_arrival(page, "/how-are-we-doing/advocates/goals/new", js=js)

    page.get_by_label("Something done, such as an activity in the action plan").check()
    same_address(lambda: press(page, "Continue"))
    words = f"Complaints are easy to make ({'with' if js else 'without'} JavaScript)"
    page.get_by_label("The goal in plain English").fill(words)
    # To the kind and back again with the keyboard: what was typed is kept.
    page.get_by_role("button", name="Change the kind of goal").focus()
    same_address(lambda: page.keyboard.press("Enter"))
    assert page.get_by_label("The goal in plain English").count() == 0
    page.get_by_role("button", name="Continue").focus()
    same_address(lambda: page.keyboard.press("Enter"))
    assert page.get_by_label("The goal in plain English").input_value() == words
    assert page.locator("input[name=question]").count() == 0
    page.get_by_label("The goal in easy read").fill("Complaints are easy")
    page.get_by_label(ACTIVITIES[1], exact=False).check()
    page.get_by_label("In 3 months").check()
    press(page, "Set this goal")
    page.wait_for_url(base_url + "/how-are-we-doing/advocates")
    goal = page.locator(".survey-goal", has_text=words)
    text = " ".join(goal.inner_text().split())
    assert "Met: every activity it depends on is done." in text
    goal.get_by_role("link", name=ACTIVITIES[1]).click()
    check_arrival(page, f"/plan/activities/{activity_id(live_app, ACTIVITIES[1])}", js=js)
    serves = page.locator("section.activity-goals")
    assert serves.get_by_role("link", name=words).count() == 1
    context.close()


def pages_to_check(page, base_url):
    """Every survey page and error state, visited in turn: yields each path once it is there."""
    page.goto(base_url + "/account")  # "A short survey is ready"
    yield "/account"
    page.goto(base_url + "/survey/")
    yield "/survey/"
    press(page, "Start")
    for turn in QUESTIONS:
        page.wait_for_url(f"**/survey/{turn}")
        yield f"/survey/{turn}"
        if turn == "one-thing":  # the one error a survey has: too many words
            page.locator("#answer").fill("word " * 400)
            page.locator("main form button[type=submit]").first.click()  # Continue, or Next
            page.wait_for_selector("#error-summary")
            yield "/survey/one-thing (error)"
        press(page, "Skip this question")
    page.wait_for_url("**/survey/check")
    yield "/survey/check"
    page.get_by_role("button", name="Send my answers").click()
    page.wait_for_url("**/surveys/thank-you")
    yield "/surveys/thank-you"
    page.goto(base_url + "/survey/")  # answered: nothing more to answer now
    yield "/survey/ (answered)"
    for path in ("/how-are-we-doing/advocates", "/how-are-we-doing/staff",
                 "/how-are-we-doing/advocates/goals/new"):  # fmt: skip
        page.goto(base_url + path)
        yield path
    page.locator("main form button[type=submit]").first.click()  # Continue, with no kind
    page.wait_for_selector("#error-summary")
    yield "/how-are-we-doing/advocates/goals/new (error)"
    for kind in ("mood", "realistic"):
        page.locator(f"input[name=kind][value={kind}]").check()
        page.locator("main form button[type=submit]").first.click()  # Continue
        page.wait_for_selector("input[name=review]")
        yield f"/how-are-we-doing/advocates/goals/new ({kind})"
        page.locator("main form button[type=submit]").first.click()  # Set this goal
        page.wait_for_selector("#error-summary")
        yield f"/how-are-we-doing/advocates/goals/new ({kind} error)"
        page.locator("main form button[type=submit]").last.click()  # Change the kind
        page.wait_for_selector("input[name=kind][type=radio]")
    page.goto(base_url + "/how-are-we-doing/advocates")
    tied = page.locator(
        ".survey-goal", has=page.locator("ul.goal-activities", has_text=ACTIVITIES[0])
    )
    tied.get_by_role("link", name=ACTIVITIES[0]).click()
    page.wait_for_selector("section.activity-goals")
    yield "/plan/activities/goals-it-serves"
    page.goto(base_url + "/how-are-we-doing/advocates")
    tied.locator("a[href$='/activities']").click()
    page.wait_for_url("**/goals/*/activities")
    yield "/how-are-we-doing/advocates/goals/activities"
    # A box whose activity has left the plan since the page was drawn: the error keeps
    # the other boxes as they were.
    page.locator("input[name=activities]").first.evaluate("box => { box.value = '999999'; }")
    page.locator("main form button[type=submit]").first.click()  # Save the activities, or Save
    page.wait_for_selector("#error-summary")
    yield "/how-are-we-doing/advocates/goals/activities (error)"


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_every_survey_page_passes_axe(browser, base_url, live_app, results, variant, width):
    name = due_member(live_app)
    with live_app.app_context(), db.connection_context():  # a member who also sets goals
        member = Member.by_name(name)
        member.role = "admin"
        member.save()
    context, page = open_as(browser, base_url, name, variant, width)
    problems = {}
    for path in pages_to_check(page, base_url):
        found = axe_violations(page)
        if width == 320 and has_horizontal_scroll(page):
            found.append("scrolls sideways at 320 px")
        if width == 320 and "error)" not in path and h1_top(page, js=True) >= 640:
            found.append("the h1 is not on the first screen at 320 × 640")
        if found:
            problems[path] = found
    context.close()
    assert not problems, problems


@pytest.mark.screenshots
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_screenshots_of_the_survey_pages(browser, base_url, live_app, results, variant, width):
    name = due_member(live_app)
    with live_app.app_context(), db.connection_context():
        member = Member.by_name(name)
        member.role = "admin"
        member.save()
    context, page = open_as(browser, base_url, name, variant, width)
    folder = SCREENSHOTS / "surveys"
    folder.mkdir(parents=True, exist_ok=True)
    for path in pages_to_check(page, base_url):
        slug = path.strip("/").replace("/", "-").replace(" (", "-").rstrip(")") or "survey"
        page.screenshot(path=folder / f"{slug}-{variant}-{width}.png", full_page=True)
    context.close()
