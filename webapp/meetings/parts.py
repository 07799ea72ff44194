"""What meetings add to lower pages, through core contributions: "Your meetings" and the
reminder on the member's home page, reminders on the facilitator's dashboard, the data
download, the reminder email choice, and the one rule for a regular member."""

from __future__ import annotations

import datetime as dt

from flask import Flask, current_app, url_for
from flask_babel import lazy_gettext as _l

from .. import contributions
from ..aggregates import shown_count
from ..contributions import render_part
from ..facilitation.access import moderated_by
from ..stories.models import WellbeingCount
from ..wording import say
from .access import belongs
from .after_models import Correction, GetInTouch
from .forms import MEETING_FEELINGS
from .membership import is_regular, not_seen_for_a_while, standing
from .models import DRAFT, NO_NOTES, Attendance, Meeting, MeetingReply
from .suggestion_models import AgendaSuggestion
from .when import uk_now

REMINDER_EMAIL = "meeting-reminder"


def soon(meeting: Meeting, now: dt.datetime) -> bool:
    """Within the reminder days (2 by default): the home page says so, and the email goes."""
    days = current_app.config["MEETING_REMINDER_DAYS"]
    return now.date() <= meeting.starts_at.date() <= now.date() + dt.timedelta(days=days)


def home_part(member, now: dt.datetime | None = None):
    if not member.is_welcomed:
        return None
    now = now or uk_now()
    upcoming = [m for m in Meeting.upcoming(member.community, now).limit(3) if belongs(member, m)]
    replies = {
        r.meeting_id: r.answer
        for r in MeetingReply.select().where(
            MeetingReply.member == member, MeetingReply.meeting.in_([m.id for m in upcoming])
        )
    }
    return render_part(
        "meetings/_home_part.html",
        upcoming=upcoming,
        replies=replies,
        soon=[m for m in upcoming if soon(m, now) and replies.get(m.id) != "apologies"],
        standing=standing(member, now),
        now=now,
    )


def header_link(member):
    """For the members the home page shows meetings to: welcomed into their community."""
    if not member.is_welcomed:
        return None
    return url_for("meetings.index"), say(_l("Meetings"), _l("Meetings"))


def dashboard_part(member, community, now: dt.datetime | None = None):
    if community.id not in moderated_by(member):
        return None
    now = now or uk_now()
    config = current_app.config
    warn_before = now + dt.timedelta(days=config["MEETING_AGENDA_DAYS"])
    no_agenda = [
        m for m in Meeting.upcoming(community, now)
        if m.agenda_published_on is None and m.starts_at <= warn_before
    ]  # fmt: skip
    notes_due = now - dt.timedelta(days=config["MEETING_NOTES_DAYS"])
    no_notes = list(
        Meeting.past(community, now)
        .where(Meeting.notes_status == NO_NOTES, Meeting._ended(notes_due))
        .limit(10)
    )
    corrections = list(
        Correction.select(Correction, Meeting).join(Meeting)
        .where(Meeting._for(community), Meeting.notes_status == DRAFT)
    )  # fmt: skip
    found = {
        "no_agenda": no_agenda,
        "no_notes": no_notes,
        "corrections": corrections,
        "suggestions": list(AgendaSuggestion.waiting_in(community, now)),  # a to-do count
        "in_touch": list(GetInTouch.waiting_in(community)),
        "away": not_seen_for_a_while(community, now),
        "feelings": check_in_counts(),
    }
    if not any(found.values()):
        return None  # nothing to do: the dashboard stays as it is
    return render_part(
        "meetings/_dashboard_part.html", community=community, feeling_names=MEETING_FEELINGS,
        **found,
    )  # fmt: skip


def check_in_counts() -> dict[str, int | None]:
    """How people felt after sensitive meetings: counts only, small ones hidden."""
    rows = WellbeingCount.select().where(WellbeingCount.answer.startswith("meeting:"))
    return {row.answer.removeprefix("meeting:"): shown_count(row.count) for row in rows}


def data_part(member) -> dict:
    """Their own replies, access needs, attendance, agenda suggestions, corrections to notes
    and requests to be got in touch with; never anyone else's."""
    replies = (
        MeetingReply.select(MeetingReply, Meeting)
        .join(Meeting)
        .where(MeetingReply.member == member)
    )
    attended = (
        Attendance.select(Attendance, Meeting).join(Meeting).where(Attendance.member == member)
    )
    return {
        "replies": [
            {
                "meeting": r.meeting.title,
                "starts": r.meeting.starts_at.isoformat(),
                "reply": r.answer,
                "access_needs": r.need_keys,
                "access_needs_in_your_words": r.needs_other,
                "replied_on": r.replied_on.isoformat(),
            }
            for r in replies
        ],
        "your_attendance": [
            {
                "meeting": a.meeting.title,
                "starts": a.meeting.starts_at.isoformat(),
                "recorded_as": a.status,
            }
            for a in attended
        ],  # fmt: skip
        "agenda_suggestions": [
            {
                "meeting": s.meeting.title,
                "starts": s.meeting.starts_at.isoformat(),
                "suggestion": s.words,
                "why": s.why,
                "made_on": s.made_on.isoformat(),
                "what_happened": s.status,
                "facilitators_note": s.note,
                "decided_on": s.decided_on.isoformat() if s.decided_on else None,
            }
            for s in AgendaSuggestion.select(AgendaSuggestion, Meeting)
            .join(Meeting)
            .where(AgendaSuggestion.member == member)
        ],
        "corrections_to_notes": [
            {
                "meeting": c.meeting.title,
                "starts": c.meeting.starts_at.isoformat(),
                "correction": c.words,
                "suggested_on": c.suggested_on.isoformat(),
            }
            for c in Correction.made_by(member)
        ],
        "asked_a_facilitator_to_get_in_touch": [
            {
                "meeting": t.meeting.title,
                "starts": t.meeting.starts_at.isoformat(),
                "asked_on": t.asked_on.isoformat(),
                "done_on": t.done_on.isoformat() if t.done_on else None,
            }
            for t in GetInTouch.asked_by(member)
        ],
    }


def init_app(app: Flask) -> None:
    contributions.home("meetings", home_part)
    contributions.header_link("meetings", header_link)
    contributions.dashboard("meetings", dashboard_part)
    contributions.data("meetings", data_part)
    contributions.email_choice(
        REMINDER_EMAIL,
        _l("A reminder 2 days before a meeting of your community"),
        _l("An email 2 days before a meeting"),
    )
    contributions.regular_rule(is_regular)
