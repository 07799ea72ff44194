"""Deciding about a story or a reply: approve, ask for changes, suggest removing
identifying details, or remove. Each decision closes the item's open reports and
goes in the audit log, naming the item and never its author."""

from __future__ import annotations

import datetime as dt

from flask_babel import lazy_gettext as _l

from ..database import write_transaction
from ..models import Member
from ..stories.models import APPROVED, CHANGES_REQUESTED, REMOVED
from ..wording import say
from .flags import IDENTIFYING as IDENTIFYING_FLAG
from .forms import APPROVE, CHANGES, IDENTIFYING, REMOVE
from .items import Item
from .models import AuditEntry, Report

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


def details_note(item: Item) -> str:
    """The identifying details, listed for the author to find and take out."""
    found = [f for f in item.flagged_words if f.kind == IDENTIFYING_FLAG]
    if not found:
        return ""
    lines = [f"“{f.text}”" + (f" ({f.detail})" if f.detail else "") for f in found]
    return "These parts could identify someone: " + "; ".join(lines) + "."


def decide(actor: Member, item: Item, decision: str, reason: str = "", note: str = "") -> None:
    thing = item.thing
    own_words = note.strip()  # the audit keeps these, not the details themselves
    if decision == IDENTIFYING:
        reason = "identifying"
        note = "\n\n".join(part for part in (details_note(item), note.strip()) if part)
    if decision == APPROVE:
        reason, note, own_words = "", "", ""
    with write_transaction():
        thing.status = STATUS_FOR[decision]
        thing.decided_on = dt.date.today()
        thing.reason = reason
        thing.reason_note = note.strip()
        thing.save()
        Report.close_for(item.story, item.reply)
        AuditEntry.record(
            actor,
            AUDIT_ACTION[decision],
            item=item.label,
            community=item.story.community_id,
            reason=reason,
            note=own_words,
        )
