"""Property test: no story or reply is ever shown where its author's boundaries forbid it.

Random stories (audience, status, community, end date, author or code) and replies
meet every kind of viewer: a visitor, a member of each community, the author, a
code holder, a facilitator and an admin. Every read path is checked against the
boundaries as the issue states them, written out here independently of the app.

The default run tries BOUNDARY_EXAMPLES cases (200); `bench/boundaries.py` runs 10,000.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import make_app
from webapp.extensions import db
from webapp.models import Community, Facilitation, Member
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


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """Members in each community, a facilitator of Staff and an admin; made once."""
    app = make_app(tmp_path_factory.mktemp("boundaries") / "b.db")
    with app.app_context(), db.connection_context():
        communities = {c.slug: c for c in Community.select()}

        def member(name, slug, role="member"):
            return Member.create(
                display_name=name, name_key=name, community=communities[slug],
                password_hash="x", role=role,
            )  # fmt: skip

        people = {
            "alice": member("alice", "people"),
            "bob": member("bob", "advocates"),
            "carol": member("carol", "staff"),
            "fran": member("fran", "people", role="facilitator"),
            "ada": member("ada", "advocates", role="admin"),
        }
        Facilitation.create(member=people["fran"], community=communities["staff"])
        yield app, communities, people


def viewers(communities, people) -> dict[str, Viewer]:
    def as_member(name, codes=frozenset()):
        m = people[name]
        return Viewer(
            member_id=m.id, community_id=m.community_id,
            moderates=Facilitation.communities_of(m), code_hashes=codes,
        )  # fmt: skip

    return {
        "visitor": NOBODY,
        "code holder": Viewer(code_hashes=frozenset({hash_story_code("CODE")})),
        "someone else's code": Viewer(code_hashes=frozenset({hash_story_code("OTHER")})),
        **{name: as_member(name) for name in people},
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
    if who not in people:
        return False
    if story["audience"] == "members":
        return True
    if story["audience"] == "community":
        return people[who].community_id == communities[story["community"]].id
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
    with app.app_context(), db.connection_context(), db.atomic() as txn:
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
    assert check(world, stories) == len(stories) * 8
