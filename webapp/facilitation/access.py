"""Who may facilitate what. Every facilitation route goes through one of these.

A visitor who is not signed in is sent to sign in first, and comes back here after
(the same as every other members' page). A signed-in member without the role gets
the plain 403 page ("You cannot see this page"): a member, a facilitator of another
community, and a facilitator who is suspended. The same answer for all of them, so
the page gives nothing away.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import abort, current_app, g, redirect, request, url_for

from ..member_records import Facilitation
from ..models import Community, Member
from ..stories.models import Viewer
from ..stories.viewer import viewer_for


def moderated_by(member: Member | None) -> frozenset[int]:
    """The communities this person may facilitate now (none while suspended)."""
    return frozenset() if member is None else Facilitation.communities_of(member)


def facilitator_viewer(member: Member) -> Viewer:
    """The viewer for moderation reads: the member's own access plus their communities."""
    return viewer_for(member)


def sign_in_first():
    """For a visitor who is not signed in: a way forward, not a dead end.

    After signing in they come back to this page; a form sent while signed out (the
    session ran out) comes back to the page the form is on, or to facilitation."""
    if g.get("member") is not None:
        return None
    rule = request.url_rule
    if request.method == "GET":
        back = request.full_path.rstrip("?")
    elif rule is not None and "GET" in rule.methods:
        back = request.path
    else:
        back = url_for("facilitation.index")
    target = url_for("accounts.sign_in_view", next=back)
    if request.headers.get("HX-Request"):  # htmx: load the sign-in page, not a fragment
        response = current_app.response_class(status=204)
        response.headers["HX-Redirect"] = target
        return response
    return redirect(target)


def facilitates(view: Callable) -> Callable:
    """For routes under /facilitate/<community>/: turns the slug into the Community,
    or refuses with 403."""

    @wraps(view)
    def wrapped(community: str, *args, **kwargs):
        if (signed_out := sign_in_first()) is not None:
            return signed_out
        found = Community.by_slug(community)
        if found is None or found.id not in moderated_by(g.get("member")):
            abort(403)
        return view(found, *args, **kwargs)

    return wrapped


def facilitates_any(view: Callable) -> Callable:
    @wraps(view)
    def wrapped(*args, **kwargs):
        if (signed_out := sign_in_first()) is not None:
            return signed_out
        if not moderated_by(g.get("member")):
            abort(403)
        return view(*args, **kwargs)

    return wrapped


def admin_only(view: Callable) -> Callable:
    @wraps(view)
    def wrapped(*args, **kwargs):
        if (signed_out := sign_in_first()) is not None:
            return signed_out
        member = g.get("member")
        if member is None or not member.is_admin or not moderated_by(member):
            abort(403)
        return view(*args, **kwargs)

    return wrapped
