"""Deciding about a story or a reply: approve, ask for changes, suggest removing
identifying details, or remove. Each decision closes the item's open reports and
goes in the audit log, naming the item and never its author."""

from __future__ import annotations

import datetime as dt

from flask_babel import lazy_gettext as _l

from ..concerns.models import Report
from ..database import write_transaction
from ..models import Member
from ..stories.models import APPROVED, CHANGES_REQUESTED, REMOVED
from ..wording import say
from .flags import IDENTIFYING as IDENTIFYING_FLAG
from .forms import APPROVE, CHANGES, IDENTIFYING, REMOVE
from .items import Item
from .models import AuditEntry

STATUS_FOR = {
    APPROVE: APPROVED,
    CHANGES: CHANGES_REQUESTED,
    IDENTIFYING: CHANGES_REQUESTED,
    REMOVE: REMOVED,
}
AUDIT_ACTION = {
    APPROVE: "approved",
    CHANGES: "asked for changes",
    IDENTIFYING: "suggested removing identifying details",
    REMOVE: "removed",
}
DONE = {
    APPROVE: say(_l("Approved."), _l("Done. People can read it.")),
    CHANGES: say(_l("Sent back to the author for changes."), _l("Done. We asked the writer to change it.")),
    IDENTIFYING: say(
        _l("Sent back to the author to remove identifying details."),
        _l("Done. We asked the writer to take out details."),
    ),
    REMOVE: say(_l("Removed."), _l("Done. It is taken away.")),
}  # fmt: skip


def found_details(item: Item) -> bool:
    """Whether the identifying check found details. The author's pages run the same
    check on their words and show each one, so nothing is copied into the note."""
    return any(f.kind == IDENTIFYING_FLAG for f in item.flagged_words)


def decide(
    actor: Member | None, item: Item, decision: str, reason: str = "", note: str = ""
) -> None:
    """Record a decision. `note` is only ever the facilitator's own words: the author
    reads it as theirs, so nothing generated goes in it."""
    thing = item.thing
    note = note.strip()
    if decision == IDENTIFYING:
        reason = "identifying"  # the author reads REASONS["identifying"], in their variant
    if decision == APPROVE:
        reason, note = "", ""
    with write_transaction():
        thing.status = STATUS_FOR[decision]
        thing.decided_on = dt.date.today()
        thing.reason = reason
        thing.reason_note = note
        thing.save()
        Report.close_for(item.story, item.reply)
        AuditEntry.record(
            actor,
            AUDIT_ACTION[decision],
            item=item.label,
            community=item.story.community_id,
            reason=reason,
            note=note,
        )
