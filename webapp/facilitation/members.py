"""Finding a member of the community, and warning, suspending or removing them.

A member is found by the name they use: never from a story, so a facilitator never
learns who wrote an anonymous story.
"""

from __future__ import annotations

from flask import abort, flash, g, redirect, request, url_for
from flask_babel import lazy_gettext as _l

from ..errors import redisplays_form
from ..models import Community, Member
from ..rendering import render_form, render_page
from ..standing import MEMBER_REASON_NAMES, MEMBER_REASONS, REMOVAL, SUSPENSION, WARNING, Sanction
from ..wording import say
from . import bp
from .access import facilitates
from .forms import FindMemberForm, SanctionForm
from .sanctions import give

DONE = {
    WARNING: say(_l("The warning is sent."), _l("Done. We sent the warning.")),
    SUSPENSION: say(_l("The member is suspended."), _l("Done. They cannot share for now.")),
    REMOVAL: say(_l("The member is removed."), _l("Done. They are taken off the website.")),
}


@bp.route("/<community>/members")
@facilitates
def members(community: Community):
    form = FindMemberForm(request.args)
    found, searched = None, bool(form.name.data)
    if searched:
        found = Member.by_name(form.name.data)
        if found and (found.community_id != community.id or found.is_removed):
            found = None
    return render_page(
        "facilitation/_members.html",
        say(_l("Members of %(name)s", name=community.name), _l("Members of %(name)s", name=community.name)),
        community=community,
        search=form,
        found=found,
        searched=searched,
        suspended=list(Member.suspended_in(community)),
    )  # fmt: skip


def check(form: SanctionForm) -> bool:
    action = form.action.data
    if action == SUSPENSION and not form.days.data:
        form.days.errors.append(
            say(_l("Choose how long the suspension lasts"), _l("Pick how long."))
        )
    if action == REMOVAL and not form.confirm.data:
        form.confirm.errors.append(say(
            _l("Tick the box to confirm that removing cannot be undone here, or choose "
               "another action"),
            _l("Tick the box to say you understand. Or pick something else."),
        ))  # fmt: skip
    if form.reason.data == "other" and not (form.note.data or "").strip():
        form.note.errors.append(say(
            _l("Write a few words for the member, as you chose another reason"),
            _l("Write some words for the member."),
        ))  # fmt: skip
    return not (form.days.errors or form.confirm.errors or form.note.errors)


@bp.route("/<community>/members/<int:member_id>", methods=["GET", "POST"])
@facilitates
@redisplays_form
def member(community: Community, member_id: int):
    target = Member.get_or_none(Member.id == member_id)
    if target is None or target.community_id != community.id:
        abort(404)
    if (
        target.id == g.member.id
        or target.is_admin
        or (target.is_facilitator and not g.member.is_admin)
    ):
        abort(403)  # nobody acts on themselves; only admins act on facilitators
    form = SanctionForm() if not target.is_removed else None
    if form is not None and form.validate_on_submit() and check(form):
        give(
            g.member, target, form.action.data, form.reason.data, form.note.data or "",
            days=int(form.days.data) if form.action.data == SUSPENSION else None,
            remove_posts=form.action.data == REMOVAL and bool(form.remove_posts.data),
            community=community,
        )  # fmt: skip
        flash(str(DONE[form.action.data]))
        return redirect(
            url_for("facilitation.member", community=community.slug, member_id=target.id)
        )
    return render_form(
        "facilitation/_member.html",
        target.display_name,
        form,
        community=community,
        target=target,
        history=list(Sanction.for_member(target)),
        reasons=MEMBER_REASONS,
        reason_names=MEMBER_REASON_NAMES,
    )
