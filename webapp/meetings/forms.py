"""Meeting questions, each with its easy-read wording."""

from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from ..clock import today
from ..forms import MultiCheckboxField, choices, scope_area_field, tidy_text
from ..templating import isolated
from ..wording import say
from .models import APOLOGIES, COMING, NOT_SURE, PRESENT
from .typed import parse_day, parse_time


def _day_check(form, field) -> None:
    day = parse_day(field.data)
    if day is None:
        raise ValidationError(say(
            _l("Enter the date like 3 March 2027, or 3/3/2027"),
            _l("Write the date like this: 3 March 2027"),
        ))  # fmt: skip
    if day < today():  # "2/2/26" for 2 February 2027 would plan a meeting already held
        raise ValidationError(say(
            _l("Enter a date that is today or later, with its year, like 3 March 2027"),
            _l("The date must be today or later. Write the year too."),
        ))  # fmt: skip


def _time_check(form, field) -> None:
    if parse_time(field.data) is None:
        raise ValidationError(say(
            _l("Enter the time like 2pm, 2:30pm or 14:30"), _l("Write the time like this: 2pm")
        ))  # fmt: skip


def _ends_after_start(form, field) -> None:
    start, end = parse_time(form.starts.data), parse_time(field.data)
    if start and end and end <= start:
        if not all(
            re.search(r"[ap]\.?m|:|noon|midday", t.lower()) for t in (form.starts.data, field.data)
        ):
            raise ValidationError(say(  # "7" to "9" reads as 7pm to 9am: say how to be sure
                _l("Enter an end time after the start time, with am or pm, like 7pm to 9pm"),
                _l("The end must be after the start. Write am or pm, like 7pm."),
            ))  # fmt: skip
        raise ValidationError(say(
            _l("Enter an end time after the start time"), _l("The end must be after the start")
        ))  # fmt: skip


# Says the limit and how far over it is (WTForms fills in max and length).
TOO_LONG = say(
    _l("Make this %(max)d characters or fewer: it has %(length)d"),
    _l("This is too long. Use %(max)d letters or fewer."),
)


def short_text(label, missing=None, description=None, most=200) -> StringField:
    validators = [DataRequired(message=missing)] if missing else [Optional()]
    return StringField(label, description=description, filters=[tidy_text], validators=[
        *validators,
        Length(max=most, message=TOO_LONG),
    ])  # fmt: skip


def long_text(label, missing=None, description=None, checked_when_empty=False) -> TextAreaField:
    """checked_when_empty: the form's own validate_<field> still runs for an empty answer
    (Optional() would stop every later check)."""
    validators = [DataRequired(message=missing)] if missing else []
    validators += [] if missing or checked_when_empty else [Optional()]
    return TextAreaField(label, description=description, filters=[tidy_text], validators=[
        *validators,
        Length(max=10000, message=TOO_LONG),
    ])  # fmt: skip


# Planning ---------------------------------------------------------------------------


class AboutForm(FlaskForm):
    title = short_text(
        say(_l("What is the meeting called?"), _l("What is the meeting called?")),
        missing=say(_l("Enter a name for the meeting"), _l("Write a name for the meeting")),
        description=say(_l("For example, Monthly members' meeting"), _l("For example, Members' meeting")),
    )  # fmt: skip
    community = RadioField(
        say(_l("Which community is it for?"), _l("Which group is it for?")),
        validators=[InputRequired(message=say(_l("Choose a community"), _l("Pick a group")))],
    )
    joint_with = MultiCheckboxField(
        say(_l("Is it a joint meeting with another community? (optional)"),
            _l("Is another group coming too? You do not have to pick.")),
        validators=[Optional()],
    )  # fmt: skip
    regular = RadioField(
        say(_l("Is it a regular meeting?"), _l("Is it a usual meeting?")),
        description=say(
            _l("Regular meetings count towards membership: a regular member has come to more than one."),
            _l("Usual meetings count. People who come to usual meetings can vote."),
        ),
        choices=choices({
            "yes": say(_l("Yes, a regular meeting"), _l("Yes, a usual meeting")),
            "no": say(_l("No, an extra meeting"), _l("No, an extra meeting")),
        }),
        validators=[InputRequired(message=say(_l("Choose regular or extra"), _l("Pick yes or no")))],
    )  # fmt: skip


class WhenForm(FlaskForm):
    day = StringField(
        say(_l("Date"), _l("Date")),
        description=say(_l("For example, 3 March 2027"), _l("For example, 3 March 2027")),
        filters=[tidy_text],
        validators=[DataRequired(message=say(_l("Enter the date"), _l("Write the date"))), _day_check],
        render_kw={"width": "medium"},
    )  # fmt: skip
    starts = StringField(
        say(_l("Start time (UK time)"), _l("Start time")),
        description=say(_l("For example, 2pm"), _l("For example, 2pm")),
        filters=[tidy_text],
        validators=[DataRequired(message=say(_l("Enter the start time"), _l("Write the start time"))), _time_check],
        render_kw={"width": "short"},
    )  # fmt: skip
    ends = StringField(
        say(_l("End time (UK time)"), _l("End time")),
        description=say(_l("For example, 3:30pm"), _l("For example, 3:30pm")),
        filters=[tidy_text],
        validators=[DataRequired(message=say(_l("Enter the end time"), _l("Write the end time"))),
                    _time_check, _ends_after_start],
        render_kw={"width": "short"},
    )  # fmt: skip


ACCESS = {
    "step_free": say(_l("Step-free access"), _l("No steps")),
    "hearing_loop": say(_l("A hearing loop"), _l("A hearing loop")),
    "quiet_room": say(_l("A quiet room"), _l("A quiet room")),
    "accessible_toilet": say(_l("An accessible toilet"), _l("A toilet for disabled people")),
}


class WhereForm(FlaskForm):
    place = long_text(
        say(_l("Where is it? (leave empty if it is online only)"), _l("Where is the meeting? You can leave this empty.")),
        description=say(_l("The name of the building and its address"), _l("The building and the address")),
        checked_when_empty=True,  # a place, or an online link, or both
    )  # fmt: skip
    access = MultiCheckboxField(
        say(_l("What does the place have? (optional)"), _l("What is at the place? You do not have to pick.")),
        choices=choices(ACCESS),
        validators=[Optional()],
    )  # fmt: skip
    getting_there = long_text(
        say(_l("How to get there (optional)"), _l("How to get there. You do not have to write this.")),
        description=say(_l("Buses, parking, which door to use"), _l("Buses, parking, the door to use")),
    )  # fmt: skip
    online_link = short_text(
        say(_l("Online link (optional)"), _l("Link to meet online. You do not have to write this.")),
        description=say(
            _l("Only signed-in members of the community will see it"),
            _l("Only members of the group can see it"),
        ),
        most=500,
    )  # fmt: skip

    def validate_online_link(self, field) -> None:
        if field.data and not re.match(r"https?://\S+$", field.data):
            raise ValidationError(say(
                _l("Enter the link starting with https://"), _l("The link starts with https://")
            ))  # fmt: skip

    def validate_place(self, field) -> None:
        if not field.data and not self.online_link.data:
            raise ValidationError(say(
                _l("Enter a place, or an online link, or both"),
                _l("Write a place or a link"),
            ))  # fmt: skip


class ChangeForm(WhenForm, WhereForm):
    """A meeting's new time or place: the planning questions, on one page."""


class CancelForm(FlaskForm):
    why = long_text(
        say(_l("Why is it cancelled? (optional)"), _l("Why is it not happening? You do not have to write this.")),
        description=say(_l("Members will read this on the meeting's page"), _l("Members will read this")),
    )  # fmt: skip


# The agenda -------------------------------------------------------------------------


class AgendaItemForm(FlaskForm):
    # Its questions, each an AgendaItem field of the same name (adding and changing an item).
    QUESTIONS = ("title", "title_easy", "minutes", "sensitive", "paper", "paper_easy",
                 "decision_ref", "scope_area")  # fmt: skip

    title = short_text(
        say(_l("Agenda item"), _l("What we will talk about")),
        missing=say(_l("Enter the agenda item"), _l("Write what you will talk about")),
    )
    title_easy = short_text(
        say(_l("The item in easy read (optional)"), _l("Easy read words. You do not have to write this.")),
        description=say(_l("Short sentences and everyday words"), _l("Use short sentences")),
    )  # fmt: skip
    minutes = StringField(
        say(_l("Time for this item, in minutes (optional)"), _l("How many minutes? You do not have to write this.")),
        filters=[tidy_text], validators=[Optional()],
        render_kw={"width": "short", "inputmode": "numeric"},
    )  # fmt: skip
    sensitive = BooleanField(
        say(_l("This item is sensitive: offer a check-in afterwards"),
            _l("This could upset people. Ask how they feel after.")),
    )  # fmt: skip
    paper = long_text(
        say(_l("Paper for this item (optional)"), _l("Paper. You do not have to write this."))
    )
    paper_easy = long_text(
        say(
            _l("The paper in easy read (optional)"),
            _l("Easy read paper. You do not have to write this."),
        )
    )
    decision_ref = RadioField(
        say(_l("Is this item about a decision? (optional)"), _l("Is it about a decision?")),
        validators=[Optional()],
    )
    scope_area = scope_area_field()

    def validate_minutes(self, field) -> None:
        if field.data and not field.data.isdigit():
            raise ValidationError(
                say(_l("Enter the minutes as a number, like 20"), _l("Write a number, like 20"))
            )
        if field.data and not 0 < int(field.data) <= 600:
            raise ValidationError(say(
                _l("Enter a number of minutes from 1 to 600"), _l("Write a number from 1 to 600")
            ))  # fmt: skip


# Coming to a meeting ---------------------------------------------------------------------

REPLY_CHOICES = {
    COMING: say(_l("I'll be there"), _l("I will come")),
    APOLOGIES: say(_l("I can't come (apologies)"), _l("I cannot come")),
    NOT_SURE: say(_l("I'm not sure yet"), _l("I do not know yet")),
}
NEED_CHOICES = {
    "large print": say(_l("Large print papers"), _l("Big writing")),
    "easy read": say(_l("Easy read papers"), _l("Easy read papers")),
    "support worker": say(_l("A support worker or carer is coming with me"), _l("My support worker is coming too")),
    "bsl": say(_l("A British Sign Language interpreter"), _l("Someone to sign for me")),
    "interpreter": say(_l("An interpreter for another language"), _l("Someone to speak my language")),
    "travel costs": say(_l("Help with travel costs"), _l("Money for travel")),
}  # fmt: skip


class ReplyForm(FlaskForm):
    answer = RadioField(
        say(_l("Are you coming?"), _l("Are you coming?")),
        choices=choices(REPLY_CHOICES),
        validators=[InputRequired(message=say(_l("Choose whether you are coming"), _l("Pick 1 answer")))],
    )  # fmt: skip
    needs = MultiCheckboxField(
        say(
            _l("Do you need anything to take part? (optional)"),
            _l("Do you need help to take part?"),
        ),
        description=say(
            _l("Only the community's facilitators see this."), _l("Only the helpers see this.")
        ),
        choices=choices(NEED_CHOICES),
        validators=[Optional()],
    )
    needs_other = long_text(
        say(
            _l("Anything else, in your own words (optional)"),
            _l("Anything else? You do not have to write this."),
        )
    )


class CorrectionForm(FlaskForm):
    words = long_text(
        say(_l("What should be corrected?"), _l("What is wrong?")),
        missing=say(_l("Write what should be corrected"), _l("Write what is wrong")),
        description=say(
            _l("The facilitators read this. Please do not say who said what."),
            _l("The helpers read this. Do not say who said things."),
        ),
    )


class SuggestionForm(FlaskForm):
    """A member's suggestion for the agenda: ids of its own, beside the reply on one page."""

    suggestion = short_text(
        say(_l("What would you like to talk about?"), _l("What do you want to talk about?")),
        missing=say(_l("Write what you would like to talk about"), _l("Write what you want to talk about")),
        description=say(_l("A few words, like a title. For example: Getting to meetings by bus"),
                        _l("Use a few words. For example: Buses to meetings")),
    )  # fmt: skip
    suggestion_why = long_text(
        say(_l("Why, or what you hope for (optional)"),
            _l("Why do you want to talk about it? You do not have to write this.")),
    )  # fmt: skip


class DeclineSuggestionForm(FlaskForm):
    note = long_text(
        say(_l("A short note to the member (optional)"),
            _l("Some words for the member. You do not have to write this.")),
        description=say(_l("They will read it on the meeting's page. For example: We will talk about this in March."),
                        _l("They will read it. For example: We will talk about it in March.")),
    )  # fmt: skip


MEETING_FEELINGS = {
    "okay": say(_l("Okay"), _l("Okay")),
    "tired": say(_l("Tired, or it was a lot"), _l("Tired")),
    "unsettled": say(_l("Unsettled or upset"), _l("Upset")),
    "rather_not_say": say(_l("I would rather not say"), _l("I do not want to say")),
}


class CheckInForm(FlaskForm):
    feeling = RadioField(
        say(_l("How are you feeling after the meeting?"), _l("How do you feel after the meeting?")),
        description=say(_l("Optional. We count the answers. We never link them to you."),
                        _l("You do not have to answer. We do not know who said what.")),
        choices=choices(MEETING_FEELINGS),
        validators=[Optional()],  # but something must be sent: see validate
    )  # fmt: skip
    get_in_touch = BooleanField(
        say(_l("Ask a facilitator to get in touch with me"), _l("I want a helper to talk to me")),
        description=say(_l("Only this part carries your name, so that they know who to contact."),
                        _l("The helper will see your name for this.")),
    )  # fmt: skip

    def validate(self, extra_validators=None) -> bool:
        """Sending nothing at all is a slip: say so, rather than thank them for nothing."""
        if not super().validate(extra_validators):
            return False
        if self.feeling.data or self.get_in_touch.data:
            return True
        self.feeling.errors = [say(
            _l("Choose how you are feeling, or tick the box to ask a facilitator to get in touch"),
            _l("Pick how you feel, or tick the box to talk to a helper"),
        )]  # fmt: skip
        return False


def attendance_form(members: list, statuses: dict[int, str]) -> type[FlaskForm]:
    """One radio group per member: present, apologies or absent."""
    labels = {
        PRESENT: say(_l("Present"), _l("Came")),
        APOLOGIES: say(_l("Apologies"), _l("Said sorry")),
        "absent": say(_l("Absent"), _l("Did not come")),
    }

    class AttendanceForm(FlaskForm):
        pass

    for member in members:
        setattr(AttendanceForm, f"member_{member.id}", RadioField(
            isolated(member.display_name),  # the legend: a person's name, isolated
            choices=choices(labels), default=statuses.get(member.id),
            validators=[Optional()],
        ))  # fmt: skip
    return AttendanceForm
