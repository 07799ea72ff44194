"""Issue 12: on a 320 × 640 phone the question comes first, in both variants, with
JavaScript on and off; the header is compact with nothing lost; earlier answers fold
into one closed control; the question total never grows."""

from __future__ import annotations

import re

import pytest

from .helpers import axe_violations, has_horizontal_scroll, settle, sign_in, wait_until
from .journeys import h1_top, next_page, walk

pytestmark = pytest.mark.browser
PHONE = {"width": 320, "height": 640}
FIRST_SCREEN = 320  # the h1 starts in the top half of a 640 px screen


def phone(browser, base_url, variant, js=True, width=320):
    context = browser.new_context(java_script_enabled=js, viewport={"width": width, "height": 640})
    context.add_cookies([{"name": "view", "value": variant, "url": base_url}])
    return context, context.new_page()


@pytest.mark.parametrize("js", [True, False], ids=["javascript", "no-javascript"])
@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_every_turn_of_joining_and_agreeing_starts_on_the_first_screen(
    browser, base_url, variant, js
):
    context, page = phone(browser, base_url, variant, js)
    tops = {}

    def seen(page, path):
        tops[path] = h1_top(page, js)

    visited = walk(page, base_url + "/join/welcome", "/agreements/panel/agreed", js, seen)
    assert "/join/uses_services" in visited and "/join/your-recovery-code" in visited
    assert any(p.startswith("/agreements/") for p in visited), visited
    late = {path: top for path, top in tops.items() if top > FIRST_SCREEN}
    assert not late, f"the h1 starts below the first {FIRST_SCREEN} px: {late}"
    context.close()


@pytest.mark.parametrize("js", [True, False], ids=["javascript", "no-javascript"])
@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_every_turn_of_sharing_starts_on_the_first_screen(browser, base_url, variant, js):
    context, page = phone(browser, base_url, variant, js)
    tops = {}

    def seen(page, path):
        tops[path] = h1_top(page, js)
        if path == "/share/details":  # the longest "You said" of all, folded
            assert page.locator("details.you-said--narrow").is_visible()

    visited = walk(page, base_url + "/share/welcome", "/stories/shared", js, seen)
    assert "/share/details" in visited
    late = {path: top for path, top in tops.items() if top > FIRST_SCREEN}
    assert not late, f"the h1 starts below the first {FIRST_SCREEN} px: {late}"
    context.close()


@pytest.mark.parametrize("js", [True, False], ids=["javascript", "no-javascript"])
def test_earlier_answers_fold_into_one_closed_control_on_a_phone(browser, base_url, js):
    context, page = phone(browser, base_url, "standard", js)
    walk(page, base_url + "/share/welcome", "/share/audience", js, lambda *_: None)
    folded = page.locator("details.you-said--narrow")
    assert folded.is_visible() and folded.get_attribute("open") is None, "closed by default"
    assert re.fullmatch(
        r"Your answers so far: 3 – show", folded.locator("summary").inner_text().strip()
    )
    assert not page.locator(".you-said--wide").is_visible()
    assert not folded.get_by_role("link", name=re.compile("^Change")).first.is_visible()
    # The question and its form come first, then the folded answers.
    question = page.locator("main h1").bounding_box()
    assert folded.bounding_box()["y"] > question["y"] + question["height"]
    folded.locator("summary").click()
    assert folded.get_attribute("open") is not None
    assert folded.locator("summary").inner_text().strip().endswith("hide")
    assert folded.get_by_role("link", name="Change who may read it").count() == 0
    assert folded.get_by_role("link", name="Change the content note").is_visible()
    if js:
        assert axe_violations(page) == []
    context.close()
    # On a wide screen the answers are a plain list, as before.
    context, page = phone(browser, base_url, "standard", js, width=1280)
    walk(page, base_url + "/share/welcome", "/share/audience", js, lambda *_: None)
    assert page.locator(".you-said--wide").is_visible()
    assert not page.locator("details.you-said--narrow").is_visible()
    context.close()


def mistake_made(page, js: bool) -> None:
    page.locator("main form button[type=submit]").first.click()
    page.locator(".error-summary").wait_for()
    if js:
        wait_until(page, "document.activeElement.id === 'error-summary'")


@pytest.mark.parametrize("js", [True, False], ids=["javascript", "no-javascript"])
def test_after_a_mistake_the_question_still_starts_on_the_first_screen(browser, base_url, js):
    """The error summary and the question both fit, with a line of the question to spare,
    in the longest case: two mistakes on the sign-in details (and a Welsh page)."""
    context, page = phone(browser, base_url, "standard", js)
    walk(page, base_url + "/join/welcome", "/join/sign_in", js, lambda *_: None)
    page.locator("main input[type=email]").fill("not an address")
    mistake_made(page, js)
    assert page.locator(".error-summary li").count() == 2
    assert h1_top(page, js) < PHONE["height"] - 48, "a line of the question is seen"
    context.add_cookies([{"name": "lang", "value": "cy", "url": base_url}])
    walk(page, base_url + "/share/welcome", "/share/content_note", js, lambda *_: None)
    page.locator("main input[type=text]").fill("x" * 200)
    mistake_made(page, js)
    assert h1_top(page, js) < PHONE["height"] - 48, "a line of the question is seen"
    assert page.locator("main input[type=text]").input_value() == "x" * 200, "nothing lost"
    context.close()


HEADER_LINKS = """[...document.querySelectorAll('header a')].filter(a => a.offsetParent)
  .map(a => a.getAttribute('href').split('?')[0])"""


@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_the_header_is_compact_on_a_phone_with_nothing_lost(browser, base_url, variant):
    wide_context, wide = phone(browser, base_url, variant, width=1280)
    wide.goto(base_url + "/help")
    on_desktop = wide.evaluate(HEADER_LINKS)
    wide_context.close()
    context, page = phone(browser, base_url, variant)
    page.goto(base_url + "/help")
    assert page.evaluate(HEADER_LINKS) == on_desktop, "the same links, in the same order"
    header = page.locator("header.site-header").bounding_box()
    assert header["height"] <= 160, header
    order = [
        page.locator("a.quick-exit"),
        page.locator("header a.help-link"),
        page.locator("#page-options a").first,  # the variant switch
        page.locator("#page-options a[href*='settings']"),
        page.locator("#page-options .languages a").first,
    ]
    for control in order:
        box = control.bounding_box()
        assert control.is_visible() and box["height"] >= 24, control
    assert not has_horizontal_scroll(page)
    assert axe_violations(page) == []
    context.close()


@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_a_members_group_links_fit_the_phone_header(browser, base_url, variant):
    """Decisions, meetings and the plan, one line more than a visitor's header and no wider."""
    wide_context, wide = phone(browser, base_url, variant, width=1280)
    sign_in(wide, base_url)
    wide.goto(base_url + "/help")
    on_desktop = wide.evaluate(HEADER_LINKS)
    wide_context.close()
    context, page = phone(browser, base_url, variant)
    sign_in(page, base_url)
    page.goto(base_url + "/help")
    assert page.evaluate(HEADER_LINKS) == on_desktop, "the same links, in the same order"
    links = page.locator("header nav.group-links a")
    assert links.count() == 3
    for i in range(3):
        box = links.nth(i).bounding_box()
        assert links.nth(i).is_visible() and box["height"] >= 24 and box["x"] + box["width"] <= 320
    assert page.locator("header.site-header").bounding_box()["height"] <= 190
    assert not has_horizontal_scroll(page)
    assert axe_violations(page) == []
    context.close()


@pytest.mark.parametrize("js", [True, False], ids=["javascript", "no-javascript"])
def test_the_question_total_never_grows(browser, base_url, js):
    context, page = phone(browser, base_url, "standard", js)
    page.goto(base_url + "/join/welcome")
    next_page(page, js)
    assert page.locator(".caption").inner_text() == "Question 1 of 7"
    page.locator("input[value=unsure]").check()
    next_page(page, js)
    assert page.locator(".caption").inner_text() == "Question 2 of 7", "not 2 of 7 after 1 of 3"
    page.locator("main form input[type=radio]").first.check()
    next_page(page, js)
    assert page.locator(".caption").inner_text() == "Question 3 of 7"
    # Someone sure of their community needs fewer questions: the total stays the same.
    page.goto(base_url + "/join/community?change=1")
    page.locator("input[value=staff]").check()
    next_page(page, js)
    settle(page, "/join/name", js)
    assert page.locator(".caption").inner_text() == "Question 2 of 7"
    context.close()
