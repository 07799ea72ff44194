from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import InputRequired

from ..wording import say


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
