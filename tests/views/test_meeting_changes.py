"""A meeting's time or place changed, or the meeting called off: members are told once,
the page says so, the calendar file replaces the old one, and a meeting called off
leaves the lists, the counts and the reminders."""

from __future__ import annotations

import datetime as dt

from webapp.extensions import db
from webapp.meetings.models import Meeting, MeetingReply
from webapp.member_records import EmailWanted
from webapp.models import Member

from .facilitation_helpers import setup_people, sign_in
from .meeting_helpers import make_meeting


def wanting_emails(app, ids, *keys):
    with db.connection_context():
        for key in keys:
            Member.update(email=f"{key}@example.org").where(Member.id == ids[key]).execute()
            EmailWanted.create(member=ids[key], kind="meeting-reminder")


def sent(app) -> list[tuple[str, str]]:
    from webapp.mail import outbox_messages

    return [(m["To"], m["Subject"]) for m in outbox_messages(app.config["MAIL_OUTBOX_DIR"])]


def test_a_facilitator_moves_a_meeting_and_members_are_told_once(app, pages, tmp_path):
    app.config["MAIL_OUTBOX_DIR"] = tmp_path
    ids = setup_people(app)
    wanting_emails(app, ids, "member", "author")
    meeting_id = make_meeting(days=10, title="Spring meeting")
    with db.connection_context():  # apologies sent: not told
        MeetingReply.give(Meeting.get_by_id(meeting_id), Member.get_by_id(ids["author"]),
                          "apologies", [], "")  # fmt: skip
    sign_in(pages, "Fair Kestrel")
    url = f"/meetings/{meeting_id}/change"
    form = pages.get(url)
    assert form.find("input", {"name": "starts"})["value"] == "2pm"  # as it is now
    assert form.find("input", {"name": "ends"})["value"] == "3:30pm"
    assert form.find("textarea", {"name": "place"}).get_text().strip() == "Riverside Centre"
    # A mistake keeps everything typed, and says what to do.
    page = pages.submit(url, {"day": "4 March 2031", "starts": "3pm", "ends": "2pm",
                              "place": "The new hall, Mill Lane"}, status=422)  # fmt: skip
    assert "Enter an end time after the start time" in page.text
    assert page.find("textarea", {"name": "place"}).get_text().strip() == "The new hall, Mill Lane"
    answer = pages.submit(url, {"day": "4 March 2031", "starts": "3pm", "ends": "4:30pm",
                                "place": "The new hall, Mill Lane", "access": ["step_free"]})  # fmt: skip
    assert answer.headers["Location"].endswith(f"/meetings/{meeting_id}?changed=1")
    with db.connection_context():
        meeting = Meeting.get_by_id(meeting_id)
        assert meeting.starts_at == dt.datetime(2031, 3, 4, 15) and meeting.step_free
        assert meeting.changes == 1 and meeting.online_link == ""
    assert sent(app) == [("member@example.org", "Changed: Spring meeting")]
    assert (
        "Members who chose meeting emails have been told"
        in pages.get(f"/meetings/{meeting_id}?changed=1").text
    )
    calendar = pages.client.get(f"/meetings/{meeting_id}/calendar.ics").get_data(as_text=True)
    assert "SEQUENCE:1" in calendar and "The new hall" in calendar
    pages.sign_out()
    sign_in(pages, "Plain Pigeon")
    assert "The time or place changed on" in pages.get(f"/meetings/{meeting_id}").text
    assert "changed=1" not in pages.get(f"/meetings/{meeting_id}?changed=1").text  # facilitators'


def test_saving_the_same_time_and_place_tells_nobody(app, pages, tmp_path):
    app.config["MAIL_OUTBOX_DIR"] = tmp_path
    ids = setup_people(app)
    wanting_emails(app, ids, "member")
    meeting_id = make_meeting(days=10)
    sign_in(pages, "Fair Kestrel")
    form = pages.get(f"/meetings/{meeting_id}/change")
    same = {field["name"]: field.get("value", "") for field in form.select("form input[name]")}
    same.pop("csrf_token")
    same["place"] = form.find("textarea", {"name": "place"}).get_text().strip()
    pages.submit(f"/meetings/{meeting_id}/change", same)
    with db.connection_context():
        assert Meeting.get_by_id(meeting_id).changes == 0
    assert sent(app) == []


def test_a_meeting_called_off_leaves_the_lists_and_says_why(app, pages, tmp_path):
    from webapp.meetings.cli import reminders_due
    from webapp.meetings.when import uk_now

    app.config["MAIL_OUTBOX_DIR"] = tmp_path
    ids = setup_people(app)
    wanting_emails(app, ids, "member")
    meeting_id = make_meeting(days=2, title="Spring meeting")
    sign_in(pages, "Fair Kestrel")
    confirm = pages.get(f"/meetings/{meeting_id}/cancel")
    assert "This cannot be undone" in confirm.text
    pages.submit(f"/meetings/{meeting_id}/cancel", {"why": "The centre is closed <b>today</b>."})
    assert sent(app) == [("member@example.org", "Cancelled: Spring meeting")]
    token = pages.get("/account").select_one("input[name=csrf_token]")["value"]
    again = pages.client.post(f"/meetings/{meeting_id}/cancel", data={"csrf_token": token})
    assert again.status_code == 302 and len(sent(app)) == 1  # already called off: nothing more
    with app.test_request_context(), db.connection_context():
        assert reminders_due(uk_now()) == []
        meeting = Meeting.get_by_id(meeting_id)
        assert meeting.cancelled_why == "The centre is closed <b>today</b>."
    pages.sign_out()
    sign_in(pages, "Plain Pigeon")
    page = pages.get(f"/meetings/{meeting_id}")
    assert "This meeting is cancelled." in page.text
    why = page.select_one(".notice--important div[hx-disable]")
    assert why.get_text().strip() == "The centre is closed <b>today</b>."  # escaped, as typed
    assert page.find("form", action=f"/meetings/{meeting_id}/reply") is None
    index = pages.get("/meetings/")
    assert "No meetings are planned yet." in index.text  # not among those coming up
    assert "Spring meeting" in index.find("h3", string="Cancelled").find_next("ul").get_text()
    assert "Spring meeting" not in pages.get("/account").text
    token = page.select_one("input[name=csrf_token]")
    token = token["value"] if token else pages.get("/account").select_one(
        "input[name=csrf_token]")["value"]  # fmt: skip
    reply = pages.client.post(f"/meetings/{meeting_id}/reply",
                              data={"csrf_token": token, "answer": "coming"})  # fmt: skip
    assert reply.status_code == 302
    with db.connection_context():
        assert MeetingReply.select().count() == 0
    calendar = pages.client.get(f"/meetings/{meeting_id}/calendar.ics").get_data(as_text=True)
    assert "STATUS:CANCELLED" in calendar


def test_only_the_meetings_facilitators_change_or_cancel_it_and_not_once_held(app, pages):
    setup_people(app)
    coming, held = make_meeting(days=10), make_meeting(days=-3)
    for who in ("Plain Pigeon", "Other Otter"):  # a member; a facilitator of Staff only
        sign_in(pages, who)
        for action in ("change", "cancel"):
            assert pages.client.get(f"/meetings/{coming}/{action}").status_code == 403
        pages.sign_out()
    sign_in(pages, "Fair Kestrel")
    for action in ("change", "cancel"):
        answer = pages.client.get(f"/meetings/{held}/{action}")
        assert answer.status_code == 302 and answer.headers["Location"] == f"/meetings/{held}"
    page = pages.get(f"/meetings/{coming}")
    assert page.find("a", string="Change the time or place")
    assert not pages.get(f"/meetings/{held}").find("a", string="Cancel this meeting")


def test_a_meeting_needs_a_place_or_a_link_and_a_day_still_to_come(app, pages):
    """Both when planning and when changing: an empty place with no link is refused (an
    optional field's own check was skipped when empty), and so is a day already gone."""
    setup_people(app)
    meeting_id = make_meeting(days=10)
    sign_in(pages, "Fair Kestrel")
    pages.submit("/meetings/plan/about", {"title": "Members' meeting", "community": "people",
                                          "regular": "yes"})  # fmt: skip
    page = pages.submit("/meetings/plan/when", {"day": "2/2/26", "starts": "9am", "ends": "10am"},
                        status=422)  # fmt: skip
    assert "Enter a date that is today or later" in page.text
    pages.submit("/meetings/plan/when", {"day": "4 March 2031", "starts": "9am", "ends": "10am"})
    page = pages.submit("/meetings/plan/where", {"place": "", "online_link": ""}, status=422)
    assert "Enter a place, or an online link, or both" in page.text
    page = pages.submit(f"/meetings/{meeting_id}/change", {
        "day": "1 January 2020", "starts": "2pm", "ends": "3pm", "place": "", "online_link": "",
        "getting_there": "Bus 12",
    }, status=422)  # fmt: skip
    assert "Enter a date that is today or later" in page.text
    assert "Enter a place, or an online link, or both" in page.text
    assert page.find("textarea", {"name": "getting_there"}).get_text().strip() == "Bus 12"


def test_a_boosted_form_answered_with_a_page_keeps_the_address_it_was_sent_from(app, pages):
    """A reply with a mistake is shown at once, but its action (/reply) has no page of its
    own: htmx is told not to put it in the history, so a reload shows the meeting."""
    setup_people(app)
    meeting_id = make_meeting(days=10)
    sign_in(pages, "Plain Pigeon")
    token = pages.get(f"/meetings/{meeting_id}").select_one("#your-reply input[name=csrf_token]")
    boosted = {"HX-Request": "true", "HX-Boosted": "true"}
    answer = pages.client.post(f"/meetings/{meeting_id}/reply", headers=boosted,
                               data={"csrf_token": token["value"], "needs_other": "A guide dog"})  # fmt: skip
    assert answer.status_code == 422 and answer.headers["HX-Push-Url"] == "false"
    assert "A guide dog" in answer.get_data(as_text=True)


def test_each_agenda_change_says_what_was_done_where_focus_lands(app, pages):
    setup_people(app)
    meeting_id = make_meeting(days=10, published=False)
    sign_in(pages, "Fair Kestrel")
    agenda = f"/meetings/{meeting_id}/agenda"
    added = pages.submit(agenda, {"title": "Respite care"})
    assert added.headers["Location"] == f"{agenda}?done=added#agenda-done"
    pages.submit(agenda, {"title": "Plans for next year"})
    page = pages.get(f"{agenda}?done=added")
    note = page.select_one("#agenda-done")
    assert note["data-announce"] == "The item is added to the agenda." and note["tabindex"] == "-1"
    assert pages.get(f"{agenda}?done=nonsense").select_one("#agenda-done") is None
    token = page.select_one("input[name=csrf_token]")["value"]
    move = page.select_one("form[action$='/up']")["action"]
    moved = pages.client.post(move, data={"csrf_token": token})
    assert moved.headers["Location"] == f"{agenda}?done=moved#agenda-done"
    published = pages.client.post(f"/meetings/{meeting_id}/publish", data={"csrf_token": token})
    assert published.headers["Location"] == f"/meetings/{meeting_id}?published=1"
    assert "The agenda is published." in pages.get(published.headers["Location"]).text


def test_errors_say_the_limit_and_how_to_write_a_time(app, pages):
    setup_people(app)
    meeting_id = make_meeting(days=10)
    sign_in(pages, "Fair Kestrel")
    agenda = f"/meetings/{meeting_id}/agenda"
    page = pages.submit(agenda, {"title": "x" * 250, "minutes": "0"}, status=422)
    assert "Make this 200 characters or fewer: it has 250" in page.text
    assert "Enter a number of minutes from 1 to 600" in page.text
    page = pages.submit(f"/meetings/{meeting_id}/change", {
        "day": "4 March 2031", "starts": "7", "ends": "9", "place": "Riverside Centre",
    }, status=422)  # fmt: skip
    assert "with am or pm, like 7pm to 9pm" in page.text
