"""Reading stories, replies, the author's controls, withdrawal and expiry."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup

from tests.conftest import PageClient
from tests.databases import files_on_disk, is_postgres
from webapp.extensions import db
from webapp.join.demo import DEMO_MEMBER
from webapp.models import Community, Member
from webapp.stories.models import APPROVED, Reply, Story

NAME, PASSWORD = DEMO_MEMBER


def make_story(body="A day at the clinic.", **fields) -> Story:
    with db.connection_context():
        values = {
            "community": Community.by_slug("people"),
            "status": APPROVED,
            "audience": "public",
        }
        return Story.create(body=body, **{**values, **fields})


def demo_member() -> Member:
    with db.connection_context():
        return Member.by_name(NAME)


def test_the_list_shows_only_what_the_viewer_may_see(pages, app):
    make_story("Public and approved", audience="public")
    make_story("Still pending", audience="public", status="pending")
    make_story("Members only", audience="members")
    make_story("Staff community only", audience="community", community=staff())
    make_story("Facilitators only", audience="facilitators")
    make_story("Ended yesterday", expires_on=dt.date.today())
    text = pages.get("/stories/").get_text()
    assert "Public and approved" in text
    for hidden in ("Still pending", "Members only", "Staff community", "Facilitators", "Ended"):
        assert hidden not in text, hidden
    pages.sign_in()  # a member of People
    text = pages.get("/stories/").get_text()
    assert "Members only" in text and "Public and approved" in text
    assert "Staff community only" not in text and "Facilitators only" not in text


def staff():
    with db.connection_context():
        return Community.by_slug("staff")


def test_a_hidden_story_is_a_plain_404_and_says_nothing_about_it(pages):
    story = make_story("Members only", audience="members")
    soup = pages.get(f"/stories/{story.reference}", status=404)
    assert "Members only" not in soup.get_text()


def test_keyset_pages_walk_every_story_once(pages):
    for n in range(45):
        make_story(f"Story number {n:02d}.")
    seen, url = [], "/stories/"
    while url:
        soup = pages.get(url)
        seen += [p.get_text() for p in soup.select(".story-words p")]
        older = soup.find("a", string=lambda s: s and "Older stories" in s)
        url = older["href"] if older else None
        assert soup.select_one("nav.pager a"), "a page of several has its links"
    assert sorted(seen) == sorted(f"Story number {n:02d}." for n in range(45))
    assert seen[0] == "Story number 44.", "newest first"


def test_one_page_of_stories_has_no_empty_navigation(pages):
    make_story("The only story.")
    assert pages.get("/stories/").select_one("nav.pager") is None


def test_filters_by_community_and_topic(pages):
    make_story("About housing", topics="housing")
    make_story("About benefits", topics="benefits carers")
    make_story("From staff", community=staff())
    text = pages.get("/stories/?topic=carers").get_text()
    assert "About benefits" in text and "About housing" not in text
    text = pages.get("/stories/?community=staff").get_text()
    assert "From staff" in text and "About housing" not in text
    assert "About housing" in pages.get("/stories/?topic=nonsense").get_text()


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click me](javascript:alert(1))",
        '<a hx-get="/sign-out" hx-trigger="load">x</a>',
        "{{ 7*7 }} {% raw %}",
        "x" * 400,
    ],
)
def test_peoples_words_are_escaped_plain_text_that_htmx_ignores(pages, hostile):
    story = make_story(f"Before {hostile} after", content_note=hostile[:100])
    html = pages.client.get(f"/stories/{story.reference}").get_data(as_text=True)
    soup = BeautifulSoup(html, "html.parser")
    words = soup.select_one(".story-words")
    assert words.has_attr("hx-disable")
    assert hostile in words.get_text(), "shown exactly as typed"
    assert not words.find(["script", "img", "a"]), "no markup from the text"
    assert "49" not in words.get_text()
    assert "<script>alert" not in html


def test_a_content_note_puts_the_story_behind_show_story(pages):
    story = make_story("Hard words here.", content_note="mentions self-harm")
    soup = pages.get(f"/stories/{story.reference}")
    assert "mentions self-harm" in soup.select_one(".content-note").get_text()
    disclosure = soup.select_one("details.story-disclosure")
    assert "Show story" in disclosure.summary.get_text()
    assert "Hard words here." in disclosure.get_text()


def test_a_story_page_is_never_cached_and_keeps_out_of_htmx_history(pages, client):
    story = make_story()
    response = client.get(f"/stories/{story.reference}")
    assert "no-store" in response.headers["Cache-Control"]
    assert BeautifulSoup(response.data, "html.parser").select_one('[hx-history="false"]')


def test_members_reply_and_replies_wait_for_a_facilitator(pages, app):
    story = make_story("Please reply.", replies_allowed=True)
    assert "Sign in to reply" in pages.get(f"/stories/{story.reference}").get_text()
    pages.sign_in()
    url = f"/stories/{story.reference}"
    token = pages.get(url).find("input", {"name": "csrf_token"})["value"]
    empty = pages.post(f"{url}/replies", status=422, data={"csrf_token": token, "body": " "})
    assert "Write your reply" in empty.select_one(".error-summary").get_text()
    response = pages.client.post(f"{url}/replies", data={"csrf_token": token, "body": "Me too."})
    assert response.status_code == 302
    soup = pages.get(response.headers["Location"].split("#")[0])
    assert "waiting to be read by a facilitator" in soup.get_text(), "the writer sees it pending"
    other = PageClient(app.test_client())
    assert "Me too." not in other.get(url).get_text(), "others do not, until approved"
    with db.connection_context():
        Reply.update(status=APPROVED).execute()
    assert "Me too." in other.get(url).get_text()
    with db.connection_context():
        Story.update(replies_allowed=False).execute()
    assert "Me too." not in other.get(url).get_text(), "turning replies off hides them at once"


def test_replies_are_refused_where_the_author_does_not_allow_them(pages):
    story = make_story("No replies please.", replies_allowed=False)
    pages.sign_in()
    soup = pages.get(f"/stories/{story.reference}")
    assert soup.find("textarea") is None
    token = soup.find("input", {"name": "csrf_token"})
    token = (
        token["value"]
        if token
        else pages.get("/share/welcome").find("input", {"name": "csrf_token"})["value"]
    )
    response = pages.client.post(
        f"/stories/{story.reference}/replies", data={"csrf_token": token, "body": "Hi"}
    )
    assert response.status_code == 403


def test_narrowing_a_boundary_takes_effect_at_once(pages, app):
    member = demo_member()
    story = make_story("Mine, for everyone.", author=member, audience="public", show_name=True)
    reader = PageClient(app.test_client())
    assert "Quiet Heron" in reader.get(f"/stories/{story.reference}").get_text()
    pages.sign_in()
    soup = pages.get(f"/stories/{story.reference}/yours")
    assert "Shared" in soup.get_text() and "Anyone, including" in soup.get_text()
    pages.submit(
        f"/stories/{story.reference}/boundaries",
        {"audience": "community", "quoting": "none", "name": "anonymous", "keep_for": "3m",
         "replies": "no"},
    )  # fmt: skip
    reader.get(f"/stories/{story.reference}", status=404)
    text = pages.get(f"/stories/{story.reference}").get_text()
    assert "Shared anonymously" in text and "Quiet Heron" not in text
    with db.connection_context():
        fresh = Story.get_by_id(story.id)
        assert fresh.expires_on == fresh.shared_on + dt.timedelta(days=91)


def test_someone_elses_story_has_no_author_pages(pages):
    story = make_story("Not yours.", audience="public")
    pages.sign_in()
    for path in ("yours", "boundaries", "edit", "withdraw"):
        pages.get(f"/stories/{story.reference}/{path}", status=404)


def test_editing_sends_the_story_back_to_a_facilitator(pages):
    story = make_story("First words.", author=demo_member(), audience="public")
    pages.sign_in()
    pages.submit(f"/stories/{story.reference}/edit", {"body": "Better words."})
    with db.connection_context():
        fresh = Story.get_by_id(story.id)
    assert fresh.body == "Better words." and fresh.status == "pending"


def test_the_author_sees_why_a_story_was_sent_back(pages):
    story = make_story(
        "Words.", author=demo_member(), status="changes requested", reason="identifying",
        reason_note="Please take out the ward number.",
    )  # fmt: skip
    pages.sign_in()
    text = pages.get(f"/stories/{story.reference}/yours").get_text(" ")
    assert "asked you to change something" in text
    assert "could show who you are" in text and "ward number" in text
    easy = pages.get(f"/stories/{story.reference}/yours?view=easyread").get_text(" ")
    assert "Please change your story" in easy


def test_withdrawing_deletes_the_words_from_the_database_files(pages, app):
    """SQLite: gone from the file and its log at once. PostgreSQL: gone from the table files
    and the write-ahead log after the daily job (its VACUUM FULL would lock the tables for
    every reader if it ran on each withdrawal)."""
    secret = "Zanzibar-marmalade-unrepeatable-words"
    story = make_story(f"My story {secret}", author=demo_member(), replies_allowed=True)
    with db.connection_context():
        Reply.create(story=story, body=f"A reply {secret[::-1]}", status=APPROVED)
    assert secret.encode() in files_on_disk(app)
    pages.sign_in()
    soup = pages.submit(f"/stories/{story.reference}/withdraw", {}, status=422)
    assert "go back to your story" in soup.select_one(".error-summary").get_text()
    assert "cannot recall" in pages.get(f"/stories/{story.reference}/withdraw").get_text()
    pages.submit(f"/stories/{story.reference}/withdraw", {"confirm": "y"})
    with db.connection_context():
        assert Story.select().count() == 0 and Reply.select().count() == 0
    if is_postgres():
        result = app.test_cli_runner().invoke(args=["delete-expired-stories"])
        assert result.exit_code == 0 and "Grant" not in result.output, result.output
    raw = files_on_disk(app)
    assert secret.encode() not in raw and secret[::-1].encode() not in raw


def test_expired_stories_vanish_at_once_and_the_command_deletes_them(pages, app):
    secret = "Quixotic-lighthouse-expiry-words"
    story = make_story(secret, expires_on=dt.date.today() + dt.timedelta(days=1))
    assert secret in pages.get(f"/stories/{story.reference}").get_text()
    assert secret.encode() in files_on_disk(app)
    with db.connection_context():
        Story.update(expires_on=dt.date.today()).execute()
    pages.get(f"/stories/{story.reference}", status=404)
    result = app.test_cli_runner().invoke(args=["delete-expired-stories"])
    assert "Deleted 1 " in result.output
    assert secret.encode() not in files_on_disk(app)


def test_the_approve_command_publishes_pending_stories(pages, app):
    from webapp.facilitation.models import AuditEntry

    story = make_story("Waiting.", status="pending")
    pages.get(f"/stories/{story.reference}", status=404)
    result = app.test_cli_runner().invoke(args=["approve-story", story.reference])
    assert "Approved 1 stories" in result.output
    assert "Waiting." in pages.get(f"/stories/{story.reference}").get_text()
    with db.connection_context():  # a decision like any other, held to account
        entry = AuditEntry.get(AuditEntry.item == f"story {story.reference}")
        assert (entry.action, entry.actor_name) == ("approved", "command line")


def test_references_are_safe_to_type_on_a_command_line(app):
    from webapp.stories.models import new_reference

    assert all(new_reference().isalnum() for _ in range(2000))
    # One made before this rule, starting with a dash, still works after "--".
    story = make_story("Old reference.", status="pending")
    with db.connection_context():
        Story.update(reference="-old_Ref9").where(Story.id == story.id).execute()
    result = app.test_cli_runner().invoke(args=["approve-story", "--", "-old_Ref9"])
    assert "Approved 1 stories" in result.output, result.output


@pytest.mark.parametrize("choice", ["delete", "keep"])
def test_leaving_asks_what_happens_to_stories(pages, app, choice):
    member = demo_member()
    story = make_story("Left behind?", author=member, show_name=True)
    pages.sign_in()
    soup = pages.submit("/account/leave", {"confirm": "y"}, status=422)
    assert "What should happen to your stories" in soup.get_text()
    pages.submit("/account/leave", {"confirm": "y", "stories": choice})
    with db.connection_context():
        left = Story.get_or_none(Story.id == story.id)
        if choice == "delete":
            assert left is None
        else:
            assert left.author_id is None and not left.show_name
    reader = PageClient(app.test_client())
    if choice == "keep":
        text = reader.get(f"/stories/{story.reference}").get_text()
        assert "Shared anonymously" in text and NAME not in text


def test_my_stories_are_in_my_data_download(pages):
    make_story("Mine to download.", author=demo_member())
    pages.sign_in()
    data = pages.client.get("/account/data.json").get_json()
    assert data["stories"][0]["text"] == "Mine to download."
    assert data["warnings_suspensions_and_removals"] == []


def test_my_stories_lists_status_for_each(pages, app):
    make_story("One.", author=demo_member(), status="pending")
    make_story("Two.", author=demo_member(), status=APPROVED)
    pages.sign_in()
    text = pages.get("/stories/mine").get_text()
    assert "Waiting to be read" in text and "Shared" in text
    visitor = PageClient(app.test_client()).get("/stories/mine", status=302)
    assert visitor.headers["Location"] == "/stories/code"


def test_demo_stories_load_once_and_respect_their_boundaries(pages, app):
    runner = app.test_cli_runner()
    assert "Added 6 demo stories" in runner.invoke(args=["load-demo-stories"]).output
    assert "already" in runner.invoke(args=["load-demo-stories"]).output
    soup = pages.get("/stories/")
    assert len(soup.select(".story-card")) == 3, "only the public, approved ones for a visitor"
    assert len(soup.select("details.story-disclosure")) == 1
    pages.sign_in()
    assert "Waiting to be read" in pages.get("/stories/mine").get_text()


def test_a_suspended_facilitator_sees_only_what_any_member_sees(pages):
    from webapp.member_records import Facilitation

    story = make_story("Waiting for a facilitator.", status="pending")
    with db.connection_context():
        member = Member.by_name(NAME)
        member.role = "facilitator"
        member.save()
        Facilitation.create(member=member, community=Community.by_slug("people"))
    pages.sign_in()
    assert "Waiting for a facilitator." in pages.get(f"/stories/{story.reference}").get_text()
    with db.connection_context():
        Member.update(suspended_until=dt.date.today() + dt.timedelta(days=7)).execute()
    pages.get(f"/stories/{story.reference}", status=404)


def test_a_suspended_author_is_told_why_and_cannot_resend_but_can_still_delete(pages):
    story = make_story("My words.", author=demo_member(), status="changes requested")
    with db.connection_context():
        Member.update(suspended_until=dt.date.today() + dt.timedelta(days=7)).execute()
    pages.sign_in()
    assert (
        pages.get(f"/stories/{story.reference}/edit", status=302).headers["Location"]
        == "/stories/cannot-share"
    )
    text = pages.get("/stories/cannot-share").get_text(" ")
    assert "suspended your account until" in text and "agree" not in text.split("until")[1][:40]
    pages.submit(f"/stories/{story.reference}/withdraw", {"confirm": "y"})


def test_a_removed_story_stays_removed_and_offers_a_review(pages):
    story = make_story("Removed words.", author=demo_member(), status="removed", reason="abusive")
    pages.sign_in()
    soup = pages.get(f"/stories/{story.reference}/yours")
    assert soup.find("a", href="/ask-for-a-review") and soup.find("a", href="/support")
    assert not soup.find("a", href=f"/stories/{story.reference}/edit")
    for path in ("edit", "boundaries"):
        pages.get(f"/stories/{story.reference}/{path}", status=302)
    with db.connection_context():
        assert Story.get_by_id(story.id).status == "removed"
