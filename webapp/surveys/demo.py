"""Demo answers and goals, so `make run` shows "How are we doing?" with figures in People
and "not enough answers to show safely" in Advocates and Campaigners. The demo member's
3-month survey is ready, so the home page offers it. Once the demo plan is loaded (`make
demo` loads it first), a realistic goal is tied to two of its activities."""

from __future__ import annotations

import datetime as dt

from ..database import write_transaction
from ..join.demo import DEMO_MEMBER
from ..models import Community, Member
from ..plans.models import Activity
from .models import Goal, SurveyAnswer
from .waves import add_months

# How many gave each answer, per community and wave. Written out rather than drawn at
# random so the demo shows what a real group would see: in People at 3 and 6 months the
# answers other than "Yes" add up to 5 or more, so the "yes" counts can be shown
# (feeling listened to rises from 6 to 7 in 10); 3 answers at 12 months and in Advocates
# and Campaigners are too few to show anything. "" is a skipped question.
PLANNED = {
    ("people", 3): {
        "listened-to": {"yes": 9, "sometimes": 4, "no": 2},
        "safe-to-share": {"yes": 10, "sometimes": 3, "no": 2},
        "influence": {"yes": 6, "sometimes": 6, "no": 3},
        "worth-it": {"yes": 10, "sometimes": 3, "": 2},
    },
    ("people", 6): {
        "listened-to": {"yes": 11, "sometimes": 3, "no": 2},
        "safe-to-share": {"yes": 11, "sometimes": 4, "": 1},
        "influence": {"yes": 7, "sometimes": 6, "no": 3},
        "worth-it": {"yes": 11, "sometimes": 4, "no": 1},
    },
    ("people", 12): {"listened-to": {"yes": 2, "sometimes": 1}, "worth-it": {"yes": 3}},
    ("advocates", 3): {"listened-to": {"yes": 2, "no": 1}, "safe-to-share": {"yes": 3}},
}
WORDS = (
    "Meetings in the evening, so I can come after work.",
    "More easy read papers before meetings.",
    "Call me back, Sam Patel on 07700 900123, I have ideas.",
    "Knowing what happened to what we said.",
    "",
    "A quiet room at meetings.",
)


def answer_sets(planned: dict[str, dict[str, int]]) -> list[dict[str, str]]:
    """One dict of answers per person, giving exactly the planned counts."""
    people = max(sum(counts.values()) for counts in planned.values())
    sets: list[dict[str, str]] = [{} for _ in range(people)]
    for key, counts in planned.items():
        values = [value for value, n in counts.items() for _ in range(n)]
        for answers, value in zip(sets, values + [""] * (people - len(values)), strict=True):
            answers[key] = value
    for n, answers in enumerate(sets):
        answers["one-thing"] = WORDS[n % len(WORDS)]
    return sets


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
    with write_transaction():
        for (slug, wave), planned in PLANNED.items():
            community = Community.by_slug(slug)
            for answers in answer_sets(planned):
                SurveyAnswer.record_rows(community, wave, answers, add_months(today, -1))
        people = Community.by_slug("people")
        set_on = add_months(today, -4)  # before the answers: only later answers meet a goal
        Goal.create(community=people, kind=Goal.MOOD, question="listened-to", target=8,
                    plain="8 in 10 members feel listened to",
                    easy="Most people feel we listen to them",
                    review_on=add_months(today, 3), set_on=set_on)  # fmt: skip
        Goal.create(community=people, kind=Goal.MOOD, question="safe-to-share", target=7,
                    plain="7 in 10 members feel safe to share their experiences",
                    easy="Most people feel safe to tell their story",
                    review_on=add_months(today, 6), set_on=set_on)  # fmt: skip
        Goal.create(community=people, kind=Goal.REALISTIC,
                    plain="Hold every meeting in a step-free place with a quiet room",
                    easy="Meet in places everyone can get into",
                    review_on=today + dt.timedelta(days=10))  # fmt: skip
        member = Member.by_name(DEMO_MEMBER[0])
        if member is not None:  # their 3-month survey is ready today
            member.joined_on = add_months(today, -3)
            member.save()
    return "Demo survey answers and goals are loaded."
