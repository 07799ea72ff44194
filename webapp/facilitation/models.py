"""What facilitators do: the audit log.

Nothing here records who wrote an anonymous story or reply: an audit entry names
the item by its reference, never by its author. (Concerns are in webapp/concerns/models.py;
warnings, suspensions and removals in webapp/standing.py.)
"""

from __future__ import annotations

import datetime as dt

from peewee import CharField, DateField, ForeignKeyField, TextField

from ..models import BaseModel, Community, Member


class AuditEntry(BaseModel):
    """One thing a facilitator or admin did: who, what, which item, why, and the day."""

    actor = ForeignKeyField(Member, null=True, backref="audit_entries", on_delete="SET NULL")
    actor_name = CharField()  # kept if the facilitator later leaves
    action = CharField()
    item = CharField(default="")  # "story Ab3-x", "reply 12", "member Quiet Heron"
    community = ForeignKeyField(Community, null=True, on_delete="SET NULL")
    reason = CharField(default="")
    note = TextField(default="")
    done_on = DateField(default=dt.date.today)

    class Meta:
        table_name = "audit_entry"

    @classmethod
    def record(
        cls,
        actor: Member | None,
        action: str,
        item: str = "",
        community: Community | int | None = None,
        reason: str = "",
        note: str = "",
    ) -> AuditEntry:
        return cls.create(
            actor=actor,
            actor_name=actor.display_name if actor else "command line",
            action=action,
            item=item,
            community=community,
            reason=reason,
            note=note,
        )

    @classmethod
    def page(cls, before: int | None = None, size: int = 50):
        query = cls.select().order_by(cls.id.desc())
        if before is not None:
            query = query.where(cls.id < before)
        rows = list(query.limit(size + 1))
        return rows[:size], (rows[size - 1].id if len(rows) > size else None)
