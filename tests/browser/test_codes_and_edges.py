"""Issue 12: codes people can keep, kinder edges, and errors a screen reader hears."""

from __future__ import annotations

import re

import pytest

from .helpers import axe_violations, settle, wait_until
from .journeys import STORY_WITH_DETAILS, answer_turn, next_page, walk

pytestmark = pytest.mark.browser
GROUP = re.compile(r"^[A-Z0-9]{4}-?$")
# Each group drawn on one line only: it never breaks inside.
GROUPS_WHOLE = """[...document.querySelectorAll('.code-box__group')]
  .every(g => g.getClientRects().length === 1)"""


def context_for(browser, base_url, variant, width=320, js=True):
    context = browser.new_context(java_script_enabled=js, viewport={"width": width, "height": 640})
    context.add_cookies([{"name": "view", "value": variant, "url": base_url}])
    return context, context.new_page()


def check_code(page, box_id: str) -> str:
    box = page.locator(f"#{box_id}")
    code = box.inner_text().strip()
    groups = box.locator(".code-box__group").all_inner_texts()
    assert all(GROUP.match(g) for g in groups), groups
    assert code == code.upper() and code == "".join(groups)
    assert page.evaluate(GROUPS_WHOLE), "a group broke across lines"
    assert box.get_attribute("aria-hidden") == "true"
    spoken = ", ".join(" ".join(g.rstrip("-")) for g in groups)
    assert page.locator(".code .visually-hidden").first.inner_text() == spoken
    return code


@pytest.mark.parametrize(
    ("variant", "width", "keep_it"),
    [("easyread", 320, "Take a picture of the screen"), ("standard", 1280, "Take a screenshot")],
)
def test_the_story_code_is_shown_in_whole_groups_with_ways_to_keep_it(
    browser, base_url, variant, width, keep_it
):
    context, page = context_for(browser, base_url, variant, width)
    walk(page, base_url + "/share/welcome", "/stories/shared", True, lambda *_: None)
    check_code(page, "story-code")
    assert keep_it in page.locator(".code").inner_text()
    assert page.get_by_role("button", name="Copy the code").is_visible()
    printing = page.locator("[data-print]")
    assert printing.is_visible() == (width > 640), "Print only on a wide screen"
    link = (
        "Use your story code" if variant == "easyread" else "See your story with your private code"
    )
    assert page.get_by_role("link", name=link).get_attribute("href") == "/stories/code"
    assert axe_violations(page) == []
    context.close()


def test_the_recovery_code_looks_like_the_story_code(browser, base_url):
    context, page = context_for(browser, base_url, "standard")
    walk(page, base_url + "/join/welcome", "/join/your-recovery-code", True, lambda *_: None)
    code = check_code(page, "recovery-code")
    assert code.count("-") == 3
    assert "Take a screenshot or write it down." in page.locator(".code").inner_text()
    assert axe_violations(page) == []
    context.close()


def test_the_easy_read_home_page_leads_to_use_your_story_code(browser, base_url):
    context, page = context_for(browser, base_url, "easyread", js=False)
    page.goto(base_url + "/")
    page.get_by_role("link", name="Use your story code").click()
    page.wait_for_url("**/stories/code")
    assert page.locator("h1").inner_text() == "Use your story code"
    context.close()


def test_delete_my_answers_is_far_from_continue_and_asks_first_without_javascript(
    browser, base_url
):
    context, page = context_for(browser, base_url, "standard", js=False)
    walk(page, base_url + "/share/welcome", "/share/community", False, lambda *_: None)
    button = page.get_by_role("button", name="Continue").bounding_box()
    link = page.get_by_role("link", name="Delete my answers from this device")
    assert link.bounding_box()["y"] - (button["y"] + button["height"]) > 100
    link.click()
    page.wait_for_url("**/share/forget")
    assert page.locator("h1").inner_text() == "Delete your answers?"
    page.get_by_role("link", name="No, go back to my answers").click()
    page.wait_for_url("**/share/community")
    assert "Your answers so far: 1" in page.locator("details.you-said--narrow").inner_text()
    page.get_by_role("link", name="Delete my answers from this device").click()
    page.get_by_role("button", name="Yes, delete my answers").click()
    assert page.locator("h1").inner_text() == "Your answers are deleted"
    page.goto(base_url + "/share/")  # a fresh start, served in place: nothing said yet
    assert page.locator(".you-said").count() == 0
    assert page.locator("#conversation form[action='/share/welcome']").count() == 1
    context.close()


@pytest.mark.parametrize("js", [True, False], ids=["javascript", "no-javascript"])
def test_the_identifying_details_turn_says_which_story_each_button_sends(browser, base_url, js):
    context, page = context_for(browser, base_url, "standard", js=js)
    walk(page, base_url + "/share/welcome", "/share/details", js, lambda *_: None)
    choices = page.locator(".details-choices").inner_text()
    assert "Save my changes: we send the story in the box" in choices
    assert "Keep my story as it is: we send the story as you first wrote it" in choices
    page.locator("#body").fill("The day centre closed early every Friday.")
    page.get_by_role("button", name="Keep my story as it is").click()
    settle(page, "/share/check", js)
    assert STORY_WITH_DETAILS in page.locator(".check-answers").inner_text(), "kept as it was"
    context.close()


def test_the_agreement_tick_box_is_large_and_its_words_tick_it(browser, base_url):
    context, page = context_for(browser, base_url, "easyread")
    walk(page, base_url + "/join/welcome", "/agreements/panel/agree/participation", True,
         lambda *_: None)  # fmt: skip
    box = page.locator("main input[type=checkbox]")
    size = box.bounding_box()
    assert size["width"] >= 24 and size["height"] >= 24, size
    page.locator("main label[for=agree]").scroll_into_view_if_needed()
    label = page.locator("main label[for=agree]").bounding_box()
    page.mouse.click(label["x"] + label["width"] - 4, label["y"] + label["height"] - 4)
    assert box.is_checked(), "a tap at the far corner of the words ticks it"
    assert axe_violations(page) == []
    context.close()


def test_every_error_is_announced_with_how_many_things_to_fix(browser, base_url):
    context, page = context_for(browser, base_url, "standard")
    walk(page, base_url + "/share/welcome", "/share/story", True, lambda *_: None)
    page.get_by_role("button", name="Continue").click()
    wait_until(page, "document.activeElement.id === 'error-summary'")
    said = "There is a problem: 1 thing to fix"
    wait_until(page, f"document.getElementById('live-region').textContent === '{said}'")
    # A boosted page (sign-in) with errors is announced the same way.
    page.goto(base_url + "/sign-in")
    page.locator("#sign-in form button[type=submit]").click()
    wait_until(page, "document.activeElement.id === 'error-summary'")
    wait_until(page, "/There is a problem: [0-9]+ things? to fix/.test("
               "document.getElementById('live-region').textContent)")  # fmt: skip
    context.close()


def test_the_live_region_is_never_replaced_by_a_swap(browser, base_url):
    context, page = context_for(browser, base_url, "standard", width=1280)
    page.goto(base_url + "/help")
    page.evaluate("window.region = document.getElementById('live-region')")
    page.locator("footer").get_by_role("link", name="Privacy notice").click()  # boosted
    settle(page, "/privacy")
    assert page.evaluate("document.getElementById('live-region') === window.region")
    assert page.evaluate("document.querySelectorAll('[role=status]').length") == 1
    # And through a conversation's own swaps.
    page.goto(base_url + "/share/welcome")
    page.evaluate("window.region = document.getElementById('live-region')")
    answer_turn(page)
    next_page(page, True)
    wait_until(page, "document.getElementById('live-region').textContent.includes('share')")
    assert page.evaluate("document.getElementById('live-region') === window.region")
    context.close()
