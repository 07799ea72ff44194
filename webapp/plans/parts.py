"""What the plan adds to pages below it: the member's home page (their tasks and the
lead's monthly nudge), the facilitator's dashboard (reminders), the data download, and,
on a decision's page, the activities that came from it ("you said, we did")."""

from __future__ import annotations

import datetime as dt

from flask import g, url_for
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from .. import contributions
from ..models import Community, Member
from ..wording import say
from .access import rights
from .models import Activity, Offer, Update
from .reminders import month_missed, plan_review_due, terms_review_due, update_due
from .scope import reminder, scope_areas


def today() -> dt.date:
    return dt.date.today()


def home(member: Member, day: dt.date | None = None) -> Markup | None:
    community = member.community
    allowed = rights(member, community)
    if not allowed.read:
        return None
    day = day or today()
    offers = [o for o in Offer.of_member(member) if o.status in (Offer.OFFERED, Offer.CONFIRMED)]
    answered = [o for o in Offer.of_member(member) if o.status == Offer.DECLINED and o.note]
    due = [a for a in Activity.led_by(member) if update_due(a, day)]
    return contributions.render_part(
        "plans/_home.html", community=community, offers=offers, answered=answered[-3:],
        due=due, allowed=allowed,
    )  # fmt: skip


def dashboard(member: Member, community: Community, day: dt.date | None = None) -> Markup | None:
    """Reminders when something is due, with the links to the plan beside them."""
    day = day or today()
    activities = list(Activity.in_plan(community))
    quiet = [a for a in activities if month_missed(a, day)]
    waiting = [a for a in activities if Offer.waiting_for_lead(a).exists()]
    terms = terms_review_due(community, day)
    plan = plan_review_due(community, day)
    if not (quiet or waiting or terms or plan):
        return None  # "Things to do" appears only when something is due
    return contributions.render_part(
        "plans/_dashboard.html", community=community, quiet=quiet, waiting=waiting,
        terms=terms, plan=plan,
    )  # fmt: skip


def data(member: Member) -> dict:
    """Their offers, their tasks and the updates they wrote: their own words only."""
    offers = list(Offer.of_member(member))
    return {
        "offers_of_help": [
            {"task": o.task.description, "activity": o.task.activity.title, "status": o.status,
             "offered_on": o.offered_on.isoformat(), "note_from_lead": o.note}
            for o in offers
        ],
        "tasks_doing": [o.task.description for o in offers if o.status == Offer.CONFIRMED],
        "activities_led": [a.title for a in Activity.led_by(member)],
        "monthly_updates_written": [
            {"activity": u.activity.title, "month": u.month.strftime("%Y-%m"), "did": u.did,
             "next": u.next, "in_the_way": u.in_the_way, "help_needed": u.help_needed,
             "easy_summary": u.easy_summary}
            for u in Update.written_by_member(member)
        ],
    }  # fmt: skip


def decision_activities(decision) -> Markup | None:
    """On a decision's page: the activities that came from it, each linking back; only
    those in a plan the reader may read (a decision can be asked of every community)."""
    found = [
        a for a in Activity.from_decision(decision.id) if rights(g.get("member"), a.community).read
    ]
    if not found:
        return None
    return contributions.render_part("plans/_decision_activities.html", activities=found)


def header_link(member: Member):
    """The group's plan, in the header, for whoever may read it (as on the home page)."""
    if not rights(member, member.community).read:
        return None
    return url_for("plans.plan", community=member.community.slug), say(_l("Plan"), _l("Our plan"))


def register() -> None:
    contributions.home("plans", home)
    contributions.header_link("plans", header_link)
    contributions.dashboard("plans", dashboard)
    contributions.data("plans", data)
    contributions.about("decision", "activities", decision_activities)
    contributions.scope(reminder, scope_areas)
