"""Changing your own details, downloading your data, and leaving."""

from __future__ import annotations

import json

from flask import Response, flash, g, redirect, url_for
from flask_babel import lazy_gettext as _l

from .. import contributions
from ..accounts import guessing
from ..accounts.fields import EMAIL_TAKEN, name_in_use
from ..accounts.passwords import hash_code, hash_password, new_recovery_code, verify_password
from ..accounts.recovery_code import show_recovery_code
from ..agreements.service import withdraw_consent as withdraw
from ..database import write_transaction
from ..drafts import Draft
from ..errors import redisplays_form
from ..member_records import EmailWanted
from ..members import sign_out
from ..models import Member
from ..rendering import render_form
from ..standing import Sanction
from ..stories.service import delete_writing_of, keep_anonymously, replies_of, stories_of
from ..wording import say
from . import bp
from .forms import (
    EmailChangeForm,
    LeaveForm,
    NameChangeForm,
    PasswordChangeForm,
    WithdrawConsentForm,
)


def form_page(form, heading, button_text, intro=None, fields=None):
    """One page layout for every single-form change: heading, words, fields, button."""
    return render_form(
        "your_account/_form_page.html",
        heading,
        form,
        intro=intro,
        button_text=button_text,
        fields=fields or [f for f in form if f.type != "CSRFTokenField"],
    )


def saved(message) -> Response:
    flash(str(message))
    return redirect(url_for("accounts.home"))


@bp.route("/name", methods=["GET", "POST"])
@redisplays_form
def change_name():
    member: Member = g.member
    form = NameChangeForm(data={"name": member.display_name})
    if form.validate_on_submit():
        name = form.name.data  # tidied by the field: no invisible characters
        with write_transaction():  # checked inside, so nobody takes it before the save
            taken = name_in_use(name, member.id)
            if not taken:
                member.display_name = name  # its keys follow in Member.save
                member.save()
        if taken:
            form.name.errors.append(taken)
        else:
            return saved(
                say(
                    _l("Your name is now %(name)s.", name=name),
                    _l("Your new name is %(name)s.", name=name),
                )
            )
    return form_page(
        form, say(_l("Change your name"), _l("Change your name")), say(_l("Save my new name"), _l("Save")),
    )  # fmt: skip


@bp.route("/password", methods=["GET", "POST"])
@redisplays_form
def change_password():
    member: Member = g.member
    form = PasswordChangeForm()
    if form.validate_on_submit():
        # Wrong current passwords count with sign-in's, so a borrowed session cannot guess.
        key = guessing.tries_key(member.display_name)
        wait = guessing.wait_seconds(key)
        if wait:
            form.current.errors.append(guessing.slowed_message(wait))
        elif not verify_password(member.password_hash, form.current.data):
            guessing.record(key)
            form.current.errors.append(say(
                _l("That is not your password now. Check it and try again"),
                _l("That password is wrong. Try again."),
            ))  # fmt: skip
        else:
            guessing.clear(key)
            with write_transaction():
                member.password_hash = hash_password(form.password.data)
                member.save()
            return saved(say(_l("Your password is changed."), _l("We changed your password.")))
    return form_page(
        form, say(_l("Change your password"), _l("Change your password")),
        say(_l("Save my new password"), _l("Save")),
    )  # fmt: skip


@bp.route("/email", methods=["GET", "POST"])
@redisplays_form
def change_email():
    member: Member = g.member
    form = EmailChangeForm(data={"email": member.email or ""})
    if form.validate_on_submit():
        email = (form.email.data or "").strip().lower() or None
        code = new_recovery_code() if not email and not member.recovery_hash else None
        code_hash = hash_code(code) if code else None  # hashed before taking the write lock
        with write_transaction():  # checked inside, so nobody takes it before the save
            owner = Member.by_email(email) if email else None
            taken = owner is not None and owner.id != member.id
            if not taken:
                member.email = email
                member.recovery_hash = code_hash or member.recovery_hash
                member.save()
        if taken:
            form.email.errors.append(EMAIL_TAKEN)
        else:
            if code:  # without an email, a recovery code is the way back in
                return show_recovery_code(code)
            return saved(say(_l("Your email address is saved."), _l("We saved your email.")))
    return form_page(
        form, say(_l("Change your email address"), _l("Change your email")),
        say(_l("Save my email address"), _l("Save")),
    )  # fmt: skip


def member_data(member: Member) -> dict:
    """Everything we hold about the member, except secrets (hashes)."""
    drafts = Draft.of(f"member:{member.id}")
    return {
        "display_name": member.display_name,
        "community": member.community.name,
        "email": member.email,
        "status": member.status,
        "role": member.role,
        "joined_on": member.joined_on.isoformat(),
        "has_recovery_code": bool(member.recovery_hash),
        "community_changes": [
            {
                "from": change.from_community.name,
                "to": change.to_community.name,
                "reason": change.reason,
                "changed_on": change.changed_on.isoformat(),
            }
            for change in member.community_changes
        ],
        "agreements": [
            {
                "agreement": record.agreement,
                "version": record.version,
                "accepted_on": record.accepted_on.isoformat(),
                "principles": record.principles.split(),
                "withdrawn_on": record.withdrawn_on.isoformat() if record.withdrawn_on else None,
            }
            for record in member.consents
        ],
        "stories": stories_of(member),
        "warnings_suspensions_and_removals": [
            {
                "kind": row.kind,
                "reason": row.reason,
                "note": row.note,
                "given_on": row.given_on.isoformat(),
                "ends_on": row.ends_on.isoformat() if row.ends_on else None,
            }
            for row in Sanction.for_member(member)
        ],
        "replies": replies_of(member),
        "emails_chosen": sorted(EmailWanted.kinds_for(member)),
        **contributions.data_parts(member),
        "unfinished_answers": [
            {"conversation": d.conversation, "answers": _without_secrets(d.answers)} for d in drafts
        ],
    }


def _without_secrets(answers: dict) -> dict:
    return {
        turn: {k: v for k, v in values.items() if k != "password"}
        if isinstance(values, dict)
        else values
        for turn, values in answers.items()
        if not turn.startswith("_")
    }


@bp.route("/data.json")
def download_data():
    body = json.dumps(member_data(g.member), indent=2, ensure_ascii=False)
    return Response(
        body,
        mimetype="application/json",
        headers={"Content-Disposition": 'attachment; filename="my-common-ground-data.json"'},
    )


@bp.route("/leave", methods=["GET", "POST"])
@redisplays_form
def leave():
    member: Member = g.member
    form = LeaveForm()
    has_writing = bool(member.stories.count() or member.replies.count())
    if not has_writing:
        del form.stories
    if form.validate_on_submit():
        if has_writing and form.stories.data == "delete":
            delete_writing_of(member)
        elif has_writing:
            keep_anonymously(member)
        with write_transaction():
            Draft.delete_all_of(f"member:{member.id}")
            member.delete_instance(recursive=True)
        sign_out()
        return redirect(url_for("accounts.deleted"))
    return render_form(
        "your_account/_leave.html",
        say(_l("Leave and delete your account"), _l("Leave and delete your account")),
        form,
        has_writing=has_writing,
    )


@bp.route("/consent/withdraw", methods=["GET", "POST"])
@redisplays_form
def withdraw_consent():
    form = WithdrawConsentForm()
    if form.validate_on_submit():
        withdraw(g.member)
        return saved(say(
            _l("You have withdrawn your agreement. You can still read and see your data. "
               "To take part again, agree again from this page."),
            _l("You took back your agreement. You can still read. You can agree again here."),
        ))  # fmt: skip
    return form_page(
        form,
        say(_l("Withdraw from your agreements"), _l("Take back your agreements")),
        say(_l("Withdraw from my agreements"), _l("Take back my agreements")),
        intro=say(
            _l("If you withdraw your agreement, your taking part is paused: you will not be able "
               "to share stories or reply. You can still sign in, read, and see or download your "
               "data. You can agree again at any time."),
            _l("If you take back your agreement, you cannot share stories. You can still read."),
        ),
    )  # fmt: skip
