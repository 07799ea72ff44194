"""Walking a whole journey turn by turn, whatever the wording, for checks on every page."""

from __future__ import annotations

import itertools
from urllib.parse import urlsplit

from .helpers import axe_violations, has_horizontal_scroll, wait_until

_numbers = itertools.count(1)
STORY_WITH_DETAILS = (
    "Ring me on 07700 900123 if you want to know more. The day centre closed early every "
    "Friday, so I waited outside in the rain."
)


def path_of(page) -> str:
    return urlsplit(page.url).path


def h1_top(page, js: bool) -> float:
    """Where the h1 starts, from the top of the page (not of the window)."""
    if js:
        return page.evaluate("document.querySelector('h1').getBoundingClientRect().top + scrollY")
    return page.locator("h1").bounding_box()["y"]  # nothing scrolls a page without scripts


def page_problems(page, width: int) -> list[str]:
    """What is wrong with the page as shown (JavaScript on): axe, sideways scrolling, and at
    320 px a question below the first screen."""
    found = axe_violations(page)
    if has_horizontal_scroll(page):
        found.append("scrolls sideways")
    if width == 320 and h1_top(page, js=True) >= 640:
        found.append("the h1 is not on the first screen")
    return found


def answer_turn(page) -> None:
    """Give an answer to whatever the turn asks: the first choice ('I'm not sure' where it
    is offered, to walk the longest branch), a tick, a name, a password, a story."""
    form = page.locator("main form").first
    radios = form.locator("input[type=radio]")
    names = []
    for index in range(radios.count()):
        name = radios.nth(index).get_attribute("name")
        if name not in names:
            names.append(name)
    for name in names:
        group = form.locator(f"input[type=radio][name='{name}']")
        if form.locator(f"input[type=radio][name='{name}']:checked").count():
            continue
        unsure = form.locator(f"input[type=radio][name='{name}'][value=unsure]")
        (unsure if unsure.count() else group.first).check()
    boxes = form.locator("input[type=checkbox]:not([name=topics])")
    for index in range(boxes.count()):
        boxes.nth(index).check()
    if form.locator("#own_name").count():
        form.locator("#own_name").fill(f"Phone Walker {next(_numbers)}")
    if form.locator("#password").count():
        form.locator("#password").fill("copper meadow lantern")
    body = form.locator("textarea#body")
    if body.count() and not body.input_value():
        body.fill(STORY_WITH_DETAILS)


def next_page(page, js: bool) -> None:
    """Press the turn's main button and wait for the next page to be there."""
    before = path_of(page)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(lambda url: urlsplit(url).path != before)
    if js:
        wait_until(page, "!document.querySelector('[aria-busy=true]')")
        wait_until(page, "!!document.querySelector('h1')")


def walk(page, start: str, until: str, js: bool, seen, limit: int = 40) -> list[str]:
    """From start to the page at `until`, calling seen(page, path) on every page."""
    page.goto(start)
    visited = []
    while len(visited) < limit:
        path = path_of(page)
        visited.append(path)
        seen(page, path)
        if path == until:
            return visited
        if not page.locator("main form button[type=submit]").count():
            raise AssertionError(f"nothing to press at {path} on the way to {until}: {visited}")
        answer_turn(page)
        next_page(page, js)
    raise AssertionError(f"never reached {until}: {visited}")
