"""The agenda, for the facilitators who run a meeting: items in order, then published."""

from __future__ import annotations

from flask import abort, redirect, request, url_for
from flask_babel import lazy_gettext as _l

from .. import contributions
from ..database import write_transaction
from ..decisions.models import Decision
from ..errors import csrf_failed, redisplays_form
from ..forms import choices, scope_choices
from ..rendering import render_form, render_page
from ..templating import isolated
from ..wording import say
from . import bp
from .access import for_facilitators
from .forms import AgendaItemForm
from .models import AgendaItem, Meeting
from .suggestion_models import AgendaSuggestion
from .views import still_to_come


def decision_choices(meeting: Meeting, keep: str = "") -> dict[str, object]:
    """The decisions asked of the meeting's communities, newest first, that an item can link
    to (kept as the decision's id). `keep`: an item's own decision, offered even when it is
    no longer among the newest, so changing the item's wording never drops its link."""
    asking = Decision.asking(meeting.community_ids)
    offered = list(Decision.newest_first(asking).limit(30))
    if keep.isdigit() and all(str(decision.id) != keep for decision in offered):
        offered += list(asking.where(Decision.id == int(keep)))
    return {str(decision.id): isolated(decision.title) for decision in offered}


def offer_choices(form: AgendaItemForm, meeting: Meeting, item: AgendaItem | None = None) -> bool:
    """The choices of the item form's two questions; True when there are decisions to offer.
    An item's own area of work stays offered, even when the terms no longer name it."""
    options = decision_choices(meeting, keep=item.decision_ref if item else "")
    form.decision_ref.choices = choices({"": say(_l("Not about a decision"), _l("No")), **options})
    areas = contributions.scope_areas(meeting.community)
    if item and item.scope_area and item.scope_area not in dict(areas):
        areas = [*areas, (item.scope_area, isolated(item.scope_area))]
    form.scope_area.choices = scope_choices(areas)
    return bool(options)


# What the last change was, said on the agenda page.
DONE = ("added", "moved", "moved_down", "changed", "removed", "suggestion_added",
        "suggestion_declined")  # fmt: skip


def done_here(meeting: Meeting, done: str, item: AgendaItem | None = None):
    """Back to the agenda, at the note that says what was done (focused and announced).
    With `item`, the note stands at that item."""
    place = {"item": item.id} if item is not None else {}
    url = url_for("meetings.agenda", meeting_id=meeting.id, done=done, **place)
    return redirect(url + "#agenda-done")


def agenda_page(meeting: Meeting, form: AgendaItemForm | None = None):
    form = form or AgendaItemForm(formdata=None)
    done = request.args.get("done")
    done = done if done in DONE and not form.errors else None
    return render_form(
        "meetings/_agenda.html",
        say(_l("Agenda for %(title)s", title=meeting.title), _l("Agenda: %(title)s", title=meeting.title)),
        form,
        meeting=meeting,
        items=list(meeting.agenda),
        # Members' suggestions, while there is still a meeting to add them to.
        suggestions=list(AgendaSuggestion.waiting_for(meeting)) if still_to_come(meeting) else [],
        has_decisions=offer_choices(form, meeting),
        done=done,
        done_item=request.args.get("item", type=int) if done else None,
    )  # fmt: skip


def item_fields(form: AgendaItemForm) -> dict[str, object]:
    """An item's fields as the form has them, for adding or changing it."""
    return {
        "title": form.title.data,
        "title_easy": form.title_easy.data or "",
        "minutes": int(form.minutes.data) if form.minutes.data else None,
        "sensitive": bool(form.sensitive.data),
        "paper": form.paper.data or "",
        "paper_easy": form.paper_easy.data or "",
        "decision_ref": form.decision_ref.data or "",
        "scope_area": form.scope_area.data or "",
    }


@bp.route("/<int:meeting_id>/agenda", methods=["GET", "POST"])
@for_facilitators
@redisplays_form
def agenda(meeting: Meeting):
    if request.method == "GET":
        return agenda_page(meeting)
    form = AgendaItemForm()
    offer_choices(form, meeting)
    if not form.validate_on_submit():
        return agenda_page(meeting, form)
    if not csrf_failed():
        with write_transaction():
            AgendaItem.create(
                meeting=meeting, position=AgendaItem.next_position(meeting), **item_fields(form)
            )
    return done_here(meeting, "added")


def item_or_404(meeting: Meeting, item_id: int) -> AgendaItem:
    item = AgendaItem.get_or_none(AgendaItem.id == item_id, AgendaItem.meeting == meeting)
    if item is None:
        abort(404)
    return item


def _change_item(meeting: Meeting, item_id: int, change, done: str) -> object:
    item = item_or_404(meeting, item_id)
    with write_transaction():
        change(item)
    return done_here(meeting, done)


@bp.route("/<int:meeting_id>/agenda/<int:item_id>/up", methods=["POST"])
@for_facilitators
def move_up(meeting: Meeting, item_id: int):
    return _change_item(meeting, item_id, AgendaItem.move_up, "moved")


@bp.route("/<int:meeting_id>/agenda/<int:item_id>/down", methods=["POST"])
@for_facilitators
def move_down(meeting: Meeting, item_id: int):
    return _change_item(meeting, item_id, AgendaItem.move_down, "moved_down")


@bp.route("/<int:meeting_id>/agenda/<int:item_id>/change", methods=["GET", "POST"])
@for_facilitators
@redisplays_form
def change_item(meeting: Meeting, item_id: int):
    """The add form's questions on a page of their own, filled in as the item is: a member's
    suggestion comes in the member's words, and the facilitators often tidy them."""
    item = item_or_404(meeting, item_id)
    if request.method == "POST":
        form = AgendaItemForm()
    else:
        as_it_is = {name: getattr(item, name) for name in AgendaItemForm.QUESTIONS}
        form = AgendaItemForm(data={**as_it_is, "minutes": str(item.minutes or "")})
    has_decisions = offer_choices(form, meeting, item)
    if request.method == "POST" and form.validate_on_submit() and not csrf_failed():
        with write_transaction():
            AgendaItem.update(**item_fields(form)).where(AgendaItem.id == item.id).execute()
        return done_here(meeting, "changed", item)
    return render_form(
        "meetings/_change_item.html", say(_l("Change this agenda item"), _l("Change this part of the list")),
        form, meeting=meeting, item=item, has_decisions=has_decisions,
        description=say(_l("Change the wording of an agenda item"), _l("Change a part of the list")),
    )  # fmt: skip


@bp.route("/<int:meeting_id>/agenda/<int:item_id>/remove", methods=["GET", "POST"])
@for_facilitators
def remove_item(meeting: Meeting, item_id: int):
    """Asked first, on a page of its own: an item and its paper cannot be brought back."""
    if request.method == "POST":
        return _change_item(meeting, item_id, AgendaItem.delete_instance, "removed")
    item = item_or_404(meeting, item_id)
    return render_page(
        "meetings/_remove_item.html",
        say(_l("Remove this item from the agenda?"), _l("Take this off the list?")),
        meeting=meeting, item=item,
    )  # fmt: skip


@bp.route("/<int:meeting_id>/publish", methods=["POST"])
@for_facilitators
def publish(meeting: Meeting):
    if meeting.items.exists():
        with write_transaction():
            meeting.publish_agenda()
        return redirect(url_for("meetings.meeting", meeting_id=meeting.id, published="1"))
    return redirect(url_for("meetings.meeting", meeting_id=meeting.id))
