"""Forgotten password: a link by email, or a recovery code. Every page through the checks."""

from __future__ import annotations

import re
import time

import pytest
from itsdangerous.timed import TimestampSigner

from tests.structure import check_page
from webapp.accounts.passwords import hash_code, hash_password, verify_code, verify_password
from webapp.extensions import db
from webapp.mail import outbox_messages
from webapp.models import Community, Member

OLD_PASSWORD = "kettle harbour lantern"
NEW_PASSWORD = "lantern orchard pebble"
EMAIL = "rain@example.org"
CODE = "abcd-efgh-jkmn-pqrs"
SAME_PAGE = "If this email address belongs to an account, we have sent a link. It works for 1 hour."


def make_member(name: str, email: str | None = None, code: str | None = None) -> int:
    with db.connection_context():
        return Member.create(
            display_name=name,
            name_key=Member.fold(name),
            community=Community.by_slug("people"),
            password_hash=hash_password(OLD_PASSWORD),
            email=email,
            recovery_hash=hash_code(code) if code else None,
        ).id


def member(member_id: int) -> Member:
    with db.connection_context():
        return Member.get_by_id(member_id)


@pytest.fixture
def outbox(app, tmp_path):
    folder = tmp_path / "outbox"
    app.config["MAIL_OUTBOX_DIR"] = folder
    return folder


@pytest.fixture
def rain(app):
    return make_member("Rain On Glass", email=EMAIL)


@pytest.fixture
def toast(app):
    return make_member("Tea And Toast", code=CODE)


def ask_for_link(pages, email=EMAIL):
    response = pages.submit("/sign-in/forgotten/email", {"email": email})
    assert response.headers["Location"] == "/sign-in/forgotten/email/sent"
    return pages.get("/sign-in/forgotten/email/sent")


def link_from(message) -> str:
    body = message.get_content()
    return re.search(r"http://localhost(/sign-in/reset/\S+)", body).group(1)


def summary(soup) -> str:
    return soup.select_one("[data-error-summary] ul").get_text(" ", strip=True)


# The way in ------------------------------------------------------------------------------


def test_sign_in_links_to_forgotten_password(pages):
    link = pages.get("/sign-in").find("a", string=re.compile("Forgotten your password"))
    assert link["href"] == "/sign-in/forgotten"


@pytest.mark.parametrize(
    ("how", "goes_to"),
    [("email", "/sign-in/forgotten/email"), ("code", "/sign-in/forgotten/code")],
)
def test_choosing_a_way_back_in_goes_there(pages, how, goes_to):
    soup = pages.get("/sign-in/forgotten")
    labels = [label.get_text(" ", strip=True) for label in soup.select(".choice__label")]
    assert labels == ["Send a link to my email address", "Use my recovery code"]
    assert pages.submit("/sign-in/forgotten", {"how": how}).headers["Location"] == goes_to


def test_choosing_nothing_says_what_to_do(pages):
    soup = pages.submit("/sign-in/forgotten", {}, status=422)
    assert "Choose how you want to get back in" in summary(soup)
    assert soup.title.get_text().startswith("Error: Forgotten your password?")


# By email --------------------------------------------------------------------------------


def test_the_email_link_sets_a_new_password_signs_in_and_works_once(pages, outbox, rain):
    soup = ask_for_link(pages, email="  Rain@Example.ORG ")
    assert SAME_PAGE in soup.find("main").get_text(" ", strip=True)
    [message] = outbox_messages(outbox)
    assert message["To"] == EMAIL
    assert message["From"] == "Common Ground <no-reply@example.org>"
    assert message.get_content_type() == "text/plain", "plain text only"
    body = message.get_content()
    assert "1 hour" in body and "Rain On Glass" in body
    assert "<img" not in body and "utm_" not in body, "no tracking"
    link = link_from(message)

    soup = pages.get(link)
    password = soup.find("input", {"name": "password"})
    assert password["type"] == "password" and password["autocomplete"] == "new-password"
    assert soup.select_one("[hx-history=false]"), "kept out of the browser's history cache"
    soup = pages.submit(link, {"password": "password1"}, status=422)
    assert "too common" in summary(soup)
    soup = pages.submit(link, {"password": "short"}, status=422)
    assert "at least 8 characters" in summary(soup)

    done = pages.submit(link, {"password": NEW_PASSWORD})
    assert done.headers["Location"] == "/account"
    assert "Your new password is saved" in pages.get("/account").find("main").get_text()
    assert verify_password(member(rain).password_hash, NEW_PASSWORD)

    # Used once: the link now says what to do next.
    soup = pages.get(link, status=400)
    assert soup.find("h1").get_text(strip=True) == "This link does not work any more"
    assert soup.find("a", href="/sign-in/forgotten/email")


def test_an_unknown_email_gets_the_same_page_and_nothing_is_sent(pages, outbox, rain):
    known = ask_for_link(pages).find("main").get_text(" ", strip=True)
    unknown = ask_for_link(pages, email="nobody@example.org").find("main").get_text(" ", strip=True)
    assert known == unknown
    assert [m["To"] for m in outbox_messages(outbox)] == [EMAIL]


def test_a_link_older_than_an_hour_does_not_work(pages, outbox, rain, monkeypatch):
    ask_for_link(pages)
    link = link_from(outbox_messages(outbox)[0])
    sent_at = int(time.time())
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: sent_at + 59 * 60)
    token = pages.get(link).find("input", {"name": "csrf_token"})["value"]
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: sent_at + 61 * 60)
    soup = pages.get(link, status=400)
    assert "works for 1 hour" in soup.find("main").get_text()
    # A form opened in time but sent too late does not work either.
    response = pages.client.post(link, data={"csrf_token": token, "password": NEW_PASSWORD})
    assert response.status_code == 400
    assert verify_password(member(rain).password_hash, OLD_PASSWORD)


@pytest.mark.parametrize("token", ["nonsense", "eyJtIjoxfQ.abc.def"])
def test_a_damaged_link_says_what_to_do(pages, token):
    soup = pages.get(f"/sign-in/reset/{token}", status=400)
    assert "ask for a new link" in soup.find("main").get_text().lower()


def test_a_used_link_sent_with_htmx_still_shows_its_page(pages, outbox, rain, client):
    ask_for_link(pages)
    link = link_from(outbox_messages(outbox)[0])
    token = pages.get(link).find("input", {"name": "csrf_token"})["value"]
    pages.submit(link, {"password": NEW_PASSWORD})
    response = client.post(
        link,
        data={"csrf_token": token, "password": "another quiet river"},
        headers={"HX-Request": "true", "HX-Boosted": "true"},
    )
    assert response.status_code == 400, "htmx swaps error pages in (base.html's responseHandling)"
    assert "This link does not work any more" in check_page(response).find("h1").get_text()


def test_the_email_form_keeps_what_was_typed_and_says_what_to_do(pages, outbox):
    soup = pages.submit("/sign-in/forgotten/email", {"email": "rain at example"}, status=422)
    assert "Enter an email address in the right format" in summary(soup)
    assert soup.find("input", {"name": "email"})["value"] == "rain at example"
    soup = pages.submit("/sign-in/forgotten/email", {}, status=422)
    assert "Enter your email address" in summary(soup)
    assert not outbox_messages(outbox)


def test_links_point_at_the_public_address_never_the_host_header(pages, outbox, rain, app):
    app.config["PUBLIC_URL"] = "https://commonground.example.org"
    forged = {"Host": "attacker.example"}
    form = pages.get("/sign-in/forgotten/email", headers=forged)
    token = form.find("input", {"name": "csrf_token"})["value"]
    response = pages.client.post(
        "/sign-in/forgotten/email", data={"csrf_token": token, "email": EMAIL}, headers=forged
    )
    assert response.status_code == 302
    body = outbox_messages(outbox)[0].get_content()
    assert "https://commonground.example.org/sign-in/reset/" in body
    assert "attacker" not in body


def test_asking_again_and_again_does_not_flood_an_inbox(pages, outbox, rain):
    for _ in range(7):
        assert SAME_PAGE in ask_for_link(pages).find("main").get_text(" ", strip=True)
    assert len(outbox_messages(outbox)) == 5


# By recovery code ------------------------------------------------------------------------


def use_code(pages, name="Tea And Toast", code=CODE, password=NEW_PASSWORD, status=302):
    data = {"name": name, "code": code, "password": password}
    return pages.submit("/sign-in/forgotten/code", data, status=status)


def test_the_code_page_allows_paste_and_no_spellcheck(pages):
    soup = pages.get("/sign-in/forgotten/code")
    code = soup.find("input", {"name": "code"})
    assert code["autocomplete"] == "off" and code["spellcheck"] == "false"
    assert not code.has_attr("onpaste")
    assert soup.find("input", {"name": "name"})["autocomplete"] == "username"
    assert soup.find("input", {"name": "password"})["autocomplete"] == "new-password"


def test_the_right_code_sets_the_password_and_issues_a_new_code(pages, toast):
    done = use_code(pages, name="  tea and TOAST ", code=CODE.upper().replace("-", " "))
    assert done.headers["Location"] == "/join/your-recovery-code"
    new_code = pages.get("/join/your-recovery-code").select_one(".code-box").get_text(strip=True)
    assert new_code != CODE and new_code.count("-") == 3
    saved = member(toast)
    assert verify_password(saved.password_hash, NEW_PASSWORD)
    assert verify_code(saved.recovery_hash, new_code)
    assert not verify_code(saved.recovery_hash, CODE)
    pages.submit("/join/your-recovery-code", {"saved": "y"})
    main = pages.get("/account").find("main").get_text()
    assert "Tea And Toast" in main and "Your old recovery code no longer works" in main

    # The old code no longer works; the new one does.
    soup = use_code(pages, password="another quiet river", status=422)
    assert "The name or recovery code is not right" in summary(soup)
    assert use_code(pages, code=new_code, password="another quiet river").status_code == 302


@pytest.mark.parametrize(
    ("name", "code"),
    [("Tea And Toast", "aaaa-bbbb-cccc-dddd"), ("Nobody Here", CODE), ("Rain On Glass", CODE)],
    ids=["wrong-code", "wrong-name", "member-without-a-code"],
)
def test_a_wrong_name_or_code_gives_one_plain_error_and_keeps_the_name(
    pages, toast, rain, name, code
):
    soup = use_code(pages, name=name, code=code, status=422)
    message = summary(soup)
    assert message == "The name or recovery code is not right. Check them and try again"
    assert not re.search(r"invalid|sorry|please", message, re.IGNORECASE)
    assert soup.title.get_text().startswith("Error: Use your recovery code")
    assert soup.find("input", {"name": "name"})["value"] == name
    assert verify_password(member(toast).password_hash, OLD_PASSWORD)


def test_five_wrong_tries_wait_15_minutes_with_a_plain_message(pages, toast, app):
    for _ in range(5):
        use_code(pages, code="aaaa-bbbb-cccc-dddd", status=422)
    soup = use_code(pages, name="tea and toast", status=422)  # even the right code waits
    assert summary(soup) == "You have tried 5 times. Wait 15 minutes, then try again"
    assert soup.find("input", {"name": "name"})["value"] == "tea and toast"
    assert verify_password(member(toast).password_hash, OLD_PASSWORD)
    # Counted per name, in memory: other names are not held up, and nothing is stored.
    make_member("Other Walker", code="zzzz-yyyy-xxxx-wwww")
    use_code(pages, name="Other Walker", code="zzzz-yyyy-xxxx-wwww")
    with db.connection_context():
        assert not {"ip", "ip_address", "tries"} & {c.name for c in db.get_columns("member")}


def test_the_code_form_says_what_is_missing(pages):
    soup = use_code(pages, name="", code="", password="", status=422)
    assert [a.get_text() for a in soup.select(".error-summary a")] == [
        "Enter your name on Common Ground",
        "Enter your recovery code",
        "Enter a new password",
    ]
    soup = use_code(pages, password="short", status=422)
    assert "at least 8 characters" in summary(soup)
    assert soup.find("input", {"name": "code"})["value"] == CODE


def test_an_expired_form_token_keeps_the_name(pages, client):
    response = client.post(
        "/sign-in/forgotten/code", data={"name": "Tea And Toast", "csrf_token": "old"}
    )
    assert response.status_code == 422
    soup = check_page(response)
    assert "Your answers are still here" in summary(soup)
    assert soup.find("input", {"name": "name"})["value"] == "Tea And Toast"


# Every page, in both variants ----------------------------------------------------------

PAGES = {
    "/sign-in/forgotten": ("Forgotten your password?", "Forgot your password?"),
    "/sign-in/forgotten/email": ("Get a link by email", "Get a link in your email"),
    "/sign-in/forgotten/email/sent": ("Check your email", "Look at your email"),
    "/sign-in/forgotten/code": ("Use your recovery code", "Use your code"),
}
FORMS = ["/sign-in/forgotten", "/sign-in/forgotten/email", "/sign-in/forgotten/code"]


@pytest.mark.parametrize("variant", ["standard", "easyread"])
def test_every_page_and_error_state_in_both_variants(pages, outbox, rain, variant):
    easy = variant == "easyread"
    for url, headings in PAGES.items():
        soup = pages.get(f"{url}?view={variant}")
        assert soup.find("h1").get_text(strip=True) == headings[easy]
        assert soup.find("h1")["tabindex"] == "-1"
        assert bool(soup.select(".easyread__section")) == easy, url
    for url in FORMS:
        soup = pages.submit(url, {}, status=422)
        assert soup.select_one("[data-error-summary]")
        assert bool(soup.select(".easyread__section")) == easy, url
    ask_for_link(pages)
    link = link_from(outbox_messages(outbox)[0])
    soup = pages.get(link)
    assert soup.find("h1").get_text(strip=True) == (
        "Make a new password" if easy else "Choose a new password"
    )
    soup = pages.submit(link, {}, status=422)
    assert ("Write a new password." if easy else "Enter a new password") in summary(soup)
    soup = pages.get("/sign-in/reset/nonsense", status=400)
    assert soup.find("h1").get_text(strip=True) == (
        "This link does not work" if easy else "This link does not work any more"
    )
    if easy:  # the email follows the reader's choice too
        pages.submit("/sign-in/forgotten/email", {"email": EMAIL})
        assert "It works 1 time only." in outbox_messages(outbox)[-1].get_content()


def test_htmx_gets_the_partial_and_boosts_get_the_page(client):
    partial = client.get("/sign-in/forgotten/code", headers={"HX-Request": "true"})
    assert "<html" not in partial.get_data(as_text=True)
    assert 'id="forgotten-code"' in partial.get_data(as_text=True)
    boosted = client.get(
        "/sign-in/forgotten/code", headers={"HX-Request": "true", "HX-Boosted": "true"}
    )
    assert "<html" in boosted.get_data(as_text=True)


def test_easy_read_sections_follow_the_easy_read_rules(pages, outbox, rain):
    from tests.unit.test_easyread_lint import (
        BLOCK_CAPITALS,
        MAX_WORDS,
        NUMBER_WORDS,
        sentences,
        word_count,
    )

    ask_for_link(pages)
    urls = [*PAGES, link_from(outbox_messages(outbox)[0])]
    problems = []
    for url in urls:
        soup = pages.get(f"{url}?view=easyread")
        for section in soup.select(".easyread__section"):
            assert section.find("img"), "every section has a picture"
            text = section.select_one(".easyread__words").get_text("\n")
            problems += [s for s in sentences(text) if word_count(s) > MAX_WORDS]
            problems += NUMBER_WORDS.findall(text) + BLOCK_CAPITALS.findall(text)
    assert not problems, problems
