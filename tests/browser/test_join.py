"""The join journey in a real browser: with JavaScript, without, keyboard only, easy read.

After each htmx swap: where focus is, what the live region says, the pushed URL.
axe reports no violations on every turn and every error state.
"""

from __future__ import annotations

import itertools

import pytest

from .helpers import axe_violations, focused, settle
from .helpers import check_arrival as check_turn

pytestmark = pytest.mark.browser
_names = itertools.count(1)


def new_name() -> str:
    return f"Test Walker {next(_names)}"


@pytest.mark.parametrize("js", [True, False], ids=["javascript", "no-javascript"])
def test_join_journey_with_and_without_javascript(browser, base_url, js):
    context = browser.new_context(java_script_enabled=js, viewport={"width": 320, "height": 800})
    page = context.new_page()
    page.goto(base_url + "/?view=standard")
    page.get_by_role("link", name="Start now").click()
    settle(page, "/join/", js)  # the first turn, served without a redirect
    page.get_by_role("button", name="Start").click()
    check_turn(page, "/join/community", js=js)
    page.get_by_role("button", name="Continue").click()  # nothing chosen
    check_turn(page, "/join/community", js=js, error=True)
    page.get_by_label("I'm not sure").check()
    page.get_by_role("button", name="Continue").click()
    check_turn(page, "/join/uses_services", js=js)
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Continue").click()
    check_turn(page, "/join/speaks_up", js=js)
    page.get_by_label("No").check()
    page.get_by_role("button", name="Continue").click()
    check_turn(page, "/join/works", js=js)
    page.get_by_label("No").check()
    page.get_by_role("button", name="Continue").click()
    check_turn(page, "/join/suggestion", js=js)
    assert page.locator("#community-0").is_checked(), "People is suggested"
    page.get_by_role("button", name="Continue").click()
    check_turn(page, "/join/name", js=js)
    name = new_name()
    page.get_by_label("Or type a name of your own").fill(name)
    page.get_by_role("button", name="Continue").click()
    check_turn(page, "/join/sign_in", js=js)
    page.get_by_label("Create a password").fill("password")
    page.get_by_role("button", name="Continue").click()
    check_turn(page, "/join/sign_in", js=js, error=True)
    page.get_by_label("Create a password").fill("lantern orchard pebble")
    if js:
        page.get_by_role("button", name="Show password").click()
        assert page.get_by_label("Create a password").get_attribute("type") == "text"
    else:
        assert page.get_by_role("button", name="Show password").count() == 0
    page.get_by_role("button", name="Continue").click()
    check_turn(page, "/join/check", js=js)
    # Change the community from check answers, and come straight back.
    # Having been unsure, the community row is the suggestion's, and changes there.
    assert page.get_by_role("link", name="Change which community").count() == 1
    page.get_by_role("link", name="Change which community").click()
    settle(page, "/join/suggestion", js)
    page.get_by_label("Staff: I work in a public service").check()
    page.get_by_role("button", name="Continue").click()
    check_turn(page, "/join/check", js=js)
    assert "Staff" in page.locator(".check-answers").inner_text()
    page.get_by_role("button", name="Join Common Ground").click()
    settle(page, "/join/your-recovery-code", js)
    assert page.locator(".code-box").inner_text().count("-") == 3
    if js:
        assert axe_violations(page) == []
    page.get_by_label("I have saved or printed my recovery code").check()
    page.get_by_role("button", name="Continue").click()
    # One continuous journey: on into the Community Agreement.
    settle(page, "/agreements/panel/agree/introduction", js)
    assert page.locator("h1").inner_text() == "The Community Agreement"
    page.goto(base_url + "/account")
    assert name in page.locator("main").inner_text()
    context.close()


def test_join_with_the_keyboard_only_in_easy_read(browser, base_url):
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    page.goto(base_url + "/join/welcome?view=easyread")
    assert page.locator(".easyread__section").count() >= 2
    page.locator("button.button").focus()
    page.keyboard.press("Enter")
    check_turn(page, "/join/community")
    assert page.locator("h1").inner_text() == "Which group sounds like you?"
    page.keyboard.press("Tab")  # from the focused question into the first choice
    while focused(page)["id"] != "community-0":
        page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    while focused(page)["tag"] != "button":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    check_turn(page, "/join/name")
    assert page.locator("h1").inner_text() == "Pick a name to use on this website"
    page.keyboard.press("Tab")
    while focused(page)["id"] != "own_name":
        page.keyboard.press("Tab")
    page.keyboard.type("ab")
    page.keyboard.press("Enter")
    check_turn(page, "/join/name", error=True)
    assert "Use 3 to 30 letters." in page.locator("[data-error-summary]").inner_text()
    assert page.locator("#own_name").input_value() == "ab"
    # The error summary link takes the keyboard to the field.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "own_name"
    page.keyboard.press("End")
    page.keyboard.type("c Robin")  # now "abc Robin"
    page.keyboard.press("Enter")
    check_turn(page, "/join/sign_in")
    assert page.locator("h1").inner_text() == "How you will get back in"
    tab_to(page, "password")
    page.keyboard.type("copper meadow lantern")
    tab_to(page, "email")
    page.keyboard.type("robin@example.org")
    page.keyboard.press("Enter")
    check_turn(page, "/join/check")
    tab_to_button(page, "Join now")
    page.keyboard.press("Enter")
    check_turn(page, "/agreements/panel/agree/introduction")
    assert page.locator("h1").inner_text() == "Our agreement"
    page.goto(base_url + "/account")
    assert "abc Robin" in page.locator("main").inner_text()
    context.close()


def tab_to(page, element_id, limit=40):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page)["id"] == element_id:
            return
    raise AssertionError(f"could not reach #{element_id} with Tab")


def tab_to_button(page, text, limit=60):
    for _ in range(limit):
        page.keyboard.press("Tab")
        here = focused(page)
        if here["tag"] == "button" and here["text"] == text:
            return
    raise AssertionError(f"could not reach the {text!r} button with Tab")


def test_answers_survive_reload_back_and_a_closed_browser(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + "/join/welcome?view=standard")
    page.get_by_role("button", name="Start").click()
    check_turn(page, "/join/community")
    page.get_by_label("People: I use public services").check()
    page.get_by_role("button", name="Continue").click()
    check_turn(page, "/join/name")
    page.get_by_label("Or type a name of your own").fill("x")  # too short: an error, kept
    page.get_by_role("button", name="Continue").click()
    check_turn(page, "/join/name", error=True)
    page.reload()
    assert page.locator("#own_name").input_value() == "x"
    page.go_back()
    settle(page, "/join/community")
    assert page.locator("#community-0").is_checked()
    state = context.storage_state()
    context.close()
    # Days later, the same browser session comes back to the start of the journey.
    later = browser.new_context(storage_state=state)
    page = later.new_page()
    page.goto(base_url + "/join/")
    settle(page, "/join/community")
    assert page.locator("#community-0").is_checked()
    later.close()
