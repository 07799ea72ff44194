"""Members suggest something for a meeting's agenda; its facilitators add it to the agenda,
or say "not this time" with a short note. The member sees on the meeting's page what
became of each of their suggestions."""

from __future__ import annotations

import datetime as dt

from flask import abort, g, redirect, request, url_for
from flask_babel import lazy_gettext as _l

from ..database import write_transaction
from ..errors import csrf_failed, redisplays_form
from ..rendering import render_form
from ..wording import say
from . import bp
from .access import for_facilitators, for_suggesters
from .agenda import done_here
from .forms import DeclineSuggestionForm, SuggestionForm
from .models import Meeting
from .suggestion_models import ADDED, WAITING, AgendaSuggestion
from .views import meeting_page, still_to_come


@bp.route("/<int:meeting_id>/suggest", methods=["GET", "POST"])
@for_suggesters
@redisplays_form
def suggest(meeting: Meeting):
    """GET is the form's place on the meeting page (the address a reload comes back to)."""
    back = url_for("meetings.meeting", meeting_id=meeting.id)
    if request.method == "GET":
        return redirect(back + "#suggest")
    form = SuggestionForm()
    if not still_to_come(meeting):  # over or called off while the page was open: keep the words
        unsent = {"words": form.suggestion.data or "", "why": form.suggestion_why.data or ""}
        return meeting_page(meeting, unsent=unsent if unsent["words"] or unsent["why"] else None)
    if not form.validate_on_submit():
        return meeting_page(meeting, suggest=form)
    if not csrf_failed():
        with write_transaction():
            AgendaSuggestion.make(meeting, g.member, form.suggestion.data,
                                  form.suggestion_why.data or "")  # fmt: skip
    return redirect(url_for("meetings.meeting", meeting_id=meeting.id, suggested="1")
                    + "#suggestion-sent")  # fmt: skip


def _suggestion(meeting: Meeting, suggestion_id: int) -> AgendaSuggestion:
    suggestion = AgendaSuggestion.get_or_none(
        AgendaSuggestion.id == suggestion_id, AgendaSuggestion.meeting == meeting
    )
    if suggestion is None:
        abort(404)
    return suggestion


def _decided_already(meeting: Meeting, suggestion: AgendaSuggestion):
    """A second press, or Back to an old page: say what was done, and do nothing more. Once
    the meeting is over or called off there is nothing to add to: back to the agenda."""
    if suggestion.status == WAITING:
        return redirect(url_for("meetings.agenda", meeting_id=meeting.id))
    return done_here(meeting, "suggestion_added" if suggestion.status == ADDED
                     else "suggestion_declined")  # fmt: skip


@bp.route("/<int:meeting_id>/agenda/suggestions/<int:suggestion_id>/add", methods=["POST"])
@for_facilitators
def add_suggestion(meeting: Meeting, suggestion_id: int):
    suggestion = _suggestion(meeting, suggestion_id)
    if suggestion.status != WAITING or not still_to_come(meeting):
        return _decided_already(meeting, suggestion)
    with write_transaction():
        suggestion.add_to_agenda(dt.date.today())
    return done_here(meeting, "suggestion_added")


@bp.route("/<int:meeting_id>/agenda/suggestions/<int:suggestion_id>/decline",
          methods=["GET", "POST"])  # fmt: skip
@for_facilitators
@redisplays_form
def decline_suggestion(meeting: Meeting, suggestion_id: int):
    """Its own page: a few words to the member are worth the moment they take."""
    suggestion = _suggestion(meeting, suggestion_id)
    if suggestion.status != WAITING or not still_to_come(meeting):
        return _decided_already(meeting, suggestion)
    form = (
        DeclineSuggestionForm(formdata=None) if request.method == "GET" else DeclineSuggestionForm()
    )
    if request.method == "POST" and form.validate_on_submit():
        if not csrf_failed():
            with write_transaction():
                suggestion.decline(form.note.data or "", dt.date.today())
        return done_here(meeting, "suggestion_declined")
    return render_form(
        "meetings/_decline_suggestion.html",
        say(_l("Not this time: tell the member why"), _l("Not this time")),
        form, meeting=meeting, suggestion=suggestion,
    )  # fmt: skip
