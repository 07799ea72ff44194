"""Sign-in and "Your account": change community, name, password and email; data; leaving."""

from __future__ import annotations

import json

import pytest

from webapp.extensions import db
from webapp.join.demo import DEMO_MEMBER
from webapp.models import Community, CommunityChange, Member

NAME, PASSWORD = DEMO_MEMBER


def test_sign_in_page_meets_wcag_3_3_8(pages):
    soup = pages.get("/sign-in")
    assert soup.find("input", {"name": "name"})["autocomplete"] == "username"
    password = soup.find("input", {"name": "password"})
    assert password["autocomplete"] == "current-password"
    assert not password.has_attr("onpaste")
    assert soup.find("button", {"data-show-password": "password"}) is not None


def test_sign_in_and_out(pages, client):
    assert pages.get("/account", status=302).headers["Location"].startswith("/sign-in")
    response = pages.sign_in()
    assert response.headers["Location"] == "/account"
    soup = pages.get("/account")
    assert NAME in soup.find("main").get_text()
    token = soup.select_one("form input[name=csrf_token]")["value"]
    assert client.post("/sign-out", data={"csrf_token": token}).status_code == 302
    assert pages.get("/account", status=302)


def test_wrong_password_keeps_the_name_and_does_not_say_which_was_wrong(pages):
    soup = pages.sign_in(password="wrong horse", status=422)
    assert "The name or password is not right" in soup.select_one("[data-error-summary]").get_text()
    assert soup.find("input", {"name": "name"})["value"] == NAME
    soup = pages.sign_in(name="Nobody Here", status=422)
    assert "The name or password is not right" in soup.select_one("[data-error-summary]").get_text()


def test_sign_in_with_email(pages):
    with db.connection_context():
        member = Member.by_name(NAME)
        member.email = "heron@example.org"
        member.save()
    assert pages.sign_in(name="Heron@Example.org").headers["Location"] == "/account"


def test_change_community_is_a_short_conversation_with_an_optional_reason(pages):
    pages.sign_in()
    assert pages.get("/account/community/", status=302).headers["Location"].endswith("/community")
    soup = pages.get("/account/community/community")
    assert soup.find("input", {"value": "people"}).has_attr("checked"), "starts at the current one"
    pages.submit("/account/community/community", {"community": "staff"})
    pages.submit("/account/community/reason", {"reason": "I started a new job"})
    soup = pages.get("/account/community/check")
    assert "I started a new job" in soup.select_one(".check-answers").get_text()
    assert pages.submit("/account/community/check", {}).headers["Location"] == "/account"
    soup = pages.get("/account")
    notice = soup.select_one(".notice").get_text()
    assert "You asked to move to Staff. You stay in People until a facilitator" in notice
    with db.connection_context():
        member = Member.by_name(NAME)
        change = CommunityChange.waiting_for(member)
        assert (change.from_community.slug, change.to_community.slug) == ("people", "staff")
        assert member.community.slug == "people", "a move waits to be accepted"


def test_a_move_into_an_open_community_happens_at_once(pages):
    with db.connection_context():
        Community.update(open_membership=True).where(Community.slug == "staff").execute()
    pages.sign_in()
    pages.submit("/account/community/community", {"community": "staff"})
    pages.submit("/account/community/reason", {"reason": ""})
    pages.submit("/account/community/check", {})
    assert "You are now in the Staff community." in pages.get("/account").get_text()
    with db.connection_context():
        assert Member.by_name(NAME).community.slug == "staff"


def test_change_name_refuses_a_taken_name(pages):
    pages.sign_in()
    with db.connection_context():
        Member.create(display_name="Kind Otter", name_key="kind otter",
                      community=Member.by_name(NAME).community, password_hash="x")  # fmt: skip
    soup = pages.submit("/account/name", {"name": "kind otter"}, status=422)
    assert "Someone already uses the name" in soup.select_one("[data-error-summary]").get_text()
    pages.submit("/account/name", {"name": "Calm Lark"})
    assert "Calm Lark" in pages.get("/account").find("main").get_text()


def test_change_password_needs_the_current_one(pages):
    pages.sign_in()
    soup = pages.submit(
        "/account/password", {"current": "nope", "password": "new lamp tide"}, status=422
    )
    assert "That is not your password now" in soup.select_one("[data-error-summary]").get_text()
    soup = pages.submit(
        "/account/password", {"current": PASSWORD, "password": "password"}, status=422
    )
    assert "too common" in soup.select_one("[data-error-summary]").get_text()
    pages.submit("/account/password", {"current": PASSWORD, "password": "new lamp tide"})
    with db.connection_context():
        assert Member.by_name(NAME).password_hash.startswith("$argon2")


def test_removing_the_email_issues_a_recovery_code(pages):
    with db.connection_context():
        member = Member.by_name(NAME)
        member.email = "heron@example.org"
        member.save()
    pages.sign_in()
    response = pages.submit("/account/email", {"email": ""})
    assert response.headers["Location"] == "/join/your-recovery-code"
    assert pages.get("/join/your-recovery-code").select_one(".code-box").get_text(strip=True)
    with db.connection_context():
        member = Member.by_name(NAME)
        assert member.email is None and member.recovery_hash


def test_download_my_data_holds_no_secrets(pages, client):
    pages.sign_in()
    response = client.get("/account/data.json")
    assert response.headers["Content-Disposition"].startswith("attachment")
    data = json.loads(response.get_data(as_text=True))
    assert data["display_name"] == NAME and data["community"] == "People"
    assert "argon2" not in response.get_data(as_text=True)


def test_leaving_deletes_the_account_after_confirmation(pages):
    pages.sign_in()
    soup = pages.submit("/account/leave", {}, status=422)
    assert "Tick the box" in soup.select_one("[data-error-summary]").get_text()
    response = pages.submit("/account/leave", {"confirm": "y"})
    assert response.headers["Location"] == "/account-deleted"
    assert "deleted" in pages.get("/account-deleted").find("h1").get_text()
    with db.connection_context():
        assert Member.by_name(NAME) is None
    assert pages.get("/account", status=302)


@pytest.mark.parametrize("path", ["/account", "/account/name", "/account/password", "/account/email",
                                  "/account/leave", "/account/community/community"])  # fmt: skip
@pytest.mark.parametrize("view", ["standard", "easyread"])
def test_account_pages_in_both_variants(pages, path, view):
    pages.sign_in()
    pages.get(f"{path}?view={view}")


@pytest.mark.parametrize(
    ("path", "label"),
    [
        ("/account/name", "Save my new name"),
        ("/account/password", "Save my new password"),
        ("/account/email", "Save my email address"),
        ("/account/consent/withdraw", "Withdraw from my agreements"),
    ],
)
def test_every_account_form_button_says_what_it_does(pages, path, label):
    pages.sign_in()
    soup = pages.get(path)
    assert soup.select_one("main form button[type=submit]").get_text(strip=True) == label


def test_guessing_the_current_password_is_slowed_like_signing_in(pages):
    pages.sign_in()
    with db.connection_context():
        before = Member.by_name(NAME).password_hash
    for _ in range(5):
        pages.submit("/account/password", {"current": "nope", "password": "new lamp tide"}, 422)
    soup = pages.submit(
        "/account/password", {"current": PASSWORD, "password": "new lamp tide"}, status=422
    )
    assert "too many wrong passwords" in soup.select_one("[data-error-summary]").get_text()
    with db.connection_context():
        assert Member.by_name(NAME).password_hash == before  # even the right one waits
