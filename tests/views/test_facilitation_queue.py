"""The moderation queue and decisions, with JavaScript (htmx) and without."""

from __future__ import annotations

import pytest

from tests.structure import check_partial
from webapp.concerns.models import Report
from webapp.extensions import db
from webapp.facilitation.models import AuditEntry
from webapp.stories.models import APPROVED, CHANGES_REQUESTED, PENDING, REMOVED, Reply, Story

from .facilitation_helpers import AUTHOR, make_reply, make_story, setup_people, sign_in


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
    # The filters come again out of band, counting what is left (they sit outside the list).
    soup = check_partial(response, pages.get("/facilitate/people/queue"))
    filters = soup.find(id="queue-filters")
    assert filters["hx-swap-oob"] == "true" and "Everything (2)" in filters.get_text()
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
    summary = soup.select_one("[data-error-summary]")
    assert "Choose why the author should change it" in summary.get_text()
    assert summary.find("a")["href"] == "#change_reason-0"
    pages.submit(url, {"decision": "changes", "change_reason": "respect",
                       "note": "Change line 2."})  # fmt: skip
    story = status_of(ref)
    assert (story.status, story.reason, story.reason_note) == (
        CHANGES_REQUESTED, "respect", "Change line 2.")  # fmt: skip


def test_reasons_are_grouped_by_decision(pages, people):
    ref = make_story("A story to decide about.")
    sign_in(pages, "Fair Kestrel")
    for view in ("standard", "easyread"):
        soup = pages.get(f"/facilitate/people/stories/{ref}?view={view}")
        groups = {
            fieldset.find("legend").get_text(strip=True): [
                i["value"] for i in fieldset.select("input[type=radio]")
            ]
            for fieldset in soup.select("form fieldset")
        }
        change = "If you ask the author to change it: why?" if view == "standard" else (
            "To ask for a change: why?")  # fmt: skip
        remove = "If you remove it: why?" if view == "standard" else "To take it away: why?"
        assert groups[change] == ["respect", "identifying", "legal", "off_topic", "unclear",
                                  "other"]  # fmt: skip
        assert groups[remove] == ["hateful", "abusive", "legal", "off_topic", "other"]
        assert not {"hateful", "abusive"} & set(groups[change])


def test_a_reason_for_removing_given_for_a_change_says_exactly_what_fits(pages, people):
    ref = make_story("A story to decide about.")
    sign_in(pages, "Fair Kestrel")
    url = f"/facilitate/people/stories/{ref}"
    typed = {"decision": "changes", "remove_reason": "hateful", "note": "My own words."}
    soup = pages.submit(url, typed, status=422)
    message = soup.select_one("[data-error-summary]").get_text(" ", strip=True)
    assert "“Hateful or discriminatory” is a reason to remove it" in message
    assert "To ask for a change, choose one of: Words that could hurt or offend" in message
    assert "Choose a reason to give the author" not in message
    # Everything typed is kept.
    assert soup.find("input", {"name": "decision", "value": "changes"}).has_attr("checked")
    assert soup.find("input", {"name": "remove_reason", "value": "hateful"}).has_attr("checked")
    assert soup.find("textarea", {"name": "note"}).get_text() == "My own words."
    soup = pages.submit(f"{url}?view=easyread", typed, status=422)
    assert "is a reason to take it away" in soup.select_one("[data-error-summary]").get_text()
    assert status_of(ref).status == PENDING
    pages.get(f"{url}?view=standard")
    # The other way round: a reason for a change given for removing.
    soup = pages.submit(url, {"decision": "remove", "change_reason": "unclear", "confirm": "y"},
                        status=422)  # fmt: skip
    message = soup.select_one("[data-error-summary]").get_text(" ", strip=True)
    assert "“Hard to follow” is a reason to ask for a change" in message
    # A reason that fits both, ticked in the other group, is taken as meant.
    pages.submit(url, {"decision": "changes", "remove_reason": "legal"})
    assert (status_of(ref).status, status_of(ref).reason) == (CHANGES_REQUESTED, "legal")


def test_remove_asks_for_confirmation_because_it_cannot_be_undone(pages, people):
    ref = make_story("Something hateful.")
    sign_in(pages, "Fair Kestrel")
    url = f"/facilitate/people/stories/{ref}"
    soup = pages.submit(url, {"decision": "remove", "remove_reason": "hateful"}, status=422)
    assert "Tick the box to confirm" in soup.select_one("[data-error-summary]").get_text()
    assert status_of(ref).status == PENDING
    pages.submit(url, {"decision": "remove", "remove_reason": "hateful", "confirm": "y"})
    assert status_of(ref).status == REMOVED
    soup = pages.get(url)
    assert soup.find("form", method="post") is None, "a removed item cannot be decided again"
    assert "cannot be undone" in soup.find("main").get_text()


def test_suggest_removing_identifying_details_keeps_the_note_to_the_facilitators_words(
    pages, people
):
    pytest.importorskip("webapp.stories.identifying")
    author = people["author"]
    ref = make_story("Call me on 07700 900123 if you want to talk.", author_id=author)
    sign_in(pages, "Fair Kestrel")
    url = f"/facilitate/people/stories/{ref}"
    soup = pages.get(url)
    assert "07700 900123" in soup.select_one(".story-words mark").get_text()
    pages.submit(url, {"decision": "identifying", "note": "Thank you."})
    story = status_of(ref)
    assert story.status == CHANGES_REQUESTED and story.reason == "identifying"
    assert story.reason_note == "Thank you.", "only the facilitator's own words"
    with db.connection_context():
        assert "07700" not in AuditEntry.get().note, "the audit log does not copy the details"
    # Without a note: none is made up, and the author still reads a clear reason.
    other = make_story("Or ring 07700 900456 any day.", author_id=author)
    pages.submit(f"/facilitate/people/stories/{other}", {"decision": "identifying"})
    assert status_of(other).reason_note == ""
    pages.sign_out()
    sign_in(pages, AUTHOR)
    for view, reason in (("standard", "Your story has details that could show who you are"),
                         ("easyread", "Your story has a name, place or number")):  # fmt: skip
        text = (
            pages.get(f"/stories/{other}/edit?view={view}").find("main").get_text(" ", strip=True)
        )
        assert reason in text
        assert "These parts could identify someone" not in text


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
                 {"decision": "remove", "remove_reason": "abusive", "confirm": "y"})  # fmt: skip
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


def test_each_item_is_named_by_its_opening_words_never_in_the_title(pages, people, client):
    import datetime as dt

    day = dt.date(2026, 11, 23)
    calm = make_story("The ward was calm and the staff listened to us.", shared_on=day)
    rude = make_story('<b hx-get="/x">Nobody</b> answered the phone for a week.', shared_on=day)
    noted = make_story("A hard story about restraint.", shared_on=day, content_note="Restraint")
    parent = make_story("Approved.", status=APPROVED, replies_allowed=True)
    reply = make_reply(parent, "Thank you, the same happened to my brother in 2024.",
                       shared_on=day)  # fmt: skip
    sign_in(pages, "Fair Kestrel")
    soup = pages.get("/facilitate/people/queue")
    names = {}
    for anchor in (f"story-{calm}", f"story-{rude}", f"story-{noted}", f"reply-{reply}"):
        item = soup.select_one(f"#{anchor}")
        heading = item.select_one("h2")
        names[anchor] = heading.get_text()
        assert heading.select_one("[hx-disable]"), "people's words stay inside hx-disable"
        for control in (item.find("button"), item.select_one(".button-group a")):
            hidden = control.select_one(".visually-hidden")
            assert hidden.get_text() == ": " + names[anchor], anchor
            assert hidden.select_one("[hx-disable]"), anchor
    assert len(set(names.values())) == 4, "no two items have the same name"
    assert names[f"story-{calm}"] == (
        "“The ward was calm and the staff listened to us.” – story shared on 23 November 2026"
    )
    assert names[f"story-{rude}"].startswith('“<b hx-get="/x">Nobody</b> answered')
    assert soup.select_one(f"#story-{rude} h2 b") is None, "escaped, never markup"
    assert "restraint" not in names[f"story-{noted}"].casefold(), "behind its content note"
    assert "with a content note" in names[f"story-{noted}"]
    assert names[f"reply-{reply}"].startswith("“Thank you, the same happened to my brother")
    assert "reply shared on 23 November 2026" in names[f"reply-{reply}"]
    assert "ward" not in soup.title.get_text() and "Nobody" not in soup.title.get_text()
    easy = pages.get("/facilitate/people/queue?view=easyread")
    assert easy.select_one(f"#story-{calm} h2").get_text().endswith("story from 23 November 2026")
    pages.get("/facilitate/people/queue?view=standard")
    # The review page names it the same way, and its title holds no words either.
    soup = pages.get(f"/facilitate/people/stories/{calm}")
    assert (
        soup.select_one("main h2 [hx-disable]").find_parent("h2").get_text()
        == names[f"story-{calm}"]
    )
    assert "ward" not in soup.title.get_text()
    # After approving with htmx, the announcement names the next item by its words.
    response = client.post(f"/facilitate/people/stories/{calm}/approve",
                           data={"csrf_token": csrf(soup), "show": ""},
                           headers={"HX-Request": "true"})  # fmt: skip
    from bs4 import BeautifulSoup

    swapped = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    announced = swapped.select_one("#queue-items")["data-announce"]
    following = swapped.select_one("[data-focus-after-swap]")["id"].removesuffix("-heading")
    assert announced == f"Approved. 3 left. Next: {names[following]}"
