"""Warning, suspending and removing members: each with a reason the member sees.

Removing a member can also remove their stories and replies, but never by default:
stories belong to their authors unless they break the agreement.
"""

from __future__ import annotations

import datetime as dt

from ..database import write_transaction
from ..member_records import Facilitation
from ..models import Member
from ..standing import REMOVAL, SUSPENSION, WARNING, Sanction
from ..stories.models import REMOVED, Reply, Story
from .models import AuditEntry

AUDIT_ACTION = {
    WARNING: "warned member",
    SUSPENSION: "suspended member",
    REMOVAL: "removed member",
}


def give(
    actor: Member | None,
    member: Member,
    kind: str,
    reason: str,
    note: str = "",
    days: int | None = None,
    remove_posts: bool = False,
    community=None,
) -> Sanction:
    today = dt.date.today()
    ends_on = today + dt.timedelta(days=days) if kind == SUSPENSION and days else None
    audit_note = note.strip()
    with write_transaction():
        sanction = Sanction.create(
            member=member, kind=kind, reason=reason, note=note.strip(), ends_on=ends_on
        )
        if kind == SUSPENSION:
            member.suspended_until = ends_on
        if kind == REMOVAL:
            member.removed_on = today
            if member.role == "facilitator":
                member.role = "member"
                Facilitation.delete().where(Facilitation.member == member).execute()
            if remove_posts:
                for model in (Story, Reply):
                    model.update(
                        status=REMOVED, decided_on=today, reason="other", reason_note=""
                    ).where(model.author == member, model.status != REMOVED).execute()
                audit_note = (audit_note + "\n\n" if audit_note else "") + (
                    "Their stories and replies were removed too."
                )
        member.save()
        until = f" until {ends_on.isoformat()}" if ends_on else ""
        AuditEntry.record(
            actor,
            AUDIT_ACTION[kind] + until,
            item=f"member {member.display_name}",
            community=community or member.community_id,
            reason=reason,
            note=audit_note,
        )
    return sanction
