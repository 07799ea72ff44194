"""Admins make members facilitators of communities. Every change goes in the audit log."""

from __future__ import annotations

from flask import abort, flash, g, redirect, request, url_for
from flask_babel import lazy_gettext as _l

from ..database import write_transaction
from ..errors import redisplays_form
from ..member_records import Facilitation
from ..models import Community, Member
from ..rendering import render_form, render_page
from ..wording import say
from . import bp
from .access import admin_only
from .forms import FindMemberForm, RolesForm
from .models import AuditEntry


def set_communities(actor: Member | None, member: Member, slugs: list[str]) -> None:
    """Make `member` a facilitator of exactly these communities (none: a member again)."""
    wanted = {c.id: c for c in Community.in_order() if c.slug in slugs}
    with write_transaction():
        had = Facilitation.ids_for(member)
        for community_id in had - set(wanted):
            Facilitation.stop(member, community_id)
            AuditEntry.record(actor, "stopped facilitating", item=f"member {member.display_name}",
                              community=community_id)  # fmt: skip
        for community_id in set(wanted) - had:
            Facilitation.create(member=member, community=community_id)
            AuditEntry.record(actor, "made facilitator", item=f"member {member.display_name}",
                              community=community_id)  # fmt: skip
        if member.role != "admin":
            member.role = "facilitator" if wanted else "member"
            member.save()


def make_admin(actor: Member | None, member: Member) -> None:
    with write_transaction():
        member.role = "admin"
        member.save()
        AuditEntry.record(actor, "made admin", item=f"member {member.display_name}")


@bp.route("/roles")
@admin_only
def roles():
    form = FindMemberForm(request.args)
    found = Member.by_name(form.name.data) if form.name.data else None
    if found and found.is_removed:
        found = None
    people = Member.facilitators()
    return render_page(
        "facilitation/_roles.html",
        say(_l("Facilitators and admins"), _l("Who helps run the groups")),
        search=form,
        found=found,
        searched=bool(form.name.data),
        people=[(m, _community_names(m)) for m in people],
    )


def _community_names(member: Member) -> list[str]:
    ids = Facilitation.communities_of(member)
    return [c.name for c in Community.in_order() if c.id in ids]


@bp.route("/roles/<int:member_id>", methods=["GET", "POST"])
@admin_only
@redisplays_form
def role(member_id: int):
    member = Member.get_or_none(Member.id == member_id)
    if member is None or member.is_removed:
        abort(404)
    current = [
        c.slug
        for c in Community.in_order()
        if c.id in {f.community_id for f in member.facilitations}
    ]
    form = RolesForm(data={"communities": current})
    form.communities.choices = [(c.slug, c.name) for c in Community.in_order()]
    if member.is_admin:
        form = None
    elif form.validate_on_submit():
        set_communities(g.member, member, form.communities.data or [])
        flash(str(say(_l("Saved. The change is in the audit log."), _l("Saved."))))
        return redirect(url_for("facilitation.roles"))
    return render_form(
        "facilitation/_role.html",
        say(_l("Role of %(name)s", name=member.display_name), _l("What %(name)s can do", name=member.display_name)),
        form,
        target=member,
    )  # fmt: skip
