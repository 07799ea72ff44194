"""The items in a community's moderation queue: pending stories and replies, and
anything with an open report. Oldest first. Never the author.

Every read goes through Story.visible_to / Reply.visible_to with the facilitator's
viewer, so the one visibility rule decides here too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from flask import url_for
from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from ..concerns.models import Report
from ..models import Community, Member
from ..stories.display import boundary_rows, link_text, opening_words
from ..stories.models import PENDING, REMOVED, Reply, Story
from ..wording import say
from .access import facilitator_viewer
from .flags import OFFENSIVE, Flag, find_flags, flag_kinds, highlighted

REPORTED = "reported"
FILTERS = {
    OFFENSIVE: say(_l("Offensive or discriminatory words"), _l("Words that could hurt")),
    "identifying": say(_l("Identifying details"), _l("Details that show who someone is")),
    REPORTED: say(_l("Reported"), _l("Someone is worried")),
}

STATUS_NAMES = {
    PENDING: say(_l("waiting for a decision"), _l("waiting")),
    "approved": say(_l("approved"), _l("people can read it")),
    "changes requested": say(_l("sent back for changes"), _l("sent back to the writer")),
    REMOVED: say(_l("removed"), _l("taken away")),
}


@dataclass
class Item:
    kind: str  # "story" or "reply"
    story: Story
    reply: Reply | None
    flags: list[Flag]
    reports: list[Report] = field(default_factory=list)

    @property
    def thing(self) -> Story | Reply:
        return self.reply if self.reply is not None else self.story

    @property
    def anchor(self) -> str:
        return f"reply-{self.reply.id}" if self.reply else f"story-{self.story.reference}"

    @property
    def label(self) -> str:
        """For the audit log: which item, never who wrote it."""
        if self.reply:
            return f"reply {self.reply.id} on story {self.story.reference}"
        return f"story {self.story.reference}"

    @property
    def since(self) -> dt.date:
        """Waiting since: when shared, or for an item already decided, the first report."""
        if self.thing.status == PENDING or not self.reports:
            return self.thing.shared_on
        return min(r.reported_on for r in self.reports)

    @property
    def kinds(self) -> list[str]:
        return flag_kinds(self.flags) + ([REPORTED] if self.reports else [])

    @property
    def html(self):
        return highlighted(self.thing.body, self.flags)

    @property
    def flagged_words(self) -> list[Flag]:
        seen, unique = set(), []
        for flag in self.flags:
            key = (flag.kind, flag.text.casefold())
            if key not in seen:
                seen.add(key)
                unique.append(flag)
        return unique

    @property
    def boundaries(self) -> list:
        """The author's choices in words (who may read it, quoting…): they bear on the
        decision. A reply has the story's audience, so only stories list them."""
        return [] if self.reply else boundary_rows(self.story, for_author=False)

    def url(self, action: str = "decide") -> str:
        community = self.story.community.slug
        if self.reply:
            return url_for(
                f"facilitation.{action}_reply", community=community, reply_id=self.reply.id
            )
        return url_for(
            f"facilitation.{action}_story", community=community, reference=self.story.reference
        )

    @property
    def opening(self) -> str:
        """The item's opening words, so no two items in the queue read the same.

        People's words: only ever inside the page (never a title), escaped, and in
        HTML inside an hx-disable container (see name_html)."""
        if self.reply:
            return opening_words(self.reply.body)
        return link_text(self.story)

    def _name_format(self) -> str:
        if self.reply:
            return str(say(_l("%(words)s – reply shared on %(day)s"),
                           _l("%(words)s – reply from %(day)s")))  # fmt: skip
        return str(say(_l("%(words)s – story shared on %(day)s"),
                       _l("%(words)s – story from %(day)s")))  # fmt: skip

    def heading(self) -> str:
        """Its name as plain text: its opening words and the day (for the live region)."""
        return self._name_format() % {"words": self.opening, "day": self.day}

    def name_html(self) -> Markup:
        """The same name for headings and hidden link text: the words in hx-disable."""
        words = Markup('<span class="item-words" hx-disable dir="auto">%s</span>') % self.opening
        return escape(self._name_format()) % {"words": words, "day": self.day}

    @property
    def day(self) -> str:
        return format_date(self.thing.shared_on, "d MMMM y")


def story_item(story: Story) -> Item:
    reports = list(Report.open_for(story))
    return Item("story", story, None, find_flags(story.body), reports)


def reply_item(reply: Reply) -> Item:
    reports = list(Report.open_for(reply.story, reply))
    return Item("reply", reply.story, reply, find_flags(reply.body), reports)


def find_story(member: Member, community: Community, reference: str) -> Story | None:
    viewer = facilitator_viewer(member)
    return (
        Story.visible_to(viewer)
        .where(Story.reference == reference, Story.community == community)
        .first()
    )


def find_reply(member: Member, community: Community, reply_id: int) -> Reply | None:
    viewer = facilitator_viewer(member)
    return (
        Reply.visible_to(viewer).where(Reply.id == reply_id, Story.community == community).first()
    )


def queue(member: Member, community: Community, show: str | None = None) -> list[Item]:
    viewer = facilitator_viewer(member)
    stories = {s.id: s for s in Story.pending_in(viewer, community)}
    replies = {r.id: r for r in Reply.pending_in(viewer, community)}
    reported = Report.open().where(Report.community == community)
    reported_story_ids = {r.story_id for r in reported if r.reply_id is None}
    reported_reply_ids = {r.reply_id for r in reported if r.reply_id is not None}
    missing = reported_story_ids - set(stories)
    if missing:
        for s in Story.visible_to(viewer).where(
            Story.id.in_(sorted(missing)), Story.community == community, Story.status != REMOVED
        ):
            stories[s.id] = s
    missing = reported_reply_ids - set(replies)
    if missing:
        for r in Reply.visible_to(viewer).where(
            Reply.id.in_(sorted(missing)), Story.community == community, Reply.status != REMOVED
        ):
            replies[r.id] = r
    items = [story_item(s) for s in stories.values()] + [reply_item(r) for r in replies.values()]
    if show in FILTERS:
        items = [item for item in items if show in item.kinds]
    return sorted(items, key=lambda i: (i.since, i.kind, i.thing.id))


def counts(member: Member, community: Community, items: list[Item] | None = None) -> dict[str, int]:
    """How many items the queue holds, in all and for each filter."""
    items = queue(member, community) if items is None else items
    found = {"all": len(items)}
    for key in FILTERS:
        found[key] = sum(1 for item in items if key in item.kinds)
    return found
