"""Shared set-up for the facilitation view tests: members in roles, and stories."""

from __future__ import annotations

import datetime as dt

from webapp.accounts.passwords import hash_password
from webapp.extensions import db
from webapp.member_records import Facilitation
from webapp.models import Community, Member
from webapp.stories.models import Reply, Story

PASSWORD = "copper meadow lantern"
# A distinctive author name that must never appear on a facilitator's page.
AUTHOR = "Zanzibar Quokka"


def make_member(name: str, community: str = "people", role: str = "member", facilitates=()):
    with db.connection_context():
        member = Member.create(
            display_name=name,
            name_key=Member.fold(name),
            community=Community.by_slug(community),
            password_hash=hash_password(PASSWORD),
            status="active",
            role=role,
            welcomed_on=dt.date.today(),
        )
        for slug in facilitates:
            Facilitation.create(member=member, community=Community.by_slug(slug))
        return member.id


def sign_in(pages, name: str):
    return pages.sign_in(name, PASSWORD)


def make_story(body="The ward was calm and the staff listened.", community="people",
               author_id=None, **fields) -> str:  # fmt: skip
    with db.connection_context():
        story = Story.create(
            body=body, community=Community.by_slug(community), author=author_id, **fields
        )
        return story.reference


def make_reply(reference: str, body="Thank you for sharing this.", author_id=None, **fields) -> int:
    with db.connection_context():
        story = Story.get(Story.reference == reference)
        return Reply.create(story=story, body=body, author=author_id, **fields).id


def setup_people(app) -> dict:
    """A facilitator of People, one of Staff, an admin, a plain member, and an author,
    all of whom have agreed to the current agreements."""
    made = {
        "facilitator": make_member("Fair Kestrel", "people", "facilitator", ["people"]),
        "other": make_member("Other Otter", "staff", "facilitator", ["staff"]),
        "admin": make_member("Main Admin", "staff", "admin"),
        "member": make_member("Plain Pigeon", "people"),
        "author": make_member(AUTHOR, "people"),
    }
    agree_to_everything(app, made.values())
    return made


def agree_to_everything(app, member_ids) -> None:
    """These members agree to the current version of every agreement they must."""
    from webapp.agreements.service import record_consent, required_agreements

    with app.test_request_context(), db.connection_context():
        for member_id in member_ids:
            member = Member.get_by_id(member_id)
            for agreement in required_agreements(member):
                record_consent(member, agreement, [p.key for p in agreement.principles])
