"""Notes under the Chatham House Rule: written in a conversation, with the names check and
stories quoted by reference, so a withdrawn or narrowed story vanishes at once."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from webapp.extensions import db
from webapp.meetings.after_models import Correction, NoteQuote
from webapp.meetings.models import Meeting
from webapp.stories.models import Story

from .facilitation_helpers import make_story, setup_people, sign_in
from .meeting_helpers import attended, make_meeting

QUOTABLE = "On the third day a nurse sat down with me and wrote it all on his board."
REMOVED = "This quote was removed by the person who shared it."


@pytest.fixture
def held(app):
    ids = setup_people(app)
    meeting_id = make_meeting(days=-1, items=[("Hospital stays", True)])
    attended(meeting_id, ids["member"])
    attended(meeting_id, ids["author"])
    quotable = make_story(QUOTABLE, author_id=ids["author"], status="approved",
                          audience="community", quoting="quote")  # fmt: skip
    summary_only = make_story("Words only to be summarised.", status="approved",
                              audience="members", quoting="summarise")  # fmt: skip
    hidden = make_story("Only for facilitators.", status="approved", audience="facilitators",
                        quoting="quote")  # fmt: skip
    staff_only = make_story("Staff community words.", community="staff", status="approved",
                            audience="community", quoting="quote")  # fmt: skip
    return {"ids": ids, "meeting": meeting_id, "quotable": quotable,
            "summary_only": summary_only, "hidden": hidden, "staff_only": staff_only}  # fmt: skip


def write_notes(pages, held, themes="We talked about hospital stays.", quoted=None):
    base = f"/meetings/{held['meeting']}/notes/write"
    pages.submit(f"{base}/themes", {"themes": themes})
    pages.submit(f"{base}/decided", {"decided": "We will write a guide."})
    pages.submit(f"{base}/actions", {"actions": ""})
    pages.submit(f"{base}/quotes", {"quoted": quoted or [held["quotable"]],
                                    "referred": [held["summary_only"]]})  # fmt: skip
    return pages.submit(f"{base}/summary", {"summary": "We talked about hospital."})


def test_the_picker_offers_only_stories_the_author_let_be_quoted_and_the_community_may_read(
    pages, held
):
    sign_in(pages, "Fair Kestrel")
    base = f"/meetings/{held['meeting']}/notes/write"
    pages.submit(f"{base}/themes", {"themes": "Themes"})
    pages.submit(f"{base}/decided", {"decided": ""})
    pages.submit(f"{base}/actions", {"actions": ""})
    page = pages.get(f"{base}/quotes")
    quote_values = [b["value"] for b in page.select("input[name=quoted]")]
    refer_values = [b["value"] for b in page.select("input[name=referred]")]
    assert quote_values == [held["quotable"]]
    assert refer_values == [held["summary_only"]]
    # A forged choice of a story not offered is refused, not stored.
    page = pages.submit(f"{base}/quotes", {"quoted": [held["hidden"]]}, status=422)
    assert page.select_one("[data-error-summary]")


def test_notes_quote_a_story_and_lose_it_at_once_when_it_is_withdrawn(pages, client, held):
    sign_in(pages, "Fair Kestrel")
    write_notes(pages, held)
    check = pages.get(f"/meetings/{held['meeting']}/notes/write/check")
    assert "1 quoted, 1 referred to" in check.text
    response = pages.submit(f"/meetings/{held['meeting']}/notes/write/check", {})
    assert response.headers["Location"].endswith(f"/meetings/{held['meeting']}/notes")
    with db.connection_context():
        assert NoteQuote.select().count() == 2
        assert QUOTABLE not in json.dumps(list(NoteQuote.select().dicts()), default=str)
    pages.sign_out()
    sign_in(pages, "Plain Pigeon")
    notes = f"/meetings/{held['meeting']}/notes"
    assert QUOTABLE in pages.get(notes).text
    with db.connection_context():  # the author withdraws the story: it is deleted for good
        from webapp.stories.service import delete_for_good

        delete_for_good([Story.get(Story.reference == held["quotable"]).id])
    page = pages.get(notes).text
    assert QUOTABLE not in page and REMOVED in page


@pytest.mark.parametrize("narrowed", [{"quoting": "summarise"}, {"quoting": "none"},
                                      {"audience": "facilitators"}])  # fmt: skip
def test_narrowing_the_quoting_or_the_audience_removes_the_quote_everywhere(pages, held, narrowed):
    sign_in(pages, "Fair Kestrel")
    write_notes(pages, held)
    pages.submit(f"/meetings/{held['meeting']}/notes/write/check", {})
    with db.connection_context():
        Story.update(**narrowed).where(Story.reference == held["quotable"]).execute()
    for who in ("Fair Kestrel", "Plain Pigeon"):
        pages.sign_out()
        sign_in(pages, who)
        page = pages.get(f"/meetings/{held['meeting']}/notes").text
        assert QUOTABLE not in page and REMOVED in page, who


NAMES_TABLE = [
    ("We talked about hospital stays.", set()),
    ("Plain Pigeon said the wards were loud.", {"member"}),
    ("PLAIN PIGEON agreed.", {"member"}),  # case does not hide a name
    ("Plain Pіgeon agreed.", {"member"}),  # nor a Cyrillic і that looks the same
    ("Fair Kestrel will write to the trust.", {"facilitator"}),
    ("Call 07700 900123 about it.", {"detail"}),
    ("A pigeon in the plain garden.", set()),  # the words, not the name
]


@pytest.mark.parametrize(("themes", "kinds"), NAMES_TABLE)
def test_the_names_check_points_out_names_and_identifying_details(app, held, themes, kinds):
    from webapp.meetings.names import findings

    with app.test_request_context(), db.connection_context():
        meeting = Meeting.get_by_id(held["meeting"])
        found = findings(meeting, {"themes": themes})
    assert {f.kind for f in found} == kinds


def test_the_names_check_is_shown_before_circulating_and_never_blocks(pages, held):
    sign_in(pages, "Fair Kestrel")
    response = write_notes(pages, held, themes="Plain Pigeon said the wards were loud.")
    assert response.headers["Location"].endswith("/notes/write/names")
    page = pages.get(f"/meetings/{held['meeting']}/notes/write/names")
    assert "the name of a member" in page.text and "Plain Pigeon" in page.text
    pages.submit(f"/meetings/{held['meeting']}/notes/write/names", {})
    pages.submit(f"/meetings/{held['meeting']}/notes/write/check", {})
    with db.connection_context():
        assert Meeting.get_by_id(held["meeting"]).notes_status == "draft"


def test_no_notes_page_or_data_download_lists_who_attended(pages, client, held):
    sign_in(pages, "Fair Kestrel")
    write_notes(pages, held)
    pages.submit(f"/meetings/{held['meeting']}/notes/write/check", {})
    for who in ("Plain Pigeon", "Fair Kestrel"):
        pages.sign_out()
        sign_in(pages, who)
        notes = pages.get(f"/meetings/{held['meeting']}/notes")
        assert "Zanzibar Quokka" not in notes.text and "Plain Pigeon" not in notes.select_one(
            "main").get_text()  # fmt: skip
    pages.sign_out()
    sign_in(pages, "Plain Pigeon")
    data = client.get("/account/data.json").get_data(as_text=True)
    assert "Zanzibar Quokka" not in data
    assert json.loads(data)["meetings"]["your_attendance"][0]["recorded_as"] == "present"


def test_members_suggest_corrections_for_seven_days_then_the_notes_are_final(
    app, pages, client, held
):
    sign_in(pages, "Fair Kestrel")
    write_notes(pages, held)
    pages.submit(f"/meetings/{held['meeting']}/notes/write/check", {})
    pages.sign_out()
    sign_in(pages, "Plain Pigeon")
    notes = f"/meetings/{held['meeting']}/notes"
    token = pages.get(notes).select_one("form input[name=csrf_token]")["value"]
    client.post(f"{notes}/correction", data={"csrf_token": token, "words": "It was Tuesday."})
    mine = json.loads(client.get("/account/data.json").get_data(as_text=True))["meetings"]
    assert [c["correction"] for c in mine["corrections_to_notes"]] == ["It was Tuesday."]
    with db.connection_context():
        assert Correction.select().count() == 1
        Meeting.update(notes_circulated_on=dt.date.today() - dt.timedelta(days=7)).execute()
    assert "Suggest a correction" not in pages.get(notes).text  # the 7 days are over
    assert client.post(f"{notes}/final", data={"csrf_token": token}).status_code == 403
    pages.sign_out()
    sign_in(pages, "Fair Kestrel")
    assert "It was Tuesday." in pages.get(f"/meetings/{held['meeting']}/people").text
    token = pages.get(notes).select_one("form input[name=csrf_token]")["value"]
    client.post(f"{notes}/final", data={"csrf_token": token})
    assert "Final notes, agreed on" in pages.get(notes).text


def test_the_check_in_after_a_sensitive_meeting_counts_and_names_only_who_asked(
    pages, client, held
):
    from webapp.meetings.after_models import GetInTouch
    from webapp.stories.models import WellbeingCount

    sign_in(pages, "Plain Pigeon")
    url = f"/meetings/{held['meeting']}"
    page = pages.get(url)
    assert "How are you feeling after the meeting?" in page.text
    token = page.select_one(".check-in input[name=csrf_token]")["value"]
    # Sent empty by a slip: told so, and it does not use up the one answer.
    empty = client.post(f"{url}/check-in", data={"csrf_token": token})
    assert empty.status_code == 422 and "Choose how you are feeling" in empty.get_data(as_text=True)
    client.post(f"{url}/check-in", data={"csrf_token": token, "feeling": "tired",
                                         "get_in_touch": "y"})  # fmt: skip
    client.post(f"{url}/check-in", data={"csrf_token": token, "feeling": "tired"})  # once only
    with db.connection_context():
        assert WellbeingCount.get(WellbeingCount.answer == "meeting:tired").count == 1
        assert GetInTouch.select().count() == 1
    mine = json.loads(client.get("/account/data.json").get_data(as_text=True))["meetings"]
    assert [t["done_on"] for t in mine["asked_a_facilitator_to_get_in_touch"]] == [None]
    pages.sign_out()
    sign_in(pages, "Fair Kestrel")
    assert "Plain Pigeon asked a facilitator to get in touch" in " ".join(
        pages.get("/facilitate/people/dashboard").text.split()
    )
    theirs = json.loads(client.get("/account/data.json").get_data(as_text=True))["meetings"]
    assert theirs["asked_a_facilitator_to_get_in_touch"] == []
    assert theirs["corrections_to_notes"] == []
