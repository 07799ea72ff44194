"""Meeting commands: flask --app webapp <command>."""

from __future__ import annotations

import datetime as dt

import click
from flask import Flask, current_app, url_for
from flask_babel import gettext as _

from .. import mail
from ..database import write_transaction
from ..extensions import db
from ..models import Member
from ..receipts import SentKey
from .models import Meeting
from .notify import members_to_tell
from .when import uk_now, when_in_words


def reminders_due(now: dt.datetime) -> list[tuple[Meeting, Member]]:
    """(meeting, member) for meetings in the reminder days, to members who chose the email
    and have not sent apologies. Meetings called off are left out."""
    days = current_app.config["MEETING_REMINDER_DAYS"]
    day = now.date() + dt.timedelta(days=days)
    meetings = Meeting.select().where(Meeting.day == day, Meeting.cancelled_on.is_null())
    return [(meeting, member) for meeting in meetings for member in members_to_tell(meeting)]


def send_reminders(now: dt.datetime | None = None) -> int:
    """Each pair is sent once, however often the job runs (once again after a change)."""
    sent = 0
    for meeting, member in reminders_due(now or uk_now()):
        key = f"meeting-reminder:{meeting.id}:{member.id}"
        with write_transaction():
            if not SentKey.claim(key + (f":{meeting.changes}" if meeting.changes else "")):
                continue
        link = url_for("meetings.meeting", meeting_id=meeting.id, _external=True)
        body = _(
            "A reminder: %(title)s is on %(when)s (UK time).\n\n"
            "See the agenda, the place and the access information, or change your reply:\n"
            "%(link)s\n\nYou chose to get these emails. You can stop them on Your account.",
            title=meeting.title,
            when=when_in_words(meeting.starts_at, meeting.ends_at),
            link=link,
        )
        mail.send(member.email, _("Reminder: %(title)s", title=meeting.title), body)
        sent += 1
    return sent


def init_app(app: Flask) -> None:
    @app.cli.command("send-meeting-reminders")
    def send_meeting_reminders_command() -> None:
        """Email the members who chose it, 2 days before a meeting (run daily from cron)."""
        with app.test_request_context(base_url=_base_url(app)), db.connection_context():
            click.echo(f"Sent {send_reminders()} meeting reminders.")

    @app.cli.command("load-demo-meetings")
    def load_demo_meetings_command() -> None:
        """Add demo meetings (only when there are none), for make run."""
        from .demo import load_meetings

        with db.connection_context():
            added = load_meetings()
        click.echo(f"Added {added} demo meetings." if added else "There are meetings already.")


def _base_url(app: Flask) -> str:
    return app.config.get("PUBLIC_URL") or "http://localhost"
