"""Reading stories, sending replies, and the page after sharing.

Every read goes through Story.visible_to / Reply.visible_to, with current_viewer().
"""

from __future__ import annotations

from flask import abort, current_app, g, redirect, request, session, url_for
from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from ..agreements.service import can_post
from ..database import write_transaction
from ..errors import redisplays_form
from ..models import Community, Member
from ..page_cache import shared_page
from ..receipts import SentKey
from ..rendering import render_form, render_page
from ..wording import say
from . import bp
from .forms import ReplyForm, WellbeingForm
from .models import APPROVED, Reply, Story, WellbeingCount
from .share import NEW_CODE_KEY, SHARED_KEY, code_shown
from .topics import topics
from .viewer import current_viewer

WELLBEING_DUE_KEY = "wellbeing_due"


@bp.app_template_filter("paragraphs")
def paragraphs(text: str) -> Markup:
    """A person's words as escaped plain text: paragraphs and line breaks, nothing more."""
    blocks = [block.strip() for block in (text or "").split("\n\n") if block.strip()]
    line_break, start, end = Markup("<br>"), Markup("<p>"), Markup("</p>")
    # Each line is escaped; only our own tags are joined around them.
    return Markup("").join(
        start + line_break.join(map(escape, block.split("\n"))) + end for block in blocks
    )


def _before() -> int | None:
    value = request.args.get("before", "")
    return int(value) if value.isdigit() and len(value) <= 15 else None


@bp.route("/")
@shared_page
def index():
    viewer = current_viewer()
    communities = Community.in_order()
    slug = request.args.get("community", "")
    community = next((c for c in communities if c.slug == slug), None)
    all_topics = topics()
    topic = request.args.get("topic", "")
    topic = topic if topic in all_topics else ""
    stories, next_cursor = Story.page_for(
        viewer, before=_before(), community=community, topic=topic
    )
    with_communities_and_authors(stories, communities)
    return render_page(
        "stories/_index.html",
        say(_l("Stories"), _l("Stories")),
        description=_l(
            "Experiences shared by people in our communities, in their own words. Each author "
            "chose who may read their story."
        ),
        stories=stories,
        next_cursor=next_cursor,
        community=community,
        topic=topic,
        communities=communities,
        all_topics=all_topics,
        first_page=_before() is None,
        public_only=_why_public_only(viewer),
    )


def _why_public_only(viewer) -> str | None:
    """For a signed-in member who reads only public stories for now: why, so it is no surprise."""
    member = g.get("member")
    if member is None or viewer.belongs:
        return None
    return "welcome" if not member.is_welcomed else "agreement"


def with_communities_and_authors(stories: list[Story], communities: list[Community]) -> None:
    """Fill in each story's community and shown author in one query, not one per story."""
    by_id = {c.id: c for c in communities}
    named = {s.author_id for s in stories if s.show_name and s.author_id}
    authors = Member.named(named)
    for story in stories:
        story.community = by_id.get(story.community_id) or story.community
        if story.author_id in authors:
            story.author = authors[story.author_id]


def _reply_form_allowed(story: Story) -> bool:
    member = g.get("member")
    return bool(member and story.replies_allowed and story.status == APPROVED and can_post(member))


def story_title(story: Story):
    month = format_date(story.shared_on, "MMMM y")
    return say(
        _l("A story from %(c)s, %(m)s", c=story.community.name, m=month),
        _l("A story from %(c)s, %(m)s", c=story.community.name, m=month),
    )


def _story_page(story: Story, reply_form=None, status: int = 200, thanked: bool = False):
    viewer = current_viewer()
    return render_page(
        "stories/_story.html",
        story_title(story),
        status=status,
        story=story,
        replies=list(Reply.under(story, viewer)),
        reply_form=reply_form or (ReplyForm(formdata=None) if _reply_form_allowed(story) else None),
        is_author=story.is_written_by(viewer),
        thanked=thanked,
    )


@bp.route("/<reference>")
@shared_page
def story(reference: str):
    found = Story.by_reference(current_viewer(), reference)
    if found is None:
        abort(404)
    return _story_page(found, thanked=request.args.get("replied") == "1")


@bp.route("/<reference>/replies", methods=["POST"])
@redisplays_form
def reply(reference: str):
    found = Story.by_reference(current_viewer(), reference)
    if found is None:
        abort(404)
    if not _reply_form_allowed(found):
        abort(403)
    form = ReplyForm()
    if not form.validate_on_submit():
        return _story_page(found, reply_form=form, status=422)
    with write_transaction():
        if SentKey.claim(form.once.data):  # sent again after a lost answer: one reply, not two
            Reply.create(story=found, author=g.member, body=form.body.data)
    return redirect(url_for("stories.story", reference=reference, replied="1") + "#reply-sent")


@bp.route("/shared")
def shared():
    """After sharing: what happens next, the private code (shown once), and a check-in."""
    code = session.pop(NEW_CODE_KEY, None)  # gone from the cookie as soon as it is shown
    if not code and not session.get(SHARED_KEY):
        return redirect(url_for("stories.index"))
    code_shown()
    session[WELLBEING_DUE_KEY] = True
    return _shared_page(WellbeingForm(formdata=None), code=code)


def _shared_page(wellbeing, code=None):
    return render_form(
        "stories/_shared.html",
        say(_l("Your story has been sent"), _l("We got your story")),
        wellbeing,
        code=code,
        wellbeing=wellbeing,
        usual_days=current_app.config["USUAL_DAYS_TO_READ"],
    )


@bp.route("/how-are-you", methods=["POST"])
@redisplays_form
def wellbeing():
    """Counted, never linked: no story, no person and no date is stored with the answer."""
    form = WellbeingForm()
    if not form.validate_on_submit():
        return _shared_page(form)
    if form.feeling.data and session.pop(WELLBEING_DUE_KEY, None):  # once per story shared
        with write_transaction():
            WellbeingCount.add_one(form.feeling.data)
    session.pop(SHARED_KEY, None)
    return render_page(
        "stories/_support.html",
        say(_l("Thank you for telling us"), _l("Thank you")),
        feeling=form.feeling.data,
    )


@bp.route("/cannot-share")
def cannot_share():
    member = g.get("member")
    if member is None or can_post(member):
        return redirect(url_for("share.resume"))
    return render_page(
        "stories/_cannot_share.html",
        say(_l("You cannot share a story just now"), _l("You cannot share a story now")),
        suspended_until=member.suspended_until if member.is_suspended() else None,
    )
