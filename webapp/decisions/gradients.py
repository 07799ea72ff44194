"""The answers a decision offers: the 8 Gradients of Agreement (Sam Kaner's later wording)
or a quick check of 3. Each has a number, a picture (a distinct shape, never colour alone),
a short label, what it means, and easy-read wording.

A member first answers a simple front door ("Do you support this?") and then picks the
exact level within it, so nobody has to read 8 options at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from ..wording import Wording, say

GRADIENTS = "gradients"
QUICK = "quick"


@dataclass(frozen=True)
class Level:
    key: str
    number: int
    label: Wording
    meaning: Wording
    picture: str  # a file in static/pictures/
    pattern: str  # the chart's fill pattern for its bar
    opposes: bool = False  # a reason may be required for these
    can_live_with: bool = False  # counted in "can live with it or better"
    asks_question: bool = False  # offers a question for the facilitators


LEVELS = [
    Level("endorse", 1, say(_l("Whole-hearted endorsement"), _l("I really like it")),
          say(_l("I really like it."), _l("I am happy with the idea.")),
          "level-1.svg", "solid", can_live_with=True),
    Level("minor", 2, say(_l("Agreement with a minor point of contention"),
                          _l("I like it, with a small worry")),
          say(_l("Basically I like it."), _l("Mostly I like it.")),
          "level-2.svg", "dots", can_live_with=True),
    Level("reservations", 3, say(_l("Support with reservations"), _l("It is OK")),
          say(_l("I can live with it."), _l("I can live with it.")),
          "level-3.svg", "stripes", can_live_with=True),
    Level("abstain", 4, say(_l("Abstain"), _l("I do not mind")),
          say(_l("I have no opinion, or it does not affect me."),
              _l("It does not change things for me.")),
          "level-4.svg", "empty"),
    Level("discuss", 5, say(_l("More discussion needed"), _l("We need to talk more")),
          say(_l("I do not understand it well enough yet. I have a question."),
              _l("I want to ask a question first.")),
          "level-5.svg", "grid", asks_question=True),
    Level("dislike", 6, say(_l("Don't like but will support"), _l("I do not like it, but I will go along")),
          say(_l("I don't like this, but I don't want to hold the group back."),
              _l("I will not stop it.")),
          "level-6.svg", "waves", can_live_with=True),
    Level("serious", 7, say(_l("Serious disagreement"), _l("I do not agree")),
          say(_l("I don't agree, and I want my disagreement written down."),
              _l("Please write down what I think.")),
          "level-7.svg", "cross", opposes=True),
    Level("block", 8, say(_l("Block"), _l("I say no")),
          say(_l("I won't support this. It goes against what we agreed."),
              _l("It goes against our agreement.")),
          "level-8.svg", "checks", opposes=True),
]  # fmt: skip

QUICK_LEVELS = [
    Level("agree", 1, say(_l("I agree"), _l("I agree")),
          say(_l("I support this."), _l("I say yes.")), "level-2.svg", "solid",
          can_live_with=True),
    Level("unsure", 2, say(_l("I'm not sure"), _l("I am not sure")),
          say(_l("I need to know more, or I have a question."),
              _l("I want to know more. I can ask a question.")),
          "level-5.svg", "grid", asks_question=True),
    Level("disagree", 3, say(_l("I disagree"), _l("I do not agree")),
          say(_l("I do not support this."), _l("I say no.")), "level-7.svg", "cross",
          opposes=True),
]  # fmt: skip

# The front door: four plain answers, each leading to two exact levels.
DOORS = {
    "yes": (say(_l("Yes"), _l("Yes")), ("endorse", "minor")),
    "doubts": (say(_l("Yes, with doubts"), _l("Yes, but I have worries")),
               ("reservations", "dislike")),
    "unsure": (say(_l("I'm not sure, or it does not affect me"),
                   _l("I am not sure, or it does not change things for me")),
               ("abstain", "discuss")),
    "no": (say(_l("No"), _l("No")), ("serious", "block")),
}  # fmt: skip
DOOR_PICTURES = {"yes": "level-1.svg", "doubts": "level-3.svg", "unsure": "level-4.svg",
                 "no": "level-8.svg"}  # fmt: skip

METHODS = {
    GRADIENTS: say(_l("The Gradients of Agreement (8 levels)"), _l("8 answers, from yes to no")),
    QUICK: say(_l("A quick check: I agree, I'm not sure, I disagree"),
               _l("3 answers: yes, not sure, no")),
}  # fmt: skip


@dataclass(frozen=True)
class OpposedWording:
    """How the outcome form and page speak of those who said no, in the scale's own terms:
    a quick check has no "block", so it must not be named there."""

    notice: Wording
    missing: Wording
    label: Wording
    hint: Wording
    heading: Wording


OPPOSED_WORDING = {
    GRADIENTS: OpposedWording(
        say(_l("Some people disagreed seriously or blocked. The outcome must say how it answers them."),
            _l("Some people said no. Say what we do about it.")),
        say(_l("Some people disagreed seriously or blocked. Say how the outcome answers them"),
            _l("Some people said no. Say what we do about it")),
        say(_l("How do you answer serious disagreement and blocks?"),
            _l("What do we say to people who said no?")),
        say(_l("Needed when anyone disagreed seriously or blocked. Otherwise optional."),
            _l("You must fill this in if people said no.")),
        say(_l("Our answer to serious disagreement"), _l("What we say to people who said no")),
    ),
    QUICK: OpposedWording(
        say(_l("Some people disagreed. The outcome must say how it answers them."),
            _l("Some people said no. Say what we do about it.")),
        say(_l("Some people disagreed. Say how the outcome answers them"),
            _l("Some people said no. Say what we do about it")),
        say(_l("How do you answer the people who disagreed?"),
            _l("What do we say to people who said no?")),
        say(_l("Needed when anyone disagreed. Otherwise optional."),
            _l("You must fill this in if people said no.")),
        say(_l("Our answer to those who disagreed"), _l("What we say to people who said no")),
    ),
}  # fmt: skip


def opposed_wording(method: str) -> OpposedWording:
    return OPPOSED_WORDING.get(method, OPPOSED_WORDING[GRADIENTS])


def levels_for(method: str) -> list[Level]:
    return QUICK_LEVELS if method == QUICK else LEVELS


def level(method: str, key: str) -> Level | None:
    return next((lv for lv in levels_for(method) if lv.key == key), None)


def door_of(key: str) -> str | None:
    return next((door for door, (_w, keys) in DOORS.items() if key in keys), None)
