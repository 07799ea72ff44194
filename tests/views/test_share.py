"""Sharing a story: every turn, as a member and without an account, through the page checks."""

from __future__ import annotations

import re

import pytest

from tests.conftest import PageClient
from tests.databases import files_on_disk
from webapp.extensions import db
from webapp.join.demo import DEMO_MEMBER
from webapp.models import Member
from webapp.stories.models import CODE_ALPHABET, Story, WellbeingCount, hash_story_code

NAME, PASSWORD = DEMO_MEMBER
PLAIN = (
    "The ward was loud at night and nobody explained my medicines. A calm word would have helped."
)


def answer_rest(
    pages,
    *,
    member,
    community="people",
    topics=(),
    note="",
    audience="facilitators",
    quoting="none",
    keep_for="3m",
    replies="no",
):
    """Answer the turns after the story; returns the response to the last one."""
    pages.submit("/share/community", {"community": community, "topics": list(topics)})
    pages.submit("/share/content_note", {"content_note": note})
    pages.submit("/share/audience", {"audience": audience})
    pages.submit("/share/quoting", {"quoting": quoting})
    if member:
        pages.submit("/share/name", {"name": "anonymous"})
    pages.submit("/share/keep_for", {"keep_for": keep_for})
    return pages.submit("/share/replies", {"replies": replies})


def send(pages, last, details_text="", status=302):
    """Pass the identifying-details turn if it came up, then send from check answers."""
    if last.headers["Location"] == "/share/details":
        pages.submit("/share/details", {"body": details_text})
    return pages.submit("/share/check", {}, status=status)


def share(pages, story=PLAIN, *, member=True, audience="community"):
    """Every turn, as a member by default; returns the response to the final submit."""
    # The first turn is served at /share/ itself: no redirect before it (Lighthouse).
    assert pages.get("/share/").select_one("form")["action"] == "/share/welcome"
    pages.submit("/share/welcome", {})
    pages.submit("/share/story", {"body": story})
    last = answer_rest(pages, member=member, topics=["health", "carers"], audience=audience,
                       quoting="summarise", keep_for="6m", replies="yes")  # fmt: skip
    return send(pages, last, story)


def test_a_member_shares_a_story_and_it_waits_for_a_facilitator(pages, app):
    pages.sign_in()
    soup = pages.get("/share/welcome")
    assert "You do not need to join" not in soup.get_text(), "members are not told about codes"
    done = share(pages)
    assert done.headers["Location"] == "/stories/shared"
    soup = pages.get("/stories/shared")
    text = soup.get_text(" ")
    assert "A facilitator reads every story" in text and "3 days" in text
    assert soup.find("input", {"name": "feeling"}) is not None, "the wellbeing check-in is offered"
    assert "Your private story code" not in text
    with db.connection_context():
        story = Story.get()
        member = Member.by_name(NAME)
        assert story.author_id == member.id and story.code_hash is None
        assert story.status == "pending" and story.audience == "community"
        assert story.topics == "health carers" and story.quoting == "summarise"
        assert story.replies_allowed and not story.show_name
        assert (story.expires_on - story.shared_on).days == 183
        assert story.body == PLAIN


def test_the_check_answers_page_lists_every_answer_with_change_links(pages):
    pages.sign_in()
    share_until_check(pages)
    soup = pages.get("/share/check")
    rows = [r.get_text(" ", strip=True) for r in soup.select(".check-answers__row")]
    assert len(rows) == 8, rows
    assert any("nobody explained" in r for r in rows)
    assert any("Members of the community it is for" in r for r in rows)
    assert all("Change" in r for r in rows)
    assert soup.find("button", string=re.compile("Send my story"))


def share_until_check(pages):
    pages.submit("/share/welcome", {})
    pages.submit("/share/story", {"body": PLAIN})
    answer_rest(pages, member=True, note="mentions hospital", audience="community")


def test_without_an_account_the_code_is_shown_once_and_only_its_hash_is_kept(pages, client):
    soup = pages.get("/share/audience", status=302)  # not reachable before the first turns
    soup = pages.get("/share/welcome")
    assert "You do not need to join" in soup.get_text()
    pages.submit("/share/welcome", {})
    pages.submit("/share/story", {"body": PLAIN})
    pages.submit("/share/community", {"community": "staff"})
    asked = pages.get("/share/content_note").select_one("#content_note-hint").get_text()
    assert "Up to 120 characters" in asked, "the limit is said before a mistake"
    soup = pages.submit("/share/content_note", {"content_note": "n" * 130}, status=422)
    assert "120 characters or fewer: it has 130" in soup.select_one(".error-summary").text
    assert soup.select_one("input[name=content_note]")["value"] == "n" * 130, "kept"
    pages.submit("/share/content_note", {"content_note": ""})
    soup = pages.get("/share/audience")
    offered = [i["value"] for i in soup.select("input[name=audience]")]
    assert offered == ["facilitators", "public"], "membership choices are left out"
    pages.submit("/share/audience", {"audience": "members"}, status=422)
    pages.submit("/share/audience", {"audience": "public"})
    pages.submit("/share/quoting", {"quoting": "quote"})
    assert pages.get("/share/name", status=302), "no name turn without an account"
    pages.submit("/share/keep_for", {"keep_for": "1y"})
    pages.submit("/share/replies", {"replies": "no"})
    pages.submit("/share/check", {})
    soup = pages.get("/stories/shared")
    code = soup.select_one("#story-code").get_text(strip=True)
    assert re.fullmatch(rf"([{CODE_ALPHABET}]{{4}}-){{5}}[{CODE_ALPHABET}]{{4}}", code)
    # Shown once: it leaves the session cookie as soon as the page is shown.
    again = pages.get("/stories/shared").get_text()
    assert code not in again and "shown only once" in again
    cookie = client.get_cookie("session").value
    session = client.application.session_interface.get_signing_serializer(client.application)
    assert session.loads(cookie).get("new_story_code") is None
    with db.connection_context():
        story = Story.get()
        assert story.author_id is None and story.code_hash == hash_story_code(code)
        assert story.audience == "public" and not story.show_name
    raw = db_text(client)
    assert code not in raw and code.replace("-", "") not in raw


def post_from(pages, page_url, action, data, status=200):
    """Post a form that lives on another page, with that page's token."""
    token = pages.get(page_url).find("input", {"name": "csrf_token"})["value"]
    if 300 <= status < 400:
        response = pages.client.post(action, data={"csrf_token": token, **data})
        assert response.status_code == status
        return response
    return pages.post(action, status=status, data={"csrf_token": token, **data})


def db_text(client) -> str:
    with db.connection_context():
        rows = db.execute_sql("SELECT * FROM story").fetchall()
    return repr(rows)


def test_the_code_opens_the_story_for_its_author_and_nobody_else(pages, client, app):
    code = share_without_account(pages)
    other = app.test_client()

    stranger = PageClient(other)
    with db.connection_context():
        reference = Story.get().reference
    stranger.get(f"/stories/{reference}/yours", status=404)
    soup = stranger.submit("/stories/code", {"code": "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF"}, status=422)
    assert "We could not find a story with that code" in soup.get_text()
    assert soup.find("input", {"name": "code"})["value"] == "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF"
    done = stranger.submit("/stories/code", {"code": code.lower().replace("-", " ")})
    assert done.headers["Location"] == f"/stories/{reference}/yours"
    soup = stranger.get(f"/stories/{reference}/yours")
    assert "Waiting to be read" in soup.get_text()
    post_from(stranger, "/stories/mine", "/stories/forget-codes", {}, status=302)
    stranger.get(f"/stories/{reference}/yours", status=404)


def share_without_account(pages, story=PLAIN) -> str:
    pages.submit("/share/welcome", {})
    pages.submit("/share/story", {"body": story})
    send(pages, answer_rest(pages, member=False), story)
    return pages.get("/stories/shared").select_one("#story-code").get_text(strip=True)


def test_a_story_over_the_word_limit_is_kept_and_says_by_how_much(pages):
    pages.submit("/share/welcome", {})
    long_story = "word " * 1040
    soup = pages.submit("/share/story", {"body": long_story}, status=422)
    assert "1,040 words" in soup.get_text() and "take out 40 words" in soup.get_text()
    assert soup.find("textarea", {"name": "body"}).get_text().strip() == long_story.strip()
    # And it is still there on a later visit.
    assert pages.get("/share/story").find("textarea").get_text().strip() == long_story.strip()


def test_an_empty_story_gets_a_plain_message(pages):
    pages.submit("/share/welcome", {})
    soup = pages.submit("/share/story", {"body": "   "}, status=422)
    assert "Write your story" in soup.select_one(".error-summary").get_text()


def test_identifying_details_are_pointed_out_and_can_be_edited_or_kept(pages):
    story = "Nurse Jenkins at 14 Mill Lane, M1 1AE, rang me on 07700 900123 on 3 March 2024."
    pages.submit("/share/welcome", {})
    pages.submit("/share/story", {"body": story})
    assert answer_rest(pages, member=False).headers["Location"] == "/share/details"
    soup = pages.get("/share/details")
    marked = [m.get_text() for m in soup.select(".details-list mark")]
    for expected in ("07700 900123", "M1 1AE", "3 March 2024"):
        assert any(expected in m for m in marked), (expected, marked)
    assert soup.select_one(".details-list")["hx-disable"] is not None
    assert soup.find("textarea", {"name": "body"}).get_text().strip() == story
    edited = "A nurse rang me one spring morning."
    assert pages.submit("/share/details", {"body": edited}).headers["Location"] == "/share/check"
    assert edited in pages.get("/share/check").get_text()
    pages.submit("/share/check", {})
    with db.connection_context():
        assert Story.get().body == edited


def test_the_honeypot_keeps_nothing(pages):
    pages.submit("/share/welcome", {})
    pages.submit("/share/story", {"body": PLAIN, "website": "http://spam.example"})
    share_rest_without_account(pages)
    with db.connection_context():
        assert Story.select().count() == 0


def share_rest_without_account(pages):
    return send(pages, answer_rest(pages, member=False), PLAIN)


def test_sharing_without_an_account_is_held_back_in_memory_and_the_draft_is_kept(app, pages):
    app.config["SHARES_WITHOUT_ACCOUNT"] = "1 per hour"
    share_without_account(pages)
    pages.submit("/share/welcome", {})
    pages.submit("/share/story", {"body": "A second story"})
    response = share_rest_without_account_status(pages, 429)
    text = response.get_data(as_text=True)
    assert "Your story is saved" in text and "60 minutes" in text and "/share/check" in text
    assert "A second story" in pages.get("/share/check").get_text(), "nothing typed is lost"


def share_rest_without_account_status(pages, status):
    return send(pages, answer_rest(pages, member=False), PLAIN, status=status)


def test_the_wellbeing_answer_is_a_count_linked_to_nobody(pages, client):
    pages.sign_in()
    share(pages)
    soup = post_from(pages, "/stories/shared", "/stories/how-are-you", {"feeling": "need_support"})
    assert soup.find("a", href="/support")
    # A second answer for the same story is not counted twice.
    pages.get("/stories/shared", status=302)
    with db.connection_context():
        assert [(r.answer, r.count) for r in WellbeingCount.select()] == [("need_support", 1)]
        columns = {c.name for c in db.get_columns("wellbeing_count")}
    assert columns == {"id", "answer", "count"}, "no story, member or date beside the count"


@pytest.mark.parametrize("column", ["ip", "ip_address", "user_agent", "created_at", "timestamp"])
def test_no_story_table_has_a_column_for_addresses_agents_or_times(app, column):
    with app.app_context(), db.connection_context():
        for table in ("story", "reply", "wellbeing_count"):
            assert column not in {c.name for c in db.get_columns(table)}
            for c in db.get_columns(table):
                assert c.data_type.upper() not in ("DATETIME", "TIMESTAMP"), (table, c.name)


def test_a_member_who_has_not_agreed_cannot_share(pages, app):
    pages.sign_in()
    with db.connection_context():
        Member.update(status="paused").execute()
    assert pages.get("/share/welcome", status=302).headers["Location"] == "/stories/cannot-share"
    assert "agree" in pages.get("/stories/cannot-share").get_text()


def test_the_database_files_hold_no_address_agent_time_or_plain_code(app, client):
    """Scan every byte of the database files after sharing without an account: SQLite's file
    and log, or PostgreSQL's folder for this database and its write-ahead log."""
    agent = "Mozilla/5.0 (DistinctiveTestAgent/9.9)"
    client.environ_base.update({"HTTP_USER_AGENT": agent, "REMOTE_ADDR": "203.0.113.77"})
    pages = PageClient(client)
    code = share_without_account(pages)
    raw = files_on_disk(app)
    with db.connection_context():
        story = Story.get()
    assert story.body.encode() in raw, "the scan reads the files the story was written to"
    for secret in (code, code.replace("-", ""), "203.0.113.77", agent, "DistinctiveTestAgent"):
        assert secret.encode() not in raw, secret
    assert not re.search(rb"\d{4}-\d\d-\d\d[ T]\d\d:\d\d", raw), "no time of day anywhere"


def test_no_column_can_hold_a_time_of_day(app):
    """PostgreSQL stores dates as numbers, which a scan for text cannot see: so check the
    schema too. Every column is a date at most, on both databases."""
    with db.connection_context():
        columns = [(t, c) for t in db.get_tables() for c in db.get_columns(t)]
    assert any(c.data_type.lower() == "date" for _, c in columns)
    timed = [f"{t}.{c.name}" for t, c in columns if "time" in c.data_type.lower()]
    assert not timed, timed
