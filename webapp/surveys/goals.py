"""Where each goal stands, from the suppressed results only.

A mood goal is met when, at the latest wave that may be shown, the share of members who
said yes reaches its target. Only answers given after the goal was set count: a member
expects a goal to be met by how people felt once it was set, not by what they said before.
Answers keep only their month, so those from the month the goal was set are left out. A realistic goal tied to action-plan activities is met when
every one of them is done (a stopped activity is not done); tied to none, it is met when a
facilitator marks it met.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from ..content import is_easyread
from ..plans.models import DONE, STOPPED, Activity
from .definition import Question, Survey
from .models import Goal
from .results import Share, WaveResult, community_results, trend
from .waves import add_months, month_of

MET, NOT_YET, UNKNOWN = "met", "not yet", "unknown"


@dataclass(frozen=True)
class Progress:
    """Where the activities a realistic goal depends on stand."""

    activities: list[Activity]

    @property
    def total(self) -> int:
        return len(self.activities)

    @property
    def done(self) -> int:
        return sum(1 for a in self.activities if a.status == DONE)

    @property
    def stopped(self) -> int:
        return sum(1 for a in self.activities if a.status == STOPPED)

    @property
    def met(self) -> bool:
        return self.total > 0 and self.done == self.total


@dataclass
class GoalStatus:
    goal: Goal
    state: str  # MET, NOT_YET or UNKNOWN (not enough answers to show safely)
    question: Question | None = None
    trend: list[tuple[int, Share | None]] | None = None
    latest: tuple[int, Share] | None = None
    progress: Progress | None = None  # realistic: its activities, if it is tied to any

    @property
    def wording(self) -> str:
        return self.goal.easy if is_easyread() else self.goal.plain


def realistic_met(goal: Goal, progress: Progress | None = None) -> bool:
    """Met when every activity it is tied to is done; tied to none (or every one since
    deleted), met when a facilitator marked it met."""
    if progress is None:
        progress = Progress(goal.activities())
    return progress.met if progress.total else goal.met_on is not None


def status_of(goal: Goal, survey: Survey, results: list[WaveResult]) -> GoalStatus:
    if goal.kind == Goal.REALISTIC:
        progress = Progress(goal.activities())
        state = MET if realistic_met(goal, progress) else NOT_YET
        return GoalStatus(goal, state, progress=progress if progress.total else None)
    question = survey.question(goal.question or "")
    if question is None:  # the question was taken out of the survey file
        return GoalStatus(goal, UNKNOWN)
    shares = trend(results, question.key)
    passing = [(months, share) for months, share in shares if share is not None]
    if not passing:
        return GoalStatus(goal, UNKNOWN, question, shares)
    latest = passing[-1]
    reached = latest[1].exact >= Fraction(goal.target or 10, 10)
    return GoalStatus(goal, MET if reached else NOT_YET, question, shares, latest)


def statuses(community, survey: Survey, today: dt.date) -> list[GoalStatus]:
    """Each goal's status; a mood goal's from the answers given after it was set."""
    since: dict[str, list[WaveResult]] = {}  # one count per month goals were set in
    found = []
    for goal in Goal.of(community):
        month = month_of(goal.set_on)
        if goal.kind == Goal.MOOD and month not in since:
            since[month] = community_results(survey, community, today, since=goal.set_on)
        found.append(status_of(goal, survey, since.get(month, [])))
    return found


def review_on(months: int, today: dt.date) -> dt.date:
    return add_months(today, months)
