"""Report a concern about a story or a reply.

No account is needed, and nothing about the person is kept: no IP address, no
member, no time finer than the day. Limits are counted in memory, per item and
for the whole site, so a flood cannot bury the queue.
"""

from __future__ import annotations

from flask import abort, redirect, session, url_for
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext as _ln

from ..database import write_transaction
from ..errors import redisplays_form
from ..ratelimits import FailedTries, minutes
from ..receipts import SentKey
from ..rendering import render_form, render_page
from ..stories.models import REMOVED, Reply, Story
from ..stories.viewer import current_viewer
from ..wording import say
from . import bp
from .forms import ConcernForm
from .models import Report

# Only whether the last concern was about someone's safety, so the thank-you page can
# say what to do if someone is in danger now. Never which story, and never in the URL.
SAFETY_KEY = "concern_safety"
SAFETY = "safety"

PER_ITEM = FailedTries("concern-item", "5 per hour")
EVERYWHERE = FailedTries("concern-all", "60 per hour")


def respond(form: ConcernForm, story: Story, reply: Reply | None):
    heading = (
        say(_l("Report a concern about a reply"), _l("Tell us you are worried about a reply"))
        if reply
        else say(_l("Report a concern about a story"), _l("Tell us you are worried about a story"))
    )
    if form.validate_on_submit():
        if form.reason.data == SAFETY:
            session[SAFETY_KEY] = True
        else:
            session.pop(SAFETY_KEY, None)
        if form.website.data or SentKey.was_sent(form.once.data):
            # The honeypot (thank them, keep nothing), or this very form sent again after a
            # lost answer: it is already with the facilitators.
            return redirect(url_for("concerns.thanks"))
        key = f"{story.id}-{reply.id if reply else ''}"
        wait = PER_ITEM.wait_seconds(key) or EVERYWHERE.wait_seconds("all")
        if wait:
            form.reason.errors.append(say(
                _ln("Many concerns were sent just now. Wait %(num)s minute, then send yours again",
                    "Many concerns were sent just now. Wait %(num)s minutes, then send yours "
                    "again", minutes(wait)),
                _ln("Many people told us just now. Wait %(num)s minute. Then send it again.",
                    "Many people told us just now. Wait %(num)s minutes. Then send it again.",
                    minutes(wait)),
            ))  # fmt: skip
        else:
            PER_ITEM.record(key)
            EVERYWHERE.record("all")
            with write_transaction():
                if SentKey.claim(form.once.data):  # two sends at once still make one
                    Report.create(
                        story=story,
                        reply=reply,
                        community=story.community_id,
                        reason=form.reason.data,
                        words=(form.words.data or "").strip(),
                    )
            return redirect(url_for("concerns.thanks"))
    return render_form("concerns/_report.html", heading, form, story=story,
        reply=reply,
    )  # fmt: skip


def visible_story(reference: str) -> Story:
    story = Story.by_reference(current_viewer(), reference)
    if story is None or story.status == REMOVED:
        abort(404)
    return story


@bp.route("/stories/<reference>/concern", methods=["GET", "POST"])
@redisplays_form
def report_story(reference: str):
    return respond(ConcernForm(), visible_story(reference), None)


@bp.route("/stories/<reference>/replies/<int:reply_id>/concern", methods=["GET", "POST"])
@redisplays_form
def report_reply(reference: str, reply_id: int):
    story = visible_story(reference)
    reply = Reply.under(story, current_viewer()).where(Reply.id == reply_id).first()
    if reply is None or reply.status == REMOVED:
        abort(404)
    return respond(ConcernForm(), story, reply)


@bp.route("/concern-sent")
def thanks():
    return render_page(
        "concerns/_thanks.html",
        say(_l("Thank you: we have your concern"), _l("Thank you for telling us")),
        safety=bool(session.get(SAFETY_KEY)),
    )
