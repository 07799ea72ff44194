"""Records about members: the agreements they accepted, the communities they
facilitate, and the emails they chose to get."""

from __future__ import annotations

import datetime as dt

from peewee import (
    CharField,
    DateField,
    ForeignKeyField,
    IntegerField,
    TextField,
    fn,
)

from .aggregates import shown_count
from .models import BaseModel, Community, Member


class ConsentRecord(BaseModel):
    """A member's agreement to one version of an agreement, principle by principle."""

    member = ForeignKeyField(Member, backref="consents", on_delete="CASCADE")
    agreement = CharField()
    version = IntegerField()
    accepted_on = DateField(default=dt.date.today)
    principles = TextField()  # the keys accepted, space-separated
    withdrawn_on = DateField(null=True)

    class Meta:
        table_name = "consent_record"

    @classmethod
    def current(cls, member: Member, agreement: str) -> ConsentRecord | None:
        """The newest consent not withdrawn, if any."""
        return (
            cls.select()
            .where(cls.member == member, cls.agreement == agreement, cls.withdrawn_on.is_null())
            .order_by(cls.version.desc(), cls.id.desc())
            .first()
        )

    @classmethod
    def withdraw_all(cls, member: Member) -> int:
        return (
            cls.update(withdrawn_on=dt.date.today())
            .where(cls.member == member, cls.withdrawn_on.is_null())
            .execute()
        )

    @classmethod
    def counts_by_version(cls, agreement: str) -> list[tuple[int, int | None]]:
        """(version, members who accepted it), with groups under the threshold hidden as None."""
        rows = (
            cls.select(cls.version, fn.COUNT(fn.DISTINCT(cls.member)).alias("members"))
            .where(cls.agreement == agreement, cls.withdrawn_on.is_null())
            .group_by(cls.version)
            .order_by(cls.version.desc())
        )
        return [(row.version, shown_count(row.members)) for row in rows]


class Facilitation(BaseModel):
    """A member who facilitates a community. Admins facilitate every community."""

    member = ForeignKeyField(Member, backref="facilitations", on_delete="CASCADE")
    community = ForeignKeyField(Community, on_delete="CASCADE")

    class Meta:
        table_name = "facilitation"
        indexes = ((("member", "community"), True),)

    @classmethod
    def ids_for(cls, member: Member) -> set[int]:
        """The communities this member is set to facilitate (whether or not suspended)."""
        return {row.community_id for row in cls.select(cls.community).where(cls.member == member)}

    @classmethod
    def stop(cls, member: Member, community_id: int) -> None:
        cls.delete().where(cls.member == member, cls.community == community_id).execute()

    @classmethod
    def communities_of(cls, member: Member) -> frozenset[int]:
        """The communities this person may facilitate now: none while suspended or removed."""
        if not member.is_facilitator or member.is_removed or member.is_suspended():
            return frozenset()
        if member.role == "admin":
            return frozenset(c.id for c in Community.select(Community.id))
        rows = cls.select(cls.community).where(cls.member == member)
        return frozenset(row.community_id for row in rows)


class EmailWanted(BaseModel):
    """A kind of email a member chose to get (see contributions.email_choice).

    No row means no email: every kind is off until the member turns it on.
    """

    member = ForeignKeyField(Member, backref="emails_wanted", on_delete="CASCADE")
    kind = CharField()

    class Meta:
        table_name = "email_wanted"
        indexes = ((("member", "kind"), True),)

    @classmethod
    def kinds_for(cls, member: Member) -> set[str]:
        return {row.kind for row in cls.select(cls.kind).where(cls.member == member)}

    @classmethod
    def choose(cls, member: Member, kinds: set[str]) -> None:
        """Keep exactly these kinds for this member."""
        cls.delete().where(cls.member == member, cls.kind.not_in(list(kinds))).execute()
        for kind in kinds - cls.kinds_for(member):
            cls.create(member=member, kind=kind)

    @classmethod
    def members_wanting(cls, kind: str):
        """Members with an email address who chose this kind; removed members never."""
        return (
            Member.select()
            .join(cls, on=(cls.member == Member.id))
            .where(cls.kind == kind, Member.email.is_null(False), Member.removed_on.is_null())
        )
