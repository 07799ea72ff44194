"""The questions of the join conversation, each with its easy-read wording."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField
from wtforms.validators import InputRequired, Optional

from ..accounts.fields import display_name_field, optional_email_field
from ..accounts.forms import new_password_field
from ..display_names import tidy
from ..forms import choices
from ..wording import say

COMMUNITY_CHOICES = {
    "people": say(
        _l("People: I use public services, or I care for someone who does, or I am part of a "
           "self-led support group"),
        _l("People: I use services. Or I care for someone who uses services."),
    ),
    "advocates": say(
        _l("Advocates and Campaigners: I am an advocate or self-advocate, or part of a "
           "campaigning or advocacy group"),
        _l("Advocates and Campaigners: I speak up for people. Or I speak up for myself."),
    ),
    "staff": say(
        _l("Staff: I work in a public service, or for an organisation that delivers one"),
        _l("Staff: I work for a public service."),
    ),
}  # fmt: skip
COMMUNITY_PICTURES = {
    "people": "people-holding-hands.svg",
    "advocates": "megaphone.svg",
    "staff": "office-worker.svg",
    "unsure": "question.svg",
}
YES_NO = {"yes": say(_l("Yes"), _l("Yes")), "no": say(_l("No"), _l("No"))}


def required(standard, easyread):
    return InputRequired(message=say(standard, easyread))


class CommunityForm(FlaskForm):
    community = RadioField(
        say(_l("Which of these sounds most like you?"), _l("Which group sounds like you?")),
        description=say(
            _l("You may fit more than one. Choose the one closest to the conversations you "
               "want to have. You can change it later."),
            _l("You may fit more than 1 group. Pick the best 1. You can change it later."),
        ),
        choices=choices({**COMMUNITY_CHOICES, "unsure": say(_l("I'm not sure"), _l("I do not know"))}),
        validators=[required(_l("Choose the group that sounds most like you, or choose I'm not "
                                "sure"), _l("Pick a group. Or pick I do not know."))],
        render_kw={"pictures": COMMUNITY_PICTURES},
    )  # fmt: skip


def yes_no_form(question, hint=None):
    class YesNoForm(FlaskForm):
        answer = RadioField(
            question,
            description=hint,
            choices=choices(YES_NO),
            validators=[required(_l("Choose yes or no"), _l("Pick yes or no."))],
        )

    return YesNoForm


class SuggestionForm(FlaskForm):
    community = RadioField(
        say(_l("Which community would you like to join?"), _l("Which group do you want?")),
        choices=choices(COMMUNITY_CHOICES),
        validators=[required(_l("Choose a community"), _l("Pick a group."))],
        render_kw={"pictures": COMMUNITY_PICTURES},
    )


class NameForm(FlaskForm):
    name_choice = RadioField(
        say(_l("Choose a name"), _l("Pick a name")),
        choices=[],
        validate_choice=False,
        validators=[Optional()],
    )
    own_name = display_name_field(
        say(_l("Or type a name of your own"), _l("Or write your own name")), required=False
    )

    def chosen_name(self) -> str:
        if self.own_name.data and self.own_name.data.strip():
            return tidy(self.own_name.data)
        return self.name_choice.data or ""

    def validate(self, extra_validators=None) -> bool:
        if not super().validate(extra_validators):
            return False
        if not self.chosen_name():
            self.name_choice.errors.append(
                say(_l("Choose a name or type your own"), _l("Pick a name. Or write your own."))
            )
            return False
        if (
            self.name_choice.data
            and not self.own_name.data
            and self.name_choice.data not in [c.value for c in self.name_choice.choices]
        ):
            self.name_choice.errors.append(
                say(_l("Choose a name from the list"), _l("Pick a name."))
            )
            return False
        return True


class SignInDetailsForm(FlaskForm):
    password = new_password_field(say(_l("Create a password"), _l("Make a password")))
    email = optional_email_field(
        say(
            _l("Only used to help you back in if you forget your password. Leave it empty and "
               "we will give you a recovery code instead."),
            _l("We only use it if you forget your password."),
        )
    )  # fmt: skip
