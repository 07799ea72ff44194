"""Where each goal stands, from the suppressed results only.

A mood goal is met when, at the latest wave that may be shown, the share of members who
said yes reaches its target. A realistic goal is met when a facilitator marks it met.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from ..content import is_easyread
from .definition import Question, Survey
from .models import Goal
from .results import Share, WaveResult, trend
from .waves import add_months

MET, NOT_YET, UNKNOWN = "met", "not yet", "unknown"


@dataclass
class GoalStatus:
    goal: Goal
    state: str  # MET, NOT_YET or UNKNOWN (not enough answers to show safely)
    question: Question | None = None
    trend: list[tuple[int, Share | None]] | None = None
    latest: tuple[int, Share] | None = None

    @property
    def wording(self) -> str:
        return self.goal.easy if is_easyread() else self.goal.plain


def realistic_met(goal: Goal) -> bool:
    """A realistic goal is met when a facilitator marks it met.

    When the action plan (webapp/plans) is on main, this is the place to tie a goal to its
    activities: met when every one of them is done."""
    return goal.met_on is not None


def status_of(goal: Goal, survey: Survey, results: list[WaveResult]) -> GoalStatus:
    if goal.kind == Goal.REALISTIC:
        return GoalStatus(goal, MET if realistic_met(goal) else NOT_YET)
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


def statuses(community, survey: Survey, results: list[WaveResult]) -> list[GoalStatus]:
    return [status_of(goal, survey, results) for goal in Goal.of(community)]


def review_on(months: int, today: dt.date) -> dt.date:
    return add_months(today, months)
