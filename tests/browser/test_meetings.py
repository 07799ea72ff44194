"""Meetings in a browser: every page and error state passes axe in both variants at 320 and
1280 px with the heading on the first screen, and the journeys the issue lists work with
JavaScript, without it, with the keyboard alone, and in easy read."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import pytest

from tests.views.facilitation_helpers import PASSWORD, agree_to_everything, make_member, make_story
from tests.views.meeting_helpers import attended, make_meeting
from webapp.extensions import db
from webapp.join.demo import DEMO_MEMBER
from webapp.meetings.after_models import NoteQuote
from webapp.meetings.models import AgendaItem, Meeting
from webapp.meetings.suggestion_models import AgendaSuggestion
from webapp.models import Member

from .conftest import SCREENSHOTS, WIDTHS
from .helpers import (
    axe_violations,
    axe_violations_of_page_without_js,
    check_arrival,
    settle,
    signed_in_context,
    wait_until,
)
from .journeys import page_problems

pytestmark = pytest.mark.browser
FACILITATOR, AUTHOR = "Brisk Planner", "Keen Author"
QUOTE = "The nurse asked me what my dad liked to eat, and wrote it on his board."
REMOVED = "This quote was removed by the person who shared it."


@pytest.fixture(scope="module")
def world(live_app):
    with live_app.app_context():
        ids = {
            "facilitator": make_member(FACILITATOR, "people", "facilitator", ["people"]),
            "author": make_member(AUTHOR, "people"),
        }
        agree_to_everything(live_app, ids.values())
        with db.connection_context():
            heron = Member.by_name(DEMO_MEMBER[0]).id
        story = make_story(QUOTE, author_id=ids["author"], status="approved",
                           audience="community", quoting="quote")  # fmt: skip
        held = make_meeting(days=-1, title="Held meeting", items=[("Hospital stays", True)])
        attended(held, heron)
        with db.connection_context():
            Meeting.update(
                notes_status="draft", notes_circulated_on=dt.date.today(),
                themes="Hospital stays, and being asked what the person needs.",
                decided="We will write a guide.", easy_summary="We talked about hospital.",
            ).where(Meeting.id == held).execute()  # fmt: skip
            NoteQuote.create(meeting=held, story_reference=story, kind=NoteQuote.QUOTE)
        coming = make_meeting(days=4, title="Coming meeting", items=[("Plans", False)])
        called_off = make_meeting(days=6, title="Called-off meeting", changes=1,
                                  cancelled_on=dt.date.today(), cancelled_why="The room is shut.")  # fmt: skip
        with db.connection_context():
            item = AgendaItem.get(AgendaItem.meeting == coming).id  # "Remove" asks first
            # Heron's suggestions for the agenda, one in each state (waiting, added, declined).
            waiting = AgendaSuggestion.create(meeting=coming, member=heron, words="Bus times",
                                              why="The 40 stops at 6pm.").id  # fmt: skip
            for words, status, note in (("Respite care", "added", ""),
                                        ("The summer trip", "declined", "We plan it in March.")):  # fmt: skip
                AgendaSuggestion.create(meeting=coming, member=heron, words=words, status=status,
                                        note=note, decided_on=dt.date.today())  # fmt: skip
    return {**ids, "heron": heron, "story": story, "held": held, "coming": coming, "item": item,
            "called_off": called_off, "suggestion": waiting}  # fmt: skip


def open_as(browser, base_url, name, password, **kwargs):
    return signed_in_context(browser, base_url, name, password, **kwargs)


def as_facilitator(browser, base_url, **kwargs):
    return open_as(browser, base_url, FACILITATOR, PASSWORD, **kwargs)


def as_heron(browser, base_url, **kwargs):
    return open_as(browser, base_url, *DEMO_MEMBER, **kwargs)


def facilitator_pages(world) -> list[str]:
    held, coming = world["held"], world["coming"]
    return ["/meetings/", f"/meetings/{coming}", f"/meetings/{coming}/agenda",
            f"/meetings/{coming}/people", f"/meetings/{held}/attendance",
            f"/meetings/{held}/notes/write/themes", "/meetings/plan/about",
            "/facilitate/people/dashboard", f"/meetings/{coming}/agenda/{world['item']}/remove",
            f"/meetings/{coming}/change", f"/meetings/{coming}/cancel",
            f"/meetings/{coming}/agenda/suggestions/{world['suggestion']}/decline"]  # fmt: skip


def member_pages(world) -> list[str]:
    return ["/account", "/meetings/", f"/meetings/{world['coming']}", f"/meetings/{world['held']}",
            f"/meetings/{world['held']}/notes", f"/meetings/{world['called_off']}"]  # fmt: skip


def check_page(page, label, width, problems):
    if found := page_problems(page, width):
        problems[label] = found


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_every_meeting_page_and_error_passes_axe(browser, base_url, world, variant, width):
    problems: dict = {}
    context, page = as_facilitator(browser, base_url, variant=variant, width=width)
    for path in facilitator_pages(world):
        page.goto(base_url + path)
        check_page(page, path, width, problems)
    for path in (
        f"/meetings/{world['coming']}/agenda",
        "/meetings/plan/about",
        f"/meetings/{world['coming']}/change",
    ):
        page.goto(base_url + path)
        if path.endswith("/change"):  # filled in with the meeting as it is: empty the date
            page.locator("#day").fill("")
        page.locator("main form").last.locator("button[type=submit]").first.click()
        page.wait_for_selector("[data-error-summary]")
        check_page(page, path + " (error)", width, problems)
    context.close()
    context, page = as_heron(browser, base_url, variant=variant, width=width)
    for path in member_pages(world):
        page.goto(base_url + path)
        check_page(page, "member " + path, width, problems)
    page.goto(base_url + f"/meetings/{world['coming']}")
    page.locator("#your-reply button[type=submit]").click()
    page.wait_for_selector("[data-error-summary]")
    check_page(page, "reply (error)", width, problems)
    # The address stays the meeting's: reloading it shows the page, never "not found".
    assert page.url.endswith(f"/meetings/{world['coming']}"), page.url
    page.goto(base_url + f"/meetings/{world['coming']}?suggested=1")
    check_page(page, "suggestion sent", width, problems)
    page.locator("#suggest button[type=submit]").click()
    page.wait_for_selector("[data-error-summary]")
    check_page(page, "suggestion (error)", width, problems)
    context.close()
    assert not problems, problems


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_a_facilitator_plans_a_meeting(browser, base_url, live_app, world, js, variant):
    title = f"Planned {variant} {'js' if js else 'nojs'}"
    context, page = as_facilitator(browser, base_url, variant=variant, width=320, js=js)
    page.goto(base_url + "/meetings/")
    page.locator("main a.button").click()
    check_arrival(page, "/meetings/plan/about", js=js, announced="Question 1 of 3")
    page.locator("#title").fill(title)
    page.locator("#regular-0").check()
    page.locator("main form button[type=submit]").click()
    check_arrival(page, "/meetings/plan/when", js=js, announced="Question 2 of 3")
    page.locator("#day").fill("3 March 2032")
    page.locator("#starts").fill("2pm")
    page.locator("#ends").fill("1pm")  # a mistake: the end before the start
    page.locator("main form button[type=submit]").click()
    check_arrival(page, "/meetings/plan/when", js=js, error=True)
    assert page.locator("#starts").input_value() == "2pm"  # nothing typed is lost
    page.locator("#ends").fill("3:30pm")
    page.locator("main form button[type=submit]").click()
    check_arrival(page, "/meetings/plan/where", js=js, announced="Question 3 of 3")
    page.locator("#place").fill("Riverside Centre")
    page.locator("#access-0").check()
    page.locator("main form button[type=submit]").click()
    check_arrival(page, "/meetings/plan/check", js=js)
    assert "Wednesday 3 March 2032, 2pm to 3:30pm" in page.locator("main").inner_text()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda url: url.endswith("/agenda"))
    agenda = urlsplit(page.url).path
    page.locator("#title").fill("Welcome")
    page.locator("main form").last.locator("button[type=submit]").click()
    # Back at the agenda, at the note that says the item is added: focused and announced.
    said = "It is on the list now." if variant == "easyread" else "The item is added"
    check_arrival(page, agenda, js=js, place="agenda-done", announced=said)
    page.locator("main form[action$='/publish'] button").click()
    page.wait_for_url(lambda url: "published=1" in url)
    shared = "Published on" if variant == "standard" else "We shared this on"
    assert shared in page.locator("main").inner_text()
    with live_app.app_context(), db.connection_context():
        assert Meeting.get(Meeting.title == title).agenda_published_on is not None
    context.close()


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_a_member_replies_with_an_access_need_using_the_keyboard_alone(
    browser, base_url, live_app, world, js
):
    from webapp.meetings.models import MeetingReply

    with live_app.app_context(), db.connection_context():  # each run starts with no reply
        MeetingReply.delete().where(MeetingReply.member == world["heron"]).execute()
    context, page = as_heron(browser, base_url, width=320, js=js)
    page.goto(base_url + f"/meetings/{world['coming']}")
    page.locator("#answer-0").focus()  # the first choice: "I'll be there"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # into the needs: large print
    page.keyboard.press("Tab")  # easy read
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # support worker
    page.keyboard.press("Tab")  # BSL
    page.keyboard.press("Space")
    for _ in range(3):
        page.keyboard.press("Tab")  # interpreter, travel, then the words box
    page.keyboard.type("A seat near the door")
    page.keyboard.press("Tab")  # the button
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "replied=1" in url)
    if js:
        wait_until(page, "document.readyState === 'complete'")
    assert page.locator("#needs-1").is_checked() and page.locator("#needs-3").is_checked()
    assert "Your reply is saved" in page.locator("main").inner_text()
    context.close()
    context, page = as_facilitator(browser, base_url)
    page.goto(base_url + f"/meetings/{world['coming']}/people")
    assert "A seat near the door" in page.locator("main").inner_text()
    context.close()


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_a_member_suggests_an_item_and_a_facilitator_adds_it(
    browser, base_url, live_app, world, js
):
    words = f"Getting to meetings by bus ({'js' if js else 'no-js'})"
    meeting = f"/meetings/{world['coming']}"
    context, page = as_heron(browser, base_url, width=320, js=js)
    page.goto(base_url + meeting)
    page.locator("#suggestion_why").fill("The 40 stops at 6pm.")
    page.locator("#suggest button[type=submit]").click()  # the words left out: a mistake
    check_arrival(page, meeting if js else f"{meeting}/suggest", js=js, error=True)
    assert page.locator("#suggestion_why").input_value() == "The 40 stops at 6pm."  # kept
    page.locator("#suggestion").fill(words)
    page.locator("#suggest button[type=submit]").click()
    # Back on the meeting's page, at the note that says it is sent: focused and announced.
    check_arrival(page, meeting, js=js, place="suggestion-sent",
                  announced="Your suggestion is sent.")  # fmt: skip
    assert words in page.locator("#suggest .suggestions").inner_text()
    context.close()
    context, page = as_facilitator(browser, base_url, width=320, js=js)
    page.goto(base_url + f"{meeting}/agenda")
    suggestion = page.locator("#suggestions li", has_text=words)
    suggestion.locator("form[action$='/add'] button").click()
    check_arrival(page, f"{meeting}/agenda", js=js, place="agenda-done",
                  announced="The suggestion is added at the end of the agenda.")  # fmt: skip
    assert page.locator(".agenda__title").last.inner_text() == words
    context.close()


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_attendance_notes_that_quote_a_story_and_the_quote_gone_when_withdrawn(
    browser, base_url, live_app, world, js
):
    from webapp.stories.models import Story
    from webapp.stories.service import delete_for_good

    with live_app.app_context(), db.connection_context():
        meeting = make_meeting(days=-2, title=f"Notes {js}", items=[("Wards", True)])
        story = make_story(QUOTE + f" ({js})", author_id=world["author"], status="approved",
                           audience="community", quoting="quote")  # fmt: skip
    context, page = as_facilitator(browser, base_url, width=320, js=js)
    page.goto(base_url + f"/meetings/{meeting}/attendance")
    page.locator(f"#member_{world['heron']}-0").check()  # present
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda url: "recorded=1" in url)
    page.goto(base_url + f"/meetings/{meeting}/notes/write/")
    settle(page, f"/meetings/{meeting}/notes/write/themes", js)
    for field, words in (("themes", "Hospital wards, and being asked."),
                         ("decided", "We will write a guide."), ("actions", "")):  # fmt: skip
        page.locator(f"#{field}").fill(words)
        page.locator("main form button[type=submit]").click()
        page.wait_for_url(lambda url, f=field: not url.endswith(f"/{f}"))
    page.locator(f"input[name=quoted][value='{story}']").check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda url: url.endswith("/summary"))
    page.locator("#summary").fill("We talked about hospital.")
    page.locator("main form button[type=submit]").click()
    check_arrival(page, f"/meetings/{meeting}/notes/write/check", js=js)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda url: url.endswith(f"/meetings/{meeting}/notes"))
    assert QUOTE in page.locator("main").inner_text()
    context.close()
    with live_app.app_context(), db.connection_context():  # the author withdraws it
        delete_for_good([Story.get(Story.reference == story).id])
    context, page = as_heron(browser, base_url, variant="easyread", width=320, js=js)
    page.goto(base_url + f"/meetings/{meeting}/notes")
    page.locator("main details summary").last.click()  # the full notes, under the easy read
    text = page.locator("main").inner_text()
    assert QUOTE not in text and "The writer took this story away." in text
    # axe needs JavaScript: without it, check a copy of this page's own HTML instead.
    found = axe_violations(page) if js else axe_violations_of_page_without_js(browser, page)
    assert found == []
    context.close()


@pytest.mark.screenshots
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_screenshots_of_meetings(browser, base_url, world, variant, width):
    folder = SCREENSHOTS / "meetings"
    folder.mkdir(parents=True, exist_ok=True)
    for who, opener, paths in (("facilitator", as_facilitator, facilitator_pages(world)),
                               ("member", as_heron, member_pages(world))):  # fmt: skip
        context, page = opener(browser, base_url, variant=variant, width=width)
        for path in paths:
            page.goto(base_url + path)
            name = path.strip("/").replace("/", "-") or "home"
            page.screenshot(path=folder / f"{who}-{name}-{variant}-{width}.png", full_page=True)
        context.close()
