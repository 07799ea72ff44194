"""What decisions add to pages below them (through core contributions): "Your views are
wanted" on the member's home page, reminders on the dashboard, the data download, and the
"a decision opens" email choice."""

from __future__ import annotations

from flask import url_for
from flask_babel import lazy_gettext as _l

from .. import contributions
from ..contributions import render_part
from ..models import Community, Member
from ..wording import say
from .access import viewer_for, why_no_view
from .announce import KIND
from .gradients import level
from .models import Decision, Participation, View, today


def views_wanted(member: Member):
    viewer = viewer_for(member)
    day = today()
    wanted = [
        d for d in Decision.open_unanswered(member, day) if why_no_view(d, viewer, day) is None
    ]
    if not wanted:
        return None
    return render_part("decisions/_views_wanted.html", decisions=wanted)


def reminders(member: Member, community: Community):
    day = today()
    waiting = list(Decision.waiting_for_outcome(community, day))
    reviews = list(Decision.reviews_due(community, day))
    if not (waiting or reviews):
        return None
    return render_part("decisions/_reminders.html", waiting=waiting, reviews=reviews)


def views_given(member: Member) -> list[dict]:
    """Each decision the member gave a view on, and their own view: the server finds it with
    its secret, exactly as it does to show it to them, so including it weakens nothing."""
    given = []
    for decision in Participation.decisions_of(member):
        own = View.of(decision, member)
        entry = {"decision": decision.title, "you gave a view": True,
                 "anonymous": decision.anonymous}  # fmt: skip
        if own:
            found = level(decision.method, own["level"])
            entry["your view"] = str(found.label.standard) if found else own["level"]
            entry["your reason"] = own.get("reason") or ""
            if own.get("question"):
                entry["your question"] = own["question"]
        given.append(entry)
    return given


def header_link(member: Member):
    """Every member may read their community's decisions (and is told why they cannot
    answer yet), so the link is for every member."""
    return url_for("decisions.index"), say(_l("Decisions"), _l("Questions"))


def register() -> None:
    contributions.home("decisions", views_wanted)
    contributions.header_link("decisions", header_link)
    contributions.dashboard("decisions", reminders)
    contributions.data("decisions", views_given)
    contributions.email_choice(
        KIND,
        _l("When a decision opens that I can give my view on"),
        _l("When there is a new question for me"),
    )
