"""Error pages with JavaScript on: a boosted link or an htmx form that gets a 404, 403 or 429
swaps the error page in, with its address and title, focus on its heading and the live
region saying where we are (before, htmx left the old page in place, silently)."""

from __future__ import annotations

import pytest

from webapp.extensions import limiter

from .helpers import check_arrival
from .test_stories_share import share_quickly, sign_in

pytestmark = pytest.mark.browser


def follow_boosted_link(page, href: str) -> None:
    """A boosted link, as any in the page, to an address that answers with an error."""
    page.evaluate(
        """href => { const a = document.createElement('a'); a.href = href; a.id = 'to-error';
        a.textContent = 'Go'; document.querySelector('main').append(a); htmx.process(a); }""",
        href,
    )
    page.locator("#to-error").click()


def test_a_boosted_link_to_a_missing_story_shows_the_not_found_page(page, base_url):
    page.goto(base_url + "/stories/")
    follow_boosted_link(page, "/stories/no-such-story")
    check_arrival(page, "/stories/no-such-story")
    assert "Stories" not in page.locator("h1").inner_text()


def test_a_boosted_link_a_member_may_not_follow_shows_the_forbidden_page(page, base_url):
    sign_in(page, base_url)
    follow_boosted_link(page, "/facilitate/")
    check_arrival(page, "/facilitate/")
    assert page.locator("h1").inner_text() != "Your account"


def test_sending_a_story_over_the_limit_shows_the_wait_page_in_place(browser, base_url, live_app):
    limiter.reset()
    saved = live_app.config["SHARES_WITHOUT_ACCOUNT"]
    live_app.config["SHARES_WITHOUT_ACCOUNT"] = "1 per hour"
    try:
        context = browser.new_context()
        page = context.new_page()
        share_quickly(page, base_url, "The first one went through without a hitch.", js=True)
        page.goto(base_url + "/share/welcome")
        with pytest.raises(AssertionError):  # stops at the check, where the wait page comes in
            share_quickly(page, base_url, "The second one waits, and nothing typed is lost.",
                          js=True)  # fmt: skip
        heading = page.locator("h1").inner_text()
        check_arrival(page, "/share/check", announced=heading)
        assert "try again" in heading.lower()
        context.close()
    finally:
        live_app.config["SHARES_WITHOUT_ACCOUNT"] = saved
        limiter.reset()
