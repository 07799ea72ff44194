"""Demo answers and goals, so `make run` shows "How are we doing?" with figures in People
and "not enough answers to show safely" in Advocates and Campaigners. The demo member's
3-month survey is ready, so the home page offers it. Once the demo plan is loaded (`make
demo` loads it first), a realistic goal is tied to two of its activities."""

from __future__ import annotations

import datetime as dt
import random

from ..database import write_transaction
from ..join.demo import DEMO_MEMBER
from ..models import Community, Member
from ..plans.models import Activity
from .models import Goal, SurveyAnswer
from .waves import add_months

# (community, wave, how many answered): People passes at 3 and 6 months, not at 12;
# Advocates and Campaigners has too few answers to show anything yet.
SETS = (("people", 3, 9), ("people", 6, 7), ("people", 12, 3), ("advocates", 3, 3))
WORDS = (
    "Meetings in the evening, so I can come after work.",
    "More easy read papers before meetings.",
    "Call me back, Sam Patel on 07700 900123, I have ideas.",
    "Knowing what happened to what we said.",
    "",
    "A quiet room at meetings.",
)


def answer_set(rng: random.Random, n: int) -> dict[str, str]:
    # People listened-to improves between waves; a few skip a question.
    chance = {"listened-to": 0.5 + n / 40, "safe-to-share": 0.7, "influence": 0.4, "worth-it": 0.6}
    answers = {}
    for key, yes in chance.items():
        roll = rng.random()
        answers[key] = ("yes" if roll < yes else "sometimes" if roll < 0.9 else
                        "no" if roll < 0.97 else "")  # fmt: skip
    answers["one-thing"] = rng.choice(WORDS)
    return answers


TIED_GOAL = "Services' letters are clearer, and carers have a guide to giving feedback"
TIED_TO = ("Clear letters and leaflets", "A carers' guide to feedback")


def tie_demo_goal(today: dt.date) -> bool:
    """A realistic goal in People tied to the demo plan's activities: once, and only when
    those activities are there."""
    people = Community.by_slug("people")
    activities = list(Activity.in_plan(people).where(Activity.title.in_(TIED_TO)))
    if not activities or Goal.select().where(Goal.plain == TIED_GOAL).exists():
        return False
    with write_transaction():
        goal = Goal.create(community=people, kind=Goal.REALISTIC, plain=TIED_GOAL,
                           easy="Letters are easier to read. Carers know how to tell services what they think.",
                           review_on=add_months(today, 6))  # fmt: skip
        goal.tie_to([a.id for a in activities])
    return True


def load_demo(today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    tied = tie_demo_goal(today)
    if SurveyAnswer.select().exists():
        if tied:
            return "A demo goal is tied to the demo plan's activities."
        return "There are survey answers already: nothing loaded."
    rng = random.Random(18)
    with write_transaction():
        for slug, wave, people in SETS:
            community = Community.by_slug(slug)
            for n in range(people):
                answered_on = add_months(today, -1)
                SurveyAnswer.record_rows(community, wave, answer_set(rng, wave + n), answered_on)
        people = Community.by_slug("people")
        Goal.create(community=people, kind=Goal.MOOD, question="listened-to", target=8,
                    plain="8 in 10 members feel listened to",
                    easy="Most people feel we listen to them",
                    review_on=add_months(today, 3))  # fmt: skip
        Goal.create(community=people, kind=Goal.MOOD, question="safe-to-share", target=7,
                    plain="7 in 10 members feel safe to share their experiences",
                    easy="Most people feel safe to tell their story",
                    review_on=add_months(today, 6))  # fmt: skip
        Goal.create(community=people, kind=Goal.REALISTIC,
                    plain="Hold every meeting in a step-free place with a quiet room",
                    easy="Meet in places everyone can get into",
                    review_on=today + dt.timedelta(days=10))  # fmt: skip
        member = Member.by_name(DEMO_MEMBER[0])
        if member is not None:  # their 3-month survey is ready today
            member.joined_on = add_months(today, -3)
            member.save()
    return "Demo survey answers and goals are loaded."
