"""Sending is safe to retry: when the answer to the last step is lost, sending the same thing
again shows the same confirmation and never makes a second story, account, reply or concern.

A lost answer is played by putting back the session cookie from before the send: the
browser never received the new one.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from webapp.extensions import db
from webapp.models import Member
from webapp.stories.models import Reply, Story

from .facilitation_helpers import make_story, setup_people, sign_in
from .test_share import PLAIN, answer_rest

CODE = re.compile(r"[A-Z0-9]{4}(?:-[A-Z0-9]{4}){5}")


def lose_the_answer(client, before: str) -> None:
    client.set_cookie("session", before)


def session_cookie(client) -> str:
    return client.get_cookie("session").value


def token(client, url: str) -> str:
    page = client.get(url)
    return BeautifulSoup(page.get_data(as_text=True), "html.parser").find(
        "input", {"name": "csrf_token"}
    )["value"]


def ready_to_send(pages, member: bool) -> None:
    pages.client.get("/share/")
    pages.submit("/share/welcome", {})
    pages.submit("/share/story", {"body": PLAIN})
    last = answer_rest(pages, member=member, audience="public")
    if last.headers["Location"] == "/share/details":
        pages.submit("/share/details", {"body": PLAIN})


def test_a_visitor_whose_confirmation_was_lost_gets_one_story_and_a_code_that_works(pages, client):
    ready_to_send(pages, member=False)
    csrf = token(client, "/share/check")
    before = session_cookie(client)
    first = client.post("/share/check", data={"csrf_token": csrf})
    assert first.headers["Location"] == "/stories/shared"
    lose_the_answer(client, before)  # the code in that answer never arrived

    again = client.post("/share/check", data={"csrf_token": csrf})
    assert again.headers["Location"] == "/stories/shared", "the same confirmation"
    page = BeautifulSoup(client.get("/stories/shared").get_data(as_text=True), "html.parser")
    code = CODE.search(page.select_one(".code-box").get_text("")).group(0)
    with db.connection_context():
        assert Story.select().count() == 1, "never a second story"
    # The code shown now opens the one story.
    opened = client.post("/stories/code", data={"csrf_token": token(client, "/stories/code"),
                                                "code": code})  # fmt: skip
    assert "/yours" in opened.headers["Location"]
    # Once shown, the code is never shown again, and a new share starts afresh.
    fresh = client.get("/share/")  # the first turn, served in place, with nothing said yet
    assert fresh.status_code == 200 and "you-said" not in fresh.get_data(as_text=True)
    with db.connection_context():
        assert Story.select().count() == 1


def test_sending_twice_as_a_member_makes_one_story(pages, client):
    sign_in_demo = pages.submit(
        "/sign-in", {"name": "Quiet Heron", "password": "kettle harbour lantern"}
    )
    assert sign_in_demo.status_code == 302
    ready_to_send(pages, member=True)
    csrf = token(client, "/share/check")
    before = session_cookie(client)
    client.post("/share/check", data={"csrf_token": csrf})
    lose_the_answer(client, before)
    assert client.post("/share/check", data={"csrf_token": csrf}).headers["Location"] == (
        "/stories/shared"
    )
    with db.connection_context():
        assert Story.select().count() == 1


def test_joining_twice_after_a_lost_answer_makes_one_account_signed_in(pages, client):
    client.get("/join/")
    pages.submit("/join/welcome", {})
    pages.submit("/join/community", {"community": "people"})
    pages.submit("/join/name", {"own_name": "Patient Robin"})
    pages.submit("/join/sign_in", {"password": "a long quiet river walk", "email": ""})
    csrf = token(client, "/join/check")
    before = session_cookie(client)
    client.post("/join/check", data={"csrf_token": csrf})
    lose_the_answer(client, before)

    again = client.post("/join/check", data={"csrf_token": csrf})
    assert again.headers["Location"] == "/join/your-recovery-code"
    shown = client.get("/join/your-recovery-code").get_data(as_text=True)
    assert "recovery code" in shown.lower()
    with db.connection_context():
        assert Member.select().where(Member.name_key == "patient robin").count() == 1
    assert client.get("/account").status_code == 200, "signed in to the one account"


def test_a_reply_sent_twice_is_one_reply(app, pages, client):
    made = setup_people(app)
    reference = make_story(status="approved", audience="public", replies_allowed=True)
    sign_in(pages, "Plain Pigeon")
    page = BeautifulSoup(client.get(f"/stories/{reference}").get_data(as_text=True), "html.parser")
    form = {box["name"]: box.get("value", "") for box in page.select("form input[type=hidden]")}
    form["body"] = "Thank you for saying this out loud."
    for _ in range(2):
        sent = client.post(f"/stories/{reference}/replies", data=form)
        assert "replied=1" in sent.headers["Location"]
    with db.connection_context():
        assert Reply.select().where(Reply.author == made["member"]).count() == 1


def test_a_concern_sent_twice_is_one_concern(app, client):
    from webapp.concerns.models import Report

    reference = make_story(status="approved", audience="public")
    url = f"/stories/{reference}/concern"
    page = BeautifulSoup(client.get(url).get_data(as_text=True), "html.parser")
    form = {box["name"]: box.get("value", "") for box in page.select("form input[type=hidden]")}
    form.update(reason="other", words="It names a nurse on the ward.")
    for _ in range(2):
        assert client.post(url, data=form).headers["Location"] == "/concern-sent"
    with db.connection_context():
        assert Report.select().count() == 1
