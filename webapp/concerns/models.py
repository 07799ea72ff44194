"""Concerns about a story or a reply. Anyone may raise one; nobody is recorded: no IP
address, no user agent and no reporter, and every date is a day."""

from __future__ import annotations

import datetime as dt

from peewee import CharField, DateField, ForeignKeyField, TextField

from ..models import BaseModel, Community
from ..stories.models import Reply, Story


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
