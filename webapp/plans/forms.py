"""Forms for the terms of reference and the action plan. Every label has an easy-read twin."""

from __future__ import annotations

import datetime as dt

from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import AnyOf, InputRequired, Length, Optional, ValidationError

from ..forms import MultiCheckboxField, choices, scope_area_field, scope_choices, tidy_text
from ..receipts import SendOnceField
from ..wording import say
from .models import NOT_STARTED, STATUSES, STOPPED, add_months, month_of
from .terms import TEXT_PARTS, lines
from .words import PANEL, STATUS_NAMES

LONG = 2000


def _required(plain, easy):
    return InputRequired(message=say(plain, easy))


def _short(n: int = LONG):
    return Length(max=n, message=say(
        _l("Use %(n)s characters or fewer", n=f"{n:,}"), _l("Use fewer words."),
    ))  # fmt: skip


def month_choices(today: dt.date, blank=None) -> list[tuple[str, str]]:
    """A year back to three years ahead, as "November 2026"."""
    first = month_of(today)
    months = [add_months(first, n) for n in range(-12, 37)]
    found = [(m.strftime("%Y-%m"), format_date(m, "MMMM y")) for m in months]
    return ([("", str(blank))] if blank else []) + found


def parse_month(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value + "-01") if value else None


def _text(plain, easy, hint=None, required=None):
    validators = [_required(*required)] if required else [Optional()]
    return TextAreaField(say(plain, easy), description=hint, filters=[tidy_text],
                         validators=[*validators, _short()])  # fmt: skip


EASY_HINT = say(
    _l("Optional. Short sentences and common words. Left empty, the plain English is shown."),
    _l("You do not have to fill this in."),
)


# Each written part: plain English (needed) and easy read (optional). Made before the
# form's other fields, so the page and its error summary list them in the same order.
_PARTS = {}
for _key, _name in TEXT_PARTS.items():
    _PARTS[f"{_key}_plain"] = _text(_name, _name, required=(
        _l("Write the part called %(name)s", name=_name), _l("Write this part: %(name)s", name=_name),
    ))  # fmt: skip
    _PARTS[f"{_key}_easy"] = _text(_l("%(name)s, in easy read", name=_name),
                                   _l("%(name)s, in easy read", name=_name), hint=EASY_HINT)  # fmt: skip


class TermsForm(FlaskForm):
    once = SendOnceField()
    in_scope_plain = _text(
        _l("What is in scope: one area on each line"), _l("Things we work on. One on each line."),
        required=(_l("Write at least one area the group works on"), _l("Write 1 thing we work on.")),
    )  # fmt: skip
    in_scope_easy = _text(_l("In scope, in easy read: one on each line, in the same order"),
                          _l("Things we work on, in easy read"), hint=EASY_HINT)  # fmt: skip
    out_of_scope_plain = _text(
        _l("What is out of scope: one on each line, then | and where to take it instead"),
        _l("Things we do not work on. One on each line. Then | and where to go."),
        hint=say(_l("For example: Individual complaints | the service's complaints team"),
                 _l("Like this: Complaints | the complaints team")),
    )  # fmt: skip
    out_of_scope_easy = _text(_l("Out of scope, in easy read: the same lines, in the same order"),
                              _l("Things we do not work on, in easy read"), hint=EASY_HINT)  # fmt: skip
    review_on = DateField(
        say(_l("Next review date"), _l("When we look at this again")),
        description=say(_l("Usually a year from now."), _l("Most groups do this every year.")),
        validators=[_required(_l("Enter the next review date, like 2027-11-01"),
                              _l("Write the date we look at this again."))],
    )  # fmt: skip

    def validate_in_scope_easy(self, field):
        _same_lines(self.in_scope_plain.data, field.data)

    def validate_out_of_scope_easy(self, field):
        _same_lines(self.out_of_scope_plain.data, field.data)


for _name, _field in _PARTS.items():
    setattr(TermsForm, _name, _field)


def _same_lines(plain: str | None, easy: str | None) -> None:
    if easy and len(lines(easy)) != len(lines(plain)):
        raise ValidationError(say(
            _l("Write one easy-read line for each line in plain English (%(n)s), or leave it empty", n=len(lines(plain))),
            _l("Write the same number of lines (%(n)s). Or leave it empty.", n=len(lines(plain))),
        ))  # fmt: skip


class ActivityForm(FlaskForm):
    once = SendOnceField()
    title = StringField(
        say(_l("Title"), _l("Name of the activity")),
        filters=[tidy_text],
        validators=[_required(_l("Give the activity a title"), _l("Write a name.")), _short(150)],
    )  # fmt: skip
    title_easy = StringField(say(_l("Title in easy read"), _l("Name in easy read")),
                             description=EASY_HINT, filters=[tidy_text],
                             validators=[Optional(), _short(150)])  # fmt: skip
    about = _text(_l("What it is and why"), _l("What it is. Why we do it."),
                  required=(_l("Say what the activity is and why"), _l("Write what it is.")))  # fmt: skip
    about_easy = _text(_l("What it is and why, in easy read"), _l("In easy read"), hint=EASY_HINT)
    scope_area = scope_area_field()
    panel = MultiCheckboxField(say(_l("PANEL principles it serves (optional)"), _l("Which parts of our agreement does it help?")),
                               choices=choices(PANEL), validators=[Optional()])  # fmt: skip
    lead = SelectField(say(_l("Lead: a member who agreed to lead it"), _l("Who leads it")),
                       validators=[Optional()])  # fmt: skip
    decision = SelectField(say(_l("The decision it came from (optional)"), _l("The decision it came from")),
                           validators=[Optional()])  # fmt: skip
    starts = SelectField(say(_l("Start month"), _l("Month it starts")),
                         validators=[_required(_l("Choose the start month"), _l("Pick a month."))])  # fmt: skip
    due = SelectField(say(_l("Due month"), _l("Month it should be done")),
                      validators=[_required(_l("Choose the due month"), _l("Pick a month."))])  # fmt: skip

    def set_choices(self, today: dt.date, areas, members, decisions=()) -> None:
        self.scope_area.choices = scope_choices(areas)
        self.lead.choices = [("", str(say(_l("Nobody yet"), _l("Nobody yet"))))] + [
            (str(m.id), m.display_name) for m in members
        ]
        self.starts.choices = self.due.choices = month_choices(today)
        self.decision.choices = [("", str(say(_l("None"), _l("None"))))] + [
            (str(d.id), d.title) for d in decisions
        ]

    def validate_due(self, field):
        if self.starts.data and field.data and field.data < self.starts.data:
            raise ValidationError(say(_l("The due month must be the start month or later"),
                                      _l("Pick a month after the start.")))  # fmt: skip


class StatusForm(FlaskForm):
    status = RadioField(
        say(_l("How is it going?"), _l("How is it going?")),
        choices=choices(STATUS_NAMES), default=NOT_STARTED,
        validators=[_required(_l("Choose how it is going"), _l("Pick one.")), AnyOf(STATUSES)],
    )  # fmt: skip
    stopped_why = _text(_l("If it stopped: why"), _l("Why did it stop?"),
                        hint=say(_l("Needed when it stopped."), _l("Write this if it stopped.")))  # fmt: skip

    def validate_stopped_why(self, field):
        if self.status.data == STOPPED and not field.data:
            raise ValidationError(
                say(_l("Say why the activity stopped"), _l("Write why it stopped."))
            )


class TaskForm(FlaskForm):
    once = SendOnceField()
    description = StringField(
        say(_l("What needs doing"), _l("What is the job?")), filters=[tidy_text],
        validators=[_required(_l("Say what needs doing"), _l("Write the job.")), _short(200)],
    )  # fmt: skip
    due = SelectField(
        say(_l("Due month (optional)"), _l("Month it should be done")), validators=[Optional()]
    )

    def set_choices(self, today: dt.date) -> None:
        self.due.choices = month_choices(today, blank=say(_l("No due month"), _l("No month")))


class UpdateForm(FlaskForm):
    did = _text(_l("What we did"), _l("What we did"),
                required=(_l("Say what was done this month, even if it was little"), _l("Write what we did.")))  # fmt: skip
    next = _text(_l("What's next"), _l("What we do next"),
                 required=(_l("Say what comes next"), _l("Write what we do next.")))  # fmt: skip
    in_the_way = _text(_l("What's in the way (optional)"), _l("What makes it hard"))
    help_needed = _text(_l("Help needed (optional)"), _l("Help we need"))
    easy_summary = _text(_l("Easy-read summary (optional)"), _l("Short easy read words"),
                         hint=say(_l("Two or three short sentences. Members who read easy read see this first."),
                                  _l("2 or 3 short sentences.")))  # fmt: skip


CONFIRM, DECLINE = "confirm", "decline"


class AnswerOfferForm(FlaskForm):
    answer = StringField(validators=[AnyOf([CONFIRM, DECLINE])])  # sent by the button pressed
    note = _text(_l("A note to them (optional)"), _l("A note to them"),
                 hint=say(_l("For example, thank them, or say how to start."), _l("You can say thank you.")))  # fmt: skip


class ReviewForm(FlaskForm):
    review_on = DateField(
        say(_l("Next review of the plan"), _l("When we look at the plan again")),
        validators=[_required(_l("Enter the next review date, like 2027-11-01"),
                              _l("Write the date."))],
    )  # fmt: skip
