"""A small dashboard for each community. Every number under 5 is shown as
"fewer than 5", so no small group can be picked out."""

from __future__ import annotations

import datetime as dt
import statistics

from flask import g
from flask_babel import lazy_gettext as _l

from .. import contributions
from ..aggregates import smallest
from ..models import Community, Member
from ..rendering import render_page
from ..stories.forms import FEELINGS
from ..stories.models import Reply, Story, WellbeingCount
from ..wording import say
from . import bp
from .access import facilitates, facilitator_viewer
from .items import counts

MEDIAN_OVER_DAYS = 90


def median_days_to_decision(community: Community, today: dt.date | None = None) -> float | None:
    """Median days from sharing to a decision, over the last 90 days' decisions.
    None when fewer decisions than the threshold, so one person's item cannot be picked out."""
    since = (today or dt.date.today()) - dt.timedelta(days=MEDIAN_OVER_DAYS)
    waits = Story.days_to_decide(community, since) + Reply.days_to_decide(community, since)
    if len(waits) < smallest():
        return None
    middle = round(statistics.median(waits), 1)
    return int(middle) if middle == int(middle) else middle


def figures(member: Member, community: Community) -> dict:
    """Raw numbers; the template applies the "fewer than 5" rule."""
    waiting = counts(member, community)
    viewer = facilitator_viewer(member)  # the queue's own rule: what it shows, this counts
    pending = (
        Story.pending_in(viewer, community).count() + Reply.pending_in(viewer, community).count()
    )
    flagged = waiting["offensive"] + waiting["identifying"]
    return {
        "pending": pending,
        "flagged": flagged,
        "reported": waiting["reported"],
        "median": median_days_to_decision(community),
        "members": Member.welcomed_in(community).count(),
    }


@bp.route("/<community>/dashboard")
@facilitates
def dashboard(community: Community):
    return render_page(
        "facilitation/_dashboard.html",
        say(_l("Dashboard for %(name)s", name=community.name), _l("Numbers for %(name)s", name=community.name)),
        community=community,
        figures=figures(g.member, community),
        wellbeing=WellbeingCount.totals(),
        reminders=contributions.dashboard_parts(g.member, community),
        wellbeing_names=FEELINGS,
    )  # fmt: skip
