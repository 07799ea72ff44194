"""Sign-in and "Your account" in a real browser: axe, 320 px, keyboard, show password."""

from __future__ import annotations

import pytest

from webapp.join.demo import DEMO_MEMBER

from .conftest import WIDTHS
from .helpers import axe_violations, focused, has_horizontal_scroll, wait_until

pytestmark = pytest.mark.browser
NAME, PASSWORD = DEMO_MEMBER
ACCOUNT_PAGES = [
    "/account",
    "/account/name",
    "/account/password",
    "/account/email",
    "/account/leave",
    "/account/community/community",
]


def sign_in_with_keyboard(page, base_url):
    page.goto(base_url + "/sign-in?view=standard")
    page.locator("#name").focus()
    page.keyboard.type(NAME)
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "password"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Show password"
    page.keyboard.press("Enter")
    assert page.locator("#password").get_attribute("type") == "text"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    wait_until(page, "location.pathname === '/account'")


def test_sign_in_with_the_keyboard_and_paste(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + "/sign-in?view=standard")
    page.locator("#password").focus()
    # Paste works: nothing blocks it.
    page.evaluate(
        """() => { const dt = new DataTransfer(); dt.setData('text/plain', 'pasted words');
        const el = document.getElementById('password');
        const ok = el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, cancelable: true}));
        window.__pasteAllowed = ok; }"""
    )
    assert page.evaluate("window.__pasteAllowed") is True
    sign_in_with_keyboard(page, base_url)
    assert NAME in page.locator("main").inner_text()
    context.close()


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_account_pages_pass_axe(browser, base_url, variant, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    sign_in_with_keyboard(page, base_url)
    problems = {}
    for path in ["/sign-in", *ACCOUNT_PAGES]:
        page.goto(f"{base_url}{path}?view={variant}")
        violations = axe_violations(page)
        if violations:
            problems[path] = violations
        if has_horizontal_scroll(page):
            problems.setdefault(path, []).append("scrolls sideways")
    # An error state too.
    page.goto(f"{base_url}/account/leave?view={variant}")
    page.locator("form button.button").click()
    wait_until(page, "document.activeElement.id === 'error-summary'")
    assert axe_violations(page) == []
    context.close()
    assert not problems, problems
