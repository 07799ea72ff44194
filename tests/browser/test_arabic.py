"""Arabic, a right-to-left language, on a 320 px phone: every main page reads right to left,
passes axe and fits the screen; what must read left to right (phone numbers, email
addresses, codes) does; easy read keeps its picture first, which is now on the right."""

from __future__ import annotations

import pytest

from .conftest import SCREENSHOTS
from .helpers import axe_violations, has_horizontal_scroll, sign_in
from .journeys import walk
from .test_right_to_left import OVERFLOWING

pytestmark = pytest.mark.browser
SHOTS = SCREENSHOTS / "arabic"
PUBLIC = [
    "/",
    "/help",
    "/support",
    "/contact",
    "/privacy",
    "/accessibility",
    "/communities",
    "/agreement",
    "/ask-for-a-review",
    "/agreements/panel",
    "/stories/",
    "/stories/code",
    "/share/",
    "/join/",
    "/sign-in",
    "/sign-in/forgotten",
    "/settings",
    "/no-such-page",
]
SIGNED_IN = [
    "/account",
    "/account/emails",
    "/stories/mine",
    "/decisions/",
    "/plan/people",
    "/plan/people/terms",
    "/how-are-we-doing",
    "/meetings/",
]
DIRECTION = "[document.documentElement.lang, document.documentElement.dir]"


def arabic_page(browser, base_url: str, variant: str, width: int = 320):
    context = browser.new_context(viewport={"width": width, "height": 640})
    context.add_cookies(
        [
            {"name": "lang", "value": "ar", "url": base_url},
            {"name": "view", "value": variant, "url": base_url},
        ]
    )
    return context, context.new_page()


def shot_name(path: str, variant: str) -> str:
    return f"{path.strip('/').replace('/', '-') or 'home'}-{variant}-320.png"


def problems_on(page) -> list[str]:
    """What is wrong with the page as an Arabic page on a 320 px phone."""
    found = [] if page.evaluate(DIRECTION) == ["ar", "rtl"] else ["not ar and rtl"]
    found += axe_violations(page)
    found += page.evaluate(OVERFLOWING)
    if has_horizontal_scroll(page):
        found.append("scrolls sideways at 320 px")
    return found


@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_the_main_pages_in_arabic_read_right_to_left_and_fit_320_px(browser, base_url, variant):
    context, page = arabic_page(browser, base_url, variant)
    SHOTS.mkdir(parents=True, exist_ok=True)
    problems = {}
    for signed_in, paths in ((False, PUBLIC), (True, SIGNED_IN)):
        if signed_in:
            sign_in(page, base_url)
        for path in paths:
            page.goto(base_url + path)
            if found := problems_on(page):
                problems[path] = found
            page.screenshot(path=SHOTS / shot_name(path, variant), full_page=True)
    context.close()
    assert not problems, problems


@pytest.mark.parametrize(
    ("start", "until"),
    [("/join/welcome", "/join/your-recovery-code"), ("/share/welcome", "/stories/shared")],
    ids=["join", "share"],
)
def test_joining_and_sharing_in_arabic_end_with_a_left_to_right_code(
    browser, base_url, start, until
):
    context, page = arabic_page(browser, base_url, "standard")
    SHOTS.mkdir(parents=True, exist_ok=True)
    problems = {}

    def seen(page, path):
        if found := problems_on(page):
            problems[path] = found
        page.screenshot(path=SHOTS / shot_name(path, "journey"), full_page=True)

    walk(page, base_url + start, until, True, seen)
    code = page.locator(".code-box")
    assert code.evaluate("e => getComputedStyle(e).direction") == "ltr"
    context.close()
    assert not problems, problems


def test_phone_numbers_and_email_addresses_read_left_to_right(browser, base_url):
    context, page = arabic_page(browser, base_url, "standard")
    page.goto(base_url + "/support")
    kept = page.locator("main .page [dir=ltr]")
    texts = kept.all_inner_texts()
    assert "116 123" in texts and "jo@samaritans.org" in texts
    directions = kept.evaluate_all("els => els.map(e => getComputedStyle(e).direction)")
    assert set(directions) == {"ltr"}
    context.close()


def test_codes_are_typed_left_to_right(browser, base_url):
    context, page = arabic_page(browser, base_url, "standard")
    page.goto(base_url + "/stories/code")
    code = page.locator("#code")
    assert code.evaluate("e => getComputedStyle(e).direction") == "ltr"
    context.close()


def test_easy_read_keeps_the_picture_first_on_the_right(browser, base_url):
    context, page = arabic_page(browser, base_url, "easyread", width=1280)
    page.goto(base_url + "/help")
    section = page.locator(".easyread__section").first
    picture = section.locator(".easyread__picture").bounding_box()
    words = section.locator(".easyread__words").bounding_box()
    assert picture["x"] > words["x"] + words["width"] - 1, (picture, words)
    # In the document too the picture comes first, so it is read first.
    order = section.evaluate(
        "s => s.querySelector('.easyread__picture')"
        ".compareDocumentPosition(s.querySelector('.easyread__words'))"
    )
    assert order & 4  # the words follow the picture
    context.close()


def test_the_back_arrow_points_right_in_arabic_and_pictures_do_not_flip(browser, base_url):
    context, page = arabic_page(browser, base_url, "easyread")
    page.goto(base_url + "/help?next=/stories/")
    arrow = "getComputedStyle(document.querySelector('.back-link'), '::before').transform"
    in_arabic = page.evaluate(arrow)
    pictures = page.locator(".easyread__picture").evaluate_all(
        "els => els.map(e => getComputedStyle(e).transform)"
    )
    assert set(pictures) == {"none"}
    page.goto(base_url + "/help?next=/stories/&lang=en")
    assert page.evaluate(arrow) != in_arabic
    context.close()
