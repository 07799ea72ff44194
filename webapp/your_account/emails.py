"""Choosing which emails to get. Every kind is off until the member turns it on, and
the kinds on offer come from the features above (contributions.email_choice)."""

from __future__ import annotations

from flask import g
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms.validators import Optional

from .. import contributions
from ..database import write_transaction
from ..errors import redisplays_form
from ..forms import MultiCheckboxField, choices
from ..member_records import EmailWanted
from ..rendering import render_form
from ..wording import say
from . import bp
from .views import saved


class EmailChoicesForm(FlaskForm):
    kinds = MultiCheckboxField(
        say(_l("Email me when:"), _l("Send me an email when:")),
        description=say(
            _l("Tick what you want. We never send anything else, and never share your address."),
            _l("Tick what you want. We only send these."),
        ),
        choices=[],
        validators=[Optional()],
    )


@bp.route("/emails", methods=["GET", "POST"])
@redisplays_form
def email_choices():
    member = g.member
    offered = {
        choice.kind: say(choice.plain, choice.easy) for choice in contributions.email_choices()
    }
    form = EmailChoicesForm(data={"kinds": sorted(EmailWanted.kinds_for(member))})
    form.kinds.choices = choices(offered)
    if member.email and offered and form.validate_on_submit():
        with write_transaction():
            EmailWanted.choose(member, set(form.kinds.data or []) & set(offered))
        return saved(say(_l("Your email choices are saved."), _l("Saved.")))
    return render_form(
        "your_account/_emails.html",
        say(_l("Emails you get"), _l("Emails we send you")),
        form,
        member=member,
        offered=offered,
    )
