"""Every turn of the join journey, its errors, resume and change, through the page checks."""

from __future__ import annotations

import pytest

from webapp.extensions import db
from webapp.models import Member


def answer(pages, turn, data, status=302):
    return pages.submit(f"/join/{turn}", data, status=status)


def suggested_names(pages):
    return [i["value"] for i in pages.get("/join/name").select("input[name=name_choice]")]


def test_the_whole_journey_creates_a_member_waiting_for_agreement(pages, client, app):
    # The first turn is served at /join/ itself, with no redirect first (Lighthouse).
    soup = pages.get("/join/")
    assert soup.select_one("form")["action"] == "/join/welcome"
    assert "5 minutes" in soup.find("main").get_text()
    answer(pages, "welcome", {})
    soup = pages.get("/join/community")
    assert (
        soup.select_one("legend h1").get_text(strip=True) == "Which of these sounds most like you?"
    )
    assert "Question 1 of 7" in soup.select_one(".caption").get_text()
    assert "more than one" in soup.select_one(".hint").get_text()
    answer(pages, "community", {"community": "advocates"})
    soup = pages.get("/join/name")
    said = soup.select_one(".you-said li").get_text(" ", strip=True)
    assert "Advocates and Campaigners" in said and "Change which community" in said
    name = suggested_names(pages)[0]
    answer(pages, "name", {"name_choice": name})
    soup = pages.get("/join/sign_in")
    password = soup.find("input", {"name": "password"})
    assert password["autocomplete"] == "new-password" and password["type"] == "password"
    answer(pages, "sign_in", {"password": "river candle meadow", "email": "Me@Example.org"})
    soup = pages.get("/join/check")
    rows = [r.get_text(" ", strip=True) for r in soup.select(".check-answers__row")]
    assert any(name in r for r in rows) and any("me@example.org".lower() in r.lower() for r in rows)
    assert "river candle meadow" not in soup.decode()
    done = answer(pages, "check", {})
    assert done.headers["Location"] == "/agreements/panel/agree/", "straight on into the agreement"
    with db.connection_context():
        member = Member.by_name(name)
        assert member.status == "waiting for agreement"
        assert member.password_hash.startswith("$argon2")
        assert member.email == "me@example.org"
        assert member.recovery_hash is None, "with an email there is no recovery code"
        columns = {c.name for c in db.get_columns("member")}
    assert not {"ip", "ip_address", "user_agent", "created_at"} & columns
    assert "What happens next" in pages.get("/account").get_text()


def test_without_email_a_recovery_code_is_shown_until_saved(pages):
    answer(pages, "welcome", {})
    answer(pages, "community", {"community": "people"})
    answer(pages, "name", {"own_name": "Tea And Toast"})
    answer(pages, "sign_in", {"password": "river candle meadow", "email": ""})
    assert answer(pages, "check", {}).headers["Location"] == "/join/your-recovery-code"
    code = pages.get("/join/your-recovery-code").select_one(".code-box").get_text(strip=True)
    assert (
        pages.get("/join/your-recovery-code").select_one(".code-box").get_text(strip=True) == code
    )
    soup = answer(pages, "your-recovery-code", {}, status=422)
    assert "Tick the box" in soup.select_one("[data-error-summary]").get_text()
    answer(pages, "your-recovery-code", {"saved": "y"})
    assert pages.get("/join/your-recovery-code", status=302).headers["Location"] == "/account"
    with db.connection_context():
        assert Member.by_name("tea and toast").recovery_hash.startswith("$argon2")


def test_not_sure_leads_to_guiding_questions_and_a_suggestion(pages):
    answer(pages, "welcome", {})
    assert (
        answer(pages, "community", {"community": "unsure"})
        .headers["Location"]
        .endswith("/uses_services")
    )
    answer(pages, "uses_services", {"answer": "no"})
    answer(pages, "speaks_up", {"answer": "no"})
    answer(pages, "works", {"answer": "yes"})
    soup = pages.get("/join/suggestion")
    assert soup.find("input", {"name": "community", "value": "staff"}).has_attr("checked")
    assert "Question 5 of 7" in soup.select_one(".caption").get_text()
    answer(pages, "suggestion", {"community": "people"})
    assert pages.get("/join/", status=302).headers["Location"] == "/join/name"


@pytest.mark.parametrize(
    ("turn", "data", "message"),
    [
        ("community", {}, "Choose the group"),
        ("name", {}, "Choose a name or type your own"),
        ("name", {"own_name": "ab"}, "between 3 and 30 characters"),
        ("name", {"own_name": "quiet heron"}, "Someone already uses the name"),
        ("sign_in", {"password": "short"}, "at least 8 characters"),
        ("sign_in", {"password": "password1"}, "too common"),
        ("sign_in", {"password": "river candle meadow", "email": "nope"}, "right format"),
    ],
)
def test_every_error_keeps_what_was_typed(pages, turn, data, message):
    answer(pages, "welcome", {})
    if turn != "community":
        answer(pages, "community", {"community": "people"})
    if turn == "sign_in":
        answer(pages, "name", {"own_name": "Warm Sparrow"})
    soup = answer(pages, turn, data, status=422)
    summary = soup.select_one("[data-error-summary]")
    assert message in summary.get_text()
    assert soup.title.get_text().startswith("Error: ")
    link = summary.find("a")["href"]
    assert soup.find(id=link[1:]), "the summary links to the field"
    assert "invalid" not in summary.get_text().lower()
    for key, value in data.items():
        if key != "password":
            assert soup.find("input", {"name": key})["value"] == value
    # And it is still there when the person comes back later.
    again = pages.get(f"/join/{turn}")
    for key, value in data.items():
        if key != "password":
            assert again.find("input", {"name": key})["value"] == value


def test_a_new_name_clash_offers_new_suggestions(pages):
    answer(pages, "welcome", {})
    answer(pages, "community", {"community": "people"})
    before = suggested_names(pages)
    soup = answer(pages, "name", {"own_name": "Quiet Heron"}, status=422)
    after = [i["value"] for i in soup.select("input[name=name_choice]")]
    assert len(after) == 3 and after != before


def test_change_goes_back_to_check_answers(pages):
    answer(pages, "welcome", {})
    answer(pages, "community", {"community": "people"})
    answer(pages, "name", {"own_name": "Warm Sparrow"})
    answer(pages, "sign_in", {"password": "river candle meadow"})
    soup = pages.get("/join/check")
    change = soup.select_one(".check-answers__change a")["href"]
    assert change == "/join/community?change=1"
    assert pages.get(change).find("input", {"value": "people"}).has_attr("checked")
    response = pages.submit(change, {"community": "staff"})
    assert response.headers["Location"] == "/join/check"
    assert "Staff" in pages.get("/join/check").select_one(".check-answers").get_text()


def test_skipping_ahead_is_not_possible(pages):
    assert pages.get("/join/sign_in", status=302).headers["Location"] == "/join/"
    pages.get("/join/nothing", status=404)


def test_an_expired_token_on_a_turn_keeps_the_answer(pages, client):
    answer(pages, "welcome", {})
    answer(pages, "community", {"community": "people"})
    response = client.post("/join/name", data={"own_name": "Warm Sparrow", "csrf_token": "old"})
    assert response.status_code == 422
    from tests.structure import check_page

    soup = check_page(response)
    assert "Your answers are still here" in soup.select_one("[data-error-summary]").get_text()
    assert soup.find("input", {"name": "own_name"})["value"] == "Warm Sparrow"


def test_easy_read_wording_is_used_for_questions_hints_and_errors(pages):
    pages.get("/join/welcome?view=easyread")
    answer(pages, "welcome", {})
    soup = pages.get("/join/community")
    assert soup.find("h1").get_text(strip=True) == "Which group sounds like you?"
    assert soup.select(".choice__label img"), "pictures for the communities"
    soup = answer(pages, "community", {}, status=422)
    assert "Pick a group" in soup.select_one("[data-error-summary]").get_text()


def test_htmx_gets_the_partial_but_boosts_and_history_restores_get_the_page(pages, client):
    answer(pages, "welcome", {})
    partial = client.get("/join/community", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "<html" not in partial and "<title>" in partial
    # The header links that depend on the address come along, out of band.
    assert 'id="page-options" aria-label="Page options" hx-swap-oob="true"' in partial
    assert "/join/community?view=easyread" in partial
    assert 'id="conversation"' in partial
    for extra in ({"HX-Boosted": "true"}, {"HX-History-Restore-Request": "true"}):
        full = client.get("/join/community", headers={"HX-Request": "true", **extra})
        assert "<html" in full.get_data(as_text=True)


def test_a_redisplayed_turn_is_not_pushed_to_the_history_again(pages, client):
    answer(pages, "welcome", {})
    token = pages.get("/join/community").find("input", {"name": "csrf_token"})["value"]
    response = client.post(
        "/join/community", data={"csrf_token": token}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 422
    assert response.headers["HX-Push-Url"] == "false"


def test_changing_sign_in_details_keeps_the_password_unless_a_new_one_is_typed(pages, app):
    answer(pages, "welcome", {})
    answer(pages, "community", {"community": "people"})
    answer(pages, "name", {"own_name": "Warm Sparrow"})
    answer(pages, "sign_in", {"password": "river candle meadow"})
    soup = pages.get("/join/sign_in?change=1")
    assert "Leave this empty to keep the password" in soup.select_one("#password-hint").get_text()
    soup = pages.submit("/join/sign_in?change=1", {"password": "password"}, status=422)
    assert "too common" in soup.select_one("[data-error-summary]").get_text(), (
        "a new one is checked"
    )
    pages.submit("/join/sign_in?change=1", {"password": "", "email": "sparrow@example.org"})
    assert pages.submit("/join/check", {}).headers["Location"] == "/agreements/panel/agree/"
    from webapp.accounts.passwords import verify_password

    with db.connection_context():
        member = Member.by_name("Warm Sparrow")
        assert verify_password(member.password_hash, "river candle meadow")
        assert member.email == "sparrow@example.org"


def test_answers_can_be_deleted_from_a_shared_device(pages, client, app):
    answer(pages, "welcome", {})
    answer(pages, "community", {"community": "people"})
    soup = pages.get("/join/name")
    # A link far from Continue, to a page that asks first (no JavaScript needed).
    assert not soup.select_one("#conversation form.forget-form")
    link = soup.select_one(".forget-link a")
    assert link["href"] == "/join/forget"
    soup = pages.get(link["href"])
    assert soup.h1.get_text(strip=True) == "Delete your answers?"
    assert soup.find("a", string="No, go back to my answers")["href"] == "/join/"
    form = soup.select_one("form.forget-form")
    token = form.find("input", {"name": "csrf_token"})["value"]
    response = client.post(form["action"], data={"csrf_token": token})
    assert response.status_code == 200
    assert "Your answers are deleted" in response.get_data(as_text=True)
    from webapp.drafts import Draft

    with db.connection_context():
        assert Draft.select().count() == 0
    assert pages.get("/join/").select_one("form")["action"] == "/join/welcome"
    # With nothing saved, there is nothing to confirm.
    assert pages.get("/join/forget", status=302).headers["Location"] == "/join/"


def test_a_name_typed_by_the_person_comes_back_in_its_box(pages):
    answer(pages, "welcome", {})
    answer(pages, "community", {"community": "people"})
    answer(pages, "name", {"own_name": "Tester Wren"})
    soup = pages.get("/join/name")
    assert soup.find("input", {"name": "own_name"})["value"] == "Tester Wren"
    assert not soup.select("input[name=name_choice][checked]")
    assert answer(pages, "name", {"own_name": "Tester Wren"}).headers["Location"] == "/join/sign_in"


def test_easy_read_questions_have_a_picture(pages):
    pages.get("/join/welcome?view=easyread")
    answer(pages, "welcome", {})
    answer(pages, "community", {"community": "people"})
    assert pages.get("/join/name").select_one("img.turn-picture")["alt"] == ""
    assert not pages.get("/join/name?view=standard").select_one("img.turn-picture")
