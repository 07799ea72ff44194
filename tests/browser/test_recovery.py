"""Forgotten password in a real browser: the recovery code with the keyboard alone, the
emailed link without JavaScript, and axe on every page and error state.

After each htmx swap: where focus is and what the live region says.
"""

from __future__ import annotations

import itertools
import re
import uuid

import pytest

from webapp.accounts.passwords import hash_code, hash_password
from webapp.extensions import db
from webapp.mail import outbox_messages
from webapp.models import Community, Member

from .conftest import WIDTHS
from .helpers import axe_violations, focused, has_horizontal_scroll, settle, wait_until
from .helpers import check_arrival as check_page

pytestmark = pytest.mark.browser
_numbers = itertools.count(1)
OLD_PASSWORD = "kettle harbour lantern"
NEW_PASSWORD = "lantern orchard pebble"


@pytest.fixture(scope="module")
def outbox(live_app, tmp_path_factory):
    folder = tmp_path_factory.mktemp("outbox")
    live_app.config["MAIL_OUTBOX_DIR"] = folder
    return folder


def new_member(live_app, code=None, email=None) -> str:
    """A member of our own, so other tests' members keep their passwords."""
    name = f"Lost Key {next(_numbers)} {uuid.uuid4().hex[:4]}"
    with live_app.app_context(), db.connection_context():
        Member.create(
            display_name=name,
            name_key=Member.fold(name),
            community=Community.by_slug("people"),
            password_hash=hash_password(OLD_PASSWORD),
            email=email,
            recovery_hash=hash_code(code) if code else None,
        )
    return name


def tab_to(page, predicate, limit=40):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if predicate(focused(page)):
            return
    raise AssertionError("never reached with Tab")


def test_recovery_code_with_the_keyboard_only(browser, base_url, live_app):
    code = "abcd-efgh-jkmn-pqrs"
    name = new_member(live_app, code=code)
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    page.goto(base_url + "/sign-in?view=standard")
    page.locator("#password").focus()
    tab_to(page, lambda f: f["text"] == "Forgotten your password?")
    page.keyboard.press("Enter")
    check_page(page, "/sign-in/forgotten")

    # Continue with nothing chosen: the error summary gets focus.
    tab_to(page, lambda f: f["tag"] == "button")
    page.keyboard.press("Enter")
    check_page(page, "/sign-in/forgotten", error=True)
    assert "Choose how you want to get back in" in page.locator("[data-error-summary]").inner_text()
    tab_to(page, lambda f: f["id"] == "how-0")
    page.keyboard.press("ArrowDown")  # "Use my recovery code"
    assert page.locator("#how-1").is_checked()
    tab_to(page, lambda f: f["tag"] == "button")
    page.keyboard.press("Enter")
    check_page(page, "/sign-in/forgotten/code")

    # A wrong code: one plain error, and the name is still there.
    tab_to(page, lambda f: f["id"] == "name")
    page.keyboard.type(name)
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "code"
    page.keyboard.insert_text("aaaa-bbbb-cccc-dddd")  # as a paste would
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "password"
    page.keyboard.insert_text(NEW_PASSWORD)
    page.keyboard.press("Enter")
    check_page(page, "/sign-in/forgotten/code", error=True)
    assert "The name or recovery code is not right" in page.locator("#error-summary").inner_text()
    assert page.locator("#name").input_value() == name

    # The right code, pasted with capitals and spaces.
    tab_to(page, lambda f: f["id"] == "code")
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(code.upper().replace("-", " "))
    tab_to(page, lambda f: f["id"] == "password")
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(NEW_PASSWORD)
    page.keyboard.press("Enter")
    check_page(page, "/join/your-recovery-code")
    new_code = page.locator(".code-box").inner_text().strip()
    # Shown in capitals, like the story code; typed in any case.
    assert re.fullmatch(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){3}", new_code) and new_code != code.upper()
    tab_to(page, lambda f: f["id"] == "saved")
    page.keyboard.press("Space")
    tab_to(page, lambda f: f["tag"] == "button" and f["text"] == "Continue")
    page.keyboard.press("Enter")
    check_page(page, "/account", announced="Your new password is saved")
    assert name in page.locator("main").inner_text()
    assert "Your old recovery code no longer works" in page.locator("main").inner_text()
    context.close()


def test_email_link_without_javascript(browser, base_url, live_app, outbox):
    email = f"lost-{uuid.uuid4().hex[:8]}@example.org"
    name = new_member(live_app, email=email)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/sign-in/forgotten?view=standard")
    page.get_by_label("Send a link to my email address").check()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(re.compile(r"/sign-in/forgotten/email$"))
    page.get_by_label("Your email address").fill(email)
    page.get_by_role("button", name="Send me a link").click()
    page.wait_for_url(re.compile(r"/sign-in/forgotten/email/sent$"))
    assert "It works for 1 hour" in page.locator("main").inner_text()
    [message] = [m for m in outbox_messages(outbox) if m["To"] == email]
    link = re.search(r"https?://\S+/sign-in/reset/\S+", message.get_content()).group(0)
    page.goto(link)
    page.get_by_label("Create a new password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Save my new password").click()
    page.wait_for_url(re.compile(r"/account$"))
    assert name in page.locator("main").inner_text()
    page.goto(link)  # used once: it says so, and what to do
    assert page.locator("h1").inner_text() == "This link does not work any more"
    assert page.get_by_role("link", name="Ask for a new link").is_visible()
    context.close()


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_every_recovery_page_passes_axe(browser, base_url, live_app, outbox, variant, width):
    email = f"axe-{uuid.uuid4().hex[:8]}@example.org"
    new_member(live_app, email=email)
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_cookies([{"name": "view", "value": variant, "url": base_url}])
    page = context.new_page()
    problems = {}

    def check(label):
        violations = axe_violations(page)
        if violations:
            problems[label] = violations
        if has_horizontal_scroll(page):
            problems.setdefault(label, []).append("scrolls sideways")

    for path in ("/sign-in/forgotten", "/sign-in/forgotten/email", "/sign-in/forgotten/code"):
        page.goto(base_url + path)
        check(path)
        page.locator("form button[type=submit]").click()  # nothing filled in
        wait_until(page, "document.activeElement.id === 'error-summary'")
        check(path + " (error)")
    page.goto(base_url + "/sign-in/forgotten/email")
    page.locator("#email").fill(email)
    page.locator("form button[type=submit]").click()
    settle(page, "/sign-in/forgotten/email/sent")
    check("sent")
    [message] = [m for m in outbox_messages(outbox) if m["To"] == email]
    link = re.search(r"https?://\S+/sign-in/reset/\S+", message.get_content()).group(0)
    page.goto(link)
    check("reset")
    page.locator("form button[type=submit]").click()
    wait_until(page, "document.activeElement.id === 'error-summary'")
    check("reset (error)")
    page.goto(base_url + "/sign-in/reset/not-a-real-link")
    check("link not working")
    context.close()
    assert not problems, problems
