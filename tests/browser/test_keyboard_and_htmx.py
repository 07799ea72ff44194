"""Keyboard-only use, the quick exit, and focus after htmx swaps."""

from __future__ import annotations

import pytest

from .helpers import focused, wait_until

pytestmark = pytest.mark.browser


def test_skip_link_is_first_and_moves_focus_to_main(page, base_url):
    page.goto(base_url + "/help")
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["cls"] == "skip-link"
    assert page.locator("a.skip-link").is_visible(), "the skip link shows when focused"
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main-content"


def test_quick_exit_is_the_next_stop_and_leaves_with_enter(page, base_url, neutral_site):
    page.goto(base_url + "/help")
    page.goto(base_url + "/support")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Exit this page"
    page.keyboard.press("Enter")
    page.wait_for_url(neutral_site)
    # The page was replaced in the history: Back skips it.
    page.go_back()
    assert page.url == base_url + "/help"


def test_pressing_shift_three_times_leaves(page, base_url, neutral_site):
    page.goto(base_url + "/help")
    assert page.locator("[data-quick-exit-hint]").is_visible()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(neutral_site)


def test_shift_with_other_keys_between_does_not_leave(page, base_url):
    page.goto(base_url + "/help")
    for key in ("Shift", "Shift", "a", "Shift"):
        page.keyboard.press(key)
    page.wait_for_timeout(300)
    assert page.url.startswith(base_url)


def test_display_settings_with_the_keyboard_alone_are_kept(page, base_url):
    page.goto(base_url + "/settings?view=standard")
    page.locator("#size-0").focus()  # the first choice of the first question
    page.keyboard.press("ArrowDown")  # Large
    page.keyboard.press("ArrowDown")  # Largest
    assert page.locator("#size-2").is_checked()
    page.keyboard.press("Tab")  # into the contrast question
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # Dark
    assert page.locator("#contrast-3").is_checked()
    page.keyboard.press("Enter")  # submits the form
    page.wait_for_selector(".notice")
    assert "size-largest" in page.locator("html").get_attribute("class")
    assert "contrast-dark" in page.locator("html").get_attribute("class")
    page.goto(base_url + "/communities")
    assert "size-largest contrast-dark" in page.locator("html").get_attribute("class")


def test_after_a_boosted_navigation_focus_is_on_the_new_heading(page, base_url):
    page.goto(base_url + "/?view=standard")
    page.locator("footer").get_by_role("link", name="Help").click()
    wait_until(page, "location.pathname === '/help'")
    wait_until(page, "document.activeElement.tagName === 'H1'")
    heading = page.locator("h1").inner_text()
    assert focused(page)["text"] == heading
    wait_until(page, "document.getElementById('live-region').textContent.trim().length > 0")
    assert page.locator("#live-region").inner_text() == heading


def test_settings_error_summary_is_focused_when_the_page_loads(page, base_url):
    page.goto(base_url + "/settings?view=standard")
    # Tamper with a value, as a broken browser extension might, then send.
    page.evaluate("document.getElementById('size-0').value = 'gigantic'")
    page.locator("#size-0").check()
    page.get_by_role("button", name="Save display settings").click()
    page.wait_for_selector("[data-error-summary]")
    wait_until(page, "document.activeElement.id === 'error-summary'")
    assert page.title().startswith("Error: ")


def test_quick_exit_forgets_what_this_device_was_writing(page, base_url, neutral_site):
    """On a shared or watched device, leaving quickly must not leave the story behind."""
    page.goto(base_url + "/share/welcome")
    page.get_by_role("button", name="Start").click()
    page.wait_for_url("**/share/story")
    page.get_by_label("What would you like to share?").fill("Words nobody else should find")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/share/community")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(neutral_site)
    # The beacon is sent as the page goes, and may land a moment later: allow 5 seconds.
    for _ in range(25):
        page.goto(base_url + "/share/story")
        if page.url.endswith("/share/"):  # back to the start, which is served there
            break
        page.wait_for_timeout(200)
    assert page.url.endswith("/share/"), "the unfinished story is still on this device"
    page.goto(base_url + "/share/welcome")
    assert "Words nobody else should find" not in page.content()
