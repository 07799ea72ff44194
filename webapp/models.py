"""Peewee models. Queries live on the models as classmethods."""

from __future__ import annotations

import datetime as dt

from flask import has_request_context
from flask_babel import lazy_gettext as _l
from peewee import (
    BooleanField,
    CharField,
    DateField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from . import display_names
from .extensions import db
from .prepared import prepared_select


class BaseModel(Model):
    class Meta:
        database = db


class SchemaVersion(BaseModel):
    """One row per migration step that has been applied."""

    version = IntegerField(primary_key=True)
    name = CharField()
    applied_on = DateField(default=dt.date.today)

    class Meta:
        table_name = "schema_version"


# The three communities of practice: (slug, name, summary).
COMMUNITIES = [
    (
        "people",
        "People",
        "People who use public services, their families and carers, and self-led support groups.",
    ),
    (
        "advocates",
        "Advocates and Campaigners",
        "Advocates and self-advocates, and campaigning and advocacy groups.",
    ),
    (
        "staff",
        "Staff",
        "People who work in public services, or for organisations that deliver them.",
    ),
]
# The names people read, in the visitor's language. The stored name stays English and
# serves a community an operator adds.
COMMUNITY_NAMES = {
    "people": _l("People"),
    "advocates": _l("Advocates and Campaigners"),
    "staff": _l("Staff"),
}


class Community(BaseModel):
    """One of the three communities of practice."""

    slug = CharField(unique=True)
    stored_name = CharField(column_name="name")
    summary = TextField()
    position = IntegerField(default=0)
    # Open: anyone who chooses it is in at once. Otherwise (the default) a facilitator
    # welcomes each new member and each move into it. Set by an admin.
    open_membership = BooleanField(default=False)

    class Meta:
        table_name = "community"

    @property
    def name(self) -> str:
        if not has_request_context():  # commands and migrations: the stored name
            return self.stored_name
        return str(COMMUNITY_NAMES.get(self.slug, self.stored_name))

    @classmethod
    def in_order(cls) -> list[Community]:
        return prepared_select(cls, "Community.in_order", cls._in_order)

    @classmethod
    def _in_order(cls):
        return cls.select().order_by(cls.position, cls.stored_name)

    @classmethod
    def by_slug(cls, slug: str) -> Community | None:
        return cls.get_or_none(cls.slug == slug)


class Member(BaseModel):
    """A member. Only what is needed: no real name, no IP address, no user agent.

    The day of joining is the only timestamp kept.
    """

    WAITING_FOR_AGREEMENT = "waiting for agreement"
    ACTIVE = "active"
    SAME_NAME, LOOKS_SAME = "same name", "looks the same"

    display_name = CharField()
    name_key = CharField(unique=True)  # the name folded to lower case, so names stay unique
    # Names that look the same (UTS #39 skeletons) share one of these: see display_names.py.
    name_skeleton = CharField(index=True, default="")
    name_shape = CharField(index=True, default="")
    community = ForeignKeyField(Community, backref="members", on_delete="RESTRICT")
    password_hash = CharField()
    email = CharField(null=True, unique=True)
    recovery_hash = CharField(null=True)
    status = CharField(default=WAITING_FOR_AGREEMENT)
    role = CharField(default="member")
    joined_on = DateField(default=dt.date.today)
    # Set by facilitators (see webapp/facilitation): until this day a member can read, not post.
    suspended_until = DateField(null=True)
    # A removed member cannot sign in; the reason is kept in facilitation's Sanction.
    removed_on = DateField(null=True)
    # The day a facilitator welcomed them into their community (or they joined an open one).
    # Until then they read only what is public.
    welcomed_on = DateField(null=True)

    class Meta:
        table_name = "member"

    def is_suspended(self, today: dt.date | None = None) -> bool:
        return self.suspended_until is not None and self.suspended_until > (
            today or dt.date.today()
        )

    @property
    def is_removed(self) -> bool:
        return self.removed_on is not None

    @property
    def is_welcomed(self) -> bool:
        return self.welcomed_on is not None

    @property
    def is_facilitator(self) -> bool:
        return self.role in ("facilitator", "admin")

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @staticmethod
    def fold(name: str) -> str:
        return display_names.fold(name)

    def save(self, *args, **kwargs):
        # Every way a name comes in passes here: kept tidy, with both keys beside it.
        if "display_name" in self._dirty:
            self.display_name = display_names.tidy(self.display_name)
            self.name_key = display_names.fold(self.display_name)
            self.name_skeleton, self.name_shape = display_names.look_alike_keys(self.display_name)
        return super().save(*args, **kwargs)

    @classmethod
    def name_clash(cls, name: str, member_id: int | None = None) -> str | None:
        """SAME_NAME if someone else has this name, LOOKS_SAME if someone else's looks the
        same (a Cyrillic "а" for an "a", say), or None when the name is free."""
        skeleton, shape = display_names.look_alike_keys(name)
        others = cls.select(cls.name_key).where(
            (cls.name_key == cls.fold(name))
            | (cls.name_skeleton == skeleton)
            | (cls.name_shape == shape)
        )
        if member_id is not None:
            others = others.where(cls.id != member_id)
        keys = {row.name_key for row in others}
        if not keys:
            return None
        return cls.SAME_NAME if cls.fold(name) in keys else cls.LOOKS_SAME

    @classmethod
    def name_taken(cls, name: str) -> bool:
        return cls.name_clash(name) is not None

    @classmethod
    def by_name(cls, name: str) -> Member | None:
        return cls.get_or_none(cls.name_key == cls.fold(name))

    @classmethod
    def by_email(cls, email: str) -> Member | None:
        return cls.get_or_none(cls.email == email.strip().lower())

    @classmethod
    def by_sign_in_name(cls, value: str) -> Member | None:
        """People may sign in with their display name or their email address."""
        return cls.by_email(value) if "@" in value else cls.by_name(value)

    @classmethod
    def waiting_in(cls, community: Community):
        """New members who chose this community and wait to be welcomed, oldest first."""
        return (
            cls.select()
            .where(cls.community == community, cls.welcomed_on.is_null(), cls.removed_on.is_null())
            .order_by(cls.joined_on, cls.id)
        )

    @classmethod
    def facilitators(cls):
        """Everyone who helps run a community, admins too, by name."""
        return (
            cls.select()
            .where(cls.role.in_(["facilitator", "admin"]), cls.removed_on.is_null())
            .order_by(cls.display_name)
        )

    @classmethod
    def named(cls, ids: set[int]) -> dict[int, Member]:
        return {m.id: m for m in cls.select().where(cls.id.in_(sorted(ids)))} if ids else {}

    @classmethod
    def welcomed_in(cls, community: Community):
        """The community's members: welcomed into it, and not removed."""
        return cls.select().where(
            cls.community == community, cls.welcomed_on.is_null(False), cls.removed_on.is_null()
        )

    @classmethod
    def suspended_in(cls, community: Community, today: dt.date | None = None):
        return (
            cls.select()
            .where(cls.community == community, cls.suspended_until > (today or dt.date.today()))
            .order_by(cls.display_name)
        )

    def welcome(self, today: dt.date | None = None) -> None:
        self.welcomed_on = today or dt.date.today()
        self.save()

    def join_community(self, community: Community) -> None:
        """Choose a community on joining: in at once if it is open, else welcomed later."""
        self.community = community
        self.welcomed_on = dt.date.today() if community.open_membership else None


class CommunityChange(BaseModel):
    """A member asking to move community, with their optional reason. The member stays in
    their old community until a facilitator of the new one accepts (or at once, when the
    new one is open). Deleted with the account."""

    REQUESTED = "requested"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"

    member = ForeignKeyField(Member, backref="community_changes", on_delete="CASCADE")
    from_community = ForeignKeyField(Community, on_delete="RESTRICT")
    to_community = ForeignKeyField(Community, on_delete="RESTRICT")
    reason = TextField(default="")
    changed_on = DateField(default=dt.date.today)  # the day it was asked for
    status = CharField(default=REQUESTED)
    decided_on = DateField(null=True)

    class Meta:
        table_name = "community_change"

    @classmethod
    def request(cls, member: Member, to: Community, reason: str = "") -> CommunityChange:
        """Ask to move; any earlier request still waiting is replaced by this one."""
        cls.update(status=cls.WITHDRAWN, decided_on=dt.date.today()).where(
            cls.member == member, cls.status == cls.REQUESTED
        ).execute()
        change = cls.create(
            member=member, from_community=member.community_id, to_community=to, reason=reason
        )
        if to.open_membership:
            change.accept()
        return change

    @classmethod
    def waiting_for(cls, member: Member) -> CommunityChange | None:
        return cls.get_or_none(cls.member == member, cls.status == cls.REQUESTED)

    @classmethod
    def waiting_in(cls, community: Community):
        """Moves into or out of this community that wait for a decision: the facilitators
        of both communities see them; those of the new one decide."""
        return (
            cls.select(cls, Member)
            .join(Member)
            .where(
                cls.status == cls.REQUESTED,
                (cls.to_community == community) | (cls.from_community == community),
                Member.removed_on.is_null(),
            )
            .order_by(cls.changed_on, cls.id)
        )

    def accept(self) -> None:
        member = self.member
        member.community = self.to_community_id
        member.welcomed_on = dt.date.today()
        member.save()
        self.status, self.decided_on = self.ACCEPTED, dt.date.today()
        self.save()

    def decline(self) -> None:
        self.status, self.decided_on = self.DECLINED, dt.date.today()
        self.save()
