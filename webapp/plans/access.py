"""Who may do what with a community's plan, decided here and nowhere else.

- Members of the community (welcomed into it) read the terms of reference and the
  plan, and volunteer for tasks.
- The lead of an activity updates it: its status, its tasks, its monthly update, and
  who is doing what.
- Facilitators of the community edit everything in it.
- A member who may read but not post (not yet agreed, paused, suspended) reads, and
  is told why they cannot volunteer or update.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from flask import abort, g
from flask_babel import format_date
from flask_babel import lazy_gettext as _l

from ..agreements.service import PAUSED, can_post, pending_agreements
from ..facilitation.access import moderated_by, sign_in_first
from ..models import Community, Member
from ..wording import Wording, say
from .models import Activity, Offer, Task


@dataclass(frozen=True)
class Rights:
    read: bool
    volunteer: bool
    edit: bool  # a facilitator of this community
    why_not: Wording | None  # why a reader cannot volunteer, in words they can act on


def why_cannot_post(member: Member) -> Wording | None:
    if member.status == PAUSED:
        return say(
            _l("You paused your agreement, so you can read the plan but not volunteer. Agree again to take part."),
            _l("You took back your agreement. You can read. Agree again to help."),
        )  # fmt: skip
    if pending_agreements(member):
        return say(
            _l("You can read the plan. To volunteer, first agree to %(title)s.", title=pending_agreements(member)[0].title),
            _l("You can read the plan. To help, agree to our agreement first."),
        )  # fmt: skip
    if member.is_suspended():
        day = format_date(member.suspended_until, "d MMMM y")
        return say(
            _l("A facilitator suspended your account until %(day)s. Until then you can read the plan, not volunteer.", day=day),
            _l("You cannot help until %(day)s. You can still read.", day=day),
        )  # fmt: skip
    return None


def rights(member: Member | None, community: Community) -> Rights:
    if member is None:
        return Rights(False, False, False, None)
    edit = community.id in moderated_by(member)
    own = member.community_id == community.id and member.is_welcomed
    read = own or edit
    why_not = None
    if read and not own:
        why_not = say(
            _l("Only members of %(name)s volunteer for its tasks.", name=community.name),
            _l("Only members of %(name)s can help with these jobs.", name=community.name),
        )
    elif read:
        why_not = why_cannot_post(member)
    return Rights(read, read and why_not is None, edit, why_not)


def leads(member: Member | None, activity: Activity) -> bool:
    """May update this activity: its lead (while they may post) or a facilitator."""
    if member is None:
        return False
    if activity.community_id in moderated_by(member):
        return True
    return activity.lead_id == member.id and can_post(member)


def community_page(view: Callable) -> Callable:
    """/plan/<community>/...: sign in first; then the community's members and facilitators."""

    @wraps(view)
    def wrapped(community: str, *args, **kwargs):
        if (signed_out := sign_in_first()) is not None:
            return signed_out
        found = Community.by_slug(community)
        if found is None:
            abort(404)
        allowed = rights(g.member, found)
        if not allowed.read:
            abort(403)
        return view(found, allowed, *args, **kwargs)

    return wrapped


def facilitators_only(view: Callable) -> Callable:
    @wraps(view)
    def wrapped(community: Community, allowed: Rights, *args, **kwargs):
        if not allowed.edit:
            abort(403)
        return view(community, allowed, *args, **kwargs)

    return wrapped


def activity_page(view: Callable) -> Callable:
    """/plan/activities/<id>/...: whoever may read its community's plan."""

    @wraps(view)
    def wrapped(activity_id: int, *args, **kwargs):
        if (signed_out := sign_in_first()) is not None:
            return signed_out
        activity = Activity.get_or_none(Activity.id == activity_id)
        if activity is None:
            abort(404)
        allowed = rights(g.member, activity.community)
        if not allowed.read:
            abort(403)
        return view(activity, allowed, *args, **kwargs)

    return wrapped


def lead_only(view: Callable) -> Callable:
    @wraps(view)
    def wrapped(activity: Activity, allowed: Rights, *args, **kwargs):
        if not leads(g.member, activity):
            abort(403)
        return view(activity, allowed, *args, **kwargs)

    return wrapped


def task_page(view: Callable) -> Callable:
    @wraps(view)
    def wrapped(task_id: int, *args, **kwargs):
        task = Task.get_or_none(Task.id == task_id)
        if task is None:
            abort(404)
        return activity_page(lambda activity, allowed: view(task, activity, allowed))(
            task.activity_id, *args, **kwargs
        )

    return wrapped


def offer_page(view: Callable) -> Callable:
    """An offer, for the lead of its activity (or a facilitator) to answer."""

    @wraps(view)
    def wrapped(offer_id: int, *args, **kwargs):
        offer = Offer.get_or_none(Offer.id == offer_id)
        if offer is None:
            abort(404)

        def answer(activity: Activity, allowed: Rights):
            if not leads(g.member, activity):
                abort(403)
            return view(offer, activity, allowed)

        return activity_page(answer)(offer.task.activity_id, *args, **kwargs)

    return wrapped
