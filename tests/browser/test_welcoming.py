"""Welcoming members, as a facilitator uses it: both variants, 320 px and 1280 px, axe 0, the
heading on the first screen, and a welcome done with the keyboard alone, with JavaScript
on and off."""

from __future__ import annotations

import pytest

from webapp.extensions import db
from webapp.models import Community, Member

from .helpers import axe_violations, has_horizontal_scroll, signed_in_context, wait_until
from .journeys import h1_top

pytestmark = pytest.mark.browser
ADMIN, PASSWORD = "Brisk Welcomer", "copper kettle harbour"
PAGES = ("/facilitate/people/welcome", "/facilitate/communities")


@pytest.fixture(scope="module")
def admin(live_app):
    runner = live_app.test_cli_runner()
    result = runner.invoke(args=["create-admin", "--name", ADMIN, "--password", PASSWORD])
    assert result.exit_code == 0, result.output
    return ADMIN


def signed_in(browser, base_url, variant="standard", width=1280, js=True):
    return signed_in_context(browser, base_url, ADMIN, PASSWORD, variant, width, js)


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_the_welcoming_pages_pass_axe_and_start_on_the_first_screen(
    browser, base_url, admin, variant, width
):
    context, page = signed_in(browser, base_url, variant, width)
    for path in PAGES:
        page.goto(base_url + path)
        assert axe_violations(page) == [], (path, variant, width)
        assert not has_horizontal_scroll(page), path
        assert h1_top(page, js=True) < 320, path
    context.close()


def newcomer(live_app, name: str) -> str:
    with live_app.app_context(), db.connection_context():
        Member.create(display_name=name, password_hash="x", community=Community.by_slug("people"))
    return name


@pytest.mark.parametrize("js", [True, False], ids=["javascript", "no-javascript"])
def test_a_facilitator_welcomes_a_newcomer_with_the_keyboard_alone(
    browser, base_url, live_app, admin, js
):
    name = newcomer(live_app, "Keen Starling" if js else "Calm Wagtail")
    context, page = signed_in(browser, base_url, js=js)
    page.goto(base_url + "/facilitate/people/welcome")
    button = page.get_by_role("button", name=f"Welcome {name} into People")
    for _ in range(80):  # Tab until the button has focus, as a keyboard user would
        page.keyboard.press("Tab")
        if button.evaluate("b => b === document.activeElement"):
            break
    else:
        raise AssertionError("the welcome button cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    if js:
        wait_until(page, "!document.querySelector('[aria-busy=true]')")
    notice = page.locator(".notice").first.inner_text()
    assert f"{name} is welcomed into People." in notice
    assert page.get_by_role("button", name=f"Welcome {name} into People").count() == 0
    context.close()
