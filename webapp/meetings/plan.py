"""Planning a meeting: a conversation for facilitators (what, when, where), then the agenda.

Answers are saved at every turn, so a facilitator interrupted halfway loses nothing.
"""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, g, redirect, request, url_for
from flask_babel import lazy_gettext as _l

from ..conversation import Conversation, Turn
from ..database import write_transaction
from ..drafts import Draft
from ..facilitation.access import moderated_by, sign_in_first
from ..forms import choices
from ..models import Community
from ..wording import one_after_another, say
from . import forms
from .models import Meeting
from .typed import parse_day, parse_time
from .when import when_in_words

bp = Blueprint("plan_meeting", __name__, url_prefix="/meetings/plan")


def _communities():
    ids = set(moderated_by(g.member))
    return [community for community in Community.in_order() if community.id in ids]


def prepare_about(form, draft: Draft) -> None:
    own = _communities()
    form.community.choices = choices({c.slug: c.name for c in own})
    if len(own) == 1 and not form.community.data:
        form.community.data = own[0].slug
    others = [c for c in Community.in_order() if c.slug != form.community.data]
    form.joint_with.choices = choices({c.slug: c.name for c in others})


def about_text(answers) -> str:
    about = answers.get("about", {})
    community = Community.by_slug(about.get("community") or "")
    kind = (
        say(_l("regular"), _l("usual"))
        if about.get("regular") == "yes"
        else say(_l("extra"), _l("extra"))
    )
    return f"{about.get('title', '')} ({community.name if community else ''}, {kind})"


def times(answers) -> tuple[dt.datetime, dt.datetime]:
    when = answers["when"]
    day = parse_day(when["day"])
    return (
        dt.datetime.combine(day, parse_time(when["starts"])),
        dt.datetime.combine(day, parse_time(when["ends"])),
    )


def when_text(answers) -> str:
    return when_in_words(*times(answers)) if answers.get("when") else ""


def where_text(answers) -> str:
    where = answers.get("where", {})
    parts = [where.get("place") or ""]
    parts += [str(forms.ACCESS[key]) for key in where.get("access") or [] if key in forms.ACCESS]
    if where.get("online_link"):
        parts.append(str(say(_l("online link given"), _l("a link to meet online"))))
    return one_after_another(parts)


def finish(draft: Draft):
    answers = draft.answers
    about, where = answers["about"], answers["where"]
    community = Community.by_slug(about["community"])
    if community is None or community.id not in moderated_by(g.member):
        abort(403)
    starts, ends = times(answers)
    access = set(where.get("access") or [])
    joint = [slug for slug in about.get("joint_with") or [] if slug != community.slug]
    meeting = Meeting(
        community=community,
        joint_with=Meeting.joint_text(joint),
        title=about["title"],
        regular=about["regular"] == "yes",
        starts_at=starts,
        ends_at=ends,
        place=where.get("place") or "",
        getting_there=where.get("getting_there") or "",
        online_link=where.get("online_link") or "",
        **{key: key in access for key in forms.ACCESS},
    )
    with write_transaction():
        meeting.save(force_insert=True)
        draft.keep_as_receipt(meeting_id=meeting.id)
    return redirect(url_for("meetings.agenda", meeting_id=meeting.id))


def planned_already(draft: Draft):
    """Sending again after a lost answer shows the meeting already made, not a second one.
    Coming back to plan another meeting starts afresh."""
    meeting_id = draft.receipt.get("meeting_id")
    if request.method != "POST":
        return None
    if meeting_id and Meeting.get_or_none(Meeting.id == meeting_id):
        Draft.delete_for(draft.owner, draft.conversation)
        return redirect(url_for("meetings.agenda", meeting_id=meeting_id))
    return None


PLAN = Conversation(
    name="plan_meeting",
    check_question=say(_l("Check the meeting before you add it"), _l("Check the meeting")),
    finish_button=say(_l("Add the meeting and write the agenda"), _l("Add the meeting")),
    finish=finish,
    retry=planned_already,
    turns=[
        Turn(
            name="about",
            question=say(_l("Plan a meeting"), _l("Plan a meeting")),
            form=forms.AboutForm,
            prepare=prepare_about,
            picture="group.svg",
            answer_text=about_text,
            change_text=say(_l("the name and community"), _l("the name and group")),
        ),
        Turn(
            name="when",
            question=say(_l("When is the meeting?"), _l("When is the meeting?")),
            form=forms.WhenForm,
            picture="calendar.svg",
            answer_text=when_text,
            change_text=say(_l("when it is"), _l("when it is")),
        ),
        Turn(
            name="where",
            question=say(_l("Where is the meeting?"), _l("Where is the meeting?")),
            form=forms.WhereForm,
            answer_text=where_text,
            change_text=say(_l("where it is"), _l("where it is")),
        ),
    ],
)


@bp.before_request
def only_facilitators():
    if (signed_out := sign_in_first()) is not None:
        return signed_out
    if not moderated_by(g.member):
        abort(403)
    return None


PLAN.register(bp)
