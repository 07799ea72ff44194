"""Every page reachable from home: axe 0 violations, both variants, 320 and 1280 px,
in every offered language.

Also no horizontal scroll at 320 px, the h1 on the first screen of a 320 × 640 phone,
and every page works with JavaScript off.
"""

from __future__ import annotations

import pytest

from webapp.config import Config

from .conftest import SCREENSHOTS, WIDTHS
from .helpers import axe_violations, has_horizontal_scroll, same_site_links

pytestmark = pytest.mark.browser

EXTRA_PAGES = ["/no-such-page"]  # error pages are not linked, so visit one directly


def crawl(page, base_url: str, limit: int = 60) -> list[str]:
    to_visit, seen = ["/", *EXTRA_PAGES], []
    while to_visit and len(seen) < limit:
        path = to_visit.pop(0)
        if path in seen:
            continue
        seen.append(path)
        page.goto(base_url + path)
        to_visit += sorted(same_site_links(page, base_url) - set(seen))
    return seen


def open_page(browser, base_url: str, variant: str, width: int, language: str = "en"):
    # A phone is 320 × 640: the h1 must be on its first screen.
    context = browser.new_context(viewport={"width": width, "height": 640 if width == 320 else 900})
    context.add_cookies(
        [
            {"name": "view", "value": variant, "url": base_url},
            {"name": "lang", "value": language, "url": base_url},
        ]
    )
    return context, context.new_page()


@pytest.mark.parametrize("language", list(Config.LANGUAGES))
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_every_page_passes_axe(browser, base_url, variant, width, language):
    context, page = open_page(browser, base_url, variant, width, language)
    visited = crawl(page, base_url)
    assert len(visited) >= 10, visited
    problems = {}
    for path in visited:
        page.goto(base_url + path)
        violations = axe_violations(page)
        if violations:
            problems[path] = violations
        if width == 320 and has_horizontal_scroll(page):
            problems.setdefault(path, []).append("scrolls sideways at 320 px")
        if width == 320 and page.locator("h1").bounding_box()["y"] >= 640:
            problems.setdefault(path, []).append("the h1 is not on the first screen at 320 × 640")
        if variant == "easyread" and path != "/settings":
            assert page.locator(".easyread__section").count() > 0, path
    context.close()
    assert not problems, problems


@pytest.mark.parametrize("contrast", ["high", "dark", "device"])
def test_display_settings_pass_axe(browser, base_url, contrast):
    context = browser.new_context(viewport={"width": 320, "height": 800}, color_scheme="dark")
    context.add_cookies(
        [
            {
                "name": "display",
                "value": f"size-largest.contrast-{contrast}.spacing-wide",
                "url": base_url,
            }
        ]
    )
    page = context.new_page()
    for path in ("/", "/settings", "/help?view=easyread"):
        page.goto(base_url + path)
        assert axe_violations(page) == [], path
        assert not has_horizontal_scroll(page), path
    context.close()


def test_every_page_works_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 800})
    page = context.new_page()
    visited = crawl(page, base_url)
    for path in visited:
        response = page.goto(base_url + path)
        assert response.status == (404 if path in EXTRA_PAGES else 200), path
        assert page.locator("h1").is_visible(), path
        assert page.locator("a.quick-exit").is_visible(), path
        # Without JavaScript the shortcut hint stays hidden: only the link is promised.
        assert not page.locator("[data-quick-exit-hint]").is_visible()
    # The easy-read switch and the display settings form work with plain HTML.
    page.goto(base_url + "/help")
    page.get_by_role("link", name="Read this page in easy read").click()
    assert page.locator(".easyread__section").count() > 0
    page.goto(base_url + "/settings?view=standard")
    page.get_by_label("Largest").check()
    page.get_by_role("button", name="Save display settings").click()
    assert "size-largest" in page.locator("html").get_attribute("class")
    context.close()


@pytest.mark.screenshots
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_screenshots_of_every_page(browser, base_url, variant, width):
    context, page = open_page(browser, base_url, variant, width)
    folder = SCREENSHOTS / "pages"
    folder.mkdir(parents=True, exist_ok=True)
    for path in crawl(page, base_url):
        page.goto(base_url + path)
        name = path.strip("/").split("?")[0].replace("/", "-") or "home"
        shot = folder / f"{name}-{variant}-{width}.png"
        page.screenshot(path=shot, full_page=True)
        assert shot.stat().st_size > 0, shot
    context.close()
