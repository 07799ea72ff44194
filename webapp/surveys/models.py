"""Survey answers, kept apart from who gave them, and each community's goals.

- `SurveyAnswered` says only that a member has answered a wave (so nobody answers twice).
- `SurveyAnswer` holds one answer: the community, the wave, the month, the question and
  the value. No member, no day, no time of day, and nothing that ties it to the other
  answers sent with it.
- Both have random keys, and on SQLite are stored in the order of those keys (WITHOUT
  ROWID), so the order rows were written in is not kept either. On PostgreSQL the daily
  `survey-emails` job reorders both tables by their random keys (see the README).
"""

from __future__ import annotations

import datetime as dt
import random
import secrets

from peewee import CharField, DateField, ForeignKeyField, IntegerField, TextField, fn

from ..models import BaseModel, Community, Member
from ..plans.models import Activity
from .waves import month_of

TOOK_PART = "_took_part"  # one row per answer set, so "how many answered" needs no person


def random_key() -> str:
    return secrets.token_hex(16)


class SurveyAnswered(BaseModel):
    id = CharField(primary_key=True, default=random_key)
    member = ForeignKeyField(Member, on_delete="CASCADE")
    wave = IntegerField()  # 3, 6 or 12: months after joining

    class Meta:
        table_name = "survey_answered"
        indexes = ((("member", "wave"), True),)

    @classmethod
    def waves_of(cls, member: Member) -> set[int]:
        return {row.wave for row in cls.select(cls.wave).where(cls.member == member)}


class SurveyInvited(BaseModel):
    """That a member who chose the email was sent it for a wave, so it goes once."""

    id = CharField(primary_key=True, default=random_key)
    member = ForeignKeyField(Member, on_delete="CASCADE")
    wave = IntegerField()

    class Meta:
        table_name = "survey_invited"
        indexes = ((("member", "wave"), True),)


class SurveyAnswer(BaseModel):
    id = CharField(primary_key=True, default=random_key)
    community = ForeignKeyField(Community, on_delete="CASCADE")
    wave = IntegerField()
    month = CharField(max_length=7)  # "2026-11": the only time kept
    question = CharField()
    value = TextField()

    class Meta:
        table_name = "survey_answer"

    @classmethod
    def record(cls, member: Member, wave: int, answers: dict[str, str], today: dt.date) -> None:
        """One answer set: the answered row, and the answers apart from it, in random order.
        Call inside write_transaction(). Skipped questions write nothing."""
        SurveyAnswered.create(member=member, wave=wave)
        cls.record_rows(member.community_id, wave, answers, today)

    @classmethod
    def record_rows(cls, community, wave: int, answers: dict[str, str], today: dt.date) -> None:
        """The answers alone, each its own row with its own random key, in random order."""
        rows = [(TOOK_PART, "1")] + [(k, v) for k, v in answers.items() if v]
        random.shuffle(rows)
        month = month_of(today)
        for question, value in rows:
            cls.create(community=community, wave=wave, month=month, question=question, value=value)

    @classmethod
    def took_part(cls, community: Community) -> dict[tuple[int, str], int]:
        """How many people answered each wave in each month: {(wave, month): count}."""
        rows = (
            cls.select(cls.wave, cls.month, fn.COUNT(cls.id).alias("n"))
            .where(cls.community == community, cls.question == TOOK_PART)
            .group_by(cls.wave, cls.month)
        )
        return {(row.wave, row.month): row.n for row in rows}

    @classmethod
    def tallies(
        cls, community: Community, wave: int, months: set[str]
    ) -> dict[tuple[str, str], int]:
        """{(question, value): count} for one wave's answers from these months."""
        rows = (
            cls.select(cls.question, cls.value, fn.COUNT(cls.id).alias("n"))
            .where(cls.community == community, cls.wave == wave, cls.question != TOOK_PART,
                   cls.month.in_(sorted(months)))
            .group_by(cls.question, cls.value)
        )  # fmt: skip
        return {(row.question, row.value): row.n for row in rows}

    @classmethod
    def words(cls, community: Community, wave: int, question: str, months: set[str]) -> list[str]:
        """Free-text answers to one question, in the order of their random keys."""
        rows = cls.select(cls.value).where(
            cls.community == community, cls.wave == wave, cls.question == question,
            cls.month.in_(sorted(months)),
        )  # fmt: skip
        return [row.value for row in rows.order_by(cls.id)]


class Goal(BaseModel):
    """What a community wants to achieve, and how it will know.

    Realistic: "x has been achieved": met when every action-plan activity it is tied to is
    done, or, when it is tied to none, when a facilitator marks it met. Mood: "x will feel",
    a survey question and a target share, such as 8 in 10 members feeling listened to."""

    REALISTIC, MOOD = "realistic", "mood"

    community = ForeignKeyField(Community, backref="goals", on_delete="CASCADE")
    kind = CharField()
    plain = TextField()
    easy = TextField()
    question = CharField(null=True)  # mood: the survey question's key
    target = IntegerField(null=True)  # mood: how many in 10
    review_on = DateField()
    met_on = DateField(null=True)  # realistic, tied to no activity: the day marked met
    set_on = DateField(default=dt.date.today)

    class Meta:
        table_name = "goal"

    @classmethod
    def of(cls, community: Community):
        return cls.select().where(cls.community == community).order_by(cls.review_on, cls.id)

    @classmethod
    def due_for_review(cls, community: Community, today: dt.date, within_days: int = 14):
        """Goals whose review date is close or past, and not yet met."""
        soon = today + dt.timedelta(days=within_days)
        return cls.of(community).where(cls.review_on <= soon, cls.met_on.is_null())

    def mark_met(self, today: dt.date) -> None:
        self.met_on = today
        self.save()

    def activities(self) -> list[Activity]:
        """The action-plan activities this goal depends on, in the plan's order."""
        return list(
            Activity.select()
            .join(GoalActivity)
            .where(GoalActivity.goal == self)
            .order_by(Activity.due, Activity.id)
        )

    def tie_to(self, activity_ids: list[int]) -> None:
        """Tie the goal to exactly these activities (none for a mood goal).
        Call inside write_transaction(); the ids are already checked against the plan."""
        GoalActivity.delete().where(GoalActivity.goal == self).execute()
        for activity_id in sorted(set(activity_ids)):
            GoalActivity.create(goal=self, activity=activity_id)

    @classmethod
    def serving(cls, activity: Activity):
        """The goals tied to one activity."""
        return (
            cls.select()
            .join(GoalActivity)
            .where(GoalActivity.activity == activity)
            .order_by(cls.review_on, cls.id)
        )


class GoalActivity(BaseModel):
    """A realistic goal depends on an activity in its community's action plan. Deleting
    either one deletes the tie."""

    goal = ForeignKeyField(Goal, on_delete="CASCADE")
    activity = ForeignKeyField(Activity, on_delete="CASCADE")

    class Meta:
        table_name = "goal_activity"
        indexes = ((("goal", "activity"), True),)
