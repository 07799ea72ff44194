from __future__ import annotations

from flask import g, redirect, request, url_for
from flask_babel import lazy_gettext as _l

from .. import contributions
from ..agreements.service import PAUSED, next_step_url, pending_agreements, required_agreements
from ..errors import redisplays_form
from ..members import member_required, sign_in, sign_out
from ..models import CommunityChange, Member
from ..navigation import safe_next
from ..rendering import render_form, render_page
from ..wording import say
from . import bp, guessing
from .forms import SignInForm
from .passwords import verify_password
from .removed import removed_page


@bp.route("/sign-in", methods=["GET", "POST"])
@redisplays_form
def sign_in_view():
    form = SignInForm()
    back_to = safe_next(request.values.get("next"), default=url_for("accounts.home"))
    if form.validate_on_submit():
        # Counted per name and client together: guessing from one place never keeps
        # the owner out from another (issue 10).
        key = guessing.tries_key(form.name.data)
        wait = guessing.wait_seconds(key)
        member = Member.by_sign_in_name(form.name.data) if not wait else None
        if member and verify_password(member.password_hash, form.password.data):
            guessing.clear(key)
            if member.is_removed:  # told only after the right password, and not signed in
                return removed_page(member)
            sign_in(member)
            # A new version of an agreement is shown at the next sign-in ("no surprises").
            if pending_agreements(member) and member.status != PAUSED:
                return redirect(next_step_url(member))
            return redirect(back_to)
        if wait:
            form.password.errors.append(guessing.slowed_message(wait))
        else:
            guessing.record(key)
            form.password.errors.append(
                say(
                    _l("The name or password is not right. Check them and try again"),
                    _l("The name or password is wrong. Try again."),
                )
            )
    return render_form(
        "accounts/_sign_in.html",
        say(_l("Sign in"), _l("Sign in")),
        form,
        back_to=back_to,
    )


@bp.route("/sign-out", methods=["POST"])
def sign_out_view():
    sign_out()
    return redirect(url_for("pages.home"))


@bp.route("/account")
@member_required
def home():
    member = g.member
    pending = pending_agreements(member)
    return render_page(
        "accounts/_home.html",
        say(_l("Your account"), _l("Your page")),
        member=member,
        pending=pending,
        paused=member.status == PAUSED,
        agreements=required_agreements(member),
        next_url=next_step_url(member),
        move=CommunityChange.waiting_for(member),
        parts=contributions.home_parts(member),  # open decisions, meetings, tasks, surveys
    )


@bp.route("/account-deleted")
def deleted():
    return render_page(
        "your_account/_deleted.html",
        say(_l("Your account is deleted"), _l("Your account is gone")),
    )
