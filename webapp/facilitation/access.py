"""Who may facilitate what. Every facilitation route goes through one of these.

Anyone else gets the plain 403 page ("You cannot see this page"): a visitor who is
not signed in, a member, a facilitator of another community, and a facilitator
who is suspended. The same answer for all, so the page gives nothing away.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import abort, g

from ..models import Community, Facilitation, Member
from ..stories.models import Viewer


def moderated_by(member: Member | None) -> frozenset[int]:
    """The communities this person may facilitate now (none while suspended)."""
    return frozenset() if member is None else Facilitation.communities_of(member)


def facilitator_viewer(member: Member) -> Viewer:
    """The viewer for moderation reads: the member's own access plus their communities."""
    return Viewer(
        member_id=member.id,
        community_id=member.community_id,
        moderates=moderated_by(member),
    )


def facilitates(view: Callable) -> Callable:
    """For routes under /facilitate/<community>/: turns the slug into the Community,
    or refuses with 403."""

    @wraps(view)
    def wrapped(community: str, *args, **kwargs):
        found = Community.by_slug(community)
        if found is None or found.id not in moderated_by(g.get("member")):
            abort(403)
        return view(found, *args, **kwargs)

    return wrapped


def facilitates_any(view: Callable) -> Callable:
    @wraps(view)
    def wrapped(*args, **kwargs):
        if not moderated_by(g.get("member")):
            abort(403)
        return view(*args, **kwargs)

    return wrapped


def admin_only(view: Callable) -> Callable:
    @wraps(view)
    def wrapped(*args, **kwargs):
        member = g.get("member")
        if member is None or not member.is_admin or not moderated_by(member):
            abort(403)
        return view(*args, **kwargs)

    return wrapped
