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
from ..receipts import SentKey
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
        for member in members_to_tell(decision, day):
            mail.send(member.email, _("A decision is open: %(title)s", title=decision.title),
                      body(decision))  # fmt: skip
            sent += 1
    return sent


def members_to_tell(decision: Decision, day) -> list:
    """Those who chose decision emails and may give a view on it now."""
    wanting = EmailWanted.members_wanting(KIND)
    return [m for m in wanting if why_no_view(decision, viewer_for(m), day) is None]


def tell_closing_moved(decision: Decision) -> int:
    """The closing day moved after members were told it: each is told once per change
    (the key names the change), however often the form is sent."""
    sent = 0
    for member in members_to_tell(decision, today()):
        with write_transaction():
            if not SentKey.claim(f"decision-moved:{decision.id}:{decision.changes}:{member.id}"):
                continue
        mail.send(member.email, _("The closing day has changed: %(title)s", title=decision.title),
                  moved_body(decision))  # fmt: skip
        sent += 1
    return sent


def moved_body(decision: Decision) -> str:
    return _(
        "The decision %(title)s on Common Ground now closes at the end of %(closes)s.\n\n"
        "You can give your view, or change it, until then:\n%(url)s\n\n"
        "You chose to get this email. You can stop it on Your account.",
        **_about(decision),
    )


def body(decision: Decision) -> str:
    return _(
        "A new decision is open on Common Ground: %(title)s.\n\n"
        "You can give your view until the end of %(closes)s:\n%(url)s\n\n"
        "You chose to get this email. You can stop it on Your account.",
        **_about(decision),
    )


def _about(decision: Decision) -> dict:
    """What each email names: the decision, its last day and its address."""
    base = current_app.config.get("PUBLIC_URL") or ""
    return {"title": decision.title, "url": f"{base}/decisions/{decision.id}",
            "closes": format_date(decision.closes_on, "EEEE d MMMM")}  # fmt: skip
