"""Stories in meeting notes: offered through a picker, stored as references, and read
through the stories' one rule every time the notes are shown.

A story can be quoted word for word only when its author allowed quoting and every
community of the meeting may read it; a story whose author allowed a summary can be
referred to. When the author withdraws the story, narrows who may read it, or narrows
its quoting, the next read finds nothing, and the notes say the quote was removed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import reduce
from operator import and_

from ..stories.models import APPROVED, Story
from ..stories.viewer import community_viewer
from .after_models import NoteQuote
from .models import Meeting

ALLOWED = {NoteQuote.QUOTE: ("quote",), NoteQuote.REFER: ("quote", "summarise")}


def readable_by_meeting(meeting: Meeting, today: dt.date | None = None):
    """Stories every community of the meeting may read, as the stories' rule says now."""
    rules = [Story.may_be_seen_by(community_viewer(c), today) for c in meeting.community_ids]
    return Story.select().where(reduce(and_, rules), Story.status == APPROVED)


def offered(meeting: Meeting, kind: str, today: dt.date | None = None):
    """What the picker offers: quotable stories, or (to refer to) summary-only ones."""
    quoting = ("quote",) if kind == NoteQuote.QUOTE else ("summarise",)
    return (
        readable_by_meeting(meeting, today)
        .where(Story.quoting.in_(quoting))
        .order_by(Story.id.desc())
        .limit(50)
    )


@dataclass(frozen=True)
class ShownQuote:
    kind: str
    story: Story | None  # None: removed by the person who shared it

    @property
    def removed(self) -> bool:
        return self.story is None


def shown(meeting: Meeting, today: dt.date | None = None) -> list[ShownQuote]:
    """The notes' stories as they may be shown now: each read again through the rule."""
    refs = list(meeting.quotes.order_by(NoteQuote.position))
    if not refs:
        return []
    found = {
        story.reference: story
        for story in readable_by_meeting(meeting, today).where(
            Story.reference.in_([ref.story_reference for ref in refs])
        )
    }
    result = []
    for ref in refs:
        story = found.get(ref.story_reference)
        if story is not None and story.quoting not in ALLOWED.get(ref.kind, ()):
            story = None
        result.append(ShownQuote(ref.kind, story))
    return result
