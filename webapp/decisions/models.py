"""Decisions: what is asked, of whom, until when; who took part; the sealed views; the outcome.

Who took part (Participation) and what they said (View) are separate tables with nothing in
common but the decision: see sealing.py for why a copy of the database alone cannot join
them, and the README for the limits.
"""

from __future__ import annotations

import datetime as dt

from peewee import BooleanField, CharField, DateField, ForeignKeyField, IntegerField, TextField

from ..clock import today  # the day in the UK: tests set TODAY
from ..models import BaseModel, Community, Member
from . import sealing

OUTCOMES = ("agreed", "agreed_with_changes", "not_agreed", "talk_again")


class Decision(BaseModel):
    title = CharField()
    proposal = TextField()
    proposal_easy = TextField()
    why = TextField()
    why_easy = TextField()
    principles = CharField(default="")  # PANEL keys, space-separated
    all_communities = BooleanField(default=False)
    opens_on = DateField()
    closes_on = DateField()  # open until the end of this day
    method = CharField(default="gradients")
    reasons_required = BooleanField(default=False)  # for the levels that oppose
    results_live = BooleanField(default=False)  # shown as views arrive, else after closing
    anonymous = BooleanField(default=True)
    only_regular = BooleanField(default=False)
    platform_change = BooleanField(default=False)
    scope_area = CharField(default="")  # the in-scope area it belongs to, as written then
    created_by = ForeignKeyField(Member, null=True, on_delete="SET NULL")
    created_on = DateField(default=dt.date.today)
    announced = BooleanField(default=False)  # "a decision opens" emails sent
    outcome = CharField(null=True)
    outcome_text = TextField(default="")
    outcome_easy = TextField(default="")
    next_steps = TextField(default="")
    next_steps_easy = TextField(default="")
    objections_answer = TextField(default="")
    review_on = DateField(null=True)
    outcome_on = DateField(null=True)
    # Changed after it opened: the day, shown on its page; how many changes, so each moved
    # closing day is emailed once (change.py).
    changed_on = DateField(null=True)
    changes = IntegerField(default=0)

    class Meta:
        table_name = "decision"

    # When -------------------------------------------------------------------------------

    def is_open(self, day: dt.date | None = None) -> bool:
        day = day or today()
        return self.opens_on <= day <= self.closes_on

    def is_closed(self, day: dt.date | None = None) -> bool:
        return (day or today()) > self.closes_on

    def has_opened(self, day: dt.date | None = None) -> bool:
        return self.opens_on <= (day or today())

    # Who is asked -----------------------------------------------------------------------

    def community_ids(self) -> set[int]:
        if self.all_communities:
            return {c.id for c in Community.select(Community.id)}
        return {row.community_id for row in self.asked}

    def communities(self) -> list[Community]:
        ids = self.community_ids()
        return [c for c in Community.in_order() if c.id in ids]

    def principle_keys(self) -> list[str]:
        return self.principles.split()

    @classmethod
    def asking(cls, community_ids):
        """Decisions asked of any of these communities."""
        ids = list(community_ids)
        asked = DecisionCommunity.select(DecisionCommunity.decision).where(
            DecisionCommunity.community.in_(ids)
        )
        return cls.select().where(cls.all_communities | cls.id.in_(asked))

    @classmethod
    def newest_first(cls, query):
        return query.order_by(cls.closes_on.desc(), cls.id.desc())

    @classmethod
    def open_unanswered(cls, member: Member, day: dt.date | None = None):
        day = day or today()
        answered = Participation.select(Participation.decision).where(
            Participation.member == member
        )
        return (
            cls.asking([member.community_id])
            .where(cls.opens_on <= day, cls.closes_on >= day, cls.id.not_in(answered))
            .order_by(cls.closes_on, cls.id)
        )

    @classmethod
    def waiting_for_outcome(cls, community: Community, day: dt.date | None = None):
        day = day or today()
        return cls.asking([community.id]).where(cls.closes_on < day, cls.outcome.is_null())

    @classmethod
    def reviews_due(cls, community: Community, day: dt.date | None = None):
        day = day or today()
        return cls.asking([community.id]).where(cls.review_on.is_null(False), cls.review_on <= day)

    @classmethod
    def with_outcomes(cls, community_ids=None, everyone_only=False):
        query = cls.select().where(cls.outcome.is_null(False))
        if everyone_only:
            query = query.where(cls.all_communities)
        elif community_ids is not None:
            query = query.where(cls.id.in_(cls.asking(community_ids).select(cls.id)))
        return cls.newest_first(query)

    @classmethod
    def platform_changes(cls):
        return cls.newest_first(cls.select().where(cls.platform_change))

    @classmethod
    def to_announce(cls, day: dt.date | None = None):
        day = day or today()
        return cls.select().where(~cls.announced, cls.opens_on <= day, cls.closes_on >= day)

    def has_views(self) -> bool:
        return Participation.select().where(Participation.decision == self).exists()

    def set_communities(self, ids) -> None:
        DecisionCommunity.delete().where(DecisionCommunity.decision == self).execute()
        for community_id in sorted(ids):
            DecisionCommunity.create(decision=self, community=community_id)


class DecisionCommunity(BaseModel):
    decision = ForeignKeyField(Decision, backref="asked", on_delete="CASCADE")
    community = ForeignKeyField(Community, on_delete="CASCADE")

    class Meta:
        table_name = "decision_community"
        indexes = ((("decision", "community"), True),)


class Participation(BaseModel):
    """That a member gave a view on a decision: never which view, and no date."""

    decision = ForeignKeyField(Decision, on_delete="CASCADE")
    member = ForeignKeyField(Member, on_delete="CASCADE")

    class Meta:
        table_name = "decision_participation"
        indexes = ((("decision", "member"), True),)

    @classmethod
    def took_part(cls, decision: Decision, member: Member) -> bool:
        return cls.select().where(cls.decision == decision, cls.member == member).exists()

    @classmethod
    def count_for(cls, decision: Decision) -> int:
        return cls.select().where(cls.decision == decision).count()

    @classmethod
    def decisions_of(cls, member: Member):
        return (
            Decision.select()
            .join(cls, on=(cls.decision == Decision.id))
            .where(cls.member == member)
            .order_by(Decision.closes_on.desc())
        )


class View(BaseModel):
    """What one member said, sealed (see sealing.py). No member, no time, no clear values."""

    key = CharField(primary_key=True, max_length=64)
    decision = ForeignKeyField(Decision, on_delete="CASCADE")
    sealed = TextField()

    class Meta:
        table_name = "decision_view"

    @classmethod
    def of(cls, decision: Decision, member: Member) -> dict | None:
        """A member's own view: only the server, with its secret, can find it."""
        key = sealing.view_key(decision.id, member.id)
        row = cls.get_or_none(cls.key == key)
        return sealing.unseal(key, row.sealed) if row else None

    @classmethod
    def give(cls, decision: Decision, member: Member, content: dict) -> None:
        """Record or replace a member's view (inside the caller's write transaction)."""
        key = sealing.view_key(decision.id, member.id)
        sealed = sealing.seal(key, content)
        if cls.update(sealed=sealed).where(cls.key == key).execute() == 0:
            cls.create(key=key, decision=decision, sealed=sealed)
            Participation.get_or_create(decision=decision, member=member)

    @classmethod
    def all_for(cls, decision: Decision) -> list[dict]:
        rows = cls.select().where(cls.decision == decision)
        return [sealing.unseal(row.key, row.sealed) for row in rows]
