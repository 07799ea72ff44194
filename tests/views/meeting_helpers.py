"""Shared set-up for the meeting tests: meetings, agenda items and attendance."""

from __future__ import annotations

import datetime as dt

from webapp.extensions import db
from webapp.meetings.models import AgendaItem, Attendance, Meeting
from webapp.meetings.when import uk_now
from webapp.models import Community


def make_meeting(days: int = 10, community: str = "people", title: str = "Members' meeting",
                 items=(), published: bool = True, **fields) -> int:  # fmt: skip
    """A meeting `days` from now (negative: already held), 2pm to 3:30pm UK time."""
    day = uk_now().date() + dt.timedelta(days=days)
    with db.connection_context():
        meeting = Meeting.create(
            community=Community.by_slug(community), title=title,
            starts_at=dt.datetime.combine(day, dt.time(14)),
            ends_at=dt.datetime.combine(day, dt.time(15, 30)),
            place="Riverside Centre", online_link="https://meet.example.org/secret-room",
            agenda_published_on=dt.date.today() if published else None, **fields,
        )  # fmt: skip
        for position, (item_title, sensitive) in enumerate(items):
            AgendaItem.create(meeting=meeting, position=position, title=item_title,
                              sensitive=sensitive)  # fmt: skip
        return meeting.id


def attended(meeting_id: int, member_id: int, status: str = "present") -> None:
    with db.connection_context():
        Attendance.create(meeting=meeting_id, member=member_id, status=status)
