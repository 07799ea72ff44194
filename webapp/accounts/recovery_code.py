"""Showing a new recovery code: after joining without an email, after a reset by code,
and after removing an email address. Shown until the person says they have saved it,
then never again. Only its hash is stored (webapp/accounts/passwords.py)."""

from __future__ import annotations

from collections.abc import Callable

from flask import redirect, session, url_for
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField
from wtforms.validators import InputRequired

from ..errors import csrf_failed, redisplays_form
from ..navigation import safe_next
from ..rendering import render_form
from ..wording import say
from . import bp

RECOVERY_CODE_KEY = "new_recovery_code"
AFTER_CODE_KEY = "after_recovery_code"
# Called when the code is drawn on the page (join uses it to note that the code arrived).
WHEN_SHOWN: list[Callable[[], None]] = []


class SavedCodeForm(FlaskForm):
    saved = BooleanField(
        say(_l("I have saved or printed my recovery code"), _l("I have kept my code safe")),
        validators=[InputRequired(message=say(
            _l("Tick the box to say you have saved your recovery code. You cannot see it again"),
            _l("Tick the box when you have kept your code."),
        ))],
    )  # fmt: skip


def show_recovery_code(code: str, then: str | None = None):
    """Send the person to see their new code once; `then` is where they go after."""
    session[RECOVERY_CODE_KEY] = code
    if then:
        session[AFTER_CODE_KEY] = then
    return redirect(url_for("accounts.recovery_code"))


@bp.route("/join/your-recovery-code", methods=["GET", "POST"])
@redisplays_form
def recovery_code():
    code = session.get(RECOVERY_CODE_KEY)
    if code is None:
        return redirect(url_for("accounts.home"))
    form = SavedCodeForm()
    if not csrf_failed():
        for shown in WHEN_SHOWN:
            shown()
    if form.validate_on_submit():
        session.pop(RECOVERY_CODE_KEY, None)
        # Joining goes on into the agreement; recovery and email changes go back to the account.
        return redirect(safe_next(session.pop(AFTER_CODE_KEY, None), url_for("accounts.home")))
    return render_form(
        "accounts/_recovery_code.html",
        say(_l("Save your recovery code"), _l("Keep your code safe")),
        form,
        code=code,
    )
