"""Forms for changing your own account, each with its easy-read wording."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, RadioField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from ..accounts.fields import display_name_field, optional_email_field
from ..accounts.forms import new_password_field
from ..forms import choices, understood_box
from ..join.forms import COMMUNITY_CHOICES, COMMUNITY_PICTURES
from ..wording import say


class ChangeCommunityForm(FlaskForm):
    community = RadioField(
        say(_l("Which community would you like to be in?"), _l("Which group do you want?")),
        choices=choices(COMMUNITY_CHOICES),
        validators=[InputRequired(message=say(_l("Choose a community"), _l("Pick a group.")))],
        render_kw={"pictures": COMMUNITY_PICTURES},
    )


class ReasonForm(FlaskForm):
    reason = TextAreaField(
        say(_l("Why are you changing? (optional)"), _l("Why do you want to change? You do not have to say.")),
        description=say(
            _l("This helps the people who run the communities. Only they can read it."),
            _l("This helps the people who run the groups."),
        ),
        validators=[Optional(), Length(max=1000, message=say(
            _l("Your reason must be 1,000 characters or fewer"), _l("Use fewer words."),
        ))],
    )  # fmt: skip


class NameChangeForm(FlaskForm):
    name = display_name_field(say(_l("Your new name"), _l("Your new name")), required=True)


class PasswordChangeForm(FlaskForm):
    current = PasswordField(
        say(_l("Your password now"), _l("Your password now")),
        validators=[
            InputRequired(
                message=say(_l("Enter your password now"), _l("Write your password now."))
            )
        ],
        render_kw={"autocomplete": "current-password"},
    )
    password = new_password_field(say(_l("Your new password"), _l("Your new password")))


class EmailChangeForm(FlaskForm):
    email = optional_email_field(
        say(
            _l(
                "Leave it empty to remove your email address. We will then give you a recovery code."
            ),
            _l("Leave it empty to take your email away. Then we give you a code."),
        )
    )


class LeaveForm(FlaskForm):
    stories = RadioField(
        say(
            _l("What should happen to your stories and replies?"),
            _l("What should we do with your stories?"),
        ),
        choices=choices(
            {
                "delete": say(_l("Delete them, with my account"), _l("Delete them")),
                "keep": say(
                    _l(
                        "Keep them without my name. Nobody will be able to change or delete them "
                        "later, and they are still deleted on their end dates"
                    ),
                    _l("Keep them with no name. You cannot change them later."),
                ),
            }
        ),
        validators=[
            InputRequired(
                message=say(
                    _l("Choose what should happen to your stories and replies"),
                    _l("Pick what we do with your stories."),
                )
            )
        ],
    )
    confirm = understood_box(
        say(_l("I understand that my account will be deleted and this cannot be undone"),
            _l("I understand. My account goes away for ever."))
    )  # fmt: skip


class WithdrawConsentForm(FlaskForm):
    confirm = understood_box(
        say(_l("I understand that my taking part will be paused until I agree again"),
            _l("I understand. I cannot share until I agree again."))
    )  # fmt: skip
