"""Property test: no story or reply is ever shown where its author's boundaries forbid it.

Random stories (audience, status, community, end date, author or code) and replies
meet every kind of viewer: a visitor, a member of each community, the author, a
code holder, a facilitator and an admin, and members in every standing: not yet
welcomed, welcomed but not agreed, agreement withdrawn, a move asked for and waiting,
and a move accepted. Viewers are made the app's own way (viewer_for), and every read
path is checked against the boundaries as the issues state them, written out here
independently of the app.

The default run tries BOUNDARY_EXAMPLES cases (200); `bench/boundaries.py` runs 10,000.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import make_app
from webapp.agreements.service import record_consent, required_agreements
from webapp.extensions import db
from webapp.member_records import Facilitation
from webapp.models import Community, CommunityChange, Member
from webapp.stories.models import (
    APPROVED,
    AUDIENCES,
    NOBODY,
    STATUSES,
    Reply,
    Story,
    Viewer,
    hash_story_code,
)
from webapp.stories.viewer import viewer_for

TODAY = dt.date(2026, 11, 23)
EXAMPLES = int(os.environ.get("BOUNDARY_EXAMPLES", "200"))
SLUGS = ("people", "advocates", "staff")

story_strategy = st.fixed_dictionaries(
    {
        "audience": st.sampled_from(AUDIENCES),
        "status": st.sampled_from(STATUSES),
        "community": st.sampled_from(SLUGS),
        "ends": st.sampled_from([None, -30, -1, 0, 1, 90]),  # days from today
        "author": st.sampled_from(["alice", "bob", "code", "nobody"]),
        "replies_allowed": st.booleans(),
        "replies": st.lists(
            st.tuples(st.sampled_from(STATUSES), st.sampled_from(["alice", "bob", None])),
            max_size=2,
        ),
    }
)


# Who belongs where, as the test sees it: (community read as theirs, or None for nobody's).
# Only a welcomed member who has agreed to the current agreement belongs.
BELONGS = {
    "alice": "people", "bob": "advocates", "carol": "staff", "fran": "people", "ada": "advocates",
    "newt": None,  # chose People, not yet welcomed
    "otto": None,  # welcomed into People, never agreed
    "wanda": None,  # welcomed into People, withdrew her agreement
    "moe": "advocates",  # asked to move to People: stays in Advocates until accepted
    "hal": "people",  # moved from Staff to People, accepted, agreed to what People asks
}  # fmt: skip


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """Members in each community and standing, a facilitator of Staff and an admin; made once."""
    app = make_app(tmp_path_factory.mktemp("boundaries") / "b.db")
    with app.test_request_context(), db.connection_context():
        communities = {c.slug: c for c in Community.select()}

        def member(name, slug, role="member", welcomed=True, agreed=True):
            made = Member.create(
                display_name=name, name_key=name, community=communities[slug],
                password_hash="x", role=role, welcomed_on=TODAY if welcomed else None,
            )  # fmt: skip
            if agreed:
                for agreement in required_agreements(made):
                    record_consent(made, agreement, [p.key for p in agreement.principles])
            return made

        people = {
            "alice": member("alice", "people"),
            "bob": member("bob", "advocates"),
            "carol": member("carol", "staff"),
            "fran": member("fran", "people", role="facilitator"),
            "ada": member("ada", "advocates", role="admin"),
            "newt": member("newt", "people", welcomed=False),
            "otto": member("otto", "people", agreed=False),
            "wanda": member("wanda", "people"),
            "moe": member("moe", "advocates"),
            "hal": member("hal", "staff"),
        }
        Facilitation.create(member=people["fran"], community=communities["staff"])
        from webapp.agreements.service import withdraw_consent

        withdraw_consent(people["wanda"])
        CommunityChange.request(people["moe"], communities["people"], "closer to home")
        CommunityChange.request(people["hal"], communities["people"]).accept()
        hal = Member.get_by_id(people["hal"].id)  # People asks for one more agreement: agreed
        for agreement in required_agreements(hal):
            record_consent(hal, agreement, [p.key for p in agreement.principles])
        people = {name: Member.get_by_id(m.id) for name, m in people.items()}
    return app, communities, people


def viewers(communities, people) -> dict[str, Viewer]:
    return {
        "visitor": NOBODY,
        "code holder": Viewer(code_hashes=frozenset({hash_story_code("CODE")})),
        "someone else's code": Viewer(code_hashes=frozenset({hash_story_code("OTHER")})),
        **{name: viewer_for(member) for name, member in people.items()},
    }


def allowed(story: dict, who: str, people, communities) -> bool:
    """The boundaries, as the issue states them."""
    ends = story["ends"]
    if ends is not None and ends <= 0:
        return False  # an expired story disappears for everyone
    if story["author"] == who or (story["author"] == "code" and who == "code holder"):
        return True  # authors always see their own
    if who in people:
        m = people[who]
        if m.role == "admin" or (
            m.role == "facilitator" and story["community"] == "staff"  # fran facilitates Staff
        ):
            return True
    if story["status"] != APPROVED:
        return False
    if story["audience"] == "public":
        return True
    if BELONGS.get(who) is None:
        return False  # visitors, and members not welcomed or not agreed: public only
    if story["audience"] == "members":
        return True
    if story["audience"] == "community":
        return BELONGS[who] == story["community"]
    return False  # facilitators only


def reply_allowed(story: dict, status: str, writer, who: str, people, communities) -> bool:
    if not allowed(story, who, people, communities):
        return False
    moderates = who in people and (
        people[who].role == "admin"
        or (people[who].role == "facilitator" and story["community"] == "staff")
    )
    if not story["replies_allowed"] and not moderates:
        return False  # turning replies off hides them
    return status == APPROVED or writer == who or moderates


def check(world, stories: list[dict]) -> int:
    """Create the stories, read them as every viewer, compare. Returns checks made."""
    app, communities, people = world
    checks = 0
    with app.test_request_context(), db.connection_context(), db.atomic() as txn:
        made = []
        for n, s in enumerate(stories):
            author = people.get(s["author"])
            row = Story.create(
                body=f"story {n}", community=communities[s["community"]], audience=s["audience"],
                status=s["status"], replies_allowed=s["replies_allowed"], author=author,
                code_hash=hash_story_code("CODE") if s["author"] == "code" and n == 0 else None,
                expires_on=TODAY + dt.timedelta(days=s["ends"]) if s["ends"] is not None else None,
                shared_on=TODAY - dt.timedelta(days=1),
            )  # fmt: skip
            if s["author"] == "code" and n != 0:
                s = {**s, "author": "nobody"}  # codes are unique: only the first holds one
                stories[n] = s
            replies = [
                Reply.create(story=row, body=f"reply {n}.{k}", status=status,
                             author=people.get(writer) if writer else None)
                for k, (status, writer) in enumerate(s["replies"])
            ]  # fmt: skip
            made.append((s, row, replies))
        for who, viewer in viewers(communities, people).items():
            seen = {r.id for r in Story.visible_to(viewer, TODAY)}
            listed, cursor = set(), None
            while True:
                page, cursor = Story.page_for(viewer, before=cursor, size=3, today=TODAY)
                listed |= {r.id for r in page}
                if cursor is None:
                    break
            replies_seen = {r.id for r in Reply.visible_to(viewer, TODAY)}
            for s, row, replies in made:
                expected = allowed(s, who, people, communities)
                assert (row.id in seen) == expected, (who, s)
                assert (row.id in listed) == (expected and s["status"] == APPROVED), (who, s)
                for (status, writer), reply in zip(s["replies"], replies, strict=True):
                    want = reply_allowed(s, status, writer, who, people, communities)
                    assert (reply.id in replies_seen) == want, (who, s, status, writer)
                checks += 1
        txn.rollback()
    return checks


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(stories=st.lists(story_strategy, min_size=1, max_size=8))
def test_no_story_is_shown_where_its_boundaries_forbid_it(world, stories):
    assert check(world, stories) == len(stories) * (3 + len(BELONGS))
