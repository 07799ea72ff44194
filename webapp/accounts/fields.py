"""Account fields used by more than one form, declared once with both wordings."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, StringField
from wtforms.validators import Email, InputRequired, Length, Optional

from ..display_names import tidy
from ..models import Member
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


def tidy_name(value: str | None) -> str | None:
    """ "  ab  " is 2 letters, not 6, and invisible characters are no letters at all:
    count a name after tidying it (display_names.tidy)."""
    return tidy(value) if value else value


def name_in_use(name: str, member_id: int | None = None) -> Wording | None:
    """Why someone else's name stops this one, in both wordings; None when it is free."""
    clash = Member.name_clash(name, member_id)
    if clash == Member.SAME_NAME:
        return say(
            _l("Someone already uses the name %(name)s. Choose another name", name=name),
            _l("Someone already has that name. Pick a new name."),
        )
    if clash == Member.LOOKS_SAME:
        return say(
            _l("Someone already uses a name that looks the same as %(name)s. Choose a name "
               "that looks different", name=name),
            _l("Someone has a name that looks like that. Pick a different name."),
        )  # fmt: skip
    return None


def display_name_field(label: Wording, required: bool) -> StringField:
    first = (
        InputRequired(message=say(_l("Enter a name"), _l("Write a name.")))
        if required
        else Optional()
    )
    return StringField(
        label,
        description=NAME_HINT,
        filters=[tidy_name],
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
