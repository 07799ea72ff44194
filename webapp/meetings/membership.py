"""Membership by attendance: the groups' rule, and each member's own standing.

"Membership is open to all, but a member is someone who has been to more than one
meeting": a regular member of a community has attended more than REGULAR_MEMBER_AFTER
regular meetings of it. Formal votes (decisions) ask contributions.is_regular, which
this rule answers. Nobody sees anyone else's standing, and there is no ranking.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flask import current_app

from ..models import Community, Member
from .models import Attendance, Meeting
from .when import uk_now


def regular_meetings_attended(member: Member, community: Community) -> int:
    held = Meeting.of_community(community).where(Meeting.regular == True)  # noqa: E712 (SQL)
    return len(Attendance.present_at(member, [m.id for m in held]))


def is_regular(member: Member, community: Community) -> bool:
    """The one rule for a regular member (registered with contributions.regular_rule)."""
    return regular_meetings_attended(member, community) > current_app.config["REGULAR_MEMBER_AFTER"]


@dataclass(frozen=True)
class Standing:
    came: int  # of the last `of` regular meetings held since they joined
    of: int
    regular: bool
    to_go: int  # meetings still to come to before they are a regular member


def standing(member: Member, now: dt.datetime | None = None) -> Standing:
    now = now or uk_now()
    over = current_app.config["MEETING_STANDING_OVER"]
    recent = list(Meeting.regular_held(member.community, now, since=member.joined_on).limit(over))
    came = len(Attendance.present_at(member, [m.id for m in recent]))
    attended = regular_meetings_attended(member, member.community)
    needed = current_app.config["REGULAR_MEMBER_AFTER"] + 1
    return Standing(came, len(recent), attended >= needed, max(0, needed - attended))


def not_seen_for_a_while(community: Community, now: dt.datetime | None = None) -> list[Member]:
    """Members who missed the last few regular meetings held since they joined, by name
    (never by how many they missed), so a facilitator can check in with them kindly."""
    now = now or uk_now()
    away_after = current_app.config["MEETING_AWAY_AFTER"]
    recent = list(Meeting.regular_held(community, now).limit(away_after * 3))
    recorded = [m for m in recent if m.attendance.exists()]
    found = []
    for member in Member.welcomed_in(community).order_by(Member.display_name):
        theirs = [m for m in recorded if m.starts_at.date() >= member.joined_on][:away_after]
        if len(theirs) == away_after and not Attendance.present_at(member, [m.id for m in theirs]):
            found.append(member)
    return found
