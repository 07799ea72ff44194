"""Sign-in and recovery forms, and the rules every new password follows."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, RadioField, StringField
from wtforms.validators import Email, InputRequired, ValidationError

from ..forms import choices
from ..wording import Wording, say
from .passwords import MIN_LENGTH, is_common


def validate_new_password(value: str | None) -> None:
    """The rules for every new password: long enough, and not a common one."""
    if len(value or "") < MIN_LENGTH:
        raise ValidationError(str(say(
            _l("Your password must be at least %(n)s characters", n=MIN_LENGTH),
            _l("Use at least %(n)s letters.", n=MIN_LENGTH),
        )))  # fmt: skip
    if is_common(value):
        raise ValidationError(str(say(
            _l("That password is too common and easy to guess. Try 3 random words"),
            _l("Lots of people use that password. Try 3 words."),
        )))  # fmt: skip


def strip(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


def new_password(form, field) -> None:
    """validate_new_password as a WTForms validator."""
    validate_new_password(field.data)


def new_password_field(label: Wording) -> PasswordField:
    """A field for choosing a new password, with its hint, rules and autocomplete."""
    return PasswordField(
        label,
        description=say(
            _l("At least %(n)s characters. A good way is 3 random words, like kettle harbour "
               "lantern. You can paste it.", n=MIN_LENGTH),
            _l("Use at least %(n)s letters and spaces. Try 3 words you will remember.", n=MIN_LENGTH),
        ),
        validators=[
            InputRequired(message=say(_l("Enter a new password"), _l("Write a new password."))),
            new_password,
        ],
        render_kw={"autocomplete": "new-password"},
    )  # fmt: skip


class SignInForm(FlaskForm):
    name = StringField(
        say(_l("Your name on Common Ground, or your email address"), _l("Your name or email")),
        validators=[InputRequired(message=say(
            _l("Enter your name on Common Ground or your email address"),
            _l("Write your name or email."),
        ))],
        render_kw={"autocomplete": "username", "spellcheck": "false"},
    )  # fmt: skip
    password = PasswordField(
        say(_l("Password"), _l("Password")),
        validators=[
            InputRequired(message=say(_l("Enter your password"), _l("Write your password.")))
        ],
        render_kw={"autocomplete": "current-password"},
    )


class ForgottenForm(FlaskForm):
    how = RadioField(
        say(_l("How do you want to get back in?"), _l("How do you want to get back in?")),
        choices=choices({
            "email": say(_l("Send a link to my email address"), _l("Send a link to my email")),
            "code": say(_l("Use my recovery code"), _l("Use my code")),
        }),
        validators=[InputRequired(message=say(
            _l("Choose how you want to get back in"), _l("Pick 1 way to get back in."),
        ))],
        render_kw={"pictures": {"email": "envelope.svg", "code": "key.svg"}},
    )  # fmt: skip


class ResetEmailForm(FlaskForm):
    email = EmailField(
        say(_l("Your email address"), _l("Your email")),
        description=say(
            _l("The email address you gave us when you joined, or later in your account."),
            _l("Use the email you gave us."),
        ),
        validators=[
            InputRequired(message=say(_l("Enter your email address"), _l("Write your email."))),
            Email(message=say(
                _l("Enter an email address in the right format, like name@example.com"),
                _l("Write your email like this: name@example.com"),
            )),
        ],
        filters=[strip],
        render_kw={"autocomplete": "email"},
    )  # fmt: skip


class NewPasswordForm(FlaskForm):
    password = new_password_field(say(_l("Create a new password"), _l("Make a new password")))


class RecoveryCodeForm(FlaskForm):
    name = StringField(
        say(_l("Your name on Common Ground"), _l("Your name on this website")),
        validators=[InputRequired(message=say(
            _l("Enter your name on Common Ground"), _l("Write your name."),
        ))],
        filters=[strip],
        render_kw={"autocomplete": "username", "spellcheck": "false"},
    )  # fmt: skip
    code = StringField(
        say(_l("Your recovery code"), _l("Your code")),
        description=say(
            _l("It looks like abcd-efgh-jkmn-pqrs. You can paste it. Capital letters, spaces and "
               "dashes do not matter."),
            _l("It has 16 letters and numbers. You can paste it."),
        ),
        validators=[InputRequired(message=say(
            _l("Enter your recovery code"), _l("Write your code."),
        ))],
        render_kw={"autocomplete": "off", "spellcheck": "false", "dir": "ltr"},
    )  # fmt: skip
    password = new_password_field(say(_l("Create a new password"), _l("Make a new password")))
