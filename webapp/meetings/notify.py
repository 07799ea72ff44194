"""Who hears about a meeting by email, and the emails for a meeting changed or called off.

The members to tell are those of the meeting's communities who chose meeting emails on
"Your account" and have not sent their apologies: the same people the reminder goes to.
Each email is sent once per change, however often the form is sent.
"""

from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _

from .. import mail
from ..database import write_transaction
from ..member_records import EmailWanted
from ..models import Member
from ..receipts import SentKey
from .models import APOLOGIES, Meeting, MeetingReply
from .parts import REMINDER_EMAIL
from .when import when_in_words


def members_to_tell(meeting: Meeting) -> list[Member]:
    ids = sorted(meeting.community_ids)
    wanting = EmailWanted.members_wanting(REMINDER_EMAIL).where(
        Member.community.in_(ids), Member.welcomed_on.is_null(False)
    )
    told = []
    for member in wanting:
        reply = MeetingReply.of(meeting, member)
        if reply is None or reply.answer != APOLOGIES:
            told.append(member)
    return told


def tell_once(meeting: Meeting, key: str, subject: str, body: str) -> int:
    """Email everyone to tell; `key` names this news, so each member gets it once. The
    subject and body are translated wordings, filled in here with the meeting's %(title)s,
    %(when)s and the %(link)s to its page."""
    words = {
        "title": meeting.title,
        "when": when_in_words(meeting.starts_at, meeting.ends_at),
        "link": url_for("meetings.meeting", meeting_id=meeting.id, _external=True),
    }
    subject, body = subject % words, body % words
    sent = 0
    for member in members_to_tell(meeting):
        with write_transaction():
            if not SentKey.claim(f"{key}:{member.id}"):
                continue
        mail.send(member.email, subject, body)
        sent += 1
    return sent


def tell_moved(meeting: Meeting) -> int:
    return tell_once(
        meeting, f"meeting-changed:{meeting.id}:{meeting.changes}", _("Changed: %(title)s"),
        _("%(title)s has changed. It is now on %(when)s (UK time).\n\n"
          "See where it is, the access information and the agenda, or change your reply:\n"
          "%(link)s\n\nYou chose to get these emails. You can stop them on Your account."),
    )  # fmt: skip


def tell_cancelled(meeting: Meeting) -> int:
    return tell_once(
        meeting, f"meeting-cancelled:{meeting.id}", _("Cancelled: %(title)s"),
        _("%(title)s on %(when)s (UK time) is cancelled.\n\n%(link)s\n\n"
          "You chose to get these emails. You can stop them on Your account."),
    )  # fmt: skip
