"""One item on its own page, with every decision in a single form.

Removing cannot be undone, so it asks for a tick in the confirmation box.
"""

from __future__ import annotations

from flask import abort, flash, g, redirect, request
from flask_babel import lazy_gettext as _l

from ..errors import redisplays_form
from ..models import Community
from ..rendering import render_form
from ..stories.models import REMOVED
from ..stories.reasons import REASONS
from ..wording import say
from . import bp
from .access import facilitates
from .decisions import DONE, decide, found_details
from .forms import (
    CHANGE_REASONS,
    CHANGES,
    DECISIONS,
    IDENTIFYING,
    REASON_NAMES,
    REMOVE,
    REMOVE_REASONS,
    DecisionForm,
)
from .items import FILTERS, Item, find_reply, find_story, queue, reply_item, story_item
from .queue import next_anchor, queue_url


def chosen_reason(form: DecisionForm) -> str:
    """The reason for the chosen decision. A reason ticked in the other group counts
    when it fits this decision too (such as "Could be against the law")."""
    decision = form.decision.data
    change, remove = form.change_reason.data or "", form.remove_reason.data or ""
    if decision == CHANGES:
        return change or (remove if remove in CHANGE_REASONS else "")
    if decision == REMOVE:
        return remove or (change if change in REMOVE_REASONS else "")
    return ""


def names(keys) -> str:
    listed = [str(REASON_NAMES[k]) for k in keys]
    return ", ".join(listed[:-1]) + str(say(_l(" or "), _l(" or "))) + listed[-1]


def check(form: DecisionForm, item: Item) -> bool:
    decision, reason = form.decision.data, chosen_reason(form)
    if decision == IDENTIFYING and not found_details(item) and not (form.note.data or "").strip():
        form.note.errors.append(say(
            _l("No details were found automatically. Write which details the author should "
               "take out"),
            _l("Write which details the writer should take out."),
        ))  # fmt: skip
    if decision == CHANGES and not reason:
        other = form.remove_reason.data
        if other in REASON_NAMES:  # a reason for removing only: say so, and what fits
            form.change_reason.errors.append(say(
                _l("“%(reason)s” is a reason to remove it. To ask for a change, choose one "
                   "of: %(names)s", reason=REASON_NAMES[other], names=names(CHANGE_REASONS)),
                _l("“%(reason)s” is a reason to take it away. "
                   "To ask for a change, pick a reason under “To ask for a change: why?”.",
                   reason=REASON_NAMES[other]),
            ))  # fmt: skip
        else:
            form.change_reason.errors.append(say(
                _l("Choose why the author should change it"),
                _l("Pick why the writer should change it."),
            ))  # fmt: skip
    if decision == REMOVE:
        if not reason:
            other = form.change_reason.data
            if other in REASON_NAMES:
                form.remove_reason.errors.append(say(
                    _l("“%(reason)s” is a reason to ask for a change. To remove it, choose "
                       "one of: %(names)s", reason=REASON_NAMES[other],
                       names=names(REMOVE_REASONS)),
                    _l("“%(reason)s” is a reason to ask for a change. "
                       "To take it away, pick a reason under “To take it away: why?”.",
                       reason=REASON_NAMES[other]),
                ))  # fmt: skip
            else:
                form.remove_reason.errors.append(say(
                    _l("Choose why you are removing it: %(names)s",
                       names=names(REMOVE_REASONS)),
                    _l("Pick why you take it away."),
                ))  # fmt: skip
        if not form.confirm.data:
            form.confirm.errors.append(say(
                _l("Tick the box to confirm that removing cannot be undone, or choose "
                   "another decision"),
                _l("Tick the box to say you understand. Or pick something else."),
            ))  # fmt: skip
    if reason == "other" and not (form.note.data or "").strip():
        form.note.errors.append(say(
            _l("Write a few words for the author, as you chose another reason"),
            _l("Write some words for the writer."),
        ))  # fmt: skip
    errors = form.change_reason.errors or form.remove_reason.errors
    return not (errors or form.confirm.errors or form.note.errors)


def review(community: Community, item: Item | None):
    if item is None:
        abort(404)
    show = request.args.get("show") if request.args.get("show") in FILTERS else None
    form = DecisionForm()
    if request.method == "GET" and request.args.get("decision") in DECISIONS:
        # "Suggest removing them", from the approve check: that decision is chosen already.
        form.decision.data = request.args["decision"]
    if item.thing.status == REMOVED:
        form = None
    elif form.validate_on_submit() and check(form, item):
        before = [i.anchor for i in queue(g.member, community, show)]
        decide(g.member, item, form.decision.data, chosen_reason(form), form.note.data or "")
        after = [i.anchor for i in queue(g.member, community, show)]
        flash(str(DONE[form.decision.data]))
        return redirect(queue_url(community, show, next_anchor(before, item.anchor, after)))
    heading = (
        say(_l("Decide about this reply"), _l("Decide about this reply"))
        if item.reply
        else say(_l("Decide about this story"), _l("Decide about this story"))
    )
    return render_form(
        "facilitation/_review.html",
        heading,
        form,
        community=community,
        item=item,
        show=show,
        reasons=REASONS,
        reason_names=REASON_NAMES,
        change_reasons=CHANGE_REASONS,
        remove_reasons=REMOVE_REASONS,
        back_url=queue_url(community, show, item.anchor),
    )


@bp.route("/<community>/stories/<reference>", methods=["GET", "POST"])
@facilitates
@redisplays_form
def decide_story(community: Community, reference: str):
    story = find_story(g.member, community, reference)
    return review(community, story_item(story) if story else None)


@bp.route("/<community>/replies/<int:reply_id>", methods=["GET", "POST"])
@facilitates
@redisplays_form
def decide_reply(community: Community, reply_id: int):
    reply = find_reply(g.member, community, reply_id)
    return review(community, reply_item(reply) if reply else None)
