"""The consent conversation in a real browser: with and without JavaScript, easy read,
and axe on every turn and error state."""

from __future__ import annotations

import itertools

import pytest

from .helpers import check_arrival as check_turn
from .helpers import settle

pytestmark = pytest.mark.browser
PANEL_KEYS = ["participation", "accountability", "non-discrimination", "empowerment", "legality"]
_numbers = itertools.count(1)


def submit_turn(page):
    page.locator("#conversation form:not(.forget-form) button[type=submit]").click()


def join_quickly(page, base_url, js):
    """Join as a member of Staff (who agree to the PANEL agreement only)."""
    page.goto(base_url + "/join/welcome")
    submit_turn(page)
    settle(page, "/join/community", js)
    page.locator("#community-2").check()
    submit_turn(page)
    settle(page, "/join/name", js)
    page.locator("#own_name").fill(f"Agreeing Owl {next(_numbers)}")
    submit_turn(page)
    settle(page, "/join/sign_in", js)
    page.locator("#password").fill("copper meadow lantern")
    page.locator("#email").fill(f"owl{next(_numbers)}@example.org")
    submit_turn(page)
    settle(page, "/join/check", js)
    submit_turn(page)


@pytest.mark.parametrize("js", [True, False], ids=["javascript", "no-javascript"])
@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_consent_journey(browser, base_url, js, variant):
    context = browser.new_context(java_script_enabled=js, viewport={"width": 320, "height": 800})
    context.add_cookies([{"name": "view", "value": variant, "url": base_url}])
    page = context.new_page()
    join_quickly(page, base_url, js)
    settle(page, "/agreements/panel/agree/introduction", js)
    submit_turn(page)
    for number, key in enumerate(PANEL_KEYS):
        check_turn(page, f"/agreements/panel/agree/{key}", js=js)
        assert not page.locator("#agree").is_checked(), "nothing is ticked for the person"
        if number == 0:  # going on without ticking explains why agreeing matters
            submit_turn(page)
            check_turn(page, f"/agreements/panel/agree/{key}", js=js, error=True)
        page.locator("#agree").check()
        submit_turn(page)
    check_turn(page, "/agreements/panel/agree/check", js=js)
    assert page.locator(".check-answers__row").count() == 5
    submit_turn(page)
    settle(page, "/agreements/panel/agreed", js)
    assert page.locator("h1").is_visible()
    context.close()


def test_consent_with_the_keyboard_only(browser, base_url):
    from .helpers import focused

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    join_quickly(page, base_url, js=True)
    settle(page, "/agreements/panel/agree/introduction")
    page.locator("#conversation form:not(.forget-form) button[type=submit]").focus()
    page.keyboard.press("Enter")
    for key in PANEL_KEYS:
        check_turn(page, f"/agreements/panel/agree/{key}")
        for _ in range(40):  # Tab from the question to the tick box
            page.keyboard.press("Tab")
            if focused(page)["id"] == "agree":
                break
        page.keyboard.press("Space")
        assert page.locator("#agree").is_checked()
        page.keyboard.press("Enter")  # submits the form
    check_turn(page, "/agreements/panel/agree/check")
    for _ in range(60):
        page.keyboard.press("Tab")
        here = focused(page)
        if here["tag"] == "button":
            break
    assert here["text"] == "I agree to the Community Agreement"
    page.keyboard.press("Enter")
    settle(page, "/agreements/panel/agreed")
    context.close()


def test_a_link_inside_a_turn_opens_a_whole_page_not_a_page_inside_a_page(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    join_quickly(page, base_url, js=True)
    settle(page, "/agreements/panel/agree/introduction")
    submit_turn(page)
    check_turn(page, "/agreements/panel/agree/participation")
    page.get_by_role("link", name="I have a question about this").click()
    settle(page, "/help")
    assert page.locator("main").count() == 1
    assert page.locator("#live-region").count() == 1
    page.get_by_role("link", name="Go back to where you were").click()
    settle(page, "/agreements/panel/agree/participation")
    assert page.locator("main").count() == 1
    context.close()
