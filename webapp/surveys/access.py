"""Who may see what, decided here and nowhere else.

- "How are we doing?" for a community: its welcomed members, and whoever may facilitate it
  now (admins facilitate every community). Everyone sees the same suppressed figures:
  there is no fuller view for anyone.
- Setting goals, choosing the activities a realistic goal depends on, and marking one
  met: whoever may facilitate the community. The goals an activity serves are shown on
  its page to those who may see "How are we doing?".
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import abort, g

from ..facilitation.access import moderated_by, sign_in_first
from ..models import Community, Member


def may_set_goals(member: Member | None, community: Community) -> bool:
    return community.id in moderated_by(member)


def may_see_results(member: Member | None, community: Community) -> bool:
    if member is None or member.is_removed:
        return False
    in_it = member.community_id == community.id and member.is_welcomed
    return in_it or may_set_goals(member, community)


def for_community(rule: Callable[[Member | None, Community], bool]) -> Callable:
    """For routes with <community>: the slug becomes the Community, or a plain 403."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(community: str, *args, **kwargs):
            if (signed_out := sign_in_first()) is not None:
                return signed_out
            found = Community.by_slug(community)
            if found is None or not rule(g.get("member"), found):
                abort(403)
            return view(found, *args, **kwargs)

        return wrapped

    return decorate
