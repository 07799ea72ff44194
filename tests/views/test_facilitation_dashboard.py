"""The dashboard: pending, flagged, reported, median days to a decision and members,
with every number from 1 to 4 shown as "fewer than 5"."""

from __future__ import annotations

import datetime as dt

import pytest

from webapp.concerns.models import Report
from webapp.extensions import db
from webapp.facilitation.dashboard import median_days_to_decision
from webapp.models import Community
from webapp.stories.models import APPROVED, Story

from .facilitation_helpers import make_story, setup_people, sign_in


@pytest.fixture
def people(app):
    return setup_people(app)


def figures(pages):
    soup = pages.get("/facilitate/people/dashboard")
    rows = soup.select("table.counts")[0].select("tr")
    return {r.th.get_text(strip=True): r.td.get_text(strip=True) for r in rows}


def test_small_numbers_are_shown_as_fewer_than_5(pages, people):
    for n in range(6):
        make_story(f"Pending {n}.")
    make_story("This is crap.")
    reported = make_story("Reported.", status=APPROVED)
    with db.connection_context():
        Report.create(story=Story.get(Story.reference == reported), community=1, reason="other")
    sign_in(pages, "Fair Kestrel")
    shown = figures(pages)
    assert shown["Stories and replies waiting for a decision"] == "7"
    assert shown["Flagged for words or identifying details"] == "fewer than 5"
    assert shown["With a concern raised"] == "fewer than 5"
    assert shown["Median time to a decision (last 90 days)"] == "not enough decisions yet"
    # People has the demo member, the facilitator, the plain member and the author: 4.
    assert shown["Members"] == "fewer than 5"


def test_none_is_said_plainly_and_the_median_needs_5_decisions(pages, people):
    today = dt.date.today()
    for days in (1, 2, 3, 8, 10):
        make_story("Decided.", status=APPROVED, shared_on=today - dt.timedelta(days=days + 1),
                   decided_on=today - dt.timedelta(days=1))  # fmt: skip
    sign_in(pages, "Fair Kestrel")
    shown = figures(pages)
    assert shown["Stories and replies waiting for a decision"] == "none"
    assert shown["Median time to a decision (last 90 days)"] == "3 days"


def test_the_median_ignores_old_decisions_and_other_communities(app):
    today = dt.date(2026, 11, 23)
    with db.connection_context():
        people = Community.by_slug("people")
        staff = Community.by_slug("staff")
        for wait in (1, 2, 2, 3):
            Story.create(body="x", community=people, shared_on=today - dt.timedelta(days=wait),
                         decided_on=today)  # fmt: skip
        Story.create(body="x", community=staff, shared_on=today - dt.timedelta(days=9),
                     decided_on=today)  # fmt: skip
        Story.create(body="x", community=people, shared_on=dt.date(2026, 1, 1),
                     decided_on=dt.date(2026, 1, 9))  # fmt: skip
        assert median_days_to_decision(people, today) is None
        Story.create(body="x", community=people, shared_on=today - dt.timedelta(days=5),
                     decided_on=today)  # fmt: skip
        assert median_days_to_decision(people, today) == 2
        Story.create(body="x", community=people, shared_on=today - dt.timedelta(days=4),
                     decided_on=today)  # fmt: skip
        assert median_days_to_decision(people, today) == 2.5
