"""Changing a meeting's time or place, and calling a meeting off (facilitators).

Members who chose meeting emails are told of either, once; the meeting's page says what
happened, and its calendar file carries a higher SEQUENCE so calendars update it. A
meeting called off leaves every list, count and reminder (Meeting._for).
"""

from __future__ import annotations

import datetime as dt

from flask import redirect, request, url_for
from flask_babel import lazy_gettext as _l

from ..clock import today
from ..database import write_transaction
from ..errors import csrf_failed, redisplays_form
from ..rendering import render_form
from ..wording import say
from . import bp, forms
from .access import for_facilitators
from .models import Meeting
from .notify import tell_cancelled, tell_moved
from .typed import parse_day, parse_time, time_text
from .when import uk_now

WHERE_FIELDS = ("place", "getting_there", "online_link")


def as_it_is(meeting: Meeting) -> dict:
    return {
        "day": f"{meeting.day.day} {meeting.day:%B %Y}",
        "starts": time_text(meeting.starts_minute),
        "ends": time_text(meeting.ends_minute),
        "access": meeting.access_features,
        **{name: getattr(meeting, name) for name in WHERE_FIELDS},
    }


def still_to_come(meeting: Meeting):
    """Only a meeting still to come can change or be called off: else back to its page."""
    if meeting.cancelled or meeting.has_happened(uk_now()):
        return redirect(url_for("meetings.meeting", meeting_id=meeting.id))
    return None


@bp.route("/<int:meeting_id>/change", methods=["GET", "POST"])
@for_facilitators
@redisplays_form
def change(meeting: Meeting):
    if (gone := still_to_come(meeting)) is not None:
        return gone
    form = (
        forms.ChangeForm() if request.method == "POST" else forms.ChangeForm(data=as_it_is(meeting))
    )
    if request.method == "POST" and form.validate_on_submit() and not csrf_failed():
        day = parse_day(form.day.data)
        starts = dt.datetime.combine(day, parse_time(form.starts.data))
        ends = dt.datetime.combine(day, parse_time(form.ends.data))
        where = {name: form[name].data or "" for name in WHERE_FIELDS}
        where.update({key: key in (form.access.data or []) for key in forms.ACCESS})
        with write_transaction():
            moved = meeting.move(starts, ends, where, today())
        if moved:
            tell_moved(meeting)
        return redirect(url_for("meetings.meeting", meeting_id=meeting.id, changed="1"))
    return render_form(
        "meetings/_change.html", say(_l("Change the time or place"), _l("Change when or where")),
        form, meeting=meeting,
        description=say(_l("Change a meeting's time or place"), _l("Change when or where")),
    )  # fmt: skip


@bp.route("/<int:meeting_id>/cancel", methods=["GET", "POST"])
@for_facilitators
@redisplays_form
def cancel(meeting: Meeting):
    if (gone := still_to_come(meeting)) is not None:
        return gone
    form = forms.CancelForm() if request.method == "POST" else forms.CancelForm(formdata=None)
    if request.method == "POST" and form.validate_on_submit() and not csrf_failed():
        with write_transaction():
            meeting.cancel(form.why.data or "", today())
        tell_cancelled(meeting)
        return redirect(url_for("meetings.meeting", meeting_id=meeting.id))
    return render_form(
        "meetings/_cancel.html", say(_l("Cancel this meeting?"), _l("Stop this meeting?")),
        form, meeting=meeting,
        description=say(_l("Cancel a meeting"), _l("Stop a meeting")),
    )  # fmt: skip
