"""Who may see and do what with a meeting: decided here, and only here.

- A meeting's page, agenda, papers and notes: members of its communities (welcomed, agreed
  to the current agreements) and the facilitators who run it.
- The online link: signed-in members of its communities (and its facilitators) only.
- Suggesting an item for the agenda: members of its communities who do not run it; who
  suggested is seen only by its facilitators and by that member.
- Planning, the agenda, attendance, access needs, corrections and notes-writing: the
  facilitators of the meeting's communities (none while suspended).
- Attendance is never shown to members, except each member's own standing to them.

A visitor is asked to sign in first; anyone else is given the plain 403 page, the same
for everyone, so it gives nothing away.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import abort, g

from ..agreements.service import has_agreed
from ..facilitation.access import moderated_by, sign_in_first
from ..models import Member
from .models import Meeting


def runs(member: Member | None, meeting: Meeting) -> bool:
    """A facilitator of any of the meeting's communities, able to facilitate now."""
    return bool(moderated_by(member) & meeting.community_ids)


def belongs(member: Member | None, meeting: Meeting) -> bool:
    """A member of one of the meeting's communities, welcomed, and agreed to take part."""
    return (
        member is not None
        and not member.is_removed
        and member.is_welcomed
        and member.community_id in meeting.community_ids
        and has_agreed(member)
    )


def may_see(member: Member | None, meeting: Meeting) -> bool:
    return belongs(member, meeting) or runs(member, meeting)


def may_see_link(member: Member | None, meeting: Meeting) -> bool:
    return may_see(member, meeting)


def may_reply(member: Member | None, meeting: Meeting) -> bool:
    return belongs(member, meeting)


def may_suggest(member: Member | None, meeting: Meeting) -> bool:
    """Suggesting for the agenda: its members; its facilitators write the agenda itself."""
    return belongs(member, meeting) and not runs(member, meeting)


def _meeting_or_refuse(meeting_id: int, allowed: Callable[[Member | None, Meeting], bool]):
    meeting = Meeting.get_or_none(Meeting.id == meeting_id)
    if meeting is None or not allowed(g.get("member"), meeting):
        abort(403)  # the same answer whether or not the meeting exists
    return meeting


def _guard(allowed: Callable[[Member | None, Meeting], bool]) -> Callable:
    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(meeting_id: int, *args, **kwargs):
            if (signed_out := sign_in_first()) is not None:
                return signed_out
            return view(_meeting_or_refuse(meeting_id, allowed), *args, **kwargs)

        return wrapped

    return decorator


# For routes under /meetings/<meeting_id>/: the Meeting, or the sign-in page, or 403.
for_members = _guard(may_see)
for_repliers = _guard(may_reply)
for_suggesters = _guard(may_suggest)
for_facilitators = _guard(runs)


def signed_in(view: Callable) -> Callable:
    @wraps(view)
    def wrapped(*args, **kwargs):
        if (signed_out := sign_in_first()) is not None:
            return signed_out
        return view(*args, **kwargs)

    return wrapped
