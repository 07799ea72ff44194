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


def decision_choices(meeting: Meeting) -> dict[str, object]:
    """The decisions asked of the meeting's communities, newest first, that an item can link
    to (kept as the decision's id)."""
    asked = Decision.newest_first(Decision.asking(meeting.community_ids)).limit(30)
    return {str(decision.id): isolated(decision.title) for decision in asked}


# What the last change was, said on the agenda page.
DONE = ("added", "moved", "removed", "suggestion_added", "suggestion_declined")


def done_here(meeting: Meeting, done: str):
    """Back to the agenda, at the note that says what was done (focused and announced)."""
    return redirect(url_for("meetings.agenda", meeting_id=meeting.id, done=done) + "#agenda-done")


def agenda_page(meeting: Meeting, form: AgendaItemForm | None = None):
    form = form or AgendaItemForm(formdata=None)
    options = decision_choices(meeting)
    form.decision_ref.choices = choices({"": say(_l("Not about a decision"), _l("No")), **options})
    form.scope_area.choices = scope_choices(contributions.scope_areas(meeting.community))
    return render_form(
        "meetings/_agenda.html",
        say(_l("Agenda for %(title)s", title=meeting.title), _l("Agenda: %(title)s", title=meeting.title)),
        form,
        meeting=meeting,
        items=list(meeting.agenda),
        # Members' suggestions, while there is still a meeting to add them to.
        suggestions=list(AgendaSuggestion.waiting_for(meeting)) if still_to_come(meeting) else [],
        has_decisions=bool(options),
        done=request.args.get("done") if request.args.get("done") in DONE and not form.errors else None,
    )  # fmt: skip


@bp.route("/<int:meeting_id>/agenda", methods=["GET", "POST"])
@for_facilitators
@redisplays_form
def agenda(meeting: Meeting):
    if request.method == "GET":
        return agenda_page(meeting)
    form = AgendaItemForm()
    form.decision_ref.choices = choices({"": "", **decision_choices(meeting)})
    form.scope_area.choices = scope_choices(contributions.scope_areas(meeting.community))
    if not form.validate_on_submit():
        return agenda_page(meeting, form)
    if not csrf_failed():
        with write_transaction():
            AgendaItem.create(
                meeting=meeting,
                position=AgendaItem.next_position(meeting),
                title=form.title.data,
                title_easy=form.title_easy.data or "",
                minutes=int(form.minutes.data) if form.minutes.data else None,
                sensitive=bool(form.sensitive.data),
                paper=form.paper.data or "",
                paper_easy=form.paper_easy.data or "",
                decision_ref=form.decision_ref.data or "",
                scope_area=form.scope_area.data or "",
            )
    return done_here(meeting, "added")


def _change_item(meeting: Meeting, item_id: int, change, done: str) -> object:
    item = AgendaItem.get_or_none(AgendaItem.id == item_id, AgendaItem.meeting == meeting)
    if item is None:
        abort(404)
    with write_transaction():
        change(item)
    return done_here(meeting, done)


@bp.route("/<int:meeting_id>/agenda/<int:item_id>/up", methods=["POST"])
@for_facilitators
def move_up(meeting: Meeting, item_id: int):
    return _change_item(meeting, item_id, AgendaItem.move_up, "moved")


@bp.route("/<int:meeting_id>/agenda/<int:item_id>/remove", methods=["GET", "POST"])
@for_facilitators
def remove_item(meeting: Meeting, item_id: int):
    """Asked first, on a page of its own: an item and its paper cannot be brought back."""
    if request.method == "POST":
        return _change_item(meeting, item_id, AgendaItem.delete_instance, "removed")
    item = AgendaItem.get_or_none(AgendaItem.id == item_id, AgendaItem.meeting == meeting)
    if item is None:
        abort(404)
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
