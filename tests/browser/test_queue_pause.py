"""Issue 12, the queue in a browser: the author's choices in words on each item, and
Approve on a flagged item asks "Approve with these details showing?" first, with
JavaScript and without."""

from __future__ import annotations

import pytest

from tests.views.facilitation_helpers import make_story

from . import test_facilitation
from .helpers import axe_violations
from .test_facilitation import clear_queue, sign_in

facilitator = test_facilitation.facilitator  # the fixture, shared

pytestmark = pytest.mark.browser
FLAGGED = "Ring me on 07700 900123 about the day centre on Friday."


@pytest.mark.parametrize("js", [True, False], ids=["javascript", "no-javascript"])
def test_a_flagged_item_asks_before_it_is_approved(browser, base_url, live_app, facilitator, js):
    clear_queue(live_app)
    flagged = make_story(FLAGGED, community="advocates", audience="public", quoting="quote")
    context = browser.new_context(java_script_enabled=js, viewport={"width": 320, "height": 640})
    page = context.new_page()
    sign_in(page, base_url, facilitator, js=js)
    page.goto(base_url + "/facilitate/advocates/queue")
    item = page.locator(f"#story-{flagged}")
    choices = item.locator(".item-boundaries").inner_text()
    assert "Anyone, including people who are not members" in choices
    assert "It may be quoted word for word" in choices
    if js:
        assert axe_violations(page) == []
    item.get_by_role("link", name="Approve").click()
    page.wait_for_url(f"**/stories/{flagged}/approve")
    assert page.locator("h1").inner_text() == "Approve with these details showing?"
    assert "07700 900123" in page.locator("main").inner_text()
    if js:
        assert axe_violations(page) == []
    page.get_by_role("link", name="No, go back to the queue").click()
    page.wait_for_url("**/facilitate/advocates/queue**")
    assert page.locator(f"#story-{flagged}").is_visible(), "nothing was decided"
    page.locator(f"#story-{flagged}").get_by_role("link", name="Approve").click()
    page.wait_for_url(f"**/stories/{flagged}/approve")
    page.get_by_role("button", name="Yes, approve it with these details").click()
    page.wait_for_url("**/facilitate/advocates/queue**")
    assert "Approved." in page.locator(".notice").inner_text()
    assert page.locator(f"#story-{flagged}").count() == 0
    context.close()


def test_suggest_removing_them_chooses_that_decision(browser, base_url, live_app, facilitator):
    clear_queue(live_app)
    flagged = make_story(FLAGGED, community="advocates")
    context = browser.new_context(viewport={"width": 320, "height": 640})
    context.add_cookies([{"name": "view", "value": "easyread", "url": base_url}])
    page = context.new_page()
    sign_in(page, base_url, facilitator)
    page.goto(base_url + f"/facilitate/advocates/stories/{flagged}/approve")
    page.get_by_role("link", name="Ask the writer to take these words out").click()
    page.wait_for_url(f"**/stories/{flagged}?decision=identifying")
    assert page.locator("input[name=decision][value=identifying]").is_checked()
    assert axe_violations(page) == []
    context.close()
