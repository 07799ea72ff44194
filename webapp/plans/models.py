"""The group's plan: terms of reference (every version kept) and the action plan.

Terms of reference are never edited in place: each save is a new version, so every
member can be shown exactly what changed since the version they last read.
The action plan is activities (with a lead), tasks people volunteer for, and a dated
history of monthly updates and status changes: the plan is a living document.
"""

from __future__ import annotations

import datetime as dt
import json

from peewee import (
    BooleanField,
    CharField,
    DateField,
    ForeignKeyField,
    IntegerField,
    IntegrityError,
    TextField,
)

from ..models import BaseModel, Community, Member


def month_of(day: dt.date) -> dt.date:
    """The first day of the month a day is in: months are stored as their first day."""
    return day.replace(day=1)


def add_months(month: dt.date, n: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


class TermsVersion(BaseModel):
    """One version of a community's terms of reference: never changed once saved."""

    community = ForeignKeyField(Community, on_delete="CASCADE")
    version = IntegerField()
    parts_json = TextField()  # see terms.py: each part in plain English and easy read
    review_on = DateField()
    made_on = DateField(default=dt.date.today)
    made_by = ForeignKeyField(Member, null=True, on_delete="SET NULL")
    made_by_name = CharField(default="")  # kept if the facilitator later leaves

    class Meta:
        table_name = "terms_version"
        indexes = ((("community", "version"), True),)

    @property
    def parts(self) -> dict:
        return json.loads(self.parts_json)

    @classmethod
    def latest(cls, community: Community) -> TermsVersion | None:
        return cls.select().where(cls.community == community).order_by(cls.version.desc()).first()

    @classmethod
    def numbered(cls, community: Community, version: int) -> TermsVersion | None:
        return cls.get_or_none(cls.community == community, cls.version == version)

    @classmethod
    def history(cls, community: Community):
        return cls.select().where(cls.community == community).order_by(cls.version.desc())

    @classmethod
    def add(cls, community: Community, parts: dict, review_on: dt.date, by: Member | None,
            today: dt.date | None = None) -> TermsVersion:  # fmt: skip
        latest = cls.latest(community)
        return cls.create(
            community=community, version=(latest.version + 1) if latest else 1,
            parts_json=json.dumps(parts, ensure_ascii=False), review_on=review_on,
            made_on=today or dt.date.today(), made_by=by,
            made_by_name=by.display_name if by else "command line",
        )  # fmt: skip


class TermsRead(BaseModel):
    """The version of a community's terms a member last read ("no surprises")."""

    member = ForeignKeyField(Member, on_delete="CASCADE")
    community = ForeignKeyField(Community, on_delete="CASCADE")
    version = IntegerField()

    class Meta:
        table_name = "terms_read"
        indexes = ((("member", "community"), True),)

    @classmethod
    def last_read(cls, member: Member, community: Community) -> int | None:
        row = cls.get_or_none(cls.member == member, cls.community == community)
        return row.version if row else None

    @classmethod
    def mark(cls, member: Member, community: Community, version: int) -> None:
        updated = (
            cls.update(version=version)
            .where(cls.member == member, cls.community == community)
            .execute()
        )
        if not updated:
            cls.create(member=member, community=community, version=version)


class Plan(BaseModel):
    """A community's action plan as a whole: its annual review date."""

    community = ForeignKeyField(Community, unique=True, on_delete="CASCADE")
    review_on = DateField()
    reviewed_on = DateField(null=True)

    class Meta:
        table_name = "plan"

    @classmethod
    def of(cls, community: Community, today: dt.date | None = None) -> Plan:
        """The community's plan; a new plan is first reviewed a year from today."""
        found = cls.get_or_none(cls.community == community)
        if found is None:
            today = today or dt.date.today()
            try:
                with cls._meta.database.atomic():  # a savepoint: two first visits at once
                    found = cls.create(
                        community=community, review_on=today.replace(year=today.year + 1)
                    )
            except IntegrityError:
                found = cls.get(cls.community == community)
        return found


NOT_STARTED, ON_TRACK, NEEDS_HELP, DONE, STOPPED = (
    "not-started", "on-track", "needs-help", "done", "stopped",
)  # fmt: skip
STATUSES = (NOT_STARTED, ON_TRACK, NEEDS_HELP, DONE, STOPPED)
FINISHED = (DONE, STOPPED)


class Activity(BaseModel):
    """One activity in a community's action plan, with the member who agreed to lead it."""

    community = ForeignKeyField(Community, on_delete="CASCADE")
    title = CharField()
    title_easy = CharField(default="")
    about = TextField()
    about_easy = TextField(default="")
    panel = CharField(default="")  # PANEL principle keys, space-separated
    scope_area = CharField(default="")  # the in-scope area it belongs to, as written then
    lead = ForeignKeyField(Member, null=True, on_delete="SET NULL")
    starts = DateField()  # a month: its first day
    due = DateField()
    status = CharField(default=NOT_STARTED)
    stopped_why = TextField(default="")
    # The decision it came from. A plain number, not a foreign key: decisions are a feature
    # of their own, and the link is shown only where that feature is present.
    decision_id = IntegerField(null=True)
    made_on = DateField(default=dt.date.today)

    class Meta:
        table_name = "activity"

    @property
    def principles(self) -> list[str]:
        return self.panel.split()

    @property
    def running(self) -> bool:
        return self.status not in FINISHED

    @classmethod
    def in_plan(cls, community: Community, status: str = "", principle: str = ""):
        query = cls.select().where(cls.community == community)
        if status:
            query = query.where(cls.status == status)
        if principle:
            # Keys are single words with hyphens, so a padded match finds whole keys only.
            query = query.where((" " + cls.panel + " ").contains(f" {principle} "))
        return query.order_by(cls.due, cls.id)

    @classmethod
    def led_by(cls, member: Member):
        return cls.select().where(cls.lead == member).order_by(cls.due, cls.id)

    @classmethod
    def from_decision(cls, decision_id: int):
        return cls.select().where(cls.decision_id == decision_id).order_by(cls.id)

    def tasks(self):
        return Task.select().where(Task.activity == self).order_by(Task.position, Task.id)

    def updates(self):
        return Update.select().where(Update.activity == self).order_by(Update.month.desc())

    def latest_update(self) -> Update | None:
        return self.updates().first()

    def update_for(self, month: dt.date) -> Update | None:
        return Update.get_or_none(Update.activity == self, Update.month == month_of(month))

    def progress(self) -> tuple[int, int]:
        """(tasks done, tasks in all)."""
        tasks = list(self.tasks())
        return sum(1 for t in tasks if t.done), len(tasks)


class StatusChange(BaseModel):
    """Each change of an activity's status, dated: "what changed since last month"."""

    activity = ForeignKeyField(Activity, on_delete="CASCADE")
    status = CharField()
    changed_on = DateField(default=dt.date.today)

    class Meta:
        table_name = "status_change"


class Task(BaseModel):
    """A small piece of an activity that a member can offer to do."""

    activity = ForeignKeyField(Activity, on_delete="CASCADE")
    description = CharField()
    due = DateField(null=True)  # a month
    done = BooleanField(default=False)
    done_on = DateField(null=True)
    position = IntegerField(default=0)

    class Meta:
        table_name = "task"

    def offers(self):
        return Offer.select(Offer, Member).join(Member).where(Offer.task == self).order_by(Offer.id)

    def doing(self) -> list[Member]:
        return [o.member for o in self.offers().where(Offer.status == Offer.CONFIRMED)]

    def offer_of(self, member: Member) -> Offer | None:
        return Offer.get_or_none(Offer.task == self, Offer.member == member)


class Offer(BaseModel):
    """ "I can help with this": a member's offer, which the activity's lead answers."""

    OFFERED, CONFIRMED, DECLINED, WITHDRAWN = "offered", "confirmed", "declined", "withdrawn"

    task = ForeignKeyField(Task, on_delete="CASCADE")
    member = ForeignKeyField(Member, on_delete="CASCADE")
    status = CharField(default=OFFERED)
    note = TextField(default="")  # the lead's optional note, with a confirm or a decline
    offered_on = DateField(default=dt.date.today)
    decided_on = DateField(null=True)

    class Meta:
        table_name = "offer"
        indexes = ((("task", "member"), True),)

    @classmethod
    def of_member(cls, member: Member):
        return (
            cls.select(cls, Task, Activity)
            .join(Task)
            .join(Activity)
            .where(cls.member == member)
            .order_by(Activity.due, Task.position, Task.id)
        )

    @classmethod
    def waiting_for_lead(cls, activity: Activity):
        return (
            cls.select(cls, Task)
            .join(Task)
            .where(Task.activity == activity, cls.status == cls.OFFERED)
            .order_by(cls.id)
        )


class Update(BaseModel):
    """A lead's progress update for one month: the plan's dated history."""

    activity = ForeignKeyField(Activity, on_delete="CASCADE")
    month = DateField()
    did = TextField(default="")
    next = TextField(default="")
    in_the_way = TextField(default="")
    help_needed = TextField(default="")
    easy_summary = TextField(default="")
    written_by = ForeignKeyField(Member, null=True, on_delete="SET NULL")
    written_on = DateField(default=dt.date.today)

    class Meta:
        table_name = "plan_update"
        indexes = ((("activity", "month"), True),)

    @classmethod
    def written_by_member(cls, member: Member):
        return cls.select().where(cls.written_by == member).order_by(cls.month.desc())


MODELS = [TermsVersion, TermsRead, Plan, Activity, StatusChange, Task, Offer, Update]
