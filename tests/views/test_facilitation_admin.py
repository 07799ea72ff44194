"""Roles, the audit log and the create-admin command."""

from __future__ import annotations

import pytest

from webapp.extensions import db
from webapp.facilitation.models import AuditEntry
from webapp.member_records import Facilitation
from webapp.models import Community, Member

from .facilitation_helpers import PASSWORD, setup_people, sign_in


@pytest.fixture
def people(app):
    return setup_people(app)


def test_an_admin_makes_a_member_a_facilitator_and_every_change_is_recorded(pages, people):
    sign_in(pages, "Main Admin")
    soup = pages.get("/facilitate/roles?name=Plain+Pigeon")
    url = f"/facilitate/roles/{people['member']}"
    assert soup.find("a", href=url)
    pages.submit(url, {"communities": ["people", "staff"]})
    with db.connection_context():
        member = Member.get_by_id(people["member"])
        assert member.role == "facilitator"
        assert {f.community.slug for f in member.facilitations} == {"people", "staff"}
    pages.submit(url, {})
    with db.connection_context():
        member = Member.get_by_id(people["member"])
        assert member.role == "member" and not Facilitation.select().where(
            Facilitation.member == member).exists()  # fmt: skip
        actions = [(e.action, e.community.slug, e.actor_name) for e in AuditEntry.select()]
        assert sorted(actions) == sorted([
            ("made facilitator", "people", "Main Admin"), ("made facilitator", "staff", "Main Admin"),
            ("stopped facilitating", "people", "Main Admin"),
            ("stopped facilitating", "staff", "Main Admin"),
        ])  # fmt: skip
    soup = pages.get("/facilitate/audit")
    assert "made facilitator" in soup.select_one(".story-list").get_text()


def test_the_audit_log_pages_from_newest_to_oldest(pages, people):
    with db.connection_context():
        for number in range(55):
            AuditEntry.record(None, f"action {number}")
    sign_in(pages, "Main Admin")
    soup = pages.get("/facilitate/audit")
    rows = soup.select(".story-list > li")
    assert len(rows) == 50 and "action 54" in rows[0].get_text()
    older = soup.find("a", string="Older entries")["href"]
    soup = pages.get(older)
    assert [
        r.get_text(" ", strip=True).split("– ")[-1] for r in soup.select(".story-list > li")
    ] == [f"action {n}" for n in range(4, -1, -1)]


def test_create_admin_makes_a_new_admin(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["create-admin", "--name", "First  Admin", "--password", PASSWORD])
    assert result.exit_code == 0, result.output
    with db.connection_context():
        member = Member.by_name("First Admin")
        assert member.role == "admin" and member.community.slug == "staff"
        assert Facilitation.communities_of(member) == {c.id for c in Community.select()}
        entry = AuditEntry.get()
        assert (entry.action, entry.actor_name) == ("made admin", "command line")


def test_create_admin_prompts_and_can_promote_a_member(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["create-admin"], input=f"Prompted Owl\n{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    result = runner.invoke(args=["create-admin", "--name", "Quiet Heron"])  # no password asked
    assert result.exit_code == 0 and "is now an admin" in result.output
    with db.connection_context():
        assert Member.by_name("Prompted Owl").role == "admin"
        assert Member.by_name("Quiet Heron").role == "admin"


def test_create_admin_refuses_a_short_password(app):
    result = app.test_cli_runner().invoke(
        args=["create-admin", "--name", "New", "--password", "short"]
    )
    assert result.exit_code != 0 and "at least 8" in result.output


def test_a_new_admin_can_sign_in_and_reach_the_admin_pages(pages, app):
    app.test_cli_runner().invoke(
        args=["create-admin", "--name", "Boss Bird", "--password", PASSWORD]
    )
    sign_in(pages, "Boss Bird")
    soup = pages.get("/account")
    assert soup.find("a", href="/facilitate/audit")
    for url in (
        "/facilitate/",
        "/facilitate/roles",
        "/facilitate/audit",
        "/facilitate/staff/queue",
    ):
        pages.get(url)


def test_the_audit_log_names_each_reason_from_the_right_list_and_dates_in_words(pages, people):
    import datetime as dt

    from webapp.facilitation.sanctions import give
    from webapp.stories.models import Story

    from .facilitation_helpers import make_story

    ref = make_story("Some rude words here.")
    with db.connection_context():
        pigeon = Member.get_by_id(people["member"])
        give(None, pigeon, "warning", "respect", "Be kinder.")
        give(None, pigeon, "suspension", "spam", days=7)
    sign_in(pages, "Fair Kestrel")
    pages.submit(f"/facilitate/people/stories/{ref}",
                 {"decision": "changes", "change_reason": "respect"})  # fmt: skip
    pages.sign_out()
    sign_in(pages, "Main Admin")
    rows = {}
    for row in pages.get("/facilitate/audit").select(".story-list > li"):
        title = row.select_one(".story-card__title").get_text(" ", strip=True)
        reason = row.find("dt", string="Reason")
        rows[title.split("– ", 1)[1]] = reason.find_next("dd").get_text() if reason else None
    end = dt.date.today() + dt.timedelta(days=7)
    until = f"{end.day} {end.strftime('%B')} {end.year}"
    assert rows["warned member (People)"] == "Not treating people with respect"
    assert rows[f"suspended member until {until} (People)"] == "Advertising or repeated posts"
    assert rows["asked for changes (People)"] == "Words that could hurt or offend"
    assert not any(end.isoformat() in key for key in rows), "no raw ISO dates"
    with db.connection_context():
        assert Story.get(Story.reference == ref).reason == "respect"
