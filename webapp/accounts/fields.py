"""Account fields used by more than one form, declared once with both wordings."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, StringField
from wtforms.validators import Email, InputRequired, Length, Optional

from ..wording import Wording, say

NAME_HINT = say(
    _l("Between 3 and 30 characters. It does not need to be your real name."),
    _l("Use 3 to 30 letters. It does not need to be your real name."),
)

# Emails are unique: joining and changing an email say so in the same words.
EMAIL_TAKEN = say(
    _l("Another account uses that email address. Use a different one"),
    _l("Someone else uses that email. Use a different email."),
)


def squash_spaces(value: str | None) -> str | None:
    """ "  ab  " is 2 letters, not 6: count a name after tidying its spaces."""
    return " ".join(value.split()) if value else value


def display_name_field(label: Wording, required: bool) -> StringField:
    first = (
        InputRequired(message=say(_l("Enter a name"), _l("Write a name.")))
        if required
        else Optional()
    )
    return StringField(
        label,
        description=NAME_HINT,
        filters=[squash_spaces],
        validators=[first, Length(min=3, max=30, message=say(
            _l("Your name must be between 3 and 30 characters"), _l("Use 3 to 30 letters."),
        ))],
        render_kw={"autocomplete": "off", "spellcheck": "false"},
    )  # fmt: skip


def optional_email_field(hint: Wording) -> EmailField:
    return EmailField(
        say(_l("Email address (optional)"), _l("Email address. You do not have to give it.")),
        description=hint,
        validators=[Optional(), Email(message=say(
            _l("Enter an email address in the right format, like name@example.com"),
            _l("Write your email like this: name@example.com"),
        ))],
        render_kw={"autocomplete": "email"},
    )  # fmt: skip
