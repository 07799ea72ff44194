"""Shaping an agenda in a browser: Move down and Change, with JavaScript and without it, in
both variants. Focus lands on the note that says what was done, the live region says it,
and every page and error state passes axe at 320 and 1280 px."""

from __future__ import annotations

import pytest

from tests.views.facilitation_helpers import PASSWORD, agree_to_everything, make_member
from tests.views.meeting_helpers import make_meeting
from webapp.extensions import db
from webapp.meetings.models import AgendaItem

from .conftest import SCREENSHOTS, WIDTHS
from .helpers import axe_violations_of_page_without_js, check_arrival, signed_in_context
from .journeys import page_problems

pytestmark = pytest.mark.browser
FACILITATOR = "Tidy Shaper"
SAID = {
    "standard": {"moved_down": "The item moved down one place.",
                 "changed": "Your changes to the item are saved."},
    "easyread": {"moved_down": "It moved down.", "changed": "We saved your changes."},
}  # fmt: skip


@pytest.fixture(scope="module")
def facilitator(live_app):
    with live_app.app_context():
        made = make_member(FACILITATOR, "people", "facilitator", ["people"])
        agree_to_everything(live_app, [made])
    return made


def agenda_with_three_items(live_app, title: str) -> tuple[int, dict[str, int]]:
    """A meeting to come, with its own three items (each test run shapes its own)."""
    items = [("Welcome", False), ("buses!! stop at 6", False), ("Hospital stays", True)]
    with live_app.app_context():
        meeting = make_meeting(days=8, title=title, items=items)
        with db.connection_context():
            ids = {i.title: i.id for i in AgendaItem.select().where(AgendaItem.meeting == meeting)}
    return meeting, ids


def titles(page) -> list[str]:
    return [title.strip() for title in page.locator(".agenda__title").all_inner_texts()]


def no_axe_problems(browser, page, js: bool) -> None:
    """check_arrival runs axe with JavaScript; without it, a copy of the page's HTML."""
    if not js:
        assert axe_violations_of_page_without_js(browser, page) == [], page.url


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_a_facilitator_moves_an_item_down_and_tidies_its_words(
    browser, base_url, live_app, facilitator, js, variant
):
    meeting, ids = agenda_with_three_items(live_app, f"Shaped {variant} {js}")
    agenda = f"/meetings/{meeting}/agenda"
    context, page = signed_in_context(browser, base_url, FACILITATOR, PASSWORD,
                                      variant=variant, width=320, js=js)  # fmt: skip
    page.goto(base_url + agenda)
    # The last item offers no Move down, the first no Move up.
    assert page.locator(f"form[action$='/{ids['Hospital stays']}/down']").count() == 0
    assert page.locator(f"form[action$='/{ids['Welcome']}/up']").count() == 0
    down = page.locator(f"form[action$='/{ids['Welcome']}/down'] button")
    assert down.inner_text().replace("\n", " ").startswith("Move down")
    down.click()
    check_arrival(page, agenda, js=js, place="agenda-done", announced=SAID[variant]["moved_down"])
    no_axe_problems(browser, page, js)
    assert titles(page) == ["buses!! stop at 6", "Welcome", "Hospital stays"]

    # Change: a page of its own, filled in with the member's words as they were added.
    suggestion = ids["buses!! stop at 6"]
    change = f"{agenda}/{suggestion}/change"
    page.locator(f"a[href$='/{suggestion}/change']").click()
    check_arrival(page, change, js=js)
    no_axe_problems(browser, page, js)
    assert page.locator("#title").input_value() == "buses!! stop at 6"
    page.locator("#title").fill("")  # a mistake: the item left without words
    page.locator("#minutes").fill("15")
    page.locator("#paper").fill("The 40 bus stops at 6pm.")
    page.locator("main form button[type=submit]").click()
    check_arrival(page, change, js=js, error=True)
    no_axe_problems(browser, page, js)
    assert page.locator("#minutes").input_value() == "15"  # nothing typed is lost
    assert page.locator("#paper").input_value() == "The 40 bus stops at 6pm."
    page.locator("#title").fill("Getting to meetings by bus")
    page.locator("main form button[type=submit]").click()
    # Back on the agenda, focus on the note at the changed item, and the note is heard.
    check_arrival(page, agenda, js=js, place="agenda-done", announced=SAID[variant]["changed"])
    no_axe_problems(browser, page, js)
    changed = page.locator(".agenda__item", has=page.locator("#agenda-done"))
    assert changed.locator(".agenda__title").inner_text() == "Getting to meetings by bus"
    assert "15 minutes" in changed.inner_text()
    with live_app.app_context(), db.connection_context():
        assert AgendaItem.get_by_id(suggestion).paper == "The 40 bus stops at 6pm."
    context.close()


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_the_agenda_and_change_pages_pass_axe(browser, base_url, live_app, facilitator,
                                              variant, width):  # fmt: skip
    meeting, ids = agenda_with_three_items(live_app, f"Checked {variant} {width}")
    agenda = f"/meetings/{meeting}/agenda"
    change = f"{agenda}/{ids['Welcome']}/change"
    context, page = signed_in_context(browser, base_url, FACILITATOR, PASSWORD,
                                      variant=variant, width=width)  # fmt: skip
    problems: dict = {}
    for label, path in (("agenda", agenda), ("moved", f"{agenda}?done=moved_down"),
                        ("changed", f"{agenda}?done=changed&item={ids['Welcome']}"),
                        ("change", change), ("change (error)", None)):  # fmt: skip
        if path is None:
            page.locator("#title").fill("x" * 250)
            page.locator("main form button[type=submit]").click()
            page.wait_for_selector("[data-error-summary]")
        else:
            page.goto(base_url + path)
        if found := page_problems(page, width):
            problems[label] = found
    context.close()
    assert not problems, problems


@pytest.mark.screenshots
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_screenshots_of_shaping_an_agenda(browser, base_url, live_app, facilitator, variant,
                                          width):  # fmt: skip
    folder = SCREENSHOTS / "agenda"
    folder.mkdir(parents=True, exist_ok=True)
    meeting, ids = agenda_with_three_items(live_app, f"Pictured {variant} {width}")
    agenda = f"/meetings/{meeting}/agenda"
    context, page = signed_in_context(browser, base_url, FACILITATOR, PASSWORD,
                                      variant=variant, width=width)  # fmt: skip
    change = f"{agenda}/{ids['buses!! stop at 6']}/change"
    for name, path in (("agenda-changed", f"{agenda}?done=changed&item={ids['Welcome']}"),
                       ("change", change)):  # fmt: skip
        page.goto(base_url + path)
        page.screenshot(path=folder / f"{name}-{variant}-{width}.png", full_page=True)
    page.locator("#title").fill("")
    page.locator("main form button[type=submit]").click()
    page.wait_for_selector("[data-error-summary]")
    page.screenshot(path=folder / f"change-error-{variant}-{width}.png", full_page=True)
    context.close()
