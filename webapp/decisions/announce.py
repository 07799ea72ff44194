"""The "a decision opens" email: only to members who chose it on "Your account" (off by
default), who gave an email address, and who may give a view on that decision.

It says which decision is open and where, and nothing about anyone's view. Sent once per
decision: when it is opened (if it opens that day) or by the daily `announce-decisions`."""

from __future__ import annotations

from flask import current_app
from flask_babel import format_date
from flask_babel import gettext as _

from .. import mail
from ..database import write_transaction
from ..member_records import EmailWanted
from .access import viewer_for, why_no_view
from .models import Decision, today

KIND = "decision-opened"


def announce_due() -> int:
    """Email every decision that has opened and not yet been announced; returns emails sent."""
    sent = 0
    day = today()
    for decision in list(Decision.to_announce(day)):
        with write_transaction():
            claimed = (
                Decision.update(announced=True)
                .where(Decision.id == decision.id, ~Decision.announced)
                .execute()
            )
        if not claimed:  # another process is sending this one
            continue
        for member in EmailWanted.members_wanting(KIND):
            if why_no_view(decision, viewer_for(member), day) is None:
                mail.send(member.email, _("A decision is open: %(title)s", title=decision.title),
                          body(decision))  # fmt: skip
                sent += 1
    return sent


def body(decision: Decision) -> str:
    base = current_app.config.get("PUBLIC_URL") or ""
    return _(
        "A new decision is open on Common Ground: %(title)s.\n\n"
        "You can give your view until the end of %(closes)s:\n%(url)s\n\n"
        "You chose to get this email. You can stop it on Your account.",
        title=decision.title, closes=format_date(decision.closes_on, "EEEE d MMMM"),
        url=f"{base}/decisions/{decision.id}",
    )  # fmt: skip
