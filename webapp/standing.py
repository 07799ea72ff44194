"""A member's standing: warnings, suspensions and removals, and the reasons they are told.

Core, because signing in, "Your account" and facilitation all need it: facilitators give
sanctions (webapp/facilitation/sanctions.py); everyone else only reads them here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from peewee import CharField, DateField, ForeignKeyField, TextField

from .models import BaseModel, Member
from .wording import say

# What can happen to a member.
WARNING = "warning"
SUSPENSION = "suspension"
REMOVAL = "removal"
SANCTIONS = (WARNING, SUSPENSION, REMOVAL)

MEMBER_REASONS = {
    "respect": say(
        _l("You did not treat other people with respect, as the Community Agreement asks."),
        _l("You did not treat people with respect."),
    ),
    "hateful": say(
        _l(
            "You used hateful or discriminatory words. The Community Agreement does not allow this."
        ),
        _l("You used words of hate. Our agreement does not allow this."),
    ),
    "identifying": say(
        _l("You shared details that could identify other people."),
        _l("You shared details that show who people are."),
    ),
    "harassment": say(
        _l("You harassed or threatened another person."),
        _l("You frightened or bullied someone."),
    ),
    "spam": say(
        _l("You posted advertising or the same thing many times."),
        _l("You posted adverts or the same thing again and again."),
    ),
    "other": say(_l("See the note from the facilitator."), _l("Read the note from the helper.")),
}
MEMBER_REASON_NAMES = {
    "respect": say(_l("Not treating people with respect"), _l("Not kind to people")),
    "hateful": say(_l("Hateful or discriminatory words"), _l("Words of hate")),
    "identifying": say(_l("Identifying other people"), _l("Showing who people are")),
    "harassment": say(_l("Harassment or threats"), _l("Bullying or frightening people")),
    "spam": say(_l("Advertising or repeated posts"), _l("Adverts or the same thing again")),
    "other": say(
        _l("Another reason: write it below"), _l("Another reason. Write the reason below.")
    ),
}


class Sanction(BaseModel):
    """A warning, suspension or removal, with the reason the member sees."""

    member = ForeignKeyField(Member, backref="sanctions", on_delete="CASCADE")
    kind = CharField()
    reason = CharField()
    note = TextField(default="")
    given_on = DateField(default=dt.date.today)
    ends_on = DateField(null=True)  # suspensions only

    class Meta:
        table_name = "sanction"

    @classmethod
    def for_member(cls, member: Member):
        return cls.select().where(cls.member == member).order_by(cls.id.desc())

    @classmethod
    def latest(cls, member: Member, kind: str) -> Sanction | None:
        return cls.for_member(member).where(cls.kind == kind).first()


@dataclass
class Standing:
    suspension: Sanction | None
    removal: Sanction | None
    warnings: list[Sanction]


def standing(member: Member) -> Standing:
    """What the member is told about their account on "Your account" and at sign-in."""
    suspension = Sanction.latest(member, SUSPENSION) if member.is_suspended() else None
    removal = Sanction.latest(member, REMOVAL) if member.is_removed else None
    warnings = list(Sanction.for_member(member).where(Sanction.kind == WARNING).limit(3))
    return Standing(suspension, removal, warnings)
