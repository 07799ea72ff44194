"""Reading stories in a real browser, withdrawing one by keyboard, and screenshots.

A person's words are shown as plain text: nothing in them runs, links or swaps, and
a very long word does not make the page scroll sideways at 320 px.
"""

from __future__ import annotations

import pytest

from .conftest import SCREENSHOTS, WIDTHS
from .helpers import axe_violations, has_horizontal_scroll, sign_in, wait_until
from .helpers import check_arrival as check_turn
from .test_stories_share import (
    WITH_DETAILS,
    share_quickly,
    submit_turn,
    tab_to,
    tab_to_button,
    tab_to_id,
)

pytestmark = pytest.mark.browser
SHOTS = SCREENSHOTS / "stories"
PLAIN = "Plain story marker. The bus to the clinic was late again, and nobody told us why."
NOTED = "Noted story marker. After the stay on the ward I could not talk about it for weeks."
NOTE = "mentions a hospital stay"
LONG_WORD = "a" * 300
HOSTILE = (
    "Hostile story marker. Ring 07700 900456.\n\n<script>window.__pwned=1</script>\n"
    '<img src=x onerror="window.__pwned=1">\n'
    "[link](javascript:alert(1))\n"
    '<a hx-get="/sign-out" hx-trigger="load">hx-get="/sign-out"</a>\n\n'
    f"{LONG_WORD} the end."
)
NOT_RUN = "typeof window.__pwned === 'undefined'"


def approve_all(live_app) -> None:
    result = live_app.test_cli_runner().invoke(args=["approve-story", "--all-pending"])
    assert result.exit_code == 0, result.output


def reference_of(live_app, marker: str) -> str:
    from webapp.extensions import db
    from webapp.stories.models import Story

    with live_app.app_context(), db.connection_context():
        found = Story.select().where(Story.body.contains(marker)).order_by(Story.id.desc())
        return found.get().reference


@pytest.fixture(scope="module")
def stories(browser, base_url, live_app):
    """Three stories shared without joining (for anyone to read), then approved.

    While sharing the hostile one: whether anything from it ran, and which turns
    scrolled sideways at 320 px.
    """
    context = browser.new_context(viewport={"width": 320, "height": 800})
    context.add_cookies([{"name": "view", "value": "standard", "url": base_url}])
    page = context.new_page()
    share_quickly(page, base_url, PLAIN, js=True)
    share_quickly(page, base_url, NOTED, note=NOTE, js=True)
    ran, scrolled = [], []

    def seen(page, name):
        ran.extend([] if page.evaluate(NOT_RUN) else [name])
        scrolled.extend([name] if has_horizontal_scroll(page) else [])

    share_quickly(page, base_url, HOSTILE, js=True, seen=seen)
    context.close()
    approve_all(live_app)
    refs = {
        name: reference_of(live_app, f"{name} story marker")
        for name in ("Plain", "Noted", "Hostile")
    }
    return {**refs, "ran": ran, "scrolled": scrolled}


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_story_list_and_pages_fit_and_pass_axe(browser, base_url, stories, variant, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_cookies([{"name": "view", "value": variant, "url": base_url}])
    page = context.new_page()
    for path in [
        "/stories/",
        *(f"/stories/{stories[name]}" for name in ("Plain", "Noted", "Hostile")),
    ]:
        page.goto(base_url + path)
        assert axe_violations(page) == [], path
        assert not has_horizontal_scroll(page), path
    page.goto(base_url + "/stories/")
    assert PLAIN in page.locator(".story-list").inner_text()
    context.close()


def test_a_content_note_hides_the_story_behind_a_disclosure_that_works_by_keyboard(
    browser, base_url, stories
):
    context = browser.new_context(viewport={"width": 320, "height": 800})
    context.add_cookies([{"name": "view", "value": "standard", "url": base_url}])
    page = context.new_page()
    page.goto(base_url + f"/stories/{stories['Noted']}")
    assert NOTE in page.locator(".content-note").inner_text()
    disclosure = page.locator("article details.story-disclosure")
    assert disclosure.get_attribute("open") is None
    assert not page.get_by_text(NOTED).is_visible(), "hidden until asked for"
    tab_to(page, lambda here: here["tag"] == "summary")
    assert page.locator("summary").inner_text() == "Show story"
    page.keyboard.press("Enter")
    wait_until(page, "document.querySelector('details.story-disclosure').open")
    assert page.get_by_text(NOTED).is_visible()
    page.keyboard.press("Space")  # and closed again
    wait_until(page, "!document.querySelector('details.story-disclosure').open")
    assert not page.get_by_text(NOTED).is_visible()
    context.close()


def test_html_scripts_links_and_long_words_show_as_plain_text(browser, base_url, live_app, stories):
    assert stories["ran"] == [], "nothing from the text runs on any turn while sharing"
    from webapp.extensions import db
    from webapp.stories.models import Story

    with live_app.app_context(), db.connection_context():
        assert Story.get(Story.reference == stories["Hostile"]).body == HOSTILE, "kept exactly"
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    for path in (f"/stories/{stories['Hostile']}", "/stories/"):
        page.goto(base_url + path + "?view=standard")
        page.wait_for_timeout(300)  # time for anything that might run or swap
        assert page.evaluate(NOT_RUN), path
        words = page.locator(".story-words").filter(has_text="Hostile story marker")
        text = words.inner_text()
        for typed in ("<script>window.__pwned=1</script>", '<img src=x onerror="window.__pwned=1">',
                      "[link](javascript:alert(1))", 'hx-get="/sign-out"', LONG_WORD):  # fmt: skip
            assert typed in text, (path, typed)
        assert words.locator("script, img, a, [hx-get], [onerror]").count() == 0, path
        assert page.locator("a[href^='javascript']").count() == 0, path
        assert not has_horizontal_scroll(page), path
    context.close()


def test_every_share_turn_fits_320_px_with_long_words_in_the_story(stories):
    assert stories["scrolled"] == []


def test_member_withdraws_a_story_with_the_keyboard(browser, base_url, live_app):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": "view", "value": "standard", "url": base_url}])
    page = context.new_page()
    sign_in(page, base_url)
    share_quickly(
        page, base_url, "Withdrawn story marker. Soon gone.", audience=3, js=True, member=True
    )
    approve_all(live_app)
    reference = reference_of(live_app, "Withdrawn story marker")
    assert page.goto(base_url + f"/stories/{reference}").status == 200
    page.goto(base_url + f"/stories/{reference}/yours")
    tab_to(page, lambda here: here["tag"] == "a" and here["text"] == "Delete your story")
    page.keyboard.press("Enter")
    check_turn(page, f"/stories/{reference}/withdraw")
    assert "cannot recall those copies" in page.locator("main").inner_text()
    tab_to_button(page, "Delete my story")
    page.keyboard.press("Enter")  # the box is not ticked
    check_turn(page, f"/stories/{reference}/withdraw", error=True)
    page.keyboard.press("Tab")  # from the summary to its link
    page.keyboard.press("Enter")
    wait_until(page, "document.activeElement.id === 'confirm'")
    page.keyboard.press("Space")
    assert page.locator("#confirm").is_checked()
    tab_to_button(page, "Delete my story")
    page.keyboard.press("Enter")
    check_turn(page, "/stories/withdrawn")
    assert page.goto(base_url + f"/stories/{reference}").status == 404
    assert page.goto(base_url + f"/stories/{reference}/yours").status == 404
    context.close()


def shoot(page, name, variant):
    for label, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        shot = SHOTS / f"{name}-{variant}-{label}.png"
        page.screenshot(path=shot, full_page=True)
        assert shot.stat().st_size > 0, shot


@pytest.mark.screenshots
@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_screenshots(browser, base_url, stories, variant):
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": "view", "value": variant, "url": base_url}])
    page = context.new_page()

    def seen(page, name):
        if name == "story":
            submit_turn(page)  # nothing written: the error state
            wait_until(page, "document.activeElement.id === 'error-summary'")
            shoot(page, "story-error", variant)
            tab_to_id(page, "body")
        elif name in ("welcome", "details", "check", "shared"):
            shoot(page, name, variant)

    share_quickly(page, base_url, WITH_DETAILS, audience=0, js=True, seen=seen)
    page.goto(base_url + "/stories/")
    shoot(page, "list", variant)
    page.goto(base_url + f"/stories/{stories['Noted']}")
    page.locator("summary").click()
    shoot(page, "story", variant)
    context.close()
