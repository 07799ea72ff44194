"""A member's suggestion for a meeting's agenda, and what the facilitators made of it.

Who suggested is for the meeting's facilitators (as with corrections to the notes) and for
the member themself; nobody else. A member who leaves takes their suggestions with them:
an item already added to the agenda stays, as the facilitators' own words now.
"""

from __future__ import annotations

import datetime as dt

from peewee import CharField, DateField, ForeignKeyField, TextField

from ..models import BaseModel, Community, Member
from .models import AgendaItem, Meeting

WAITING, ADDED, DECLINED = "waiting", "added", "declined"


class AgendaSuggestion(BaseModel):
    meeting = ForeignKeyField(Meeting, backref="suggestions", on_delete="CASCADE")
    member = ForeignKeyField(Member, backref="agenda_suggestions", on_delete="CASCADE")
    words = CharField()  # what they would like to talk about: short, like an item's title
    why = TextField(default="")  # why, or what they hope for (optional)
    made_on = DateField(default=dt.date.today)
    status = CharField(default=WAITING)
    note = TextField(default="")  # the facilitator's few words to the member, when declined
    decided_on = DateField(null=True)

    class Meta:
        table_name = "agenda_suggestion"

    @classmethod
    def make(cls, meeting: Meeting, member: Member, words: str, why: str) -> AgendaSuggestion:
        """Sending the same words twice (a double press, a resend) makes one suggestion."""
        same = cls.get_or_none(cls.meeting == meeting, cls.member == member, cls.words == words,
                               cls.status == WAITING)  # fmt: skip
        return same or cls.create(meeting=meeting, member=member, words=words, why=why)

    @classmethod
    def of(cls, meeting: Meeting, member: Member | None):
        """A member's own suggestions for a meeting, oldest first."""
        return cls.select().where(cls.meeting == meeting, cls.member == member).order_by(cls.id)

    @classmethod
    def waiting_for(cls, meeting: Meeting):
        """For the meeting's facilitators: what waits for them, with who suggested it."""
        return (
            cls.select(cls, Member)
            .join(Member)
            .where(cls.meeting == meeting, cls.status == WAITING)
            .order_by(cls.id)
        )

    @classmethod
    def waiting_in(cls, community: Community, now: dt.datetime):
        """Waiting suggestions for the community's meetings still to come (a to-do list)."""
        return (
            cls.select(cls, Meeting)
            .join(Meeting)
            .where(Meeting._for(community), ~Meeting._ended(now), cls.status == WAITING)
            .order_by(Meeting.day, cls.id)
        )

    def add_to_agenda(self, today: dt.date) -> AgendaItem:
        """An item at the end of the agenda, titled with the member's words."""
        item = AgendaItem.create(meeting=self.meeting, title=self.words,
                                 position=AgendaItem.next_position(self.meeting))  # fmt: skip
        self.status, self.decided_on = ADDED, today
        self.save()
        return item

    def decline(self, note: str, today: dt.date) -> None:
        self.status, self.note, self.decided_on = DECLINED, note, today
        self.save()
