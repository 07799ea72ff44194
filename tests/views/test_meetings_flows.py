"""Planning, the agenda, replying with access needs, attendance, and the reminders."""

from __future__ import annotations

import datetime as dt

from webapp import contributions
from webapp.extensions import db
from webapp.meetings.models import AgendaItem, Attendance, Meeting, MeetingReply
from webapp.models import Community, Member

from .facilitation_helpers import setup_people, sign_in
from .meeting_helpers import attended, make_meeting


def test_a_facilitator_plans_a_meeting_in_a_conversation(app, pages, client):
    setup_people(app)
    sign_in(pages, "Fair Kestrel")
    assert client.get("/meetings/plan/").headers["Location"].endswith("/meetings/plan/about")
    pages.submit("/meetings/plan/about", {"title": "Members' meeting", "community": "people",
                                          "regular": "yes"})  # fmt: skip
    # A mistake keeps what was typed, and says what to do.
    page = pages.submit("/meetings/plan/when", {"day": "31 February 2031", "starts": "2pm",
                                                "ends": "1pm"}, status=422)  # fmt: skip
    assert "Enter the date like 3 March 2027" in page.text
    assert "Enter an end time after the start time" in page.text
    assert page.find("input", {"name": "starts"})["value"] == "2pm"
    pages.submit("/meetings/plan/when", {"day": "4 March 2031", "starts": "2pm", "ends": "3:30pm"})
    pages.submit("/meetings/plan/where", {"place": "Riverside Centre", "access": ["step_free"],
                                          "online_link": "https://meet.example.org/x"})  # fmt: skip
    check = pages.get("/meetings/plan/check")
    assert "Tuesday 4 March 2031, 2pm to 3:30pm" in check.text
    response = pages.submit("/meetings/plan/check", {})
    with db.connection_context():
        meeting = Meeting.get(Meeting.title == "Members' meeting")
        assert meeting.starts_at == dt.datetime(2031, 3, 4, 14, 0)
        assert meeting.step_free and not meeting.hearing_loop and meeting.regular
    assert response.headers["Location"].endswith(f"/meetings/{meeting.id}/agenda")
    # Sending again makes no second meeting.
    client.post("/meetings/plan/check", data={"csrf_token": "stale"})
    with db.connection_context():
        assert Meeting.select().count() == 1


def test_a_facilitator_writes_and_publishes_the_agenda(app, pages, client):
    setup_people(app)
    meeting_id = make_meeting(published=False)
    sign_in(pages, "Plain Pigeon")
    assert "not published yet" in pages.get(f"/meetings/{meeting_id}").text
    pages.sign_out()
    sign_in(pages, "Fair Kestrel")
    agenda = f"/meetings/{meeting_id}/agenda"
    page = pages.submit(agenda, {"title": "", "minutes": "lots", "paper": "Kept words"}, 422)
    assert "Kept words" in page.text
    pages.submit(agenda, {"title": "Hospital stays", "title_easy": "Going into hospital",
                          "minutes": "30", "sensitive": "y", "paper": "The paper."})  # fmt: skip
    pages.submit(agenda, {"title": "Plans for next year"})
    with db.connection_context():
        first, second = AgendaItem.select().order_by(AgendaItem.position)
    token = pages.get(agenda).select_one("form input[name=csrf_token]")["value"]
    client.post(f"/meetings/{meeting_id}/agenda/{second.id}/up", data={"csrf_token": token})
    client.post(f"/meetings/{meeting_id}/publish", data={"csrf_token": token})
    pages.sign_out()
    sign_in(pages, "Plain Pigeon")
    page = pages.get(f"/meetings/{meeting_id}")
    titles = [h.get_text(strip=True) for h in page.select(".agenda__title")]
    assert titles == ["Plans for next year", "Hospital stays"]
    assert "Published on" in page.text and "30 minutes" in page.text
    easy = pages.get(f"/meetings/{meeting_id}?view=easyread")
    assert "Going into hospital" in easy.text


def test_a_member_replies_with_an_access_need_only_facilitators_see(app, pages, client):
    setup_people(app)
    meeting_id = make_meeting()
    sign_in(pages, "Plain Pigeon")
    url = f"/meetings/{meeting_id}"
    token = pages.get(url).select_one("#your-reply input[name=csrf_token]")["value"]
    # Nothing chosen: asked again, with what was typed kept.
    page = pages.post(f"{url}/reply", 422, data={"csrf_token": token, "needs_other": "Kept"})
    assert "Choose whether you are coming" in page.text and "Kept" in page.text
    client.post(f"{url}/reply", data={"csrf_token": token, "answer": "coming",
                                      "needs": ["bsl", "travel costs"],
                                      "needs_other": "A chair with arms, please"})  # fmt: skip
    with db.connection_context():
        reply = MeetingReply.get()
        assert reply.answer == "coming" and reply.need_keys == ["bsl", "travel costs"]
    # The form comes back with the reply and needs chosen, so changing one keeps the rest.
    page = pages.get(url)
    assert page.select_one("#needs-0")["value"] == "large print"
    assert [box["value"] for box in page.select("input[name=needs][checked]")] == [
        "bsl", "travel costs"]  # fmt: skip
    client.post(f"{url}/reply", data={"csrf_token": token, "answer": "not sure",
                                      "needs": ["bsl", "travel costs"],
                                      "needs_other": "A chair with arms, please"})  # fmt: skip
    with db.connection_context():
        assert MeetingReply.get().answer == "not sure"
    pages.sign_out()
    sign_in(pages, "Zanzibar Quokka")
    assert "A chair with arms" not in pages.get(url).text  # another member never sees it
    assert client.get(f"{url}/people").status_code == 403
    pages.sign_out()
    sign_in(pages, "Fair Kestrel")
    people = pages.get(f"{url}/people").text
    assert "Plain Pigeon" in people and "A chair with arms" in people
    assert "British Sign Language" in people


def test_attendance_is_one_form_with_those_who_replied_first(app, pages, client):
    ids = setup_people(app)
    meeting_id = make_meeting(days=-1)
    with db.connection_context():
        MeetingReply.create(meeting=meeting_id, member=ids["author"], answer="coming")
    sign_in(pages, "Fair Kestrel")
    url = f"/meetings/{meeting_id}/attendance"
    page = pages.get(url)
    legends = [legend.get_text(strip=True) for legend in page.select("legend")]
    assert legends[0] == "Zanzibar Quokka"  # replied, so first
    assert "Plain Pigeon" in legends and "Other Otter" not in legends  # only this community
    pages.submit(
        url, {f"member_{ids['author']}": "present", f"member_{ids['member']}": "apologies"}
    )
    with db.connection_context():
        assert Attendance.statuses(Meeting.get_by_id(meeting_id)) == {
            ids["author"]: "present", ids["member"]: "apologies"
        }  # fmt: skip
    assert 'value="present" checked' in client.get(url).get_data(as_text=True)


def test_a_regular_member_has_come_to_more_than_one_regular_meeting(app):
    ids = setup_people(app)
    extra = make_meeting(days=-30, regular=False)
    first, second = make_meeting(days=-20), make_meeting(days=-10)
    with app.app_context(), db.connection_context():
        people = Community.by_slug("people")
        member = Member.get_by_id(ids["member"])

        def regular() -> bool:
            return contributions.is_regular(member, people)

        assert regular() is False
        attended(first, member.id)
        attended(extra, member.id)  # an extra meeting does not count
        assert regular() is False
        attended(second, member.id, "apologies")  # apologies are not attendance
        assert regular() is False
        Attendance.update(status="present").where(Attendance.meeting == second).execute()
        assert regular() is True
        app.config["REGULAR_MEMBER_AFTER"] = 2  # the number is a setting
        assert regular() is False


def test_a_member_sees_their_own_standing_in_kind_words(app, pages):
    ids = setup_people(app)
    with db.connection_context():
        Member.update(joined_on=dt.date.today() - dt.timedelta(days=200)).execute()
    held = [make_meeting(days=-d) for d in (40, 30, 20, 10)]
    for meeting_id in held[1:]:
        attended(meeting_id, ids["member"])
    sign_in(pages, "Plain Pigeon")
    home = pages.get("/account").text
    assert "You have come to 3 of the last 4 meetings. Thank you." in " ".join(home.split())
    assert "You are a regular member" in home


def test_the_dashboard_reminds_about_agendas_notes_and_members_not_seen(app, pages):
    ids = setup_people(app)
    with db.connection_context():
        Member.update(joined_on=dt.date.today() - dt.timedelta(days=200)).execute()
    make_meeting(days=5, title="Soon without agenda", published=False)
    make_meeting(days=20, title="Later without agenda", published=False)
    held = [make_meeting(days=-d, title=f"Held {d}") for d in (30, 20, 10)]
    for meeting_id in held:
        attended(meeting_id, ids["author"])
    sign_in(pages, "Fair Kestrel")
    page = pages.get("/facilitate/people/dashboard").text
    assert "Soon without agenda" in page and "Later without agenda" not in page
    assert "Held 10" in page and "there are no notes yet" in page
    assert "Plain Pigeon" in page  # missed all three: check in kindly
    assert "Zanzibar Quokka" not in page.split("check in with them kindly")[1]


def test_reminder_emails_go_two_days_before_to_those_who_chose_them_once(app, tmp_path):
    from webapp.mail import outbox_messages
    from webapp.meetings.cli import send_reminders
    from webapp.member_records import EmailWanted

    app.config["MAIL_OUTBOX_DIR"] = tmp_path
    ids = setup_people(app)
    make_meeting(days=2, title="Soon")
    make_meeting(days=3, title="Later")
    with app.test_request_context(), db.connection_context():
        for key in ("member", "author"):
            Member.update(email=f"{key}@example.org").where(Member.id == ids[key]).execute()
        EmailWanted.create(member=ids["member"], kind="meeting-reminder")
        assert send_reminders() == 1
        assert send_reminders() == 0  # never twice
    sent = outbox_messages(app.config["MAIL_OUTBOX_DIR"])
    assert [(m["To"], m["Subject"]) for m in sent] == [("member@example.org", "Reminder: Soon")]


def test_an_agenda_item_links_to_one_of_the_communitys_decisions(app, pages):
    from .decision_helpers import make_decision

    setup_people(app)
    ours = make_decision(app, title="Quiet rooms at meetings")
    make_decision(app, communities=("staff",), title="A staff-only question")
    meeting_id = make_meeting()
    sign_in(pages, "Fair Kestrel")
    agenda = f"/meetings/{meeting_id}/agenda"
    page = pages.get(agenda)
    offered = [box["value"] for box in page.select("input[name=decision_ref]")]
    assert offered == ["", str(ours)]  # "not about a decision", then only People's decision
    pages.submit(agenda, {"title": "Quiet rooms", "decision_ref": str(ours)})
    pages.sign_out()
    sign_in(pages, "Plain Pigeon")
    link = pages.get(f"/meetings/{meeting_id}").select_one(".agenda__item a")
    assert link["href"] == f"/decisions/{ours}"


def test_removing_an_agenda_item_asks_first(app, pages, client):
    setup_people(app)
    meeting_id = make_meeting(published=True)
    sign_in(pages, "Fair Kestrel")
    agenda = f"/meetings/{meeting_id}/agenda"
    pages.submit(agenda, {"title": "Hospital stays", "paper": "Two pages of careful work."})
    with db.connection_context():
        item = AgendaItem.get()
    remove = pages.get(agenda).select_one(f"a[href$='/agenda/{item.id}/remove']")
    assert remove.get_text(" ", strip=True).startswith("Remove")  # a link to a question, not a POST
    asked = pages.get(remove["href"])
    text = asked.find("main").get_text(" ", strip=True)
    assert "Hospital stays" in text and "Its paper will be deleted too." in text
    assert "Members can see the agenda now" in text
    with db.connection_context():
        assert AgendaItem.select().count() == 1  # asking changed nothing
    assert asked.select_one("main a[href$='#agenda-items']").get_text(strip=True) == "No, keep it"
    pages.submit(remove["href"], {})
    with db.connection_context():
        assert AgendaItem.select().count() == 0
