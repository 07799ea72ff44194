"""The names check on meeting notes, run before they are circulated. It never blocks.

It points out any member's or facilitator's display name (folded, and matched by
look-alike keys, so case and look-alike letters do not hide a name) and anything the
stories' identifying-details check finds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..display_names import fold, skeleton
from ..models import Member
from ..stories.details import identifying_details
from .models import Meeting


def _key(text: str) -> str:
    return skeleton(fold(text))


@dataclass(frozen=True)
class Finding:
    section: str  # which part of the notes
    kind: str  # "member", "facilitator" or "detail"
    text: str  # the name, or the detail as written
    before: str = ""
    after: str = ""
    why: object = ""


def people_named(text: str, people: list[Member]) -> list[Member]:
    """People whose display name is in the text, whatever the case or look-alike letters."""
    key = _key(text)
    found = []
    for person in people:
        name = _key(person.display_name)
        if name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", key):
            found.append(person)
    return found


def people_to_check(meeting: Meeting) -> tuple[list[Member], list[Member]]:
    """The members of the meeting's communities, and every facilitator."""
    members = list(
        Member.select().where(
            Member.community.in_(sorted(meeting.community_ids)), Member.removed_on.is_null()
        )
    )
    return members, list(Member.facilitators())


def findings(meeting: Meeting, sections: dict[str, str]) -> list[Finding]:
    members, facilitators = people_to_check(meeting)
    facilitator_ids = {f.id for f in facilitators}
    found: list[Finding] = []
    for section, text in sections.items():
        if not text:
            continue
        named = people_named(
            text, facilitators + [m for m in members if m.id not in facilitator_ids]
        )
        for person in named:
            kind = "facilitator" if person.id in facilitator_ids else "member"
            found.append(Finding(section, kind, person.display_name))
        names = [_key(p.display_name) for p in named]
        for detail in identifying_details(text):
            if any(_key(detail["match"]) in name for name in names):
                continue  # part of a name already pointed out
            found.append(Finding(section, "detail", detail["match"], detail["before"],
                                 detail["after"], detail["why"]))  # fmt: skip
    return found
