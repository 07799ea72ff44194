"""After a meeting: attendance, the notes page, corrections, the final notes, and the
wellbeing check-in. Replies and access needs are on the facilitators' "people" page."""

from __future__ import annotations

import datetime as dt

from flask import current_app, g, redirect, request, url_for
from flask_babel import lazy_gettext as _l

from ..database import write_transaction
from ..errors import redisplays_form
from ..models import Member
from ..rendering import render_form, render_page
from ..stories.models import WellbeingCount
from ..wording import say
from . import bp
from .access import for_facilitators, for_members
from .after_models import Correction, GetInTouch
from .forms import CheckInForm, CorrectionForm, attendance_form
from .models import DRAFT, FINAL, NO_NOTES, Attendance, Meeting, MeetingReply
from .quotes import shown
from .views import check_in_due, meeting_page


def members_for_attendance(meeting: Meeting) -> list[Member]:
    """Everyone in the meeting's communities: those who replied first, then the rest, by name."""
    members = list(
        Member.select()
        .where(
            Member.community.in_(sorted(meeting.community_ids)),
            Member.welcomed_on.is_null(False),
            Member.removed_on.is_null(),
        )
        .order_by(Member.display_name)
    )
    replied = {r.member_id for r in meeting.replies}
    return [m for m in members if m.id in replied] + [m for m in members if m.id not in replied]


def _attendance_page(meeting: Meeting, form=None):
    members = members_for_attendance(meeting)
    statuses = Attendance.statuses(meeting)
    form_class = attendance_form(members, statuses)
    form = form or form_class(formdata=None)
    replies = {r.member_id: r.answer for r in meeting.replies}
    return render_form(
        "meetings/_attendance.html",
        say(_l("Who came to %(title)s", title=meeting.title), _l("Who came")),
        form,
        meeting=meeting,
        rows=[(getattr(form, f"member_{m.id}"), replies.get(m.id)) for m in members],
        recorded=bool(statuses),
    ), form_class


@bp.route("/<int:meeting_id>/attendance", methods=["GET", "POST"])
@for_facilitators
@redisplays_form
def attendance(meeting: Meeting):
    page, form_class = _attendance_page(meeting)
    if request.method == "GET":
        return page
    form = form_class()
    if not form.validate_on_submit():
        return _attendance_page(meeting, form)[0]
    statuses = {
        int(name.removeprefix("member_")): field.data
        for name, field in form._fields.items()
        if name.startswith("member_") and field.data
    }
    with write_transaction():
        Attendance.record(meeting, statuses)
    return redirect(url_for("meetings.meeting", meeting_id=meeting.id, recorded="1"))


@bp.route("/<int:meeting_id>/people")
@for_facilitators
def people(meeting: Meeting):
    """For facilitators: replies, access needs, corrections and requests to get in touch."""
    replies = list(meeting.replies.join(Member).order_by(Member.display_name))
    return render_page(
        "meetings/_people.html",
        say(_l("Replies and access needs: %(title)s", title=meeting.title), _l("Who is coming")),
        meeting=meeting,
        replies=replies,
        needs=list(MeetingReply.with_needs(meeting)),
        corrections=list(meeting.corrections.order_by(Correction.id)),
        in_touch=list(meeting.get_in_touch.where(GetInTouch.done_on.is_null())),
    )


# The notes --------------------------------------------------------------------------------


def corrections_open(meeting: Meeting, today: dt.date | None = None) -> bool:
    if meeting.notes_status != DRAFT or meeting.notes_circulated_on is None:
        return False
    days = current_app.config["MEETING_CORRECTION_DAYS"]
    return (today or dt.date.today()) < meeting.notes_circulated_on + dt.timedelta(days=days)


def notes_page(meeting: Meeting, form: CorrectionForm | None = None, sent: bool = False):
    from .access import runs

    open_now = corrections_open(meeting)
    if form is None and open_now:
        form = CorrectionForm(formdata=None)
    days = current_app.config["MEETING_CORRECTION_DAYS"]
    return render_form(
        "meetings/_notes.html",
        say(_l("Notes of %(title)s", title=meeting.title), _l("Notes: %(title)s", title=meeting.title)),
        form if open_now else None,
        meeting=meeting,
        quotes=shown(meeting),
        runs=runs(g.member, meeting),
        sent=sent,
        open_until=(meeting.notes_circulated_on + dt.timedelta(days=days)) if open_now else None,
    )  # fmt: skip


@bp.route("/<int:meeting_id>/notes")
@for_members
def notes(meeting: Meeting):
    if meeting.notes_status == NO_NOTES:
        return redirect(url_for("meetings.meeting", meeting_id=meeting.id))
    return notes_page(meeting, sent=request.args.get("suggested") == "1")


@bp.route("/<int:meeting_id>/notes/correction", methods=["POST"])
@for_members
@redisplays_form
def suggest_correction(meeting: Meeting):
    if not corrections_open(meeting):
        return redirect(url_for("meetings.notes", meeting_id=meeting.id))
    form = CorrectionForm()
    if not form.validate_on_submit():
        return notes_page(meeting, form)
    with write_transaction():
        Correction.create(meeting=meeting, member=g.member, words=form.words.data)
    return redirect(url_for("meetings.notes", meeting_id=meeting.id, suggested="1"))


@bp.route("/<int:meeting_id>/notes/final", methods=["POST"])
@for_facilitators
def make_final(meeting: Meeting):
    if meeting.notes_status == DRAFT:
        with write_transaction():
            meeting.notes_status, meeting.notes_final_on = FINAL, dt.date.today()
            meeting.save()
    return redirect(url_for("meetings.notes", meeting_id=meeting.id))


@bp.route("/<int:meeting_id>/people/<int:member_id>/contacted", methods=["POST"])
@for_facilitators
def contacted(meeting: Meeting, member_id: int):
    with write_transaction():
        GetInTouch.update(done_on=dt.date.today()).where(
            GetInTouch.meeting == meeting, GetInTouch.member == member_id
        ).execute()
    return redirect(url_for("meetings.people", meeting_id=meeting.id) + "#get-in-touch")


# The wellbeing check-in ----------------------------------------------------------------------

CHECKED_IN_KEY = "meeting_checked_in"


@bp.route("/<int:meeting_id>/check-in", methods=["POST"])
@for_members
@redisplays_form
def check_in(meeting: Meeting):
    """Counted, never linked (the stories' own counter). Asking a facilitator to get in
    touch is the one part that carries the member's name, because they asked."""
    from flask import session

    if not check_in_due(meeting, g.member):
        return redirect(url_for("meetings.meeting", meeting_id=meeting.id))
    form = CheckInForm()
    if not form.validate_on_submit():
        return meeting_page(meeting, check_in=form)
    done = set(session.get(CHECKED_IN_KEY, []))
    with write_transaction():
        if form.feeling.data and meeting.id not in done:  # once per meeting, per device
            WellbeingCount.add_one(f"meeting:{form.feeling.data}")
        if form.get_in_touch.data:
            GetInTouch.insert(meeting=meeting, member=g.member).on_conflict_ignore().execute()
    if form.feeling.data:  # only an answer counted uses up this device's one answer
        session[CHECKED_IN_KEY] = sorted(done | {meeting.id})
    return render_page(
        "meetings/_checked_in.html",
        say(_l("Thank you for telling us"), _l("Thank you")),
        meeting=meeting,
        feeling=form.feeling.data,
        asked=bool(form.get_in_touch.data),
    )
