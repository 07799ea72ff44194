"""A lockout attempt against a known name (issue 10): guessing from one place slows only
that place. The owner, from anywhere else, signs in at once with the right password."""

from __future__ import annotations

import pytest

from tests.structure import check_page
from webapp.content import VIEW_COOKIE
from webapp.extensions import db
from webapp.join.demo import DEMO_MEMBER
from webapp.models import Member

NAME, PASSWORD = DEMO_MEMBER
# Documentation addresses (RFC 5737): only ever a value in the test client's environ.
ATTACKER, OWNER = "192.0.2.66", "198.51.100.7"
SLOWED = "too many wrong passwords for this name from this phone or computer"


class Client:
    """A browser at one address: fetches the form's token, then posts like a person."""

    def __init__(self, app, address: str) -> None:
        self.http = app.test_client()
        self.environ = {"REMOTE_ADDR": address}

    def sign_in(self, name=NAME, password=PASSWORD, easyread=False):
        if easyread:
            self.http.set_cookie(VIEW_COOKIE, "easyread")
        page = check_page(self.http.get("/sign-in", environ_base=self.environ))
        token = page.find("input", {"name": "csrf_token"})["value"]
        return self.http.post(
            "/sign-in",
            data={"csrf_token": token, "name": name, "password": password},
            environ_base=self.environ,
        )


def error(response) -> str:
    return check_page(response).select_one("[data-error-summary]").get_text(" ", strip=True)


def test_an_attacker_is_slowed_and_the_owner_signs_in_at_once_from_elsewhere(app):
    attacker, owner = Client(app, ATTACKER), Client(app, OWNER)
    for _ in range(5):
        assert attacker.sign_in(password="guess guess guess").status_code == 422
    for _ in range(25):  # 30 wrong tries in all, as the probe made
        response = attacker.sign_in(password="another guess")
        assert response.status_code == 422
        assert SLOWED in error(response)
        assert "Wait 1 minute, then try again" in error(response)
        assert "Forgotten your password?" in error(response), "told how to get back in"
    # Even the right password waits, from the address that was guessing.
    assert SLOWED in error(attacker.sign_in())
    # The owner, from another address, is not kept out.
    response = owner.sign_in()
    assert response.status_code == 302 and response.headers["Location"] == "/account"
    assert NAME in owner.http.get("/account").get_data(as_text=True)


def test_wrong_tries_on_one_name_do_not_slow_another_name_from_the_same_place(app):
    somewhere = Client(app, ATTACKER)
    for _ in range(6):
        somewhere.sign_in(name="Someone Else", password="guess guess guess")
    assert somewhere.sign_in().status_code == 302


def test_the_owner_gets_back_in_by_recovery_code_while_someone_guesses(app):
    from webapp.accounts.passwords import hash_code

    with db.connection_context():
        member = Member.by_name(NAME)
        member.recovery_hash = hash_code("abcd-efgh-jkmn-pqrs")
        member.save()
    attacker, owner = Client(app, ATTACKER), Client(app, OWNER)
    for _ in range(8):  # at the password and at the recovery code
        attacker.sign_in(password="guess guess guess")
        post_code(attacker, "wxyz-wxyz-wxyz-wxyz")
    assert "Wait 15 minutes" in error(post_code(attacker, "abcd-efgh-jkmn-pqrs"))
    response = post_code(owner, "abcd-efgh-jkmn-pqrs")
    assert response.status_code == 302, "the owner's recovery code still works"


def post_code(client: Client, code: str):
    page = check_page(client.http.get("/sign-in/forgotten/code", environ_base=client.environ))
    token = page.find("input", {"name": "csrf_token"})["value"]
    data = {"csrf_token": token, "name": NAME, "code": code, "password": "lantern orchard pebble"}
    return client.http.post("/sign-in/forgotten/code", data=data, environ_base=client.environ)


@pytest.mark.parametrize("easyread", [False, True])
def test_the_wait_grows_with_the_tries(app, monkeypatch, easyread):
    from webapp.accounts import guessing

    attacker = Client(app, ATTACKER)
    waits = {"sign-in": 0, "sign-in-hour": 0, "sign-in-day": 0}
    for tries in guessing.SIGN_IN_TIERS:  # each tier full in turn: its wait is the one given
        monkeypatch.setattr(tries, "wait_seconds", lambda key, n=tries.name: waits[n])
    waits["sign-in-hour"] = 50 * 60
    response = attacker.sign_in(easyread=easyread)
    expected = "Wait 50 minutes." if easyread else "Wait 50 minutes, then try again"
    assert expected in error(response)
    if easyread:
        for sentence in error(response).replace("Error:", "").split("."):
            assert len(sentence.split()) <= 15, sentence
