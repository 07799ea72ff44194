"""Welcoming members: new members who chose a community, and moves between communities.

Until a facilitator welcomes someone into a community (or the community is open to
everyone, set by an admin), they read only what is public. A move is a request: both
communities' facilitators see it, and those of the new community decide. Every decision
is in the audit log.
"""

from __future__ import annotations

from flask import abort, flash, g, redirect, request, url_for
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

from ..database import write_transaction
from ..errors import redisplays_form
from ..forms import MultiCheckboxField, choices
from ..models import Community, CommunityChange, Member
from ..rendering import render_form, render_page
from ..wording import say
from . import bp
from .access import admin_only, facilitates
from .models import AuditEntry

WELCOME, NOT_NOW = "welcome", "not-now"


class OpenCommunitiesForm(FlaskForm):
    open = MultiCheckboxField(
        say(_l("Which communities are open to everyone?"), _l("Which groups can anyone join?")),
        description=say(
            _l("In an open community, anyone who joins it, or moves into it, is a member at once "
               "and reads its community stories straight away. In the others, a facilitator "
               "welcomes each new member first. Stories already shared for members stay as "
               "their authors chose."),
            _l("In an open group, anyone who joins can read its stories at once. "
               "In the other groups, a helper says yes to each new person first."),
        ),
    )  # fmt: skip


def _stale_page(community: Community):
    """A one-button form sent after its token expired: change nothing, say so, go back."""
    flash(str(say(
        _l("This page was open for a long time, so nothing was changed. Choose again."),
        _l("The page was open a long time. Nothing changed. Try again."),
    )))  # fmt: skip
    return redirect(_welcome_url(community))


def _welcome_url(community: Community) -> str:
    return url_for("facilitation.welcome", community=community.slug)


@bp.route("/<community>/welcome")
@facilitates
def welcome(community: Community):
    return render_page(
        "facilitation/_welcome.html",
        say(_l("Welcoming members to %(name)s", name=community.name),
            _l("New people for %(name)s", name=community.name)),
        community=community,
        newcomers=list(Member.waiting_in(community)),
        moves=list(CommunityChange.waiting_in(community)),
        form=FlaskForm(),
    )  # fmt: skip


@bp.route("/<community>/welcome/<int:member_id>", methods=["POST"])
@facilitates
@redisplays_form
def welcome_member(community: Community, member_id: int):
    newcomer = Member.get_or_none(Member.id == member_id)
    if newcomer is None or newcomer.community_id != community.id or newcomer.is_welcomed:
        abort(404)
    if not FlaskForm().validate_on_submit():
        return _stale_page(community)
    if request.form.get("action") == WELCOME:
        with write_transaction():
            newcomer.welcome()
            AuditEntry.record(g.member, "welcomed", item=f"member {newcomer.display_name}",
                              community=community)  # fmt: skip
        flash(str(say(_l("%(name)s is welcomed into %(community)s.", name=newcomer.display_name,
                         community=community.name), _l("Done. They are in the group."))))  # fmt: skip
    return redirect(_welcome_url(community))


@bp.route("/<community>/moves/<int:change_id>", methods=["POST"])
@facilitates
@redisplays_form
def decide_move(community: Community, change_id: int):
    change = CommunityChange.get_or_none(
        CommunityChange.id == change_id, CommunityChange.status == CommunityChange.REQUESTED
    )
    if change is None or change.to_community_id != community.id:
        abort(404)  # only the new community's facilitators decide
    if not FlaskForm().validate_on_submit():
        return _stale_page(community)
    accepted = request.form.get("action") == WELCOME
    with write_transaction():
        change.accept() if accepted else change.decline()
        AuditEntry.record(
            g.member, "accepted a move" if accepted else "did not accept a move",
            item=f"member {change.member.display_name}", community=community,
        )  # fmt: skip
    done = (
        say(_l("The move is accepted."), _l("Done. They are in the group."))
        if accepted
        else say(_l("The move is not accepted. They stay where they are."), _l("Done. They stay in their group."))
    )  # fmt: skip
    flash(str(done))
    return redirect(_welcome_url(community))


@bp.route("/communities", methods=["GET", "POST"])
@admin_only
@redisplays_form
def communities():
    """Admins choose, per community, whether a facilitator welcomes each member."""
    everyone = list(Community.in_order())
    form = OpenCommunitiesForm(data={"open": [c.slug for c in everyone if c.open_membership]})
    form.open.choices = choices({c.slug: c.name for c in everyone})
    if form.validate_on_submit():
        chosen = set(form.open.data)
        with write_transaction():
            for community in everyone:
                is_open = community.slug in chosen
                if is_open != community.open_membership:
                    community.open_membership = is_open
                    community.save()
                    AuditEntry.record(
                        g.member, "opened to everyone" if is_open else "welcomes each member",
                        item=f"community {community.name}", community=community,
                    )  # fmt: skip
        flash(str(say(_l("Saved."), _l("Saved."))))
        return redirect(url_for("facilitation.communities"))
    return render_form(
        "facilitation/_communities.html",
        say(_l("Who can join each community"), _l("Who can join each group")),
        form,
    )
