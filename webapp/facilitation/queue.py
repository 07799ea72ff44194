"""The moderation queue for one community, and the quick Approve button in it.

With htmx, Approve swaps in the updated list, moves focus to the next item's heading
and announces the result in the live region. Without JavaScript it is a plain
POST-redirect-GET that comes back to the next item.
"""

from __future__ import annotations

from flask import abort, flash, g, redirect, request, url_for
from flask_babel import lazy_gettext as _l

from ..concerns.forms import REPORT_REASONS
from ..models import Community
from ..rendering import render_page, wants_partial
from ..stories.models import APPROVED, REMOVED
from ..wording import say
from . import bp
from .access import facilitates, facilitates_any, moderated_by
from .decisions import DONE, decide
from .forms import APPROVE, ApproveForm
from .items import (
    FILTERS,
    STATUS_NAMES,
    Item,
    counts,
    find_reply,
    find_story,
    queue,
    reply_item,
    story_item,
)

KEPT = say(_l("Kept. The concern is closed."), _l("Done. It stays."))


@bp.context_processor
def facilitation_context() -> dict:
    return {"filters": FILTERS, "report_reasons": REPORT_REASONS, "status_names": STATUS_NAMES}


def queue_title(community: Community):
    return say(_l("Queue for %(name)s", name=community.name),
               _l("Things to check: %(name)s", name=community.name))  # fmt: skip


@bp.route("/")
@facilitates_any
def index():
    ids = moderated_by(g.member)
    communities = [c for c in Community.in_order() if c.id in ids]
    return render_page(
        "facilitation/_index.html",
        say(_l("Facilitation"), _l("Helping run the groups")),
        communities=communities,
        counts={c.id: counts(g.member, c)["all"] for c in communities},
    )


def queue_url(community: Community, show: str | None, focus: str | None = None) -> str:
    show = show if show in FILTERS else None
    url = url_for("facilitation.queue_view", community=community.slug, show=show, focus=focus)
    return url + (f"#{focus}" if focus else "")


@bp.route("/<community>/queue")
@facilitates
def queue_view(community: Community):
    show = request.args.get("show")
    if show and show not in FILTERS:
        abort(404)
    everything = queue(g.member, community)
    items = [i for i in everything if show in i.kinds] if show else everything
    return render_page(
        "facilitation/_queue.html",
        queue_title(community),
        community=community,
        items=items,
        show=show,
        filters=FILTERS,
        counts=counts(g.member, community, everything),
        focus=request.args.get("focus"),
        form=ApproveForm(formdata=None),
    )  # fmt: skip


def approve(community: Community, item: Item | None):
    """Approve from the queue; focus then goes to the item that was after this one.

    An item with flags is never approved in one tap: it asks first, on a page of its own
    that works without JavaScript, "Approve with these details showing?"."""
    if item is None or item.thing.status == REMOVED:
        abort(404)
    form = ApproveForm()
    show = form.show.data if form.show.data in FILTERS else None
    if request.method == "GET" or (item.flags and form.confirmed.data != "yes"):
        return confirm_approval(community, item, request.values.get("show"))
    before = [i.anchor for i in queue(g.member, community, show)]
    if not form.validate_on_submit():
        abort(400)
    kept = item.thing.status == APPROVED  # already public: approving closes the concern
    decide(g.member, item, APPROVE)
    items = queue(g.member, community, show)
    focus = next_anchor(before, item.anchor, [i.anchor for i in items])
    message = str(KEPT if kept else DONE[APPROVE])
    if wants_partial():
        return render_page(
            "facilitation/_queue_items.html",
            queue_title(community),
            community=community,
            items=items,
            show=show,
            focus=focus,
            announce=announcement(message, items, focus),
            form=ApproveForm(formdata=None),
            # The unfiltered list is already here unless a filter is on: count it, not again.
            counts=counts(g.member, community, items if show is None else None),
        )
    flash(message)
    return redirect(queue_url(community, show, focus))


def confirm_approval(community: Community, item: Item, show: str | None):
    show = show if show in FILTERS else None
    if not item.flags:  # nothing to confirm: the queue's own Approve button does it
        return redirect(queue_url(community, show, item.anchor))
    form = ApproveForm(formdata=None, show=show or "", confirmed="yes")
    return render_page(
        "facilitation/_approve.html",
        say(_l("Approve with these details showing?"), _l("Say yes with these words in it?")),
        community=community,
        item=item,
        show=show,
        form=form,
        back_url=queue_url(community, show, item.anchor),
    )


def next_anchor(before: list[str], done: str, after: list[str]) -> str | None:
    """The item that followed the decided one, else the one before it, else none."""
    if not after:
        return None
    position = before.index(done) if done in before else 0
    later = [a for a in before[position + 1 :] if a in after]
    if later:
        return later[0]
    earlier = [a for a in before[:position] if a in after]
    return earlier[-1] if earlier else after[0]


def announcement(message: str, items: list[Item], focus: str | None) -> str:
    following = next((i for i in items if i.anchor == focus), None)
    if following is None:
        return (
            message
            + " "
            + str(say(_l("The queue is empty."), _l("There is nothing more to check.")))
        )
    left = str(say(_l("%(n)s left.", n=len(items)), _l("%(n)s left.", n=len(items))))
    following_name = str(say(_l("Next: %(name)s", name=following.heading()),
                             _l("Next: %(name)s", name=following.heading())))  # fmt: skip
    return f"{message} {left} {following_name}"


@bp.route("/<community>/stories/<reference>/approve", methods=["GET", "POST"])
@facilitates
def approve_story(community: Community, reference: str):
    story = find_story(g.member, community, reference)
    return approve(community, story_item(story) if story else None)


@bp.route("/<community>/replies/<int:reply_id>/approve", methods=["GET", "POST"])
@facilitates
def approve_reply(community: Community, reply_id: int):
    reply = find_reply(g.member, community, reply_id)
    return approve(community, reply_item(reply) if reply else None)
