"""Checks shared by the browser tests."""

from __future__ import annotations

import json
from urllib.parse import urljoin, urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from webapp.join.demo import DEMO_MEMBER

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
axe = Axe()


def axe_violations(page) -> list[str]:
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


def has_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def same_site_links(page, base_url: str) -> set[str]:
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
    found = set()
    for href in hrefs:
        url = urljoin(page.url, href)
        parts = urlsplit(url)
        if url.startswith(base_url) and not parts.path.startswith(("/static/", "/language/")):
            # The variant is set by the context's cookie; drop ?view=, ?next= and fragments,
            # so /settings?next=/a and /settings?next=/b count as one page.
            query = "&".join(
                q for q in parts.query.split("&") if q and not q.startswith(("view=", "next="))
            )
            found.add(parts.path + (f"?{query}" if query else ""))
    return found


def focused(page) -> dict:
    return page.evaluate(
        """() => { const el = document.activeElement;
        return {tag: el.tagName.toLowerCase(), id: el.id, text: el.textContent.trim(),
                cls: el.className}; }"""
    )


def wait_until(page, expression: str, timeout_ms: int = 10000) -> None:
    """Poll an expression from outside the page.

    page.wait_for_function evaluates inside the page, which our CSP (no
    unsafe-eval) rightly refuses; page.evaluate goes through the debugger.
    """
    waited = 0
    while not page.evaluate(expression):
        if waited >= timeout_ms:
            raise AssertionError(f"timed out waiting for: {expression}")
        page.wait_for_timeout(50)
        waited += 50


def settle(page, path: str, js: bool = True) -> None:
    """Wait until the page is at `path` and no htmx request is running."""
    if not js:  # real page loads; and nothing can be evaluated in a page without JavaScript
        page.wait_for_url(lambda url: url.split("#")[0].split("?")[0].endswith(path))
        return
    wait_until(page, f"location.pathname === '{path}'")
    wait_until(page, "!document.querySelector('[aria-busy=true]')")


def check_arrival(
    page, path: str, *, js: bool = True, error: bool = False, announced=None, place=None
):
    """Where we are after a step: the URL, focus, the live region, the title, axe, 320 px.
    `place`: the id of the place on the page the address names (after '#'), which takes
    focus instead of the heading; the heading's words are announced all the same."""
    if place is not None and not js:  # a real page load: wait for it to arrive
        page.wait_for_url(
            lambda url: urlsplit(url).path.endswith(path) and urlsplit(url).fragment == place
        )
    settle(page, path, js)
    if place is not None and js:
        wait_until(page, f"location.hash === '#{place}'")
    if not js:
        # Waiting, not a single look: a click returns once the next page starts loading.
        expect(page.locator("h1")).to_be_visible()
        summary = page.locator("[data-error-summary]")
        if error:
            expect(summary).to_be_visible()
        else:
            expect(summary).to_have_count(0)
        return
    if error:
        wait_until(page, "document.activeElement.id === 'error-summary'")
        assert page.title().startswith("Error: ")
    else:
        if place is not None:
            wait_until(page, f"document.activeElement.id === '{place}'")
        else:
            wait_until(page, "document.activeElement.tagName === 'H1'")
        heading = page.locator("h1").inner_text()
        said = json.dumps(announced or heading)
        try:
            wait_until(page, f"document.getElementById('live-region').textContent.includes({said})")
        except AssertionError as waited:
            heard = page.evaluate("document.getElementById('live-region').textContent")
            raise AssertionError(f"{path}: the live region says {heard!r}, not {said}") from waited
        assert page.title().startswith(heading)
    assert axe_violations(page) == [], path
    assert not has_horizontal_scroll(page), path


def sign_in(page, base_url: str, name: str = DEMO_MEMBER[0], password: str = DEMO_MEMBER[1],
            js: bool = True) -> None:  # fmt: skip
    """Sign in through the form, as the demo member unless told otherwise."""
    page.goto(base_url + "/sign-in")
    page.locator("#name").fill(name)
    page.locator("#password").fill(password)
    page.locator("#sign-in form button[type=submit]").click()
    settle(page, "/account", js)


def axe_violations_of_page_without_js(browser, page) -> list[str]:
    """axe cannot run in a page with JavaScript off: serve that page's own HTML, at its own
    address, to a second page with JavaScript on and the app's scripts blocked, and run it
    there (the styles still load, so contrast is judged as shown)."""
    html, url = page.content(), page.url
    context = browser.new_context(viewport=page.viewport_size, bypass_csp=True)
    copy = context.new_page()
    copy.route("**/*.js", lambda route: route.abort())
    copy.route(url, lambda route: route.fulfill(status=200, content_type="text/html", body=html))
    copy.goto(url)
    found = axe_violations(copy)
    context.close()
    return found


def signed_in_context(browser, base_url: str, name: str, password: str, variant="standard",
                      width=1280, js=True):  # fmt: skip
    """A new browser context (a phone is 320 × 640) in a variant, signed in as this person."""
    context = browser.new_context(
        viewport={"width": width, "height": 640 if width == 320 else 900}, java_script_enabled=js
    )
    context.add_cookies([{"name": "view", "value": variant, "url": base_url}])
    page = context.new_page()
    page.goto(base_url + "/sign-in")
    page.locator("#name").fill(name)
    page.locator("#password").fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda url: "/sign-in" not in url)
    return context, page
