"""Members suggest something for a meeting's agenda; its facilitators add it or say "not
this time"; the member sees what became of it. Who suggested is for the facilitators."""

from __future__ import annotations

import datetime as dt

import pytest

from webapp.extensions import db
from webapp.meetings.models import AgendaItem, Meeting
from webapp.meetings.suggestion_models import ADDED, DECLINED, WAITING, AgendaSuggestion
from webapp.models import Member

from .facilitation_helpers import AUTHOR, setup_people, sign_in
from .meeting_helpers import make_meeting

WORDS = "Buses to meetings <b>after 6pm</b>"


def token_of(page) -> str:
    return page.select_one("#suggest input[name=csrf_token]")["value"]


def suggest(pages, meeting_id: int, words=WORDS, why="", status=302, token=None):
    url = f"/meetings/{meeting_id}"
    token = token if token is not None else token_of(pages.get(url))
    data = {"suggestion": words, "suggestion_why": why}
    if token:
        data["csrf_token"] = token
    answer = pages.client.post(f"{url}/suggest", data=data)
    assert answer.status_code == status, answer.status_code
    return answer


def suggested_then_facilitator(app, pages, words="Respite care", **meeting) -> tuple[dict, int]:
    """Plain Pigeon suggests `words` for a meeting 10 days away; then Fair Kestrel, who runs
    it, is signed in. The people's ids, and the meeting's."""
    ids = setup_people(app)
    meeting_id = make_meeting(**{"days": 10, **meeting})
    sign_in(pages, "Plain Pigeon")
    suggest(pages, meeting_id, words=words)
    pages.sign_out()
    sign_in(pages, "Fair Kestrel")
    return ids, meeting_id


def suggestions() -> list[AgendaSuggestion]:
    with db.connection_context():
        return list(AgendaSuggestion.select().order_by(AgendaSuggestion.id))


def test_a_member_suggests_and_lands_at_a_note_that_says_what_happens_next(app, pages):
    ids = setup_people(app)
    meeting_id = make_meeting(days=10)
    sign_in(pages, "Plain Pigeon")
    answer = suggest(pages, meeting_id, why="The 40 stops at 6pm.\n\nCould we share lifts?")
    assert answer.headers["Location"] == f"/meetings/{meeting_id}?suggested=1#suggestion-sent"
    [made] = suggestions()
    assert (made.member_id, made.words, made.status) == (ids["member"], WORDS, WAITING)
    assert made.why == "The 40 stops at 6pm.\n\nCould we share lifts?"
    page = pages.get(f"/meetings/{meeting_id}?suggested=1")
    note = page.select_one("#suggestion-sent")
    assert note["tabindex"] == "-1" and note["data-announce"] == "Your suggestion is sent."
    assert "decide whether to add it to the agenda" in note.get_text()
    mine = page.select_one("#suggest .suggestions")
    assert mine.find("strong", attrs={"hx-disable": True}).get_text() == WORDS  # escaped
    assert "Waiting: the facilitators have not decided yet." in mine.get_text()
    # Sending the same again (a second press) makes no second suggestion.
    suggest(pages, meeting_id, why="The 40 stops at 6pm.")
    assert len(suggestions()) == 1
    easy = pages.get(f"/meetings/{meeting_id}?suggested=1&view=easyread")
    assert "We sent your idea." in easy.text and "Send my idea" in easy.text


def test_a_mistake_or_an_expired_token_keeps_every_word_and_writes_nothing(app, pages):
    setup_people(app)
    meeting_id = make_meeting(days=10)
    sign_in(pages, "Plain Pigeon")
    page = pages.post(f"/meetings/{meeting_id}/suggest", 422,
                      data={"csrf_token": token_of(pages.get(f"/meetings/{meeting_id}")),
                            "suggestion": "", "suggestion_why": "Kept reasons"})  # fmt: skip
    assert "Write what you would like to talk about" in page.select_one("[data-error-summary]").text
    assert page.find("textarea", {"name": "suggestion_why"}).get_text().strip() == "Kept reasons"
    assert page.title.get_text().startswith("Error: ")
    page = pages.post(f"/meetings/{meeting_id}/suggest", 422,
                      data={"suggestion": WORDS, "suggestion_why": "Kept reasons"})  # fmt: skip
    assert "This page was open for a long time" in page.text
    assert page.find("input", {"name": "suggestion"})["value"] == WORDS
    assert page.find("textarea", {"name": "suggestion_why"}).get_text().strip() == "Kept reasons"
    assert page.find("a", string="Your account")  # still signed in
    assert suggestions() == []


def test_who_may_suggest_and_who_sees_who_suggested(app, pages, client):
    setup_people(app)
    meeting_id = make_meeting(days=10)
    url = f"/meetings/{meeting_id}"
    sign_in(pages, "Plain Pigeon")
    suggest(pages, meeting_id, words="Pigeon's idea")
    pages.sign_out()
    sign_in(pages, AUTHOR)  # another member of the community: not Pigeon's
    page = pages.get(url)
    assert page.select_one("#suggest form") and "Pigeon's idea" not in page.text
    pages.sign_out()
    sign_in(pages, "Other Otter")  # a facilitator of Staff only: not this meeting
    assert client.get(url).status_code == 403
    assert client.post(f"{url}/suggest", data={"suggestion": "x"}).status_code == 403
    assert client.get(f"{url}/agenda").status_code == 403
    pages.sign_out()
    sign_in(pages, "Fair Kestrel")  # runs it: writes the agenda itself, so no form
    page = pages.get(url)
    assert page.select_one("#suggest") is None
    assert client.post(f"{url}/suggest", data={"suggestion": "x"}).status_code == 403
    agenda = pages.get(f"{url}/agenda")
    listed = agenda.select_one("#suggestions")
    assert "Pigeon's idea" in listed.text and "From Plain Pigeon" in listed.text
    assert listed.find("bdi", string="Plain Pigeon")
    pages.sign_out()
    answer = client.post(f"{url}/suggest", data={"suggestion": "x"})  # a visitor
    assert answer.status_code == 302 and "/sign-in" in answer.headers["Location"]
    assert [s.words for s in suggestions()] == ["Pigeon's idea"]


@pytest.mark.parametrize("kind", ["held", "cancelled"])
def test_a_meeting_over_or_called_off_takes_no_suggestion_but_keeps_the_words(app, pages, kind):
    setup_people(app)
    meeting_id = make_meeting(days=10)
    sign_in(pages, "Plain Pigeon")
    suggest(pages, meeting_id, words="Sent in time")
    token = token_of(pages.get(f"/meetings/{meeting_id}"))
    with db.connection_context():  # while the page was open
        meeting = Meeting.get_by_id(meeting_id)
        if kind == "held":
            meeting.starts_at = dt.datetime(2020, 1, 1, 14)
            meeting.ends_at = dt.datetime(2020, 1, 1, 15)
            meeting.save()
        else:
            meeting.cancel("Closed", dt.date.today())
    page = pages.post(f"/meetings/{meeting_id}/suggest",
                      data={"csrf_token": token, "suggestion": WORDS, "suggestion_why": "Why"})  # fmt: skip
    assert [s.words for s in suggestions()] == ["Sent in time"]
    mine = page.select_one("#suggest .suggestions").get_text()
    assert "over or cancelled before the facilitators decided" in mine  # not "waiting" forever
    unsent = page.select_one("#suggestion-unsent")
    assert WORDS in unsent.get_text() and "Why" in unsent.get_text()
    assert page.select_one("#suggest form") is None


def test_a_facilitator_adds_a_suggestion_to_the_end_of_the_agenda(app, pages, client):
    _, meeting_id = suggested_then_facilitator(app, pages, items=[("Welcome", False)])
    agenda = f"/meetings/{meeting_id}/agenda"
    page = pages.get(agenda)
    add = page.select_one("#suggestions form[action$='/add']")
    assert "Add to the agenda “Respite care”" in " ".join(add.button.get_text().split())
    answer = client.post(add["action"], data={"csrf_token": add.find("input")["value"]})
    assert answer.headers["Location"] == f"{agenda}?done=suggestion_added#agenda-done"
    again = client.post(add["action"], data={"csrf_token": add.find("input")["value"]})
    assert again.headers["Location"] == answer.headers["Location"]  # nothing more
    with db.connection_context():
        titles = [i.title for i in AgendaItem.select().order_by(AgendaItem.position)]
    assert titles == ["Welcome", "Respite care"]
    [made] = suggestions()
    assert made.status == ADDED and made.decided_on == dt.date.today()
    page = pages.get(f"{agenda}?done=suggestion_added")
    assert (
        "The suggestion is added at the end of the agenda."
        in page.select_one("#agenda-done")["data-announce"]
    )
    assert page.select_one("#suggestions") is None  # nothing waits now
    pages.sign_out()
    sign_in(pages, "Plain Pigeon")
    assert (
        "Added to the agenda on"
        in pages.get(f"/meetings/{meeting_id}").select_one("#suggest").get_text()
    )


def test_not_this_time_asks_for_a_note_and_the_member_reads_it(app, pages, client):
    _, meeting_id = suggested_then_facilitator(app, pages)
    agenda = f"/meetings/{meeting_id}/agenda"
    link = pages.get(agenda).select_one("#suggestions a[href$='/decline']")["href"]
    page = pages.get(link)
    assert "Respite care" in page.text and "Plain Pigeon" in page.text
    note = "We will talk about <i>this</i> in March."
    # An expired token: the note comes back, and nothing is decided.
    kept = pages.post(link, 422, data={"note": note})
    assert kept.find("textarea", {"name": "note"}).get_text().strip() == note
    assert suggestions()[0].status == WAITING
    answer = pages.submit(link, {"note": note})
    assert answer.headers["Location"] == f"{agenda}?done=suggestion_declined#agenda-done"
    [made] = suggestions()
    assert (made.status, made.note) == (DECLINED, note)
    assert client.get(link).headers["Location"] == answer.headers["Location"]  # decided already
    pages.sign_out()
    sign_in(pages, "Plain Pigeon")
    mine = pages.get(f"/meetings/{meeting_id}").select_one("#suggest .suggestions")
    assert "Not this time" in mine.get_text() and "The facilitators said:" in mine.get_text()
    assert mine.find("div", attrs={"hx-disable": True}).get_text().strip() == note  # escaped


def test_a_suggestion_of_another_meeting_is_not_found(app, pages, client):
    _, first = suggested_then_facilitator(app, pages)
    second = make_meeting(days=12)
    made = suggestions()[0].id
    assert client.get(f"/meetings/{second}/agenda/suggestions/{made}/decline").status_code == 404


def test_the_dashboard_counts_what_waits_and_the_download_carries_ones_own(app, pages):
    from webapp import contributions

    ids, meeting_id = suggested_then_facilitator(app, pages, title="Spring meeting")
    dashboard = pages.get("/facilitate/people/dashboard")
    assert "1 suggestion for an agenda is waiting for you." in dashboard.text
    assert dashboard.find("a", href=f"/meetings/{meeting_id}/agenda#suggestions")
    with app.test_request_context(), db.connection_context():
        mine = contributions.data_parts(Member.get_by_id(ids["member"]))["meetings"]
        theirs = contributions.data_parts(Member.get_by_id(ids["author"]))["meetings"]
    assert [s["suggestion"] for s in mine["agenda_suggestions"]] == ["Respite care"]
    assert mine["agenda_suggestions"][0]["what_happened"] == WAITING
    assert theirs["agenda_suggestions"] == []


def test_once_the_meeting_is_over_its_waiting_suggestions_cannot_be_added(app, pages, client):
    _, meeting_id = suggested_then_facilitator(app, pages)
    with db.connection_context():
        Meeting.get_by_id(meeting_id).cancel("Closed", dt.date.today())
    agenda = f"/meetings/{meeting_id}/agenda"
    page = pages.get(agenda)
    assert page.select_one("#suggestions") is None
    made = suggestions()[0].id
    token = page.select_one("input[name=csrf_token]")["value"]
    for action in ("add", "decline"):
        answer = client.post(f"{agenda}/suggestions/{made}/{action}", data={"csrf_token": token})
        assert answer.status_code == 302 and answer.headers["Location"] == agenda
    assert suggestions()[0].status == WAITING
    with db.connection_context():
        assert AgendaItem.select().where(AgendaItem.meeting == meeting_id).count() == 0
