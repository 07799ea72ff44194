"""Who is looking at stories in this request: built once, used by every read."""

from __future__ import annotations

import time

from flask import g, session

from ..agreements.service import has_agreed
from ..member_records import Facilitation
from ..models import Member
from .models import Viewer

# Hashes of private story codes entered on this device (never the codes themselves),
# with when they stop working: an hour after last use, so the next person to pick up a
# shared phone cannot open the story.
CODES_KEY = "story_codes"
CODES_UNTIL_KEY = "story_codes_until"
CODE_MINUTES = 60


def _remembered_codes() -> frozenset[str]:
    if session.get(CODES_UNTIL_KEY, 0) < time.time():
        session.pop(CODES_KEY, None)
        session.pop(CODES_UNTIL_KEY, None)
        return frozenset()
    session[CODES_UNTIL_KEY] = time.time() + CODE_MINUTES * 60
    return frozenset(session.get(CODES_KEY, []))


def viewer_for(member: Member | None, codes: frozenset[str] = frozenset()) -> Viewer:
    """The one way a Viewer is made: what this person's standing lets them read now."""
    if member is None:
        return Viewer(code_hashes=codes)
    return Viewer(
        member_id=member.id,
        community_id=member.community_id,
        belongs=member.is_welcomed and has_agreed(member),
        moderates=Facilitation.communities_of(member),
        code_hashes=codes,
    )


def community_viewer(community_id: int) -> Viewer:
    """What any member of a community may read: for things shown to the whole community,
    such as meeting notes that quote a story."""
    return Viewer(community_id=community_id, belongs=True)


def current_viewer() -> Viewer:
    if "viewer" not in g:
        codes = _remembered_codes() if CODES_KEY in session else frozenset()
        g.viewer = viewer_for(g.get("member"), codes)
    return g.viewer


def remember_code(code_hash: str) -> None:
    codes = set(session.get(CODES_KEY, []))
    codes.add(code_hash)
    session[CODES_KEY] = sorted(codes)
    session[CODES_UNTIL_KEY] = time.time() + CODE_MINUTES * 60
    session.permanent = False  # and gone when the browser closes
    g.pop("viewer", None)


def forget_codes() -> None:
    session.pop(CODES_KEY, None)
    session.pop(CODES_UNTIL_KEY, None)
    g.pop("viewer", None)
