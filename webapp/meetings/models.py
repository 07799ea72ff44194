"""Meetings: when and where, the agenda, replies and access needs, attendance, and notes.

Kept apart on purpose (Chatham House Rule):
- the notes say what was talked about and decided, never who was there;
- attendance is its own table, read only by the community's facilitators and, for their
  own row, by the member;
- a note quotes a story only by its reference, read through the stories' one rule each
  time the notes are shown, so a withdrawn or narrowed story is gone from them at once.

Times are the wall-clock time in the UK (Europe/London), as people say them. No column
holds a time of day (a house rule: nothing finer than the day is stored as a timestamp):
a meeting keeps its day, and its start and end as minutes after midnight.
"""

from __future__ import annotations

import datetime as dt

from peewee import (
    BooleanField,
    CharField,
    DateField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from ..models import BaseModel, Community, Member

# Replies a member can give.
COMING, APOLOGIES, NOT_SURE = "coming", "apologies", "not sure"
REPLIES = (COMING, APOLOGIES, NOT_SURE)
# What the facilitator records afterwards.
PRESENT, ABSENT = "present", "absent"
ATTENDANCE = (PRESENT, APOLOGIES, ABSENT)
# Access needs and support a member can ask for (private to facilitators).
NEEDS = ("large print", "easy read", "support worker", "bsl", "interpreter", "travel costs")
# Where the notes are.
NO_NOTES, DRAFT, FINAL = "none", "draft", "final"


class Meeting(BaseModel):
    community = ForeignKeyField(Community, backref="meetings", on_delete="RESTRICT")
    # A joint meeting: the other communities' slugs, space-separated with a space each side
    # (" staff advocates "), so one `contains` finds a community without matching a part.
    joint_with = CharField(default="")
    title = CharField()
    day = DateField(index=True)
    starts_minute = IntegerField()  # minutes after midnight, UK wall-clock time
    ends_minute = IntegerField()
    regular = BooleanField(default=True)  # counts for membership and the 75 %
    place = TextField(default="")
    step_free = BooleanField(default=False)
    hearing_loop = BooleanField(default=False)
    quiet_room = BooleanField(default=False)
    accessible_toilet = BooleanField(default=False)
    getting_there = TextField(default="")
    online_link = CharField(default="")
    planned_on = DateField(default=dt.date.today)
    agenda_published_on = DateField(null=True)
    # The notes (Chatham House Rule: themes, decisions and actions, never who was there).
    notes_status = CharField(default=NO_NOTES)
    themes = TextField(default="")
    decided = TextField(default="")
    actions = TextField(default="")
    easy_summary = TextField(default="")
    notes_circulated_on = DateField(null=True)
    notes_final_on = DateField(null=True)
    # Changed after it was planned: how many times (a calendar's SEQUENCE), and when last.
    changes = IntegerField(default=0)
    changed_on = DateField(null=True)
    # Called off: it leaves every list, count and reminder; its own page says so.
    cancelled_on = DateField(null=True)
    cancelled_why = TextField(default="")

    class Meta:
        table_name = "meeting"

    # When ----------------------------------------------------------------------------

    @property
    def starts_at(self) -> dt.datetime:
        return _at(self.day, self.starts_minute)

    @starts_at.setter
    def starts_at(self, moment: dt.datetime) -> None:
        self.day, self.starts_minute = moment.date(), moment.hour * 60 + moment.minute

    @property
    def ends_at(self) -> dt.datetime:
        return _at(self.day, self.ends_minute)

    @ends_at.setter
    def ends_at(self, moment: dt.datetime) -> None:
        self.ends_minute = moment.hour * 60 + moment.minute

    @classmethod
    def _ended(cls, now: dt.datetime):
        minute = now.hour * 60 + now.minute
        return (cls.day < now.date()) | ((cls.day == now.date()) & (cls.ends_minute < minute))

    # Which communities ------------------------------------------------------------

    @property
    def community_ids(self) -> set[int]:
        slugs = self.joint_with.split()
        others = {c.id for c in Community.select(Community.id).where(Community.slug.in_(slugs))}
        return {self.community_id} | others

    @classmethod
    def joint_text(cls, slugs: list[str]) -> str:
        return f" {' '.join(slugs)} " if slugs else ""

    @classmethod
    def _for(cls, community: Community, cancelled: bool = False):
        """The community's meetings (not those called off, unless asked for)."""
        held = cls.cancelled_on.is_null(not cancelled)
        return held & (
            (cls.community == community) | cls.joint_with.contains(f" {community.slug} ")
        )

    @classmethod
    def cancelled_coming(cls, community: Community, now: dt.datetime):
        """Meetings called off that would still have been to come: their page says so."""
        return (
            cls.select()
            .where(cls._for(community, cancelled=True), ~cls._ended(now))
            .order_by(cls.day, cls.starts_minute)
        )

    @classmethod
    def of_community(cls, community: Community):
        return cls.select().where(cls._for(community))

    @classmethod
    def upcoming(cls, community: Community, now: dt.datetime):
        return (
            cls.of_community(community).where(~cls._ended(now)).order_by(cls.day, cls.starts_minute)
        )

    @classmethod
    def past(cls, community: Community, now: dt.datetime):
        return (
            cls.of_community(community)
            .where(cls._ended(now))
            .order_by(cls.day.desc(), cls.starts_minute.desc())
        )

    @classmethod
    def regular_held(cls, community: Community, now: dt.datetime, since: dt.date | None = None):
        """Regular meetings already held, newest first (from a day, when given)."""
        query = cls.past(community, now).where(cls.regular == True)  # noqa: E712 (SQL)
        if since is not None:
            query = query.where(cls.day >= since)
        return query

    # The parts of a meeting ---------------------------------------------------------

    @property
    def agenda(self):
        return self.items.order_by(AgendaItem.position, AgendaItem.id)

    @property
    def has_sensitive_item(self) -> bool:
        return self.items.where(AgendaItem.sensitive == True).exists()  # noqa: E712 (SQL)

    @property
    def access_features(self) -> list[str]:
        return [
            name
            for name, on in (
                ("step_free", self.step_free),
                ("hearing_loop", self.hearing_loop),
                ("quiet_room", self.quiet_room),
                ("accessible_toilet", self.accessible_toilet),
            )
            if on
        ]

    def publish_agenda(self, today: dt.date | None = None) -> None:
        self.agenda_published_on = today or dt.date.today()
        self.save()

    def has_happened(self, now: dt.datetime) -> bool:
        return self.ends_at < now

    @property
    def cancelled(self) -> bool:
        return self.cancelled_on is not None

    def move(self, starts: dt.datetime, ends: dt.datetime, where: dict, today: dt.date) -> bool:
        """A new time or place; True when anything a member would notice changed."""
        before = (self.starts_at, self.ends_at, self.place, self.online_link, self.getting_there)
        self.starts_at, self.ends_at = starts, ends
        for name, value in where.items():
            setattr(self, name, value)
        moved = before != (self.starts_at, self.ends_at, self.place, self.online_link,
                           self.getting_there)  # fmt: skip
        if moved:
            self.changes += 1
            self.changed_on = today
        self.save()
        return moved

    def cancel(self, why: str, today: dt.date) -> None:
        self.cancelled_on, self.cancelled_why = today, why
        self.changes += 1
        self.save()


def _at(day: dt.date, minute: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(minute // 60, minute % 60))


class AgendaItem(BaseModel):
    meeting = ForeignKeyField(Meeting, backref="items", on_delete="CASCADE")
    position = IntegerField(default=0)
    title = CharField()
    title_easy = CharField(default="")
    minutes = IntegerField(null=True)  # an optional time for the item
    sensitive = BooleanField(default=False)
    paper = TextField(default="")
    paper_easy = TextField(default="")
    # The decision this item is about (its id), linked only where the decisions pages exist.
    decision_ref = CharField(default="")
    # Left for the terms of reference: the area of the group's work this item is in, so it
    # can be checked against what the group does and does not cover.
    scope_area = CharField(default="")

    class Meta:
        table_name = "agenda_item"

    @classmethod
    def next_position(cls, meeting: Meeting) -> int:
        last = meeting.items.order_by(cls.position.desc()).first()
        return (last.position + 1) if last else 0

    def move_up(self) -> None:
        self._swap_with(
            self.meeting.items.where(AgendaItem.position < self.position)
            .order_by(AgendaItem.position.desc())
            .first()
        )

    def move_down(self) -> None:
        self._swap_with(
            self.meeting.items.where(AgendaItem.position > self.position)
            .order_by(AgendaItem.position)
            .first()
        )

    def _swap_with(self, neighbour: AgendaItem | None) -> None:
        """Trade places with the item next to it; the first and last stay where they are."""
        if neighbour is not None:
            neighbour.position, self.position = self.position, neighbour.position
            neighbour.save()
            self.save()


class MeetingReply(BaseModel):
    """A member's reply, and the access needs they asked for (for facilitators only)."""

    meeting = ForeignKeyField(Meeting, backref="replies", on_delete="CASCADE")
    member = ForeignKeyField(Member, backref="meeting_replies", on_delete="CASCADE")
    answer = CharField(default=NOT_SURE)
    needs = CharField(default="")  # keys from NEEDS, space-separated by "|"
    needs_other = TextField(default="")
    replied_on = DateField(default=dt.date.today)

    class Meta:
        table_name = "meeting_reply"
        indexes = ((("meeting", "member"), True),)

    @classmethod
    def of(cls, meeting: Meeting, member: Member) -> MeetingReply | None:
        return cls.get_or_none(cls.meeting == meeting, cls.member == member)

    @classmethod
    def give(cls, meeting: Meeting, member: Member, answer: str, needs: list[str], other: str):
        reply = cls.of(meeting, member) or cls(meeting=meeting, member=member)
        reply.answer, reply.needs_other = answer, other
        reply.needs = "|".join(n for n in needs if n in NEEDS)
        reply.replied_on = dt.date.today()
        reply.save()
        return reply

    @property
    def need_keys(self) -> list[str]:
        return [n for n in self.needs.split("|") if n]

    @classmethod
    def with_needs(cls, meeting: Meeting):
        return (
            cls.select(cls, Member)
            .join(Member)
            .where(cls.meeting == meeting, (cls.needs != "") | (cls.needs_other != ""))
            .order_by(Member.display_name)
        )


class Attendance(BaseModel):
    """Who came: private to the community's facilitators (and each member's own row)."""

    meeting = ForeignKeyField(Meeting, backref="attendance", on_delete="CASCADE")
    member = ForeignKeyField(Member, backref="attendance", on_delete="CASCADE")
    status = CharField()

    class Meta:
        table_name = "attendance"
        indexes = ((("meeting", "member"), True),)

    @classmethod
    def record(cls, meeting: Meeting, statuses: dict[int, str]) -> None:
        cls.delete().where(cls.meeting == meeting).execute()
        rows = [
            {"meeting": meeting.id, "member": member_id, "status": status}
            for member_id, status in statuses.items()
            if status in ATTENDANCE
        ]
        if rows:
            cls.insert_many(rows).execute()

    @classmethod
    def statuses(cls, meeting: Meeting) -> dict[int, str]:
        return {row.member_id: row.status for row in cls.select().where(cls.meeting == meeting)}

    @classmethod
    def was_present(cls, meeting: Meeting, member: Member) -> bool:
        return (
            cls.select()
            .where(cls.meeting == meeting, cls.member == member, cls.status == PRESENT)
            .exists()
        )

    @classmethod
    def present_at(cls, member: Member, meeting_ids: list[int]) -> set[int]:
        rows = cls.select(cls.meeting).where(
            cls.member == member, cls.status == PRESENT, cls.meeting.in_(meeting_ids)
        )
        return {row.meeting_id for row in rows}
