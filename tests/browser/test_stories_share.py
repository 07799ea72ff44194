"""Sharing a story in a real browser: as a member with htmx, without an account and
without JavaScript, with the keyboard only, and in easy read.

After each htmx swap: focus on the new question (or the error summary), the pushed URL,
the live region, and axe with no violations, on every turn and every error state.
"""

from __future__ import annotations

import re

import pytest

from webapp.stories.models import CODE_ALPHABET

from .helpers import axe_violations, focused, settle, sign_in
from .helpers import check_arrival as check_turn

pytestmark = pytest.mark.browser
STORY = (
    "The night staff listened when I could not sleep. A quiet word at the right time "
    "helped more than any leaflet."
)
PHONE, POSTCODE = "07700 900123", "SW1A 1AA"
WITH_DETAILS = (
    f"Ring me on {PHONE} if you want to know more. The day centre near {POSTCODE} "
    "closed early every Friday, so I waited outside in the rain."
)
CODE = re.compile(rf"^[{CODE_ALPHABET}]{{4}}(-[{CODE_ALPHABET}]{{4}}){{5}}$")
# Whether any element with focus is drawn with an outline or a ring.
FOCUS_SHOWN = """(() => { const el = document.activeElement;
  if (!el || el === document.body) return false;
  const s = getComputedStyle(el);
  return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
})()"""


def submit_turn(page):
    # The first button is the main one (the details turn has two).
    page.locator("#conversation form:not(.forget-form) button[type=submit]").first.click()


def error_text(page) -> str:
    return page.locator("[data-error-summary]").inner_text()


def share_quickly(page, base_url, body, *, note="", audience=1, js=False, member=False, seen=None):
    """The whole conversation by ids, not wording: for journeys about what comes later.

    audience is the index of the choice (for visitors, 0 is facilitators and 1 anyone).
    seen(page, name) is called on arrival at each turn, and at the page after sharing.
    """

    def arrive(name, path=None):
        settle(page, path or f"/share/{name}", js)
        if seen:
            seen(page, name)

    page.goto(base_url + "/share/welcome")
    arrive("welcome")
    submit_turn(page)
    arrive("story")
    page.locator("#body").fill(body)
    submit_turn(page)
    arrive("community")
    page.locator("#community-0").check()
    submit_turn(page)
    arrive("content_note")
    page.locator("#content_note").fill(note)
    submit_turn(page)
    turns = [("audience", audience), ("quoting", 1)] + ([("name", 0)] if member else [])
    for name, choice in [*turns, ("keep_for", 3), ("replies", 1)]:
        arrive(name)
        page.locator(f"#{name}-{choice}").check()
        submit_turn(page)
    page.wait_for_url(re.compile(r"/share/(details|check)$"))
    if page.url.endswith("/share/details"):
        arrive("details")
        submit_turn(page)
    arrive("check")
    page.get_by_role("button", name="Send my story").click()
    arrive("shared", "/stories/shared")


def test_member_shares_with_javascript_every_turn_and_error(browser, base_url):
    context = browser.new_context(viewport={"width": 320, "height": 800})
    context.add_cookies([{"name": "view", "value": "standard", "url": base_url}])
    page = context.new_page()
    sign_in(page, base_url)
    page.goto(base_url + "/share/welcome")
    settle(page, "/share/welcome")
    assert page.locator("h1").inner_text() == "Share your story"
    assert axe_violations(page) == []
    submit_turn(page)
    check_turn(page, "/share/story")
    assert page.locator("h1").inner_text() == "What would you like to share?"
    page.locator("#body").fill("")
    submit_turn(page)  # nothing written
    check_turn(page, "/share/story", error=True)
    assert "Write your story, or a few words about what happened" in error_text(page)
    too_long = " ".join(f"word{n}" for n in range(1040))
    page.locator("#body").fill(too_long)
    submit_turn(page)
    check_turn(page, "/share/story", error=True)
    message = "You have written 1,040 words. The most is 1,000, so take out 40 words."
    assert message in error_text(page)
    assert message in page.locator("#body-error").inner_text()
    assert page.locator("#body").input_value() == too_long, "what was typed is kept"
    page.locator("#body").fill(WITH_DETAILS)
    submit_turn(page)
    check_turn(page, "/share/community")
    assert page.locator("#community-0").is_checked(), "the member's own community first"
    # At 320 px earlier answers fold into one closed control: open it to reach Change.
    page.locator("details.you-said--narrow summary").click()
    assert page.locator(".you-said").get_by_role("link", name="Change your story").count() == 1
    page.locator("#topics-0").check()
    submit_turn(page)
    check_turn(page, "/share/content_note")
    page.get_by_label("Does your story need a content note? (optional)").fill("mentions rain")
    submit_turn(page)
    check_turn(page, "/share/audience")
    submit_turn(page)  # no choice made
    check_turn(page, "/share/audience", error=True)
    assert "Choose who may read your story" in error_text(page)
    assert page.locator("input[name=audience]").count() == 4, "members have every choice"
    page.locator("#audience-1").check()  # members of the community it is for (named)
    submit_turn(page)
    check_turn(page, "/share/quoting")
    page.get_by_label("It may be summarised, but not quoted word for word").check()
    submit_turn(page)
    check_turn(page, "/share/name")
    page.get_by_label("Do not show a name (anonymous)").check()
    submit_turn(page)
    check_turn(page, "/share/keep_for")
    page.get_by_label("6 months").check()
    submit_turn(page)
    check_turn(page, "/share/replies")
    page.get_by_label("Members may reply").check()
    submit_turn(page)
    check_turn(page, "/share/details")
    marked = page.locator(".details-list mark").all_inner_texts()
    assert PHONE in marked and POSTCODE in marked, marked
    assert page.locator("#body").input_value() == WITH_DETAILS, "the text can be edited here"
    edited = WITH_DETAILS.replace(f"Ring me on {PHONE} if you want to know more. ", "")
    page.locator("#body").fill(edited)
    submit_turn(page)
    check_turn(page, "/share/check")
    answers = page.locator(".check-answers").inner_text()
    assert PHONE not in answers and "The day centre" in answers, "the edit was kept"
    assert "6 months" in answers and "mentions rain" in answers
    page.get_by_role("button", name="Send my story").click()
    check_turn(page, "/stories/shared")
    assert page.locator("h1").inner_text() == "Your story has been sent"
    assert page.locator("#story-code").count() == 0, "members get no code"
    assert page.get_by_role("link", name="See your stories and their status").count() == 1
    context.close()


def test_visitor_shares_without_javascript_then_uses_the_code(browser, base_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 800})
    context.add_cookies([{"name": "view", "value": "standard", "url": base_url}])
    page = context.new_page()
    page.goto(base_url + "/share/")
    settle(page, "/share/", js=False)  # the first turn, served without a redirect
    submit_turn(page)
    check_turn(page, "/share/story", js=False)
    submit_turn(page)
    check_turn(page, "/share/story", js=False, error=True)
    page.locator("#body").fill(STORY)
    submit_turn(page)
    check_turn(page, "/share/community", js=False)
    submit_turn(page)  # no community chosen
    check_turn(page, "/share/community", js=False, error=True)
    page.locator("#community-1").check()
    submit_turn(page)
    check_turn(page, "/share/content_note", js=False)
    submit_turn(page)  # the note is optional
    check_turn(page, "/share/audience", js=False)
    labels = page.locator("label[for^=audience-]").all_inner_texts()
    assert len(labels) == 2, "choices that need membership are left out"
    page.get_by_label("Anyone, including people who are not members").check()
    submit_turn(page)
    check_turn(page, "/share/quoting", js=False)
    page.get_by_label("It must not be used outside Common Ground").check()
    submit_turn(page)
    check_turn(page, "/share/keep_for", js=False)  # no name turn without an account
    page.get_by_label("3 months").check()
    submit_turn(page)
    check_turn(page, "/share/replies", js=False)
    page.get_by_label("No replies").check()
    submit_turn(page)
    check_turn(page, "/share/check", js=False)
    assert "Should your name be shown?" not in page.locator(".check-answers").inner_text()
    page.get_by_role("button", name="Send my story").click()
    settle(page, "/stories/shared", js=False)
    code = page.locator("#story-code").inner_text().strip()
    assert CODE.match(code), code
    page.reload()
    settle(page, "/stories/shared", js=False)
    assert page.locator("#story-code").count() == 0, "the code is shown once"
    context.close()

    later = browser.new_context(java_script_enabled=False)
    page = later.new_page()
    page.goto(base_url + "/stories/code?view=standard")
    page.get_by_label("Your private story code").fill(code.lower())  # case does not matter
    page.get_by_role("button", name="See my story").click()
    page.wait_for_url(re.compile(r"/stories/[\w-]+/yours$"))
    assert STORY in page.locator("main").inner_text()
    page.get_by_role("link", name="Change who may read and use your story").click()
    page.wait_for_url(re.compile(r"/stories/[\w-]+/boundaries$"))
    assert page.locator("input[name=name]").count() == 0, "no name to show without an account"
    page.get_by_label("Only the facilitators: the people who run the communities").check()
    page.get_by_role("button", name="Save my choices").click()
    page.wait_for_url(re.compile(r"/stories/[\w-]+/yours\?changed=boundaries$"))
    assert "Your choices are saved." in page.locator(".notice").inner_text()
    assert "Only the facilitators" in page.locator(".check-answers").inner_text()
    later.close()


def tab_to(page, match, limit=60):
    """Tab until the focused element matches; focus must never fall back to the page."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        here = focused(page)
        assert here["tag"] != "body", "focus was lost"
        assert page.evaluate(FOCUS_SHOWN), f"focus is not visible on {here}"
        if match(here):
            return here
    raise AssertionError("could not reach the element with Tab")


def tab_to_id(page, element_id):
    return tab_to(page, lambda here: here["id"] == element_id)


def tab_to_button(page, text):
    return tab_to(page, lambda here: here["tag"] == "button" and here["text"] == text)


def test_visitor_shares_with_the_keyboard_only(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": "view", "value": "standard", "url": base_url}])
    page = context.new_page()
    page.goto(base_url + "/share/welcome")
    tab_to_button(page, "Start")
    page.keyboard.press("Enter")
    check_turn(page, "/share/story")
    tab_to_id(page, "body")
    page.keyboard.type(STORY)
    tab_to_button(page, "Continue")
    page.keyboard.press("Enter")
    check_turn(page, "/share/community")
    tab_to_id(page, "community-0")
    page.keyboard.press("ArrowDown")  # Advocates and Campaigners
    assert page.locator("#community-1").is_checked()
    tab_to_button(page, "Continue")
    page.keyboard.press("Enter")
    check_turn(page, "/share/content_note")
    tab_to_id(page, "content_note")
    page.keyboard.type("mentions sleeplessness")
    page.keyboard.press("Enter")  # submits the form
    for turn, presses, chosen in [
        ("audience", ["ArrowDown"], "audience-1"),
        ("quoting", ["ArrowDown", "ArrowDown"], "quoting-2"),
        ("keep_for", ["ArrowDown", "ArrowDown"], "keep_for-2"),
        ("replies", ["Space"], "replies-0"),
    ]:
        check_turn(page, f"/share/{turn}")
        tab_to_id(page, f"{turn}-0")
        for key in presses:
            page.keyboard.press(key)
        assert page.locator(f"#{chosen}").is_checked()
        tab_to_button(page, "Continue")
        page.keyboard.press("Enter")
    check_turn(page, "/share/check")
    tab_to_button(page, "Send my story")
    page.keyboard.press("Enter")
    check_turn(page, "/stories/shared")
    assert CODE.match(page.locator("#story-code").inner_text().strip())
    context.close()


EASY_TURNS = {
    "story": "What do you want to tell us?",
    "community": "Which group is your story for?",
    "content_note": "Could your story upset people? You do not have to say.",
    "audience": "Who can read your story?",
    "quoting": "Can people use your words?",
    "keep_for": "How long should your story stay?",
    "replies": "Can people reply to your story?",
    "details": "Could your story show who someone is?",
    "check": "Check your story",
}


def test_visitor_shares_in_easy_read(browser, base_url):
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    page.goto(base_url + "/share/welcome?view=easyread")
    settle(page, "/share/welcome")
    assert page.locator("h1").inner_text() == "Tell us your story"
    assert page.locator(".easyread__section").count() >= 4
    assert axe_violations(page) == []
    submit_turn(page)
    for turn, question in EASY_TURNS.items():
        check_turn(page, f"/share/{turn}")
        assert page.locator("h1").inner_text() == question
        if turn == "story":
            submit_turn(page)
            check_turn(page, "/share/story", error=True)
            assert "Write a few words about what happened. That is enough." in error_text(page)
            assert "Something needs fixing" in error_text(page)
            page.locator("#body").fill(WITH_DETAILS)
        elif turn in ("community", "audience", "quoting", "keep_for", "replies"):
            page.locator(f"#{turn}-0").check()
        if turn == "check":
            assert page.get_by_role("button", name="Send my story").is_visible()
            page.get_by_role("button", name="Send my story").click()
        else:
            buttons = page.locator("#conversation form:not(.forget-form) button[type=submit]")
            expected = (
                ["Save my changes", "Keep my story as it is"] if turn == "details" else ["Next"]
            )
            assert buttons.all_inner_texts() == expected
            submit_turn(page)
    check_turn(page, "/stories/shared")
    assert page.locator("h1").inner_text() == "We got your story"
    context.close()
