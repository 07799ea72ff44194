"""The concern form: a reason from a short list, optional words, and a honeypot."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from ..forms import HoneypotField, choices, tidy_text
from ..receipts import SendOnceField
from ..wording import say

REPORT_REASONS = {
    "hateful": say(
        _l("It is hateful or discriminatory"), _l("It says hateful things about people")
    ),
    "offensive": say(
        _l("It is offensive, abusive or threatening"), _l("It is rude or frightening")
    ),
    "identifying": say(_l("It could show who someone is"), _l("It shows who someone is")),
    "untrue": say(_l("It could be untrue or unfair to someone"), _l("It could be untrue")),
    "safety": say(
        _l("I am worried about someone's safety"), _l("I am worried someone is not safe")
    ),
    "other": say(_l("Something else"), _l("Something else")),
}


class ConcernForm(FlaskForm):
    reason = RadioField(
        say(_l("What is your concern?"), _l("What worries you?")),
        choices=choices(REPORT_REASONS),
        validators=[InputRequired(message=say(
            _l("Choose what your concern is about"), _l("Pick what worries you."),
        ))],
    )  # fmt: skip
    words = TextAreaField(
        say(_l("Tell us more (optional)"), _l("Tell us more. You do not have to.")),
        description=say(
            _l("Only the facilitators read this. Do not give your name or anyone else's."),
            _l("Only the helpers read this. Do not write any names."),
        ),
        filters=[tidy_text],
        validators=[Optional(), Length(max=1000, message=say(
            _l("Your words must be 1,000 characters or fewer"), _l("Use fewer words."),
        ))],
    )  # fmt: skip
    website = HoneypotField("Website", validators=[Optional()])
    once = SendOnceField()
