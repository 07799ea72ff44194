"""Getting back in after forgetting a password: by an emailed link, or a recovery code.

Nothing here tells anyone whether an email address or a name belongs to a member:
the email route always shows the same page, and the code route gives one error for
a wrong name or a wrong code. Tries are counted in memory: links per email address,
codes per name and client together (see guessing.py), so nobody can use up the owner's
tries from somewhere else.
"""

from __future__ import annotations

from functools import cache

from flask import flash, redirect, render_template, url_for
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext as _ln

from .. import mail
from ..database import write_transaction
from ..errors import redisplays_form
from ..members import sign_in
from ..models import Member
from ..ratelimits import FailedTries, minutes
from ..rendering import render_form, render_page
from ..wording import say
from . import bp
from .forms import ForgottenForm, NewPasswordForm, RecoveryCodeForm, ResetEmailForm
from .guessing import tries_key
from .passwords import hash_code, hash_password, new_recovery_code, verify_code
from .recovery_code import show_recovery_code
from .reset_links import member_for_token, reset_link

CODE_TRIES = FailedTries("recovery-code", "5 per 15 minutes")
# Links asked for per address: enough for a lost email, too few to flood someone's inbox.
LINKS_ASKED = FailedTries("reset-email", "5 per hour")


@bp.route("/sign-in/forgotten", methods=["GET", "POST"])
@redisplays_form
def forgotten():
    form = ForgottenForm()
    if form.validate_on_submit():
        chosen = (
            "accounts.forgotten_email" if form.how.data == "email" else "accounts.forgotten_code"
        )
        return redirect(url_for(chosen))
    return render_form(
        "accounts/_forgotten.html",
        say(_l("Forgotten your password?"), _l("Forgot your password?")),
        form,
    )


@bp.route("/sign-in/forgotten/email", methods=["GET", "POST"])
@redisplays_form
def forgotten_email():
    form = ResetEmailForm()
    if form.validate_on_submit():
        send_reset_link(form.email.data)
        # The same page whether or not the address is a member's.
        return redirect(url_for("accounts.reset_link_sent"))
    return render_form(
        "accounts/_forgotten_email.html",
        say(_l("Get a link by email"), _l("Get a link in your email")),
        form,
    )


def send_reset_link(email: str) -> None:
    address = email.strip().lower()
    if LINKS_ASKED.wait_seconds(address):
        return  # asked too often: quietly send nothing more for now
    LINKS_ASKED.record(address)
    member = Member.by_email(address)
    if member is None:
        return
    subject = say(_l("Choose a new password for Common Ground"), _l("Make a new password"))
    body = render_template("accounts/email/reset_link.txt", member=member, link=reset_link(member))
    mail.send(member.email, str(subject), body)


@bp.route("/sign-in/forgotten/email/sent")
def reset_link_sent():
    return render_page(
        "accounts/_link_sent.html",
        say(_l("Check your email"), _l("Look at your email")),
    )


@bp.route("/sign-in/reset/<token>", methods=["GET", "POST"])
@redisplays_form
def reset_password(token: str):
    member = member_for_token(token)
    if member is None:
        return link_not_working()
    form = NewPasswordForm()
    if form.validate_on_submit():
        with write_transaction():
            member.password_hash = hash_password(form.password.data)
            member.save()
        sign_in(member)
        flash(str(say(
            _l("Your new password is saved, and you are signed in."),
            _l("We saved your new password. You are signed in."),
        )))  # fmt: skip
        return redirect(url_for("accounts.home"))
    return render_form("accounts/_reset_password.html", say(_l("Choose a new password"), _l("Make a new password")), form,
        member=member, token=token,
    )  # fmt: skip


def link_not_working():
    return render_page(
        "accounts/_link_not_working.html",
        say(_l("This link does not work any more"), _l("This link does not work")),
        400,
    )


@bp.route("/sign-in/forgotten/code", methods=["GET", "POST"])
@redisplays_form
def forgotten_code():
    form = RecoveryCodeForm()
    if form.validate_on_submit():
        key = tries_key(form.name.data)
        wait = CODE_TRIES.wait_seconds(key)
        if wait:
            form.code.errors.append(say(
                _ln("You have tried 5 times. Wait %(num)s minute, then try again",
                    "You have tried 5 times. Wait %(num)s minutes, then try again", minutes(wait)),
                _ln("You tried 5 times. Wait %(num)s minute. Then try again.",
                    "You tried 5 times. Wait %(num)s minutes. Then try again.", minutes(wait)),
            ))  # fmt: skip
        else:
            member = Member.by_name(form.name.data)
            if code_is_right(member, form.code.data):
                CODE_TRIES.clear(key)
                return replace_password_and_code(member, form.password.data)
            CODE_TRIES.record(key)
            form.code.errors.append(say(
                _l("The name or recovery code is not right. Check them and try again"),
                _l("The name or code is wrong. Try again."),
            ))  # fmt: skip
    return render_form(
        "accounts/_forgotten_code.html",
        say(_l("Use your recovery code"), _l("Use your code")),
        form,
    )


@cache
def _stand_in_hash() -> str:
    return hash_code(new_recovery_code())


def code_is_right(member: Member | None, code: str) -> bool:
    # Check against a stand-in when there is no code, so every wrong try takes as long.
    stored = member.recovery_hash if member is not None else None
    right = verify_code(stored or _stand_in_hash(), code)
    return right and stored is not None


def replace_password_and_code(member: Member, password: str):
    """Set the new password, issue a new code (the old one stops working), sign in."""
    code = new_recovery_code()
    with write_transaction():
        member.password_hash = hash_password(password)
        member.recovery_hash = hash_code(code)
        member.save()
    sign_in(member)
    flash(str(say(
        _l("Your new password is saved, and you are signed in. Your old recovery code no "
           "longer works."),
        _l("We saved your new password. You are signed in. Your old code does not work now."),
    )))  # fmt: skip
    return show_recovery_code(code)
