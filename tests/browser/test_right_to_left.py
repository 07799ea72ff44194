"""Right-to-left readiness: pages forced to dir="rtl" still fit a 320 px screen, the back
arrow points the other way, and codes stay left to right.

No right-to-left language ships yet, so the test sets dir="rtl" on <html> itself, as an
Arabic page would have it (webapp/i18n.py text_direction).
"""

from __future__ import annotations

import pytest

from .conftest import SCREENSHOTS
from .helpers import has_horizontal_scroll

pytestmark = pytest.mark.browser
SHOTS = SCREENSHOTS / "right-to-left"
PAGES = [
    "/",
    "/help?view=easyread",
    "/support",
    "/agreements/panel?view=easyread",
    "/sign-in",
    "/stories/",
    "/settings?next=/help",
    "/share/",
]
# Elements that are off screen on purpose (screen-reader text, the honeypot, the skip link).
OVERFLOWING = """() => {
  const width = window.innerWidth, found = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('.visually-hidden, .honeypot, .skip-link, template')) continue;
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height) continue;
    if (box.left < -1 || box.right > width + 1) {
      found.push(el.tagName.toLowerCase() + '.' + el.className + ' ' + Math.round(box.left) + '..' + Math.round(box.right));
    }
  }
  return found;
}"""
TO_RTL = "document.documentElement.dir = 'rtl'"


@pytest.mark.parametrize("path", PAGES)
def test_a_page_in_right_to_left_fits_320_px(browser, base_url, path):
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    page.goto(base_url + path)
    page.evaluate(TO_RTL)
    assert page.evaluate(OVERFLOWING) == []
    assert not has_horizontal_scroll(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    name = path.strip("/").replace("/", "-").split("?")[0] or "home"
    page.screenshot(path=SHOTS / f"{name}{'-easyread' if 'easyread' in path else ''}-320.png")
    context.close()


def test_the_back_arrow_points_back_in_either_direction(browser, base_url):
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    page.goto(base_url + "/help?next=/stories/")
    arrow = "getComputedStyle(document.querySelector('.back-link'), '::before').transform"
    left_to_right = page.evaluate(arrow)
    page.evaluate(TO_RTL)
    right_to_left = page.evaluate(arrow)
    assert left_to_right != right_to_left
    # The arrow's room is at the start of the line, which is now the right.
    room = "getComputedStyle(document.querySelector('.back-link'))"
    assert page.evaluate(f"{room}.paddingRight") == "16px"
    assert page.evaluate(f"{room}.paddingLeft") == "0px"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.locator(".back-link").screenshot(path=SHOTS / "back-link-rtl.png")
    context.close()
