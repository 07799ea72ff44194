"""The group's plan in a browser: every page and error state passes axe in both variants at
320 and 1280 px, signed in as a member, a lead and a facilitator, with the heading on the
first screen; and the journeys: a facilitator writes the terms of reference and an activity,
a member volunteers with the keyboard, the lead confirms and posts a monthly update, and the
member reads what changed. With JavaScript and without, in both variants."""

from __future__ import annotations

import datetime as dt
import itertools
from urllib.parse import urlsplit

import pytest

from webapp.accounts.passwords import hash_password
from webapp.agreements.service import record_consent, required_agreements
from webapp.extensions import db
from webapp.member_records import Facilitation
from webapp.models import Community, Member
from webapp.plans.models import Activity, Offer, Task, TermsVersion, month_of

from .conftest import SCREENSHOTS, WIDTHS
from .helpers import axe_violations, check_arrival, has_horizontal_scroll, sign_in, wait_until
from .journeys import h1_top

pytestmark = pytest.mark.browser
PASSWORD = "copper kettle meadow"
FACILITATOR, LEAD, MEMBER = "Plan Kestrel", "Plan Lark", "Plan Pigeon"
_numbers = itertools.count(1)


def person(name: str, role: str = "member") -> Member:
    member = Member.by_name(name)
    if member is None:
        member = Member.create(
            display_name=name, name_key=Member.fold(name), community=Community.by_slug("people"),
            password_hash=hash_password(PASSWORD), role=role, welcomed_on=dt.date.today(),
        )  # fmt: skip
        for agreement in required_agreements(member):
            record_consent(member, agreement, [p.key for p in agreement.principles])
        if role == "facilitator":
            Facilitation.create(member=member, community=Community.by_slug("people"))
    return member


@pytest.fixture(scope="module")
def world(live_app):
    """Terms of reference, and an activity led by the lead with a task and an offer."""
    with live_app.test_request_context(), db.connection_context():
        people = Community.by_slug("people")
        kestrel, lark, pigeon = person(FACILITATOR, "facilitator"), person(LEAD), person(MEMBER)
        if TermsVersion.latest(people) is None:
            from webapp.plans.demo_terms import TERMS

            TermsVersion.add(people, TERMS["people"], dt.date(2027, 11, 1), kestrel)
        month = month_of(dt.date.today())
        activity = Activity.create(
            community=people, title="Clear letters", about="Make letters clear.", lead=lark,
            starts=month, due=month, panel="participation",
        )  # fmt: skip
        task = Task.create(activity=activity, description="Collect three letters")
        waiting = Task.create(activity=activity, description="Read them aloud")
        Offer.create(task=waiting, member=pigeon)
        return {"activity": activity.id, "task": task.id, "offer": waiting.id}


def signed_in(browser, base_url, name, variant="standard", width=1280, js=True):
    context = browser.new_context(
        viewport={"width": width, "height": 640 if width == 320 else 900}, java_script_enabled=js
    )
    context.add_cookies([{"name": "view", "value": variant, "url": base_url}])
    page = context.new_page()
    sign_in(page, base_url, name, PASSWORD, js=js)
    return context, page


def pages_for(world) -> dict[str, list[str]]:
    a = world["activity"]
    read = ["/plan/people", "/plan/people?status=not-started", "/plan/people/terms",
            "/plan/people/terms/versions", "/plan/people/terms/versions/1",
            "/plan/people/changes", "/plan/people/print", f"/plan/activities/{a}", "/account"]  # fmt: skip
    lead = [f"/plan/activities/{a}/update", f"/plan/activities/{a}/status",
            f"/plan/activities/{a}/tasks/new", f"/plan/offers/{world['offer']}",
            f"/plan/tasks/{world['task']}/edit"]  # fmt: skip
    facilitate = ["/plan/people/terms/edit", "/plan/people/activities/new",
                  f"/plan/activities/{a}/edit", "/plan/people/review", "/facilitate/people/dashboard"]  # fmt: skip
    return {MEMBER: read, LEAD: read + lead, FACILITATOR: read + lead + facilitate}


# Forms sent empty, to check the error state of each.
ERRORS = {
    LEAD: ["/plan/activities/{a}/update", "/plan/activities/{a}/tasks/new"],
    FACILITATOR: ["/plan/people/terms/edit", "/plan/people/activities/new"],
}


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("variant", ["standard", "easyread"])
@pytest.mark.parametrize("who", [MEMBER, LEAD, FACILITATOR])
def test_every_plan_page_and_error_passes_axe(browser, base_url, world, who, variant, width):
    context, page = signed_in(browser, base_url, who, variant, width)
    for path in pages_for(world)[who]:
        page.goto(base_url + path)
        assert page.locator("h1").count() == 1, path
        assert axe_violations(page) == [], (who, path, variant, width)
        assert not has_horizontal_scroll(page), (path, width)
        assert h1_top(page, js=True) < 640, (path, width)
    for path in ERRORS.get(who, []):
        page.goto(base_url + path.format(a=world["activity"]))
        page.locator("main form textarea, main form input[type=text]").first.fill("")
        page.locator("main form button[type=submit]").first.click()
        wait_until(page, "!!document.querySelector('.error-summary')")
        assert page.title().startswith("Error: "), path
        assert axe_violations(page) == [], (who, path, "error", variant, width)
    context.close()


def press_with_keyboard(page, button) -> None:
    """Tab until the button has focus, as a keyboard user would, then press Enter."""
    for _ in range(120):
        page.keyboard.press("Tab")
        if button.evaluate("b => b === document.activeElement"):
            page.keyboard.press("Enter")
            page.wait_for_load_state()
            return
    raise AssertionError("the button cannot be reached with Tab")


def settled(page, js: bool) -> None:
    if js:
        wait_until(page, "!document.querySelector('[aria-busy=true]')")
        wait_until(page, "!!document.querySelector('h1')")


@pytest.mark.parametrize("variant", ["standard", "easyread"])
@pytest.mark.parametrize("js", [True, False], ids=["javascript", "no-javascript"])
def test_from_terms_of_reference_to_a_months_update(browser, base_url, world, js, variant):
    n = next(_numbers)
    easy = variant == "easyread"
    # A facilitator writes a new version of the terms, and an activity, seeing the scope.
    context, page = signed_in(browser, base_url, FACILITATOR, variant, js=js)
    page.goto(base_url + "/plan/people/terms/edit")
    aim = page.locator("#aim_plain")
    aim.fill(aim.input_value() + f" Round {n}.")
    page.locator("main form button[type=submit]").click()
    settled(page, js)
    assert "/plan/people/terms" in page.url
    page.goto(base_url + "/plan/people/activities/new")
    reminder = page.locator(".scope-reminder").inner_text()
    assert ("Support for unpaid carers" in reminder) or ("Help for carers" in reminder)
    page.locator("#title").fill(f"Carers' evening calls {n}")
    page.locator("#about").fill("Talk to carers in the evening, when they can.")
    page.locator("input[name=scope_area]").first.check()
    page.locator("#lead").select_option(label=LEAD)
    page.locator("main form button[type=submit]").click()
    settled(page, js)
    assert page.locator("h1").inner_text() == f"Carers' evening calls {n}"
    page.get_by_role("link", name="Add a job" if easy else "Add a task").click()
    settled(page, js)
    page.locator("#description").fill(f"Phone three carers {n}")
    page.locator("main form button[type=submit]").click()
    settled(page, js)
    activity_url = page.url.split("#")[0]
    context.close()

    # A member volunteers with the keyboard alone.
    context, page = signed_in(browser, base_url, MEMBER, variant, js=js)
    page.goto(activity_url)
    button = page.get_by_role("button", name="I can help" if easy else "I can help with this")
    task = page.locator("li.task", has_text=f"Phone three carers {n}").get_attribute("id")
    press_with_keyboard(page, button)
    # Back at the task offered for, with htmx too: focus there, the thanks announced.
    check_arrival(page, urlsplit(activity_url).path, js=js, place=task, announced="Thank you")
    assert page.locator(".notice").first.inner_text().startswith("Thank you")
    context.close()

    # The lead confirms the offer and posts this month's update.
    context, page = signed_in(browser, base_url, LEAD, variant, js=js)
    page.goto(activity_url)
    page.locator("#waiting-heading + ul a").first.click()
    settled(page, js)
    page.locator("#note").fill("Thank you, that is a great help.")
    page.get_by_role("button", name="Yes" if easy else "Yes, they will do it").click()
    # Back at the task: waited for, so its note is shown (and let go of) before moving on.
    check_arrival(page, urlsplit(activity_url).path, js=js, place=task,
                  announced="Saved." if easy else "is now doing this task")  # fmt: skip
    page.goto(activity_url + "/update")
    page.locator("#next").fill("Call them next week.")
    page.locator("main form button[type=submit]").click()  # "what we did" empty: told so
    update_path = urlsplit(activity_url).path + "/update"
    check_arrival(page, update_path, js=js, error=True)  # focus on the summary, axe 0
    assert page.locator("#next").input_value() == "Call them next week."  # nothing lost
    page.locator("#did").fill("We made a list of carers to call.")
    page.locator("main form button[type=submit]").click()
    # Back on the activity, at its updates: the address keeps "#updates", with htmx too,
    # and focus is there.
    check_arrival(page, urlsplit(activity_url).path, js=js, place="updates",
                  announced="Your update is saved" if not easy else "Saved. Thank you.")  # fmt: skip
    assert (
        "We made a list of carers to call." in page.locator("#updates ~ .update").first.inner_text()
    )
    context.close()

    # The member sees their task, and reads what changed in the terms.
    context, page = signed_in(browser, base_url, MEMBER, variant, js=js)
    page.goto(base_url + "/account")
    assert (
        f"Phone three carers {n}" in page.locator("#plan-home-heading").locator("..").inner_text()
    )
    page.goto(base_url + "/plan/people/terms")
    page.goto(base_url + "/plan/people/terms")  # read once: nothing new the second time
    assert page.locator(".what-changed").count() == 0
    context.close()


def test_a_member_reads_what_changed_since_they_last_read(browser, base_url, world, live_app):
    context, page = signed_in(browser, base_url, MEMBER)
    page.goto(base_url + "/plan/people/terms")  # read the current version
    with live_app.test_request_context(), db.connection_context():
        people = Community.by_slug("people")
        parts = TermsVersion.latest(people).parts
        parts["meets"]["plain"] = "Twice a month, in the evening."
        TermsVersion.add(people, parts, dt.date(2027, 11, 1), Member.by_name(FACILITATOR))
    page.goto(base_url + "/plan/people/terms")
    changed = page.locator(".what-changed")
    assert changed.locator("h3").all_inner_texts() == ["How often we meet"]
    assert "Twice a month, in the evening." in changed.locator("ins").all_inner_texts()[0] or any(
        "Twice" in t for t in changed.locator("ins").all_inner_texts()
    )
    assert axe_violations(page) == []
    context.close()


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_the_print_button_prints_and_is_not_printed(browser, base_url, world, js):
    """With JavaScript: a Print button that opens the browser's Print, left out of the
    printed copy. Without: the sentence that says how to print, and no dead button."""
    context, page = signed_in(browser, base_url, MEMBER, js=js)
    page.goto(base_url + "/plan/people/print")
    button = page.locator("main [data-print]")
    hint = page.locator("main [data-print-hint]")
    if not js:
        assert hint.is_visible() and not button.is_visible()
        context.close()
        return
    assert button.is_visible() and not hint.is_visible()
    page.evaluate(
        "() => { window.print = () => { window.printedTimes = (window.printedTimes || 0) + 1; }; }"
    )
    button.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("window.printedTimes") == 1
    page.emulate_media(media="print")
    assert not button.is_visible() and not hint.is_visible()
    assert page.locator("main h1").is_visible()  # the plan itself is printed
    context.close()


@pytest.mark.screenshots
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_screenshots_of_the_plan(browser, base_url, world, live_app, variant, width):
    folder = SCREENSHOTS / "plans"
    folder.mkdir(parents=True, exist_ok=True)
    context, page = signed_in(browser, base_url, FACILITATOR, variant, width)
    for path in pages_for(world)[FACILITATOR]:
        page.goto(base_url + path)
        name = path.strip("/").replace("/", "-").replace("?", "-").replace("=", "-")
        page.screenshot(path=folder / f"{name}-{variant}-{width}.png", full_page=True)
    with live_app.test_request_context(), db.connection_context():  # a new version to read
        people = Community.by_slug("people")
        parts = TermsVersion.latest(people).parts
        parts["aim"]["plain"] += " We also check they last."
        parts["aim"]["easy"] += " We check the changes last."
        parts["in_scope"] = parts["in_scope"][:2] + [
            {"plain": "Transport to appointments", "easy": "Getting to appointments"}
        ]
        TermsVersion.add(people, parts, dt.date(2027, 11, 1), Member.by_name(FACILITATOR))
    page.goto(base_url + "/plan/people/terms")
    page.screenshot(path=folder / f"terms-what-changed-{variant}-{width}.png", full_page=True)
    assert axe_violations(page) == []
    context.close()
