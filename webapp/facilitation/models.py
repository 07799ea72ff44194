"""What facilitators do, and what is done about members and reported items.

Nothing here records who wrote an anonymous story or reply: an audit entry names
the item by its reference, never by its author. Reports keep no IP address, no
user agent and no reporter; every date is a day, never a time.
"""

from __future__ import annotations

import datetime as dt

from peewee import CharField, DateField, ForeignKeyField, TextField

from ..models import BaseModel, Community, Member
from ..stories.models import Reply, Story

# What can happen to a member.
WARNING = "warning"
SUSPENSION = "suspension"
REMOVAL = "removal"
SANCTIONS = (WARNING, SUSPENSION, REMOVAL)


class AuditEntry(BaseModel):
    """One thing a facilitator or admin did: who, what, which item, why, and the day."""

    actor = ForeignKeyField(Member, null=True, backref="audit_entries", on_delete="SET NULL")
    actor_name = CharField()  # kept if the facilitator later leaves
    action = CharField()
    item = CharField(default="")  # "story Ab3-x", "reply 12", "member Quiet Heron"
    community = ForeignKeyField(Community, null=True, on_delete="SET NULL")
    reason = CharField(default="")
    note = TextField(default="")
    done_on = DateField(default=dt.date.today)

    class Meta:
        table_name = "audit_entry"

    @classmethod
    def record(
        cls,
        actor: Member | None,
        action: str,
        item: str = "",
        community: Community | int | None = None,
        reason: str = "",
        note: str = "",
    ) -> AuditEntry:
        return cls.create(
            actor=actor,
            actor_name=actor.display_name if actor else "command line",
            action=action,
            item=item,
            community=community,
            reason=reason,
            note=note,
        )

    @classmethod
    def page(cls, before: int | None = None, size: int = 50):
        query = cls.select().order_by(cls.id.desc())
        if before is not None:
            query = query.where(cls.id < before)
        rows = list(query.limit(size + 1))
        return rows[:size], (rows[size - 1].id if len(rows) > size else None)


class Report(BaseModel):
    """A concern about a story or a reply. Anyone may raise one; nobody is recorded."""

    story = ForeignKeyField(Story, backref="reports", on_delete="CASCADE")
    reply = ForeignKeyField(Reply, null=True, backref="reports", on_delete="CASCADE")
    community = ForeignKeyField(Community, on_delete="CASCADE")
    reason = CharField()
    words = TextField(default="")
    reported_on = DateField(default=dt.date.today)
    closed_on = DateField(null=True)

    class Meta:
        table_name = "report"

    @classmethod
    def open(cls):
        return cls.select().where(cls.closed_on.is_null())

    @classmethod
    def open_for(cls, story: Story, reply: Reply | None = None):
        query = cls.open().where(cls.story == story)
        if reply is None:
            return query.where(cls.reply.is_null())
        return query.where(cls.reply == reply)

    @classmethod
    def close_for(cls, story: Story, reply: Reply | None = None) -> int:
        ids = [r.id for r in cls.open_for(story, reply)]
        if not ids:
            return 0
        return cls.update(closed_on=dt.date.today()).where(cls.id.in_(ids)).execute()


class Sanction(BaseModel):
    """A warning, suspension or removal, with the reason the member sees."""

    member = ForeignKeyField(Member, backref="sanctions", on_delete="CASCADE")
    kind = CharField()
    reason = CharField()
    note = TextField(default="")
    given_on = DateField(default=dt.date.today)
    ends_on = DateField(null=True)  # suspensions only

    class Meta:
        table_name = "sanction"

    @classmethod
    def for_member(cls, member: Member):
        return cls.select().where(cls.member == member).order_by(cls.id.desc())

    @classmethod
    def latest(cls, member: Member, kind: str) -> Sanction | None:
        return cls.for_member(member).where(cls.kind == kind).first()
