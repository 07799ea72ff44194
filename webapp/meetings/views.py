"""Meetings for members: the list, a meeting's page, replying, and the calendar file."""

from __future__ import annotations

import datetime as dt

from flask import Response, g, redirect, request, url_for
from flask_babel import lazy_gettext as _l

from ..database import write_transaction
from ..errors import csrf_failed, redisplays_form
from ..facilitation.access import moderated_by
from ..models import Community
from ..rendering import render_form, render_page
from ..wording import say
from . import bp
from .access import belongs, for_members, for_repliers, may_see_link, may_suggest, runs, signed_in
from .after_models import GetInTouch
from .forms import CheckInForm, ReplyForm, SuggestionForm
from .ics import meeting_calendar
from .models import Attendance, Meeting, MeetingReply
from .suggestion_models import AgendaSuggestion
from .when import uk_now


def communities_for(member) -> list[Community]:
    """The member's own community, and any they facilitate."""
    ids = {member.community_id} | set(moderated_by(member))
    return [community for community in Community.in_order() if community.id in ids]


@bp.route("/")
@signed_in
def index():
    now = uk_now()
    groups = [
        {
            "community": community,
            "upcoming": list(Meeting.upcoming(community, now)),
            "cancelled": list(Meeting.cancelled_coming(community, now)),
            "past": list(Meeting.past(community, now).limit(10)),
        }
        for community in communities_for(g.member)
    ]
    return render_page(
        "meetings/_index.html",
        say(_l("Meetings"), _l("Meetings")),
        groups=groups,
        plans=bool(moderated_by(g.member)),
        description=say(_l("Your community's meetings: agendas, papers and notes"), _l("Meetings")),
    )


def check_in_due(meeting: Meeting, member) -> bool:
    """After a meeting with a sensitive item, for the members who were there."""
    return (
        meeting.has_happened(uk_now())
        and meeting.has_sensitive_item
        and Attendance.was_present(meeting, member)
    )


def still_to_come(meeting: Meeting) -> bool:
    """Replies and suggestions are taken until the meeting ends, unless it is called off."""
    return not meeting.has_happened(uk_now()) and not meeting.cancelled


def meeting_page(meeting: Meeting, form: ReplyForm | None = None, status_note=None, check_in=None,
                 suggest: SuggestionForm | None = None, unsent: dict | None = None):  # fmt: skip
    """`suggest`: the suggestion form shown again to fix; `unsent`: words that came too late
    (the meeting over or called off while the page was open), shown so nothing is lost."""
    member = g.member
    reply = MeetingReply.of(meeting, member)
    can_reply = belongs(member, meeting) and still_to_come(meeting)
    if may_suggest(member, meeting) and still_to_come(meeting):
        suggest = suggest or SuggestionForm(formdata=None)
    else:
        suggest = None
    if form is None and can_reply:
        form = ReplyForm(formdata=None, obj=None)
        if reply is not None:
            form.answer.data = reply.answer
            form.needs.data = reply.need_keys
            form.needs_other.data = reply.needs_other
    page = render_form(
        "meetings/_meeting.html",
        meeting.title,
        form if can_reply else None,
        meeting=meeting,
        reply=reply,
        link=meeting.online_link if may_see_link(member, meeting) else "",
        runs=runs(member, meeting),
        status_note=status_note,
        check_in=(check_in or CheckInForm(formdata=None))
        if check_in_due(meeting, member)
        else None,
        asked_in_touch=GetInTouch.get_or_none(meeting=meeting, member=member) is not None,
        suggest=suggest,
        suggestions=list(AgendaSuggestion.of(meeting, member)),
        unsent=unsent,
        now=uk_now(),
        description=say(_l("A meeting: when, where and the agenda"), _l("A meeting")),
    )
    if any(other is not None and other.errors for other in (check_in, suggest)):
        page.status_code = 422  # the check-in or the suggestion shown again with what to fix
    return page


@bp.route("/<int:meeting_id>")
@for_members
def meeting(meeting: Meeting):
    asked = [
        note
        for note in ("replied", "recorded", "changed", "published", "suggested")
        if request.args.get(note)
    ]
    return meeting_page(meeting, status_note=asked[0] if asked else None)


@bp.route("/<int:meeting_id>/reply", methods=["POST"])
@for_repliers
@redisplays_form
def reply(meeting: Meeting):
    form = ReplyForm()
    if not still_to_come(meeting):
        return redirect(url_for("meetings.meeting", meeting_id=meeting.id))
    if not form.validate_on_submit():
        return meeting_page(meeting, form)
    if not csrf_failed():
        with write_transaction():
            MeetingReply.give(meeting, g.member, form.answer.data, form.needs.data or [],
                              form.needs_other.data or "")  # fmt: skip
    return redirect(url_for("meetings.meeting", meeting_id=meeting.id, replied="1") + "#your-reply")


@bp.route("/<int:meeting_id>/calendar.ics")
@for_members
def calendar(meeting: Meeting):
    url = url_for("meetings.meeting", meeting_id=meeting.id, _external=True)
    place = meeting.place.replace("\n", ", ")
    body = meeting_calendar(meeting, url, place, dt.datetime.now(dt.UTC))
    response = Response(body, mimetype="text/calendar")
    response.headers["Content-Disposition"] = f'attachment; filename="meeting-{meeting.id}.ics"'
    return response
