"""Who may see a decision, give a view on it, and manage it: decided here and nowhere else.

- **Seeing** a decision: a signed-in member of a community it asks (whatever their
  standing: someone not yet welcomed, not yet agreed or suspended reads it and is told
  why they cannot answer), a facilitator of one of its communities, and admins.
- **Giving a view**: a member of a community it asks, welcomed, agreed to the current
  agreements, not suspended or removed, while it is open.
- **Managing** (opening, recording the outcome): the facilitators of every community it
  asks (admins facilitate all of them).

Views themselves are never shown to anyone but the member who gave them (results.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flask import Blueprint, g

from ..agreements.service import has_agreed
from ..facilitation.access import moderated_by
from ..models import Member
from .models import Decision

# Why a member cannot give a view, for the plain words they are shown.
NOT_OPEN_YET, CLOSED, NOT_ASKED = "not open yet", "closed", "not asked"
NOT_WELCOMED, NOT_AGREED, SUSPENDED = "not welcomed", "not agreed", "suspended"


@dataclass(frozen=True)
class DecisionViewer:
    member: Member | None
    community_id: int | None = None
    welcomed: bool = False
    agreed: bool = False
    suspended: bool = False
    moderates: frozenset[int] = frozenset()
    is_admin: bool = False


def viewer_for(member: Member | None) -> DecisionViewer:
    """The one way a DecisionViewer is made."""
    if member is None or member.is_removed:
        return DecisionViewer(None)
    return DecisionViewer(
        member=member,
        community_id=member.community_id,
        welcomed=member.is_welcomed,
        agreed=has_agreed(member),
        suspended=member.is_suspended(),
        moderates=moderated_by(member),
        is_admin=member.is_admin and bool(moderated_by(member)),
    )


def is_asked(decision: Decision, viewer: DecisionViewer) -> bool:
    return viewer.community_id is not None and viewer.community_id in decision.community_ids()


def may_see(decision: Decision, viewer: DecisionViewer) -> bool:
    if viewer.member is None:
        return False
    return is_asked(decision, viewer) or bool(viewer.moderates & decision.community_ids())


def may_manage(decision: Decision, viewer: DecisionViewer) -> bool:
    ids = decision.community_ids()
    return viewer.member is not None and bool(ids) and ids <= viewer.moderates


def why_no_view(
    decision: Decision, viewer: DecisionViewer, day: dt.date | None = None
) -> str | None:
    """None when this viewer may give (or change) a view now; else why not."""
    if not is_asked(decision, viewer):
        return NOT_ASKED
    if not decision.has_opened(day):
        return NOT_OPEN_YET
    if decision.is_closed(day):
        return CLOSED
    if not viewer.welcomed:
        return NOT_WELCOMED
    if not viewer.agreed:
        return NOT_AGREED
    if viewer.suspended:
        return SUSPENDED
    return None


def may_open_in(viewer: DecisionViewer) -> frozenset[int]:
    """The communities this viewer may open a decision for."""
    return viewer.moderates


def shows_results(decision: Decision, viewer: DecisionViewer, day: dt.date | None = None) -> bool:
    """Results (counts, reasons) are for everyone who may see the decision: after it closes,
    or while open when it is set to show them as views arrive."""
    if not may_see(decision, viewer) or not decision.has_opened(day):
        return False
    return decision.is_closed(day) or decision.results_live


def sees_questions(decision: Decision, viewer: DecisionViewer) -> bool:
    """Questions asked with "more discussion needed" go to those who run the decision."""
    return may_manage(decision, viewer)


def decision_from_address(bp: Blueprint) -> None:
    """For a blueprint under /decisions/<decision_id>/: the decision is found once, on
    g.decision (None when there is none), and the blueprint's own links fill in its id."""

    @bp.url_value_preprocessor
    def find_decision(endpoint, values) -> None:
        g.decision = Decision.get_or_none(Decision.id == values.pop("decision_id"))

    @bp.url_defaults
    def add_decision(endpoint, values) -> None:
        if "decision_id" not in values and g.get("decision") is not None:
            values["decision_id"] = g.decision.id
