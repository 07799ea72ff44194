"""Stories and replies, and the one rule for who may see them.

`Story.visible_to(viewer)` and `Reply.visible_to(viewer)` are the only ways any
page, list, feed or export reads stories. Both rest on `Story.may_be_seen_by`,
so a boundary is decided in exactly one place, on every read, from what is in the
database now: a narrower boundary or an end date takes effect at once.

Nothing here stores an IP address, a user agent or a time finer than the day.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import string
from dataclasses import dataclass, field

from peewee import (
    BooleanField,
    CharField,
    DateField,
    Expression,
    ForeignKeyField,
    IntegerField,
    TextField,
    Value,
)

from ..aggregates import shown_count
from ..models import BaseModel, Community, Member
from ..prepared import prepared_select

PENDING = "pending"
APPROVED = "approved"
CHANGES_REQUESTED = "changes requested"
REMOVED = "removed"
STATUSES = (PENDING, APPROVED, CHANGES_REQUESTED, REMOVED)

# Who may read a story, narrowest first.
FACILITATORS = "facilitators"
COMMUNITY = "community"
MEMBERS = "members"
PUBLIC = "public"
AUDIENCES = (FACILITATORS, COMMUNITY, MEMBERS, PUBLIC)
# Shared without joining: nobody is a member to count as "members", whoever holds the code.
VISITOR_AUDIENCES = (FACILITATORS, PUBLIC)

QUOTING = ("none", "summarise", "quote")
KEEP_FOR = {"3m": 91, "6m": 183, "1y": 365, "always": None}  # days


# Letters and digits that cannot be mistaken for each other: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V.
CODE_ALPHABET = "ACDEFGHJKMNPQRTWXY345679"


def hash_story_code(code: str) -> str:
    """Codes are long and random, so a plain hash is enough. Spaces, case and any kind of
    dash (word processors turn - into –) are forgiven."""
    folded = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(folded.encode()).hexdigest()


def new_story_code() -> str:
    """Six groups of four (about 110 bits), easy to read aloud and to copy by hand."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(24))
    return "-".join(raw[i : i + 4] for i in range(0, 24, 4))


REFERENCE_ALPHABET = string.ascii_letters + string.digits


def new_reference() -> str:
    """Letters and digits only (about 71 bits): safe to type on a command line, where a
    reference starting with "-" would be read as an option."""
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(12))


def ends_on(shared_on: dt.date, keep_for: str) -> dt.date | None:
    days = KEEP_FOR[keep_for]
    return shared_on + dt.timedelta(days=days) if days else None


@dataclass(frozen=True)
class Viewer:
    """Whoever is looking: nobody, a member, a facilitator, or a story code holder.

    Built by stories.viewer.viewer_for(member), never by hand in a view."""

    member_id: int | None = None
    community_id: int | None = None
    # Welcomed into community_id by a facilitator (or it is open), and agreed to the current
    # Community Agreement: only then are members' and community stories theirs to read.
    belongs: bool = False
    # Communities this person moderates (every community for an admin).
    moderates: frozenset[int] = field(default_factory=frozenset)
    # Hashes of the private story codes entered on this device.
    code_hashes: frozenset[str] = field(default_factory=frozenset)

    @property
    def is_member(self) -> bool:
        return self.member_id is not None


NOBODY = Viewer()


class Story(BaseModel):
    reference = CharField(unique=True, default=new_reference)  # in URLs instead of the id
    author = ForeignKeyField(Member, null=True, backref="stories", on_delete="SET NULL")
    code_hash = CharField(null=True, unique=True)  # only for stories shared without joining
    community = ForeignKeyField(Community, backref="stories", on_delete="RESTRICT")
    topics = CharField(default="")  # topic keys, space-separated
    body = TextField()
    content_note = CharField(default="")
    audience = CharField(default=FACILITATORS)
    quoting = CharField(default="none")
    show_name = BooleanField(default=False)
    replies_allowed = BooleanField(default=False)
    keep_for = CharField(default="3m")
    shared_on = DateField(default=dt.date.today)
    expires_on = DateField(null=True, index=True)
    status = CharField(default=PENDING, index=True)
    decided_on = DateField(null=True)
    # Set by facilitators; the author sees them in the story's status.
    reason = CharField(default="")
    reason_note = TextField(default="")
    flags = CharField(default="")  # hints for facilitators, space-separated

    class Meta:
        table_name = "story"

    # The one rule --------------------------------------------------------------

    @classmethod
    def may_be_seen_by(cls, viewer: Viewer, today: dt.date | None = None) -> Expression:
        """True for the stories this viewer may see. Every read goes through here."""
        today = today or dt.date.today()
        still_here = cls.expires_on.is_null() | (cls.expires_on > today)
        published = (cls.status == APPROVED) & (cls.audience == PUBLIC)
        if viewer.belongs:
            published = (cls.status == APPROVED) & (
                cls.audience.in_([PUBLIC, MEMBERS])
                | ((cls.audience == COMMUNITY) & (cls.community == viewer.community_id))
            )
        allowed = published
        if viewer.member_id is not None:
            allowed |= cls.author == viewer.member_id
        if viewer.code_hashes:
            allowed |= cls.code_hash.in_(sorted(viewer.code_hashes))
        if viewer.moderates:
            allowed |= cls.community.in_(sorted(viewer.moderates))
        return still_here & allowed

    @classmethod
    def visible_to(cls, viewer: Viewer, today: dt.date | None = None):
        return cls.select().where(cls.may_be_seen_by(viewer, today))

    # Reading ---------------------------------------------------------------------

    @classmethod
    def page_for(
        cls, viewer: Viewer, before: int | None = None, size: int = 20, today=None, **filters
    ):
        """Published stories, newest first, one page at a time (keyset, so page 5,000 is as
        fast as page 1). Returns the stories and the cursor for the next page, if any.
        The most read query there is: its SQL is made once per shape (webapp/prepared.py)."""
        community = filters.get("community")
        rows = prepared_select(
            cls,
            "Story.page_for",
            cls._page_query,
            today=today or dt.date.today(),
            member_id=viewer.member_id,
            # Only read by the one rule when the viewer belongs: otherwise not in the SQL.
            community_id=viewer.community_id if viewer.belongs else None,
            belongs=viewer.belongs,
            moderates=sorted(viewer.moderates),
            code_hashes=sorted(viewer.code_hashes),
            community=community.id if community else None,
            topic=filters.get("topic") or None,
            before=before,
            limit=size + 1,
        )
        more = len(rows) > size
        rows = rows[:size]
        return rows, (rows[-1].id if more else None)

    @classmethod
    def _page_query(
        cls, today, member_id, community_id, belongs, moderates, code_hashes, community,
        topic, before, limit,
    ):  # fmt: skip
        viewer = Viewer(
            member_id=member_id,
            community_id=community_id,
            belongs=belongs,
            moderates=frozenset(moderates),
            code_hashes=frozenset(code_hashes),
        )
        query = cls.visible_to(viewer, today).where(cls.status == APPROVED)
        if community is not None:
            query = query.where(cls.community == community)
        if topic:
            query = query.where(
                (cls.topics == topic)
                | cls.topics.startswith(topic + " ")
                | cls.topics.endswith(" " + topic)
                | cls.topics.contains(" " + topic + " ")
            )
        if before is not None:
            query = query.where(cls.id < before)
        return query.order_by(cls.id.desc()).limit(limit)

    @classmethod
    def pending_in(cls, viewer: Viewer, community: Community):
        """Stories waiting for a decision in a community, as this viewer may see them (an
        expired one is gone for everyone, so it is not waiting)."""
        return cls.visible_to(viewer).where(cls.community == community, cls.status == PENDING)

    @classmethod
    def days_to_decide(cls, community: Community, since: dt.date) -> list[int]:
        """Days from sharing to a decision, for decisions made since a day (a dashboard
        figure: counted, never shown per story)."""
        rows = cls.select(cls.shared_on, cls.decided_on).where(
            cls.community == community, cls.decided_on >= since
        )
        return [(row.decided_on - row.shared_on).days for row in rows]

    @classmethod
    def all_pending(cls):
        return cls.select().where(cls.status == PENDING)

    @classmethod
    def change_code(cls, old_hash: str, new_hash: str) -> bool:
        """A new private code for the story that had the old one; False if it has gone."""
        return bool(cls.update(code_hash=new_hash).where(cls.code_hash == old_hash).execute())

    @classmethod
    def by_reference(cls, viewer: Viewer, reference: str) -> Story | None:
        return cls.visible_to(viewer).where(cls.reference == reference).first()

    @classmethod
    def written_by(cls, viewer: Viewer):
        """The viewer's own stories (by account or by code), newest first."""
        mine = Value(False)
        if viewer.member_id is not None:
            mine = cls.author == viewer.member_id
        if viewer.code_hashes:
            mine |= cls.code_hash.in_(sorted(viewer.code_hashes))
        return cls.visible_to(viewer).where(mine).order_by(cls.id.desc())

    @property
    def topic_keys(self) -> list[str]:
        return self.topics.split()

    @property
    def flag_keys(self) -> list[str]:
        return self.flags.split()

    def is_written_by(self, viewer: Viewer) -> bool:
        return (self.author_id is not None and self.author_id == viewer.member_id) or (
            self.code_hash is not None and self.code_hash in viewer.code_hashes
        )

    def change_boundaries(self, **boundaries) -> None:
        for name, value in boundaries.items():
            setattr(self, name, value)
        if "keep_for" in boundaries:
            self.expires_on = ends_on(self.shared_on, self.keep_for)
        if self.author_id is None:  # shared without joining: never a name, never members-only
            self.show_name = False
            if self.audience not in VISITOR_AUDIENCES:
                raise ValueError("A story shared without joining is for facilitators or anyone.")
        self.save()

    @classmethod
    def expired(cls, today: dt.date | None = None):
        today = today or dt.date.today()
        return cls.select().where(cls.expires_on.is_null(False) & (cls.expires_on <= today))


class Reply(BaseModel):
    """A member's reply to a story. Shown without a name; moderated like stories."""

    story = ForeignKeyField(Story, backref="replies", on_delete="CASCADE")
    author = ForeignKeyField(Member, null=True, backref="replies", on_delete="SET NULL")
    body = TextField()
    shared_on = DateField(default=dt.date.today)
    status = CharField(default=PENDING, index=True)
    decided_on = DateField(null=True)
    reason = CharField(default="")
    reason_note = TextField(default="")
    flags = CharField(default="")

    class Meta:
        table_name = "reply"

    @classmethod
    def visible_to(cls, viewer: Viewer, today: dt.date | None = None):
        """Replies on stories the viewer may see, where the story's author allows replies.

        Pending replies are seen only by their writer and the story's facilitators."""
        shown = cls.status == APPROVED
        if viewer.member_id is not None:
            shown |= cls.author == viewer.member_id
        if viewer.moderates:
            shown |= Story.community.in_(sorted(viewer.moderates))
        replies_on = Story.replies_allowed == True  # noqa: E712 (a SQL expression)
        if viewer.moderates:
            replies_on |= Story.community.in_(sorted(viewer.moderates))
        return (
            cls.select(cls, Story)
            .join(Story)
            .where(Story.may_be_seen_by(viewer, today) & replies_on & shown)
        )

    @classmethod
    def pending_in(cls, viewer: Viewer, community: Community):
        return cls.visible_to(viewer).where(Story.community == community, cls.status == PENDING)

    @classmethod
    def days_to_decide(cls, community: Community, since: dt.date) -> list[int]:
        rows = (
            cls.select(cls.shared_on, cls.decided_on)
            .join(Story)
            .where(Story.community == community, cls.decided_on >= since)
        )
        return [(row.decided_on - row.shared_on).days for row in rows]

    @classmethod
    def all_pending(cls):
        return cls.select(cls, Story).join(Story).where(cls.status == PENDING)

    @classmethod
    def written_by(cls, viewer: Viewer):
        """The viewer's own replies that the rule still lets them see, oldest first."""
        if viewer.member_id is None:
            return cls.select().where(Value(False))
        return cls.visible_to(viewer).where(cls.author == viewer.member_id).order_by(cls.id)

    @classmethod
    def under(cls, story: Story, viewer: Viewer):
        return cls.visible_to(viewer).where(cls.story == story).order_by(cls.id)


class WellbeingCount(BaseModel):
    """How people felt after sharing: one counter per answer, linked to nobody."""

    answer = CharField(unique=True)
    count = IntegerField(default=0)

    class Meta:
        table_name = "wellbeing_count"

    @classmethod
    def add_one(cls, answer: str) -> None:
        updated = cls.update(count=cls.count + 1).where(cls.answer == answer).execute()
        if not updated:
            cls.insert(answer=answer, count=1).on_conflict(
                conflict_target=[cls.answer], update={cls.count: cls.count + 1}
            ).execute()

    @classmethod
    def totals(cls) -> dict[str, int | None]:
        """Counts by answer; any group under the threshold is hidden as None. No total is
        shown beside them, so no hidden count can be worked out from the others."""
        return {row.answer: shown_count(row.count) for row in cls.select()}
