"""Asking to change community: a short conversation, with an optional reason.

A move is a request. The member stays in their community until a facilitator of the new
one accepts it (at once, when the new one is open to everyone), so nobody can walk into a
community's stories without being welcomed."""

from __future__ import annotations

from flask import flash, g, redirect, url_for
from flask_babel import lazy_gettext as _l

from ..conversation import Conversation, Turn
from ..database import write_transaction
from ..drafts import Draft
from ..models import Community, CommunityChange
from ..wording import say
from . import change_community_bp
from .forms import ChangeCommunityForm, ReasonForm


def prepare_community(form, draft: Draft) -> None:
    if not form.community.data:
        form.community.data = g.member.community.slug


def community_text(answers) -> str:
    community = Community.by_slug(answers.get("community", {}).get("community", ""))
    return community.name if community else ""


def reason_text(answers) -> str:
    reason = (answers.get("reason", {}).get("reason") or "").strip()
    return reason or str(say(_l("No reason given"), _l("No reason")))


def finish(draft: Draft):
    answers = draft.answers
    member = g.member
    new = Community.by_slug(answers["community"]["community"])
    old_name = member.community.name
    change = None
    with write_transaction():
        if new.id != member.community_id:
            reason = (answers.get("reason", {}).get("reason") or "").strip()
            change = CommunityChange.request(member, new, reason)
        draft.delete_instance()
    if change is None or change.status == CommunityChange.ACCEPTED:
        flash(str(say(_l("You are now in the %(name)s community.", name=new.name),
                      _l("Your group is now %(name)s.", name=new.name))))  # fmt: skip
    else:
        flash(str(say(
            _l("You asked to move to %(new)s. You stay in %(old)s until a facilitator of "
               "%(new)s says yes. We will show the answer on this page.", new=new.name, old=old_name),
            _l("You asked to move to %(new)s. A helper will say yes or no.", new=new.name),
        )))  # fmt: skip
    return redirect(url_for("accounts.home"))


CHANGE_COMMUNITY = Conversation(
    name="change_community",
    check_question=say(_l("Check your answers"), _l("Check your answers")),
    finish_button=say(_l("Ask to change my community"), _l("Ask to change my group")),
    finish=finish,
    turns=[
        Turn(
            name="community",
            question=say(_l("Which community would you like to be in?"), _l("Which group do you want?")),
            form=ChangeCommunityForm,
            prepare=prepare_community,
            answer_text=community_text,
            change_text=say(_l("which community"), _l("your group")),
        ),
        Turn(
            name="reason",
            question=say(_l("Why are you changing? (optional)"), _l("Why do you want to change? You do not have to say.")),
            form=ReasonForm,
            answer_text=reason_text,
            change_text=say(_l("your reason"), _l("your reason")),
        ),
    ],
)  # fmt: skip

CHANGE_COMMUNITY.register(change_community_bp)
