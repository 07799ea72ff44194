"""An "Add to my calendar" file for one meeting, written by the icalendar library.

The times carry the Europe/London zone, and the file includes its VTIMEZONE, so a
calendar shows 2pm as 2pm in the UK whether the meeting is in summer or winter time.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event

from .models import Meeting
from .when import LONDON


def meeting_calendar(meeting: Meeting, url: str, place: str, now: dt.datetime) -> bytes:
    """`now` is aware (UTC)."""
    calendar = Calendar()
    calendar.add("prodid", "-//Common Ground//Meetings//EN")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"meeting-{meeting.id}@common-ground")
    event.add("sequence", meeting.changes)  # a later file replaces an earlier one
    if meeting.cancelled:
        event.add("status", "CANCELLED")
    event.add("dtstamp", now)  # when the file was made, in UTC
    event.add("dtstart", meeting.starts_at.replace(tzinfo=LONDON))
    event.add("dtend", meeting.ends_at.replace(tzinfo=LONDON))
    event.add("summary", meeting.title)
    if place:
        event.add("location", place)
    event.add("url", url)
    event.add("description", url)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
