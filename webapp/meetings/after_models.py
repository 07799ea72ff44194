"""What follows a meeting: the stories its notes quote (by reference only), members'
corrections to the draft notes, and requests for a facilitator to get in touch after a
sensitive meeting. Who asked is kept only where the member asked to be known."""

from __future__ import annotations

import datetime as dt

from peewee import CharField, DateField, ForeignKeyField, IntegerField, TextField

from ..models import BaseModel, Community, Member
from .models import Meeting


class NoteQuote(BaseModel):
    """A story the notes quote (word for word) or refer to: a reference, never its text."""

    QUOTE, REFER = "quote", "refer"

    meeting = ForeignKeyField(Meeting, backref="quotes", on_delete="CASCADE")
    story_reference = CharField()
    kind = CharField(default=QUOTE)
    position = IntegerField(default=0)

    class Meta:
        table_name = "note_quote"

    @classmethod
    def replace(cls, meeting: Meeting, quoted: list[str], referred: list[str]) -> None:
        cls.delete().where(cls.meeting == meeting).execute()
        rows = [(ref, cls.QUOTE) for ref in quoted] + [(ref, cls.REFER) for ref in referred]
        for position, (reference, kind) in enumerate(rows):
            cls.create(meeting=meeting, story_reference=reference, kind=kind, position=position)


class Correction(BaseModel):
    """A member's suggested correction to draft notes, for the facilitators to weigh."""

    meeting = ForeignKeyField(Meeting, backref="corrections", on_delete="CASCADE")
    member = ForeignKeyField(Member, null=True, on_delete="SET NULL")
    words = TextField()
    suggested_on = DateField(default=dt.date.today)

    class Meta:
        table_name = "meeting_correction"

    @classmethod
    def made_by(cls, member: Member):
        return cls.select(cls, Meeting).join(Meeting).where(cls.member == member).order_by(cls.id)


class GetInTouch(BaseModel):
    """After a sensitive meeting, a member asked a facilitator to get in touch. The one
    part of the check-in that carries a name, because the member asked for that."""

    meeting = ForeignKeyField(Meeting, backref="get_in_touch", on_delete="CASCADE")
    member = ForeignKeyField(Member, on_delete="CASCADE")
    asked_on = DateField(default=dt.date.today)
    done_on = DateField(null=True)

    class Meta:
        table_name = "meeting_get_in_touch"
        indexes = ((("meeting", "member"), True),)

    @classmethod
    def asked_by(cls, member: Member):
        return cls.select(cls, Meeting).join(Meeting).where(cls.member == member).order_by(cls.id)

    @classmethod
    def waiting_in(cls, community: Community):
        return (
            cls.select(cls, Meeting, Member)
            .join(Meeting)
            .switch(cls)
            .join(Member)
            .where(Meeting._for(community), cls.done_on.is_null())
            .order_by(cls.asked_on)
        )
