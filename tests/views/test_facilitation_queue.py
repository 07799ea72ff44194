"""The moderation queue and decisions, with JavaScript (htmx) and without."""

from __future__ import annotations

import pytest

from webapp.extensions import db
from webapp.facilitation.models import AuditEntry, Report
from webapp.stories.models import APPROVED, CHANGES_REQUESTED, PENDING, REMOVED, Reply, Story

from .facilitation_helpers import make_reply, make_story, setup_people, sign_in


@pytest.fixture
def people(app):
    return setup_people(app)


def csrf(soup):
    return soup.select_one("input[name=csrf_token]")["value"]


def status_of(reference):
    with db.connection_context():
        return Story.get(Story.reference == reference)


def test_the_queue_lists_pending_items_oldest_first_with_flags(pages, people):
    import datetime as dt

    newer = make_story("A newer story about the clinic.", shared_on=dt.date(2026, 11, 20))
    older = make_story("The staff were shit to us.", shared_on=dt.date(2026, 11, 1))
    make_story("Already approved.", status=APPROVED)
    make_story("Another community.", community="staff")
    sign_in(pages, "Fair Kestrel")
    soup = pages.get("/facilitate/people/queue")
    anchors = [li["id"] for li in soup.select("#queue-items > ol > li")]
    assert anchors == [f"story-{older}", f"story-{newer}"]
    first = soup.select_one(f"#story-{older}")
    assert "Offensive or discriminatory words" in first.select_one(".tags").get_text()
    assert first.select_one(".story-words mark").get_text() == "shit"
    assert first.select_one(".story-words").has_attr("hx-disable")
    soup = pages.get("/facilitate/people/queue?show=offensive")
    assert [li["id"] for li in soup.select("#queue-items > ol > li")] == [f"story-{older}"]
    pages.get("/facilitate/people/queue?show=nonsense", status=404)


def test_replies_and_reported_items_are_in_the_queue(pages, people):
    story = make_story("Approved earlier.", status=APPROVED, replies_allowed=True)
    reply = make_reply(story, "A pending reply.")
    with db.connection_context():
        Report.create(story=Story.get(Story.reference == story), community=1, reason="hateful",
                      words="This is unkind")  # fmt: skip
    sign_in(pages, "Fair Kestrel")
    soup = pages.get("/facilitate/people/queue")
    ids = [li["id"] for li in soup.select("#queue-items > ol > li")]
    assert set(ids) == {f"story-{story}", f"reply-{reply}"}
    reported = soup.select_one(f"#story-{story}")
    assert "It is hateful or discriminatory" in reported.get_text()
    assert "This is unkind" in reported.get_text()
    soup = pages.get("/facilitate/people/queue?show=reported")
    assert [li["id"] for li in soup.select("#queue-items > ol > li")] == [f"story-{story}"]


def test_approve_without_javascript_redirects_to_the_next_item(pages, people, client):
    first = make_story("First story.")
    second = make_story("Second story.")
    sign_in(pages, "Fair Kestrel")
    soup = pages.get("/facilitate/people/queue")
    response = client.post(f"/facilitate/people/stories/{first}/approve",
                           data={"csrf_token": csrf(soup), "show": ""})  # fmt: skip
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"focus=story-{second}#story-{second}")
    assert status_of(first).status == APPROVED and status_of(first).decided_on
    soup = pages.get(response.headers["Location"])
    assert "Approved." in soup.select_one(".notice").get_text()
    with db.connection_context():
        entry = AuditEntry.get()
        assert (entry.action, entry.item, entry.actor_name) == (
            "approved", f"story {first}", "Fair Kestrel")  # fmt: skip


def test_approve_with_htmx_returns_the_list_with_focus_on_the_next_item(pages, people, client):
    first, second, third = (make_story(f"Story number {n}.") for n in range(3))
    sign_in(pages, "Fair Kestrel")
    token = csrf(pages.get("/facilitate/people/queue"))
    response = client.post(f"/facilitate/people/stories/{second}/approve",
                           data={"csrf_token": token, "show": ""},
                           headers={"HX-Request": "true"})  # fmt: skip
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert html.lstrip().startswith('<div id="queue-items"')
    assert f'id="story-{third}-heading" tabindex="-1" data-focus-after-swap' in html
    assert "Approved. 2 left." in html
    assert response.headers["Cache-Control"] == "no-store"
    # The last item: focus goes to the one before it.
    response = client.post(f"/facilitate/people/stories/{third}/approve",
                           data={"csrf_token": token}, headers={"HX-Request": "true"})  # fmt: skip
    assert f'id="story-{first}-heading" tabindex="-1" data-focus-after-swap' in response.get_data(
        as_text=True
    )
    response = client.post(f"/facilitate/people/stories/{first}/approve",
                           data={"csrf_token": token}, headers={"HX-Request": "true"})  # fmt: skip
    html = response.get_data(as_text=True)
    assert 'id="queue-empty" tabindex="-1" data-focus-after-swap' in html
    assert "The queue is empty." in html


def test_ask_for_changes_needs_a_reason_and_the_author_gets_it(pages, people):
    ref = make_story("It was hard. Some words here.")
    sign_in(pages, "Fair Kestrel")
    url = f"/facilitate/people/stories/{ref}"
    soup = pages.submit(url, {"decision": "changes"}, status=422)
    assert (
        "Choose a reason to give the author" in soup.select_one("[data-error-summary]").get_text()
    )
    pages.submit(url, {"decision": "changes", "reason": "respect", "note": "Change line 2."})
    story = status_of(ref)
    assert (story.status, story.reason, story.reason_note) == (
        CHANGES_REQUESTED, "respect", "Change line 2.")  # fmt: skip


def test_remove_asks_for_confirmation_because_it_cannot_be_undone(pages, people):
    ref = make_story("Something hateful.")
    sign_in(pages, "Fair Kestrel")
    url = f"/facilitate/people/stories/{ref}"
    soup = pages.submit(url, {"decision": "remove", "reason": "hateful"}, status=422)
    assert "Tick the box to confirm" in soup.select_one("[data-error-summary]").get_text()
    assert status_of(ref).status == PENDING
    pages.submit(url, {"decision": "remove", "reason": "hateful", "confirm": "y"})
    assert status_of(ref).status == REMOVED
    soup = pages.get(url)
    assert soup.find("form", method="post") is None, "a removed item cannot be decided again"
    assert "cannot be undone" in soup.find("main").get_text()


def test_suggest_removing_identifying_details_lists_them_for_the_author(pages, people):
    pytest.importorskip("webapp.stories.identifying")
    ref = make_story("Call me on 07700 900123 if you want to talk.")
    sign_in(pages, "Fair Kestrel")
    url = f"/facilitate/people/stories/{ref}"
    soup = pages.get(url)
    assert "07700 900123" in soup.select_one(".story-words mark").get_text()
    pages.submit(url, {"decision": "identifying", "note": "Thank you."})
    story = status_of(ref)
    assert story.status == CHANGES_REQUESTED and story.reason == "identifying"
    assert "07700 900123" in story.reason_note and "Thank you." in story.reason_note
    with db.connection_context():
        assert "07700" not in AuditEntry.get().note, "the audit log does not copy the details"


def test_a_decision_closes_the_reports_on_that_item(pages, people):
    ref = make_story("Reported and approved.", status=APPROVED)
    with db.connection_context():
        Report.create(story=Story.get(Story.reference == ref), community=1, reason="other")
    sign_in(pages, "Fair Kestrel")
    pages.submit(f"/facilitate/people/stories/{ref}", {"decision": "approve"})
    with db.connection_context():
        assert Report.open().count() == 0


def test_replies_are_decided_too(pages, people):
    ref = make_story("Approved.", status=APPROVED, replies_allowed=True)
    reply = make_reply(ref, "A rude reply.")
    sign_in(pages, "Fair Kestrel")
    pages.submit(f"/facilitate/people/replies/{reply}",
                 {"decision": "remove", "reason": "abusive", "confirm": "y"})  # fmt: skip
    with db.connection_context():
        assert Reply.get_by_id(reply).status == REMOVED
        assert AuditEntry.get().item == f"reply {reply} on story {ref}"


@pytest.mark.parametrize("view", ["standard", "easyread"])
def test_every_queue_page_in_both_variants(pages, people, view):
    ref = make_story("A story to check.")
    sign_in(pages, "Fair Kestrel")
    for url in ("/facilitate/", "/facilitate/people/queue", f"/facilitate/people/stories/{ref}",
                "/facilitate/people/dashboard"):  # fmt: skip
        soup = pages.get(f"{url}?view={view}")
        if view == "easyread":
            assert soup.select(".easyread__section img"), url


def test_keeping_a_reported_story_closes_the_concern(pages, people, client):
    ref = make_story("Reported but fine.", status=APPROVED)
    with db.connection_context():
        Report.create(story=Story.get(Story.reference == ref), community=1, reason="untrue")
    sign_in(pages, "Fair Kestrel")
    soup = pages.get("/facilitate/people/queue")
    assert "Keep it and close the concern" in soup.select_one(f"#story-{ref} button").get_text()
    response = client.post(f"/facilitate/people/stories/{ref}/approve",
                           data={"csrf_token": csrf(soup)}, headers={"HX-Request": "true"})  # fmt: skip
    assert "Kept. The concern is closed." in response.get_data(as_text=True)
    with db.connection_context():
        assert Report.open().count() == 0
        assert status_of(ref).status == APPROVED


def test_suggesting_identifying_details_when_none_were_found_asks_which(pages, people):
    ref = make_story("Nothing that identifies anyone here.")
    sign_in(pages, "Fair Kestrel")
    url = f"/facilitate/people/stories/{ref}"
    soup = pages.submit(url, {"decision": "identifying"}, status=422)
    assert "Write which details" in soup.select_one("[data-error-summary]").get_text()
    pages.submit(url, {"decision": "identifying", "note": "The ward name in line 1."})
    story = status_of(ref)
    assert (story.reason, story.reason_note) == ("identifying", "The ward name in line 1.")
