from __future__ import annotations

from flask import abort, current_app, flash, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..cookies import set_preference_cookie
from ..display import DEFAULTS, DISPLAY_COOKIE, current_settings, serialise
from ..drafts import Draft, draft_owner
from ..errors import redisplays_form
from ..extensions import csrf
from ..i18n import LANG_COOKIE
from ..navigation import safe_next
from ..rendering import render_form
from ..wording import say
from . import bp
from .forms import DisplayForm


@bp.route("/settings", methods=["GET", "POST"])
@redisplays_form
def settings():
    back_to = safe_next(request.values.get("next"), default="")
    form = DisplayForm(data=current_settings())
    if form.validate_on_submit():
        chosen = DEFAULTS if "reset" in request.form else {n: form[n].data for n in DEFAULTS}
        response = redirect(url_for(".settings", next=back_to or None))
        set_preference_cookie(response, DISPLAY_COOKIE, serialise(chosen))
        flash(str(say(_("Your display settings are saved."), _("We saved your settings."))))
        return response
    return render_form(
        "preferences/_settings_form.html",
        say(_l("Display settings"), _l("Change how the website looks")),
        form,
        back_to=back_to,
    )


@bp.route("/language/<code>")
def language(code: str):
    if code not in current_app.config["LANGUAGES"]:
        abort(404)
    response = redirect(safe_next(request.args.get("next")))
    set_preference_cookie(response, LANG_COOKIE, code)
    return response


@bp.route("/leave-now", methods=["POST"])
@csrf.exempt  # sent by the quick exit as it leaves; all it can do is forget this device
def leave_now():
    """The quick exit forgets this device's session: signed out, no saved answers, no codes.

    A browser may ignore the cookie sent back to a page that has already gone, so a
    visitor's unfinished answers are also deleted here, on the server."""
    owner = draft_owner()
    if owner and owner.startswith("visitor:"):
        Draft.delete_all_of(owner)
    session.clear()
    return "", 204
