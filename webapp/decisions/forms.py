"""The questions asked when opening a decision and when giving a view, each with easy read."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from ..forms import (
    DayField,
    MultiCheckboxField,
    a_day,
    choices,
    parse_day,
    scope_area_field,
    tidy_text,
)
from ..panel import PANEL
from ..wording import say
from .gradients import DOOR_PICTURES, DOORS, GRADIENTS, METHODS, QUICK

REASON_WORDS = 150
LONG_TEXT = 6000


def words_at_most(most: int):
    def check(form, field) -> None:
        words = len((field.data or "").split())
        if words > most:
            raise ValidationError(say(
                _l("You have written %(words)s words. The most is %(most)s, so take out %(over)s. "
                   "Everything you wrote is still here.", words=words, most=most, over=words - most),
                _l("It is %(over)s words too long. Take some words out.", over=words - most),
            ))  # fmt: skip

    return check


def text_box(label, missing, description=None, max_words=None, required=True) -> TextAreaField:
    checks = [DataRequired(message=missing) if required else Optional()]
    checks.append(
        Length(
            max=LONG_TEXT,
            message=say(
                _l("This is too long. Make it shorter."), _l("It is too long. Make it shorter.")
            ),
        )
    )
    if max_words:
        checks.append(words_at_most(max_words))
    return TextAreaField(label, description=description, filters=[tidy_text], validators=checks,
                         render_kw={"max_words": max_words} if max_words else None)  # fmt: skip


# Opening a decision (facilitators) -------------------------------------------------------


class TitleForm(FlaskForm):
    title = StringField(
        say(_l("What is the decision about? Give it a short title"), _l("Give the question a short name")),
        description=say(_l("For example: Meeting on Tuesday evenings"), _l("For example: Meet on Tuesdays")),
        filters=[tidy_text],
        validators=[DataRequired(message=say(_l("Write a short title"), _l("Write a short name"))),
                    Length(max=120, message=say(_l("Make the title 120 characters or fewer"),
                                                _l("Make the name shorter")))],
    )  # fmt: skip


class ProposalForm(FlaskForm):
    proposal = text_box(
        say(_l("What is proposed?"), _l("What is the idea?")),
        say(_l("Write what is proposed"), _l("Write the idea")),
        say(_l("Say it plainly, as you would to someone new."), _l("Use plain words.")),
    )
    why = text_box(
        say(_l("Why are we asking?"), _l("Why do we ask?")),
        say(_l("Write why we are asking"), _l("Write why we ask")),
    )


class EasyReadForm(FlaskForm):
    proposal_easy = text_box(
        say(_l("What is proposed, in easy read"), _l("The idea, in easy read")),
        say(_l("Write what is proposed in easy read"), _l("Write the idea in easy read")),
        say(_l("Short sentences of 15 words or fewer, one idea in each, common words, numbers "
               "as digits. We will point out anything that could be easier."),
            _l("Use short sentences. Use easy words. Write numbers like 3.")),
    )  # fmt: skip
    why_easy = text_box(
        say(_l("Why we are asking, in easy read"), _l("Why we ask, in easy read")),
        say(_l("Write why we are asking in easy read"), _l("Write why we ask in easy read")),
    )


class EasyReadHintsForm(EasyReadForm):
    pass


PRINCIPLES = PANEL  # the agreement's own names for them, as everywhere


class PrinciplesForm(FlaskForm):
    principles = MultiCheckboxField(
        say(_l("Which PANEL principles does it relate to?"), _l("Which parts of our agreement is it about?")),
        choices=choices(PRINCIPLES),
        validators=[DataRequired(message=say(_l("Choose at least one principle"), _l("Choose at least 1")))],
    )  # fmt: skip


class WhoForm(FlaskForm):
    communities = MultiCheckboxField(
        say(_l("Who is asked?"), _l("Which groups do we ask?")),
        description=say(_l("Choose every community whose members should give a view."),
                        _l("Tick each group we ask.")),
        validators=[DataRequired(message=say(_l("Choose at least one community"),
                                             _l("Choose at least 1 group")))],
    )  # fmt: skip
    platform_change = RadioField(
        say(_l("Is this about a change to how the platform works?"), _l("Is this a change to the website?")),
        description=say(_l("Platform changes are listed in the change log every member can read."),
                        _l("Changes to the website go on a list everyone can read.")),
        choices=choices({"no": say(_l("No"), _l("No")), "yes": say(_l("Yes"), _l("Yes"))}),
        default="no",
        validators=[Optional()],
    )  # fmt: skip


def date_field(label, missing, description=None) -> DayField:
    return DayField(
        label,
        description=description or say(_l("For example, 12 December 2026"),
                                       _l("For example, 12 December 2026")),
        filters=[tidy_text],
        validators=[InputRequired(message=missing), a_day(say(
            _l("Enter a real day, for example 12 December 2026"), _l("Write a real day, like 12 December 2026")))],
    )  # fmt: skip


class DatesForm(FlaskForm):
    opens_on = date_field(
        say(_l("Opens on"), _l("Start day")),
        say(_l("Enter the day it opens"), _l("Write the start day")),
    )
    closes_on = date_field(
        say(_l("Closes at the end of"), _l("Last day to answer")),
        say(_l("Enter the day it closes"), _l("Write the last day")),
    )

    def validate_closes_on(self, field) -> None:
        opens, closes = parse_day(self.opens_on.data), parse_day(field.data)
        if opens and closes and closes < opens:
            raise ValidationError(say(_l("The closing day must be on or after the opening day"),
                                      _l("The last day must be after the start day")))  # fmt: skip


def radio(label, options: dict, missing, description=None, pictures=None) -> RadioField:
    return RadioField(label, description=description, choices=choices(options),
                      validators=[InputRequired(message=missing)],
                      render_kw={"pictures": pictures} if pictures else None)  # fmt: skip


class MethodForm(FlaskForm):
    method = radio(
        say(_l("How do people answer?"), _l("How do people answer?")),
        METHODS,
        say(_l("Choose how people answer"), _l("Choose 1")),
        description=say(
            _l(
                "The Gradients of Agreement let people say how much they agree, from "
                "whole-hearted endorsement to a block, so doubts are heard before the group "
                "decides. Each person first says yes, not sure or no, then picks the exact "
                "level. The quick check asks only: I agree, I'm not sure, I disagree."
            ),
            _l(
                "People can say how much they agree. There are 8 answers. "
                "Or use 3 answers: yes, not sure, no."
            ),
        ),
    )


class ScopeForm(FlaskForm):
    """Which in-scope area of the terms of reference it belongs to: a reminder, not a gate,
    so "none of these" is always a choice. Choices are set from the communities asked."""

    scope_area = scope_area_field()


# Which answers need a reason, named on the scale the decision uses.
REASON_NEEDED = {
    GRADIENTS: say(
        _l("A reason is needed for serious disagreement and block"),
        _l("People who say no must say why"),
    ),
    QUICK: say(
        _l("A reason is needed when someone answers “I disagree”"),
        _l("People who say no must say why"),
    ),
}
# The limit is not in these hints: the word count under the box says it.
REASON_NEEDED_HINT = {
    GRADIENTS: say(
        _l("This decision asks for a reason when someone disagrees seriously or blocks. "
           "It is shown without your name."),
        _l("Tell us why you said no. We do not show your name."),
    ),
    QUICK: say(
        _l("This decision asks for a reason when someone disagrees. "
           "It is shown without your name."),
        _l("Tell us why you said no. We do not show your name."),
    ),
}  # fmt: skip


def reasons_for(method: str | None) -> dict:
    """The reasons choices for a decision answered on this scale (the Gradients until chosen)."""
    return {
        "optional": say(_l("Reasons are optional"), _l("People can say why. They do not have to.")),
        "required": REASON_NEEDED.get(method or GRADIENTS, REASON_NEEDED[GRADIENTS]),
    }


REASONS = reasons_for(GRADIENTS)
RESULTS = {
    "after": say(_l("After it closes (recommended)"), _l("After the last day")),
    "live": say(_l("As views arrive"), _l("Straight away")),
}
NAMING = {
    "anonymous": say(
        _l("Anonymous: nobody sees who said what (recommended)"),
        _l("Private: nobody sees who said what"),
    ),
    "named": say(
        _l("Named: everyone sees each person's view and name"),
        _l("Names shown: everyone sees who said what"),
    ),
}
WHO_COUNTS = {
    "everyone": say(_l("Everyone asked"), _l("Everyone")),
    "regular": say(
        _l("Regular members; views from others are counted separately"),
        _l("Regular members. We count new people on their own."),
    ),
}


class ReasonsForm(FlaskForm):
    reasons = radio(
        say(_l("Do people need to give a reason?"), _l("Must people say why?")),
        REASONS,
        say(_l("Choose whether reasons are needed"), _l("Choose 1")),
    )


class ResultsForm(FlaskForm):
    results = radio(
        say(_l("When are results shown?"), _l("When do people see the answers?")),
        RESULTS,
        say(_l("Choose when results are shown"), _l("Choose 1")),
    )


class NamingForm(FlaskForm):
    naming = radio(
        say(_l("Anonymous or named?"), _l("Private or with names?")),
        NAMING,
        say(_l("Choose anonymous or named"), _l("Choose 1")),
        description=say(
            _l("This cannot be changed once the decision opens."),
            _l("You cannot change this after the start day."),
        ),
    )


class WhoCountsForm(FlaskForm):
    counts = radio(
        say(_l("Whose views count in the result?"), _l("Whose answers count?")),
        WHO_COUNTS,
        say(_l("Choose whose views count"), _l("Choose 1")),
    )


# Giving a view (members) -----------------------------------------------------------------


class DoorForm(FlaskForm):
    door = radio(
        say(_l("Do you support this?"), _l("Do you agree with the idea?")),
        {key: wording for key, (wording, _levels) in DOORS.items()},
        say(_l("Choose an answer"), _l("Choose 1 answer")),
        pictures=DOOR_PICTURES,
    )


class LevelForm(FlaskForm):
    level = radio(
        say(_l("Which is closest to what you think?"), _l("Which is most like you?")),
        {},
        say(_l("Choose the answer closest to what you think"), _l("Choose 1 answer")),
    )


class QuickForm(FlaskForm):
    level = radio(
        say(_l("Do you support this?"), _l("Do you agree with the idea?")),
        {},
        say(_l("Choose an answer"), _l("Choose 1 answer")),
    )


class QuestionForm(FlaskForm):
    question = text_box(
        say(_l("What would you like to ask? (optional)"), _l("What do you want to ask? You do not have to.")),
        None,
        say(_l("The facilitators see your question without your name, and answer it for everyone."),
            _l("The helpers see your question. They do not see your name.")),
        max_words=REASON_WORDS, required=False,
    )  # fmt: skip


class ReasonForm(FlaskForm):
    reason = text_box(
        say(_l("Why? (optional)"), _l("Why? You do not have to say.")),
        say(_l("Say why you chose this answer"), _l("Say why")),
        say(_l("It is shown without your name."), _l("We do not show your name.")),
        max_words=REASON_WORDS, required=False,
    )  # fmt: skip


class RequiredReasonForm(ReasonForm):
    """Its hint names the answers that need a reason on the decision's scale (give.py)."""

    reason = text_box(
        say(_l("Why?"), _l("Why?")),
        say(_l("Say why you chose this answer"), _l("Say why")),
        REASON_NEEDED_HINT[GRADIENTS],
        max_words=REASON_WORDS,
    )


OUTCOMES = {
    "agreed": say(_l("Agreed"), _l("We said yes")),
    "agreed_with_changes": say(_l("Agreed with changes"), _l("We said yes, with changes")),
    "not_agreed": say(_l("Not agreed"), _l("We said no")),
    "talk_again": say(_l("We will talk again"), _l("We will talk about it again")),
}


class OutcomeForm(FlaskForm):
    outcome = radio(
        say(_l("What was decided?"), _l("What did we decide?")),
        OUTCOMES,
        say(_l("Choose what was decided"), _l("Choose 1")),
    )
    outcome_text = text_box(
        say(_l("The outcome in plain English"), _l("What we decided")),
        say(_l("Write the outcome"), _l("Write what we decided")),
    )
    outcome_easy = text_box(
        say(_l("The outcome in easy read"), _l("What we decided, in easy read")),
        say(_l("Write the outcome in easy read"), _l("Write it in easy read")),
    )
    next_steps = text_box(
        say(_l("What happens next"), _l("What happens next")),
        say(_l("Write what happens next"), _l("Write what happens next")),
    )
    next_steps_easy = text_box(
        say(_l("What happens next, in easy read"), _l("What happens next, in easy read")),
        say(_l("Write what happens next in easy read"), _l("Write it in easy read")),
    )
    # Its label and hint are the decision's scale's own (gradients.opposed_wording), set by
    # the view; needed only when someone said no, which the view checks.
    objections_answer = text_box("", "", required=False)
    review_on = date_field(
        say(_l("Review date"), _l("Day we look at it again")),
        say(_l("Enter a review date"), _l("Write a day")),
        say(
            _l("When to look at this decision again. For example, 12 June 2027"),
            _l("When we check it again. For example, 12 June 2027"),
        ),
    )


class ClosingDayForm(FlaskForm):
    """Moving the closing day once views are given (checked in change.py)."""

    closes_on = date_field(
        say(_l("When does it close now?"), _l("What is the new last day?")),
        say(_l("Enter the day it closes"), _l("Write the last day")),
        say(_l("It can move later, not earlier. For example, 12 December 2026"),
            _l("You can make it later. For example, 12 December 2026")),
    )  # fmt: skip
