"""The moderation queue in a real browser: with JavaScript and the keyboard only (where
focus lands after each decision, what is announced), without JavaScript, and axe on every
facilitation page in both variants at 320 px."""

from __future__ import annotations

import itertools

import pytest

from tests.views.facilitation_helpers import PASSWORD, make_member, make_reply, make_story
from webapp.extensions import db
from webapp.models import Member

from . import helpers
from .helpers import axe_violations, focused, has_horizontal_scroll, settle, wait_until

pytestmark = pytest.mark.browser
_numbers = itertools.count(1)


@pytest.fixture
def facilitator(live_app):
    """A new facilitator of Advocates who has agreed to everything, and their name."""
    from webapp.agreements.service import record_consent, required_agreements

    name = f"Steady Lark {next(_numbers)}"
    member_id = make_member(name, "advocates", "facilitator", ["advocates"])
    with live_app.test_request_context(), db.connection_context():
        member = Member.get_by_id(member_id)
        for agreement in required_agreements(member):
            record_consent(member, agreement, [p.key for p in agreement.principles])
    return name


def clear_queue(live_app):
    """Earlier tests may have left items: decide them so each test starts empty."""
    from webapp.stories.models import APPROVED, PENDING, Reply, Story

    with db.connection_context():
        Story.update(status=APPROVED).where(Story.status == PENDING).execute()
        Reply.update(status=APPROVED).where(Reply.status == PENDING).execute()
        from webapp.concerns.models import Report

        Report.delete().execute()


def sign_in(page, base_url, name, js=True):
    helpers.sign_in(page, base_url, name, PASSWORD, js=js)


def anchors(page) -> list[str]:
    return page.eval_on_selector_all("#queue-items > ol > li", "els => els.map(e => e.id)")


def check_page(page, path):
    assert axe_violations(page) == [], path
    assert not has_horizontal_scroll(page), path


def tab_to(page, text_starts: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page)["text"].startswith(text_starts):
            return
    raise AssertionError(f"Tab never reached {text_starts!r}")


@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_approving_with_the_keyboard_moves_focus_to_the_next_item(
    browser, base_url, live_app, facilitator, variant
):
    clear_queue(live_app)
    stories = [
        make_story(f"Story {n} about the day centre.", community="advocates") for n in range(3)
    ]
    reply_to = make_story("Approved story.", community="advocates", status="approved",
                          replies_allowed=True)  # fmt: skip
    # Not flagged: a flagged item asks before approving (test_queue_pause.py).
    make_reply(reply_to, "A reply about the day centre.")
    context = browser.new_context(viewport={"width": 320, "height": 800})
    context.add_cookies([{"name": "view", "value": variant, "url": base_url}])
    page = context.new_page()
    sign_in(page, base_url, facilitator)
    page.goto(base_url + "/facilitate/advocates/queue")
    check_page(page, "queue")
    order = anchors(page)
    assert [a for a in order if a.startswith("story-")] == [f"story-{ref}" for ref in stories]
    assert len(order) == 4
    approve_label = "Approve" if variant == "standard" else "Yes, people can read it"
    page.locator("h1").focus()
    # Approve the second item first, then the rest: focus follows the list each time.
    for done in (order[1], order[0], order[2], order[3]):
        before = anchors(page)
        page.locator(f"#{done}-heading").focus()
        tab_to(page, approve_label)
        page.keyboard.press("Enter")
        wait_until(page, f"!document.getElementById('{done}')")
        after = [a for a in before if a != done]
        if after:
            position = before.index(done)
            expected = next((a for a in before[position + 1 :] if a in after), after[-1])
            wait_until(page, f"document.activeElement.id === '{expected}-heading'")
        else:
            wait_until(page, "document.activeElement.id === 'queue-empty'")
        said = "Approved." if variant == "standard" else "Done. People can read it."
        wait_until(page, f"document.getElementById('live-region').textContent.includes('{said}')")
        if after:  # the next item is named by its words, as its heading is
            heading = page.locator(f"#{expected}-heading").inner_text()
            assert heading.startswith("“")
            wait_until(page, "document.getElementById('live-region').textContent.endsWith("
                       f"{heading!r})")  # fmt: skip
        assert page.url.endswith("/facilitate/advocates/queue"), "the address stays the queue"
        check_page(page, f"after approving {done}")
    context.close()


def test_removing_from_the_item_page_confirms_then_returns_to_the_next_item(
    browser, base_url, live_app, facilitator
):
    clear_queue(live_app)
    first = make_story("This one will be removed.", community="advocates")
    second = make_story("This one waits.", community="advocates")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, base_url, facilitator)
    page.goto(base_url + "/facilitate/advocates/queue")
    page.locator(f"#story-{first} a", has_text="Other decisions").click()
    path = f"/facilitate/advocates/stories/{first}"
    settle(page, path)
    wait_until(page, "document.activeElement.tagName === 'H1'")
    check_page(page, path)
    page.get_by_label("Remove it (this cannot be undone)").check()
    page.get_by_label("Hateful or discriminatory").check()
    page.get_by_role("button", name="Send my decision").click()
    wait_until(page, "document.activeElement.id === 'error-summary'")
    assert "Tick the box to confirm" in page.locator("#error-summary").inner_text()
    assert page.title().startswith("Error: ")
    check_page(page, "error")
    page.get_by_label("I understand that removing cannot be undone").check()
    page.get_by_role("button", name="Send my decision").click()
    settle(page, "/facilitate/advocates/queue")
    wait_until(page, f"document.activeElement.id === 'story-{second}-heading'")
    wait_until(page, "document.getElementById('live-region').textContent.includes('Removed.')")
    check_page(page, "queue after removing")
    context.close()


def test_the_queue_works_without_javascript(browser, base_url, live_app, facilitator):
    clear_queue(live_app)
    first = make_story("First, without JavaScript.", community="advocates")
    second = make_story("Second, without JavaScript.", community="advocates")
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 800})
    page = context.new_page()
    sign_in(page, base_url, facilitator, js=False)
    page.goto(base_url + "/facilitate/advocates/queue")
    page.locator(f"#story-{first} button", has_text="Approve").click()
    page.wait_for_url(f"**/facilitate/advocates/queue?focus=story-{second}#story-{second}")
    assert "Approved." in page.locator(".notice").inner_text()
    assert anchors(page) == [f"story-{second}"]
    page.locator(f"#story-{second} a", has_text="Other decisions").click()
    page.get_by_label("Ask the author to change it").check()
    page.get_by_label("Hard to follow").check()
    page.get_by_role("button", name="Send my decision").click()
    page.wait_for_url("**/facilitate/advocates/queue")
    assert "Sent back to the author" in page.locator(".notice").inner_text()
    assert page.locator("#queue-empty").is_visible()
    context.close()


@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_every_facilitation_page_passes_axe(browser, base_url, live_app, variant):
    from webapp.facilitation.cli import init_app  # noqa: F401 (the command is registered)

    name = f"Axe Admin {next(_numbers)}"
    result = live_app.test_cli_runner().invoke(
        args=["create-admin", "--name", name, "--password", PASSWORD]
    )
    assert result.exit_code == 0, result.output
    member = make_member(f"Axe Member {next(_numbers)}", "advocates")
    story = make_story("A story for the axe run, sh1t.", community="advocates")
    public = make_story("Public.", community="advocates", status="approved", audience="public")
    context = browser.new_context(viewport={"width": 320, "height": 800})
    context.add_cookies([{"name": "view", "value": variant, "url": base_url}])
    page = context.new_page()
    page.goto(base_url + f"/stories/{public}/concern")
    check_page(page, "concern")
    page.locator("#reason-0").check()
    page.locator("form button[type=submit]").click()
    settle(page, "/concern-sent")
    check_page(page, "/concern-sent")
    page.goto(base_url + f"/stories/{public}/concern")
    page.locator("input[name=reason][value=safety]").check()
    page.locator("form button[type=submit]").click()
    settle(page, "/concern-sent")
    assert page.locator("#in-danger").is_visible()
    assert "999" in page.locator("#in-danger").inner_text()
    check_page(page, "/concern-sent after a worry about safety")
    sign_in_admin = name
    page.goto(base_url + "/sign-in")
    page.locator("#name").fill(sign_in_admin)
    page.locator("#password").fill(PASSWORD)
    page.locator("#sign-in form button[type=submit]").click()
    wait_until(page, "location.pathname !== '/sign-in'")
    paths = [
        "/account",
        "/facilitate/",
        "/facilitate/advocates/queue",
        "/facilitate/advocates/queue?show=reported",
        f"/facilitate/advocates/stories/{story}",
        "/facilitate/advocates/dashboard",
        "/facilitate/advocates/members",
        f"/facilitate/advocates/members/{member}",
        "/facilitate/roles",
        f"/facilitate/roles/{member}",
        "/facilitate/audit",
    ]
    for path in paths:
        page.goto(base_url + path)
        assert page.locator("h1").count() == 1, path
        if variant == "easyread" and path.startswith("/facilitate"):
            assert page.locator(".easyread__section").count() > 0, path
        check_page(page, path)
    context.close()


@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_a_removed_member_sees_why_at_sign_in(browser, base_url, live_app, variant):
    from webapp.facilitation.sanctions import give

    name = f"Removed Rook {next(_numbers)}"
    member_id = make_member(name, "advocates")
    with db.connection_context():
        give(None, Member.get_by_id(member_id), "removal", "harassment", "You frightened someone.")
    context = browser.new_context(viewport={"width": 320, "height": 800})
    context.add_cookies([{"name": "view", "value": variant, "url": base_url}])
    page = context.new_page()
    page.goto(base_url + "/sign-in")
    page.locator("#name").fill(name)
    page.locator("#password").fill(PASSWORD)
    page.locator("#sign-in form button[type=submit]").click()
    wait_until(page, "document.activeElement.tagName === 'H1'")
    heading = "Your account was removed" if variant == "standard" else "You cannot sign in"
    assert page.locator("h1").inner_text() == heading
    assert page.get_by_text("You frightened someone.").is_visible()
    check_page(page, "removed at sign-in")
    page.locator("main a[href='/ask-for-a-review']").click()
    settle(page, "/ask-for-a-review")
    check_page(page, "/ask-for-a-review")
    context.close()


@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_a_reason_for_the_other_decision_is_explained_and_nothing_typed_is_lost(
    browser, base_url, live_app, facilitator, variant
):
    clear_queue(live_app)
    story = make_story("A story that needs a small change.", community="advocates")
    context = browser.new_context(viewport={"width": 320, "height": 800})
    context.add_cookies([{"name": "view", "value": variant, "url": base_url}])
    page = context.new_page()
    sign_in(page, base_url, facilitator)
    path = f"/facilitate/advocates/stories/{story}"
    page.goto(base_url + path)
    check_page(page, path)
    page.locator("input[name=decision][value=changes]").check()
    page.locator("input[name=remove_reason][value=hateful]").check()
    page.locator("#note").fill("Line 2, please.")
    page.locator("form button[type=submit]").click()
    wait_until(page, "document.activeElement.id === 'error-summary'")
    message = page.locator("#error-summary").inner_text()
    reason = "Hateful or discriminatory" if variant == "standard" else "Hate against a group"
    assert reason in message and "Choose a reason to give the author" not in message
    assert page.locator("input[name=remove_reason][value=hateful]").is_checked()
    assert page.locator("#note").input_value() == "Line 2, please."
    check_page(page, "error")
    # The summary link goes to the reasons for a change, with the keyboard.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    wait_until(page, "document.activeElement.id === 'change_reason-0'")
    page.keyboard.press("Space")
    page.locator("form button[type=submit]").click()
    settle(page, "/facilitate/advocates/queue")
    check_page(page, "queue after asking for a change")
    context.close()


def test_a_visitor_is_sent_to_sign_in_and_back_without_javascript(
    browser, base_url, live_app, facilitator
):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 800})
    page = context.new_page()
    page.goto(base_url + "/facilitate/advocates/queue")
    page.wait_for_url(lambda url: "/sign-in?next=" in url)
    assert page.locator("h1").count() == 1
    page.locator("#name").fill(facilitator)
    page.locator("#password").fill(PASSWORD)
    page.locator("#sign-in form button[type=submit]").click()
    page.wait_for_url("**/facilitate/advocates/queue")
    assert page.locator("h1").inner_text().startswith("Queue for Advocates")
    context.close()
