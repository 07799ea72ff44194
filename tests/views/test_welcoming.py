"""Welcoming members: a facilitator welcomes each newcomer and decides each move into their
community; until then the member reads only what is public, and is told why."""

from __future__ import annotations

import datetime as dt

from webapp.extensions import db
from webapp.facilitation.models import AuditEntry
from webapp.join.demo import MOVER, NEWCOMER
from webapp.models import Community, CommunityChange, Member

from .facilitation_helpers import PASSWORD, make_story, setup_people, sign_in

COMMUNITY_ONLY = "Words for the People community only, about the day centre."


def newcomer_with_password() -> Member:
    from webapp.accounts.passwords import hash_password

    with db.connection_context():
        member = Member.by_name(NEWCOMER)
        member.password_hash = hash_password(PASSWORD)
        member.save()
    return member


def agree(app, member_id: int) -> None:
    from webapp.agreements.service import record_consent, required_agreements

    with app.test_request_context(), db.connection_context():
        member = Member.get_by_id(member_id)
        for agreement in required_agreements(member):
            record_consent(member, agreement, [p.key for p in agreement.principles])


def test_a_newcomer_reads_only_public_stories_until_a_facilitator_welcomes_them(app, pages):
    setup_people(app)
    reference = make_story(COMMUNITY_ONLY, status="approved", audience="community")
    newcomer = newcomer_with_password()
    agree(app, newcomer.id)
    app.test_client().get("/stories/")  # a visitor first: the page's top is cached for all
    sign_in(pages, NEWCOMER)
    listing = pages.get("/stories/").get_text()
    assert COMMUNITY_ONLY not in listing
    assert "A facilitator will welcome you into your community soon" in listing
    pages.get(f"/stories/{reference}", status=404)
    assert "A facilitator will welcome you into People" in pages.get("/account").get_text()

    facilitator = pages.__class__(app.test_client())
    sign_in(facilitator, "Fair Kestrel")
    page = facilitator.get("/facilitate/people/welcome")
    assert NEWCOMER in page.get_text()
    token = page.find("input", {"name": "csrf_token"})["value"]
    done = facilitator.client.post(
        f"/facilitate/people/welcome/{newcomer.id}",
        data={"csrf_token": token, "action": "welcome"},
    )
    assert done.status_code == 302
    assert COMMUNITY_ONLY in pages.get(f"/stories/{reference}").get_text()
    with db.connection_context():
        assert Member.get_by_id(newcomer.id).welcomed_on == dt.date.today()
        entry = AuditEntry.get(AuditEntry.action == "welcomed")
        assert entry.actor_name == "Fair Kestrel" and NEWCOMER in entry.item


def test_only_the_new_communitys_facilitators_decide_a_move(app, pages):
    setup_people(app)
    with db.connection_context():
        move = CommunityChange.get(CommunityChange.status == CommunityChange.REQUESTED)
        mover = move.member_id
    # Staff's facilitator sees it (the member is leaving Staff) but cannot decide it.
    staff = pages.__class__(app.test_client())
    sign_in(staff, "Other Otter")
    page = staff.get("/facilitate/staff/welcome")
    assert MOVER[0] in page.get_text() and "The facilitators of People decide" in page.get_text()
    token = staff.get("/account").find("input", {"name": "csrf_token"})["value"]
    refused = staff.client.post(f"/facilitate/staff/moves/{move.id}",
                                data={"csrf_token": token, "action": "welcome"})  # fmt: skip
    assert refused.status_code == 404
    # People's facilitator declines: the member stays in Staff.
    sign_in(pages, "Fair Kestrel")
    token = pages.get("/facilitate/people/welcome").find("input", {"name": "csrf_token"})["value"]
    pages.client.post(f"/facilitate/people/moves/{move.id}",
                      data={"csrf_token": token, "action": "not-now"})  # fmt: skip
    with db.connection_context():
        assert Member.get_by_id(mover).community.slug == "staff"
        assert CommunityChange.get_by_id(move.id).status == CommunityChange.DECLINED


def test_an_admin_opens_a_community_and_newcomers_are_in_at_once(app, pages):
    setup_people(app)
    sign_in(pages, "Main Admin")
    pages.submit("/facilitate/communities", {"open": ["advocates"]})
    with db.connection_context():
        assert Community.by_slug("advocates").open_membership
        assert not Community.by_slug("people").open_membership
        assert AuditEntry.get(AuditEntry.action == "opened to everyone")
    pages.sign_out()
    pages.submit("/join/welcome", {})
    pages.submit("/join/community", {"community": "advocates"})
    pages.submit("/join/name", {"own_name": "Open Door"})
    pages.submit("/join/sign_in", {"password": "a long quiet river walk", "email": ""})
    pages.submit("/join/check", {})
    with db.connection_context():
        assert Member.by_name("Open Door").is_welcomed


def test_a_facilitator_of_people_cannot_open_communities(app, pages):
    setup_people(app)
    sign_in(pages, "Fair Kestrel")
    pages.get("/facilitate/communities", status=403)
