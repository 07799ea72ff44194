"""A password typed once is never written back into a page (issue 10): not after a failed
sign-in, a join turn that asks again, a password change, a reset or a recovery code."""

from __future__ import annotations

from webapp.accounts.passwords import hash_code, hash_password
from webapp.extensions import db
from webapp.join.demo import DEMO_MEMBER
from webapp.models import Community, Member

NAME, PASSWORD = DEMO_MEMBER
TYPED = "secret typed words"


def no_password_written_back(soup, *typed: str) -> None:
    for box in soup.select("input[type=password]"):
        assert not box.has_attr("value"), box
    for words in typed:
        assert words not in soup.decode(), f"{words!r} is in the page"


def sign_in(pages, name=NAME, password=PASSWORD, status=302):
    return pages.submit("/sign-in", {"name": name, "password": password}, status=status)


def test_a_failed_sign_in_keeps_the_name_and_never_the_password(pages):
    soup = sign_in(pages, password=TYPED, status=422)
    assert soup.find("input", {"name": "name"})["value"] == NAME
    no_password_written_back(soup, TYPED)


def test_a_join_password_turn_asks_again_without_showing_the_password(pages):
    pages.submit("/join/welcome", {})
    pages.submit("/join/community", {"community": "people"})
    pages.submit("/join/name", {"own_name": "Quiet Harbour"})
    soup = pages.submit("/join/sign_in", {"password": "short1", "email": "nope"}, status=422)
    assert soup.find("input", {"name": "email"})["value"] == "nope", "the rest is kept"
    no_password_written_back(soup, "short1")
    no_password_written_back(pages.get("/join/sign_in"), "short1")


def test_changing_a_password_never_shows_either_password(pages):
    sign_in(pages)
    soup = pages.submit(
        "/account/password", {"current": TYPED, "password": "lantern orchard pebble"}, status=422
    )
    no_password_written_back(soup, TYPED, "lantern orchard pebble")
    soup = pages.submit("/account/password", {"current": TYPED, "password": "pass"}, status=422)
    no_password_written_back(soup, TYPED)


def test_a_recovery_code_form_never_shows_the_new_password(pages, app):
    with db.connection_context():
        Member.create(
            display_name="Tea And Toast", name_key=Member.fold("Tea And Toast"),
            community=Community.by_slug("people"), password_hash=hash_password(PASSWORD),
            recovery_hash=hash_code("abcd-efgh-jkmn-pqrs"),
        )  # fmt: skip
    soup = pages.submit(
        "/sign-in/forgotten/code",
        {"name": "Tea And Toast", "code": "wxyz-wxyz-wxyz-wxyz", "password": TYPED},
        status=422,
    )
    assert soup.find("input", {"name": "name"})["value"] == "Tea And Toast"
    no_password_written_back(soup, TYPED)
