"""Who is looking at stories in this request: built once, used by every read."""

from __future__ import annotations

from flask import g, session

from ..models import Facilitation
from .models import Viewer

# Hashes of private story codes entered on this device (never the codes themselves).
CODES_KEY = "story_codes"


def current_viewer() -> Viewer:
    if "viewer" in g:
        return g.viewer
    member = g.get("member")
    codes = frozenset(session.get(CODES_KEY, []))
    if member is None:
        viewer = Viewer(code_hashes=codes)
    else:
        viewer = Viewer(
            member_id=member.id,
            community_id=member.community_id,
            moderates=Facilitation.communities_of(member),
            code_hashes=codes,
        )
    g.viewer = viewer
    return viewer


def remember_code(code_hash: str) -> None:
    codes = set(session.get(CODES_KEY, []))
    codes.add(code_hash)
    session[CODES_KEY] = sorted(codes)
    g.pop("viewer", None)


def forget_codes() -> None:
    session.pop(CODES_KEY, None)
    g.pop("viewer", None)
