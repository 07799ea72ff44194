"""Names and emails are unique: every clash is the form's own error, with what was typed kept,
never a 500, even when people press the button at the same moment. Runs on SQLite and on
PostgreSQL (see make test)."""

from __future__ import annotations

import threading
import time

from tests.conftest import PageClient, csrf_token
from tests.structure import check_page
from webapp.drafts import Draft
from webapp.extensions import db
from webapp.models import Member

PASSWORD = "river candle meadow"
EMAIL_TAKEN = "Another account uses that email address"


def reach_check(pages, name: str, email: str = "") -> None:
    for turn, data in [
        ("welcome", {}),
        ("community", {"community": "people"}),
        ("name", {"own_name": name}),
        ("sign_in", {"password": PASSWORD, "email": email}),
    ]:
        pages.submit(f"/join/{turn}", data)


def slow_checks(monkeypatch) -> None:
    """A busy server: time passes between "is this name free?" and the insert, so that
    without one-writer-at-a-time every person would check before anyone writes."""
    for check in ("name_taken", "by_email"):
        original = getattr(Member, check).__func__

        def slow(cls, value, original=original):
            found = original(cls, value)
            time.sleep(0.05)
            return found

        monkeypatch.setattr(Member, check, classmethod(slow))


def join_at_once(
    app, monkeypatch, people: list[tuple[str, str]]
) -> list[tuple[PageClient, object]]:
    """Each person answers every turn; then all press "Join" at the same moment."""
    clients = [PageClient(app.test_client()) for _ in people]
    for pages, (name, email) in zip(clients, people, strict=True):
        reach_check(pages, name, email)
    tokens = [csrf_token(pages.get("/join/check")) for pages in clients]
    slow_checks(monkeypatch)
    if hasattr(db.obj, "_max_connections"):  # PostgreSQL's pool: here 20 people share one
        # process; in production they spread over workers and machines, each with its own pool
        monkeypatch.setattr(db.obj, "_max_connections", len(people))
    start, responses = threading.Barrier(len(people)), [None] * len(people)

    def join(i: int) -> None:
        start.wait()
        try:
            responses[i] = clients[i].client.post("/join/check", data={"csrf_token": tokens[i]})
        except Exception as error:  # in tests Flask raises what would be a 500
            responses[i] = error

    threads = [threading.Thread(target=join, args=(i,)) for i in range(len(people))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return list(zip(clients, responses, strict=True))


def refused(results) -> list[tuple[PageClient, object]]:
    codes = sorted(str(getattr(response, "status_code", repr(response))) for _, response in results)
    assert codes == ["302"] + ["422"] * (len(results) - 1), codes
    return [(pages, check_page(r)) for pages, r in results if r.status_code == 422]


def test_twenty_people_joining_with_one_name_at_once_make_one_account(app, monkeypatch):
    turned_away = refused(join_at_once(app, monkeypatch, [("Same Name Here", "")] * 20))
    with db.connection_context():
        assert Member.select().where(Member.name_key == "same name here").count() == 1
    for _, soup in turned_away:
        summary = soup.select_one(".error-summary").get_text()
        assert "Someone already uses the name Same Name Here" in summary
        assert soup.find("input", {"name": "own_name"})["value"] == "Same Name Here"
    # One of them picks another name; everything else they answered is still there.
    pages = turned_away[0][0]
    assert pages.get("/join/check", status=302).headers["Location"] == "/join/name"
    assert pages.get("/join/name").find("input", {"name": "own_name"})["value"] == "Same Name Here"
    pages.submit("/join/name?change=1", {"own_name": "Other Name Here"})
    assert pages.submit("/join/check", {}).headers["Location"].startswith("/join/your-recovery")
    with db.connection_context():
        assert Member.by_name("Other Name Here").community.slug == "people"


def test_two_people_joining_with_one_email_at_once_make_one_account(app, monkeypatch):
    people = [("First Person", "same@example.org"), ("Second Person", "Same@Example.org")]
    [(pages, soup)] = refused(join_at_once(app, monkeypatch, people))
    with db.connection_context():
        assert Member.select().where(Member.email == "same@example.org").count() == 1
    assert EMAIL_TAKEN in soup.select_one(".error-summary").get_text()
    assert soup.find("input", {"name": "email"})["value"].lower() == "same@example.org"
    # A new address, and the password chosen before is kept.
    pages.submit("/join/sign_in?change=1", {"password": "", "email": "mine@example.org"})
    pages.submit("/join/check", {})
    with db.connection_context():
        assert Member.by_email("mine@example.org") is not None
    assert pages.submit("/sign-in", {"name": "mine@example.org", "password": PASSWORD})


def test_joining_with_an_email_a_member_uses_is_the_turns_own_error(pages):
    with db.connection_context():
        Member.update(email="heron@example.org").where(Member.name_key == "quiet heron").execute()
    pages.submit("/join/welcome", {})
    pages.submit("/join/community", {"community": "staff"})
    pages.submit("/join/name", {"own_name": "Night Owl"})
    data = {"password": PASSWORD, "email": "Heron@example.org"}
    soup = pages.submit("/join/sign_in", data, status=422)
    assert EMAIL_TAKEN in soup.select_one(".error-summary").get_text()
    assert soup.find("input", {"name": "email"})["value"] == "Heron@example.org"


def test_changing_to_a_name_or_email_another_member_uses_is_the_forms_own_error(pages):
    pages.sign_in()
    with db.connection_context():
        other = Member.get()
        Member.insert(
            display_name="Taken Name", name_key="taken name", community=other.community,
            password_hash="x", email="taken@example.org",
        ).execute()  # fmt: skip
    soup = pages.submit("/account/name", {"name": "taken  name"}, status=422)
    assert "Someone already uses the name taken name" in soup.get_text()
    assert soup.find("input", {"name": "name"})["value"] == "taken name"
    soup = pages.submit("/account/email", {"email": "taken@example.org"}, status=422)
    assert EMAIL_TAKEN in soup.get_text()
    assert soup.find("input", {"name": "email"})["value"] == "taken@example.org"


def test_two_tabs_saving_a_new_draft_at_once_keep_one(app):
    with db.connection_context():
        first = Draft(owner="visitor:x", conversation="join")
        second = Draft(owner="visitor:x", conversation="join")
        first.answers["a"] = 1
        first.save_now()
        second.answers["b"] = 2
        second.save_now()  # the later save wins, as it would for two saves of one draft
        [kept] = Draft.select().where(Draft.owner == "visitor:x")
    assert kept.answers == {"b": 2}
