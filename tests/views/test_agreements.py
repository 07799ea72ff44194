"""The consent conversation: reading, agreeing, versions, and joining flowing into it."""

from __future__ import annotations

import pytest

from tests.conftest import PageClient
from webapp.agreements.service import can_post, pending_agreements
from webapp.extensions import db
from webapp.member_records import ConsentRecord
from webapp.models import Member

PANEL_KEYS = ["participation", "accountability", "non-discrimination", "empowerment", "legality"]
# Advocates and Staff also sign the partners' agreements (issue 17), after the Community one.
PARTNERS = {"charter": ["values", "shared-responsibility", "no-surprises"],
            "collaborative-action": ["plan", "deciding", "confidence"]}  # fmt: skip


def join(pages, name="Brave Wren", community="staff"):
    pages.submit("/join/welcome", {})
    pages.submit("/join/community", {"community": community})
    pages.submit("/join/name", {"own_name": name})
    pages.submit("/join/sign_in", {"password": "river candle meadow", "email": f"{name[:4]}@x.org"})
    return pages.submit("/join/check", {})


def agree_to_panel(pages):
    base = "/agreements/panel/agree"
    pages.submit(f"{base}/introduction", {})
    for key in PANEL_KEYS:
        pages.submit(f"{base}/{key}", {"agree": "y"})
    return pages.submit(f"{base}/check", {})


def agree_as_a_partner(pages):
    """After the Community Agreement: the charter, then the collaborative action agreement."""
    for slug, keys in PARTNERS.items():
        assert pages.get("/account").find("a", href=f"/agreements/{slug}/agree/")
        base = f"/agreements/{slug}/agree"
        pages.submit(f"{base}/introduction", {})
        for key in keys:
            pages.submit(f"{base}/{key}", {"agree": "y"})
        assert pages.submit(f"{base}/check", {}).headers["Location"] == f"/agreements/{slug}/agreed"


def test_joining_flows_into_the_agreement_and_agreeing_makes_the_member_active(pages, app):
    assert join(pages).headers["Location"] == "/agreements/panel/agree/"
    soup = pages.get("/agreements/panel/agree/introduction")
    assert soup.find("h1").get_text(strip=True) == "The Community Agreement"
    pages.submit("/agreements/panel/agree/introduction", {})
    soup = pages.get("/agreements/panel/agree/participation")
    box = soup.find("input", {"name": "agree"})
    assert box["type"] == "checkbox" and not box.has_attr("checked"), "never ticked for them"
    assert soup.find("label", {"for": "agree"}).get_text(strip=True) == "I agree to Participation"
    assert soup.find("a", string="I have a question about this")["href"].startswith("/help?next=")
    soup = pages.submit("/agreements/panel/agree/participation", {}, status=422)
    message = soup.select_one("[data-error-summary]").get_text()
    assert "Tick the box to agree to Participation" in message and "ask a question" in message
    with app.app_context(), db.connection_context():
        member = Member.by_name("Brave Wren")
        assert not can_post(member)
    response = agree_to_panel(pages)
    assert response.headers["Location"] == "/agreements/panel/agreed"
    soup = pages.get("/agreements/panel/agreed")
    assert soup.find("a", href="/agreements/panel")
    with app.app_context(), db.connection_context():
        member = Member.by_name("Brave Wren")
        record = ConsentRecord.current(member, "panel")
        assert record.version == 2 and record.principles.split() == PANEL_KEYS
        assert [a.slug for a in pending_agreements(member)] == list(PARTNERS)
        assert member.status != "active" and not can_post(member)
    assert soup.select_one("a.button")["href"] == "/agreements/charter/agree/"
    agree_as_a_partner(pages)
    with app.app_context(), db.connection_context():
        member = Member.by_name("Brave Wren")
        assert member.status == "active" and can_post(member)


def test_check_answers_lists_every_principle_with_a_change_link(pages):
    join(pages)
    base = "/agreements/panel/agree"
    pages.submit(f"{base}/introduction", {})
    for key in PANEL_KEYS:
        pages.submit(f"{base}/{key}", {"agree": "y"})
    soup = pages.get(f"{base}/check")
    rows = soup.select(".check-answers__row")
    assert len(rows) == 5
    assert [a["href"] for a in soup.select(".check-answers__change a")][
        0
    ] == f"{base}/participation?change=1"
    assert soup.find("button", string="I agree to the Community Agreement")


def test_people_also_agree_to_their_working_together_agreement(pages, app):
    join(pages, name="Kind Finch", community="people")
    assert agree_to_panel(pages).headers["Location"] == "/agreements/panel/agreed"
    soup = pages.get("/agreements/panel/agreed")
    assert soup.select_one("a.button")["href"] == "/agreements/working-together/agree/"
    with app.app_context(), db.connection_context():
        member = Member.by_name("Kind Finch")
        assert [a.slug for a in pending_agreements(member)] == ["working-together"]
        assert member.status == "waiting for agreement"


@pytest.mark.parametrize("view", ["standard", "easyread"])
def test_every_turn_in_both_variants(pages, view):
    join(pages)
    pages.get(f"/agreements/panel/agree/introduction?view={view}")
    pages.submit("/agreements/panel/agree/introduction", {})
    for key in PANEL_KEYS:
        soup = pages.get(f"/agreements/panel/agree/{key}?view={view}")
        if view == "easyread":
            assert soup.select(".easyread__section img")
        pages.submit(f"/agreements/panel/agree/{key}", {"agree": "y"})
    pages.get(f"/agreements/panel/agree/check?view={view}")
    pages.get(f"/agreements/panel?view={view}")


def test_a_new_version_asks_again_at_the_next_sign_in_and_shows_what_changed(content_copy):
    app, folder = content_copy
    pages = PageClient(app.test_client())
    join(pages)
    agree_to_panel(pages)
    for name in ("content", "easyread"):
        path = folder / name / "agreements" / "panel.md"
        text = path.read_text().replace("version: 2\n", "version: 3\n", 1)
        text = text.replace("changes:\n", "changes:\n  - version: 3\n    date: 2026-12-01\n"
                            "    summary: Replies now close after 30 days.\n", 1)  # fmt: skip
        path.write_text(text)
    with app.app_context(), db.connection_context():
        member = Member.by_name("Brave Wren")
        assert not can_post(member), "a new version pauses posting until agreed again"
    pages.sign_out()
    response = pages.submit("/sign-in", {"name": "Brave Wren", "password": "river candle meadow"})
    assert response.headers["Location"] == "/agreements/panel/agree/"
    pages.submit("/agreements/panel/agree/introduction", {})
    soup = pages.get("/agreements/panel/agree/what-changed")
    assert "Replies now close after 30 days." in soup.find("main").get_text()
    assert "The first version." not in soup.find("main").get_text()


def test_counts_by_version_hide_small_groups(app):
    from webapp.models import Community

    with db.connection_context():
        people = Community.by_slug("people")
        for number in range(6):
            member = Member.create(display_name=f"M{number}", name_key=f"m{number}",
                                   community=people, password_hash="x")  # fmt: skip
            ConsentRecord.create(member=member, agreement="panel", version=2 if number else 1,
                                 principles="x")  # fmt: skip
        # The demo member and 5 more accepted version 2; only 1 accepted version 1.
        assert ConsentRecord.counts_by_version("panel") == [(2, 6), (1, None)]


def test_only_members_can_agree(pages):
    response = pages.get("/agreements/panel/agree/introduction", status=302)
    assert response.headers["Location"].startswith("/sign-in")


def test_withdrawing_pauses_taking_part_and_agreeing_again_resumes_it(pages, app):
    join(pages)
    agree_to_panel(pages)
    agree_as_a_partner(pages)
    soup = pages.get("/account")
    assert soup.find("a", href="/account/consent/withdraw")
    soup = pages.submit("/account/consent/withdraw", {}, status=422)
    assert "Tick the box" in soup.select_one("[data-error-summary]").get_text()
    pages.submit("/account/consent/withdraw", {"confirm": "y"})
    soup = pages.get("/account")
    assert "Your taking part is paused" in soup.find("main").get_text()
    with app.app_context(), db.connection_context():
        member = Member.by_name("Brave Wren")
        assert member.status == "paused" and not can_post(member)
    # They can still read their data.
    assert pages.client.get("/account/data.json").status_code == 200
    agree_again = soup.find("a", string="Agree again")["href"]
    assert agree_again == "/agreements/panel/agree/"
    agree_to_panel(pages)
    agree_as_a_partner(pages)
    with app.app_context(), db.connection_context():
        member = Member.by_name("Brave Wren")
        assert member.status == "active" and can_post(member)


def test_a_question_keeps_the_persons_place(pages):
    join(pages)
    pages.submit("/agreements/panel/agree/introduction", {})
    soup = pages.get("/agreements/panel/agree/participation")
    help_url = soup.find("a", string="I have a question about this")["href"]
    back = pages.get(help_url).select_one("a.back-link")
    assert back["href"] == "/agreements/panel/agree/participation"
    assert back.get_text(strip=True) == "Go back to where you were"


def test_facilitators_see_counts_with_small_groups_hidden(pages, app):
    pages.sign_in()
    pages.get("/agreements/panel/counts", status=403)
    with db.connection_context():
        member = Member.by_name("Quiet Heron")
        member.role = "facilitator"
        member.save()
    soup = pages.get("/agreements/panel/counts")
    assert "fewer than 5" in soup.find("table").get_text()  # only the demo member so far
    assert pages.client.get("/agreements/panel/counts?view=easyread").status_code == 200


def test_a_member_who_agreed_before_the_partners_agreements_is_told_kindly(pages, app):
    from .facilitation_helpers import make_member, sign_in

    member_id = make_member("Early Egret", "staff")  # active, from before the new agreements
    with app.app_context(), db.connection_context():
        ConsentRecord.create(member=member_id, agreement="panel", version=2,
                             principles=" ".join(PANEL_KEYS))  # fmt: skip
    sign_in(pages, "Early Egret")
    notice = pages.get("/account").find("h2", string="There is a new agreement for your community")
    assert notice is not None
    text = notice.parent.get_text()
    assert "you can still read everything" in text
    assert notice.parent.find("a", href="/agreements/charter/agree/")
    pages.get("/stories/")  # reading goes on as before


def test_the_community_agreement_comes_first_in_every_language(app):
    from webapp.agreements.service import required_agreements

    from .facilitation_helpers import make_member

    member_id = make_member("Orderly Owl", "staff")
    for language in ("en", "cy"):
        with (
            app.test_request_context("/", headers={"Accept-Language": language}),
            db.connection_context(),
        ):
            found = [a.slug for a in required_agreements(Member.get_by_id(member_id))]
        assert found == ["panel", *PARTNERS], language
